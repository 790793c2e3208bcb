// A table as text: columns aligned by display width (CJK counts double), numbers right-aligned.

enum TextTable {
    /// The title, the header, a rule, then the rows; ragged rows are padded with empty cells.
    static func render(_ table: Table) -> String {
        var out: [String] = []
        if let title = table.title { out.append(VisibleLabel.spelledOut(title)) }
        let columnCount = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return (out + ["(empty table)"]).joined(separator: "\n") }
        func cells(_ row: [String]) -> [String] {
            (0..<columnCount).map { $0 < row.count ? VisibleLabel.make(row[$0], maxWidth: 40) : "" }
        }
        let header = cells(table.header)
        let rows = table.rows.map(cells)
        let widths = (0..<columnCount).map { c in ([header[c]] + rows.map { $0[c] }).map(DisplayWidth.of).max() ?? 0 }
        let numeric = (0..<columnCount).map { c in
            !rows.isEmpty && rows.allSatisfy { $0[c].isEmpty || looksNumeric($0[c]) }
        }
        func line(_ cells: [String]) -> String {
            TextHeatmap.trimmingTrailingSpaces((0..<columnCount).map {
                DisplayWidth.pad(cells[$0], to: widths[$0], alignment: numeric[$0] ? .right : .left)
            }.joined(separator: "  "))
        }
        if !table.header.isEmpty {
            out.append(line(header))
            out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        }
        out += rows.map(line)
        if rows.isEmpty { out.append("(no rows)") }
        return out.joined(separator: "\n")
    }

    /// Whether `text` reads as a number (`-1.25`, `3e-4`, `inf`), so its column aligns on the right.
    static func looksNumeric(_ text: String) -> Bool {
        if ["nan", "inf", "-inf"].contains(text) { return true }
        return Double(text) != nil
    }
}
