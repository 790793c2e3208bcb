// Where a cell stands in the note's tree, for write-back rules that depend on its container.

/// Questions about a cell's container.
enum CellPlacement {
    /// Whether cell `index` sits directly in an item of a tight list (not in a quote inside it).
    static func isDirectlyInTightList(cell index: Int, in blocks: [Block]) -> Bool {
        search(cell: index, in: blocks, parentIsTightItem: false) ?? false
    }

    /// nil when the cell is not among `blocks` or below them.
    private static func search(cell index: Int, in blocks: [Block], parentIsTightItem: Bool) -> Bool? {
        for block in blocks {
            switch block {
            case .cell(index):
                return parentIsTightItem
            case .blockQuote(let children, _):
                if let found = search(cell: index, in: children, parentIsTightItem: false) { return found }
            case .list(let list, _):
                for item in list.items {
                    if let found = search(cell: index, in: item, parentIsTightItem: list.tight) { return found }
                }
            default:
                continue
            }
        }
        return nil
    }
}
