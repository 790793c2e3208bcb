// A heatmap made rectangular: every row as long as the longest, every row and column labelled.

/// A heatmap's values and labels with the shape guaranteed, so renderers never index out of range.
///
/// Figures come from recorded data, which may be ragged or carry too few labels. Rather than
/// trap, missing values read as NaN (shown as "no value"), missing labels as their index,
/// and surplus labels are dropped. The runtime rejects such input before it is recorded;
/// this is the last line of defence for hand-edited records.
struct LabeledMatrix {
    var title: String?
    var rowLabels: [String]
    var columnLabels: [String]
    var values: [[Double]]
    /// What rows and columns stand for (`query ↓`, `key →`), drawn beside the labels.
    var rowAxis: String? = nil
    var columnAxis: String? = nil
    /// Decimals printed in the cells.
    var digits = Heatmap.defaultDigits

    var rowCount: Int { values.count }
    var columnCount: Int { columnLabels.count }
    var isEmpty: Bool { rowCount == 0 || columnCount == 0 }

    init(_ heatmap: Heatmap) {
        self.init(title: heatmap.title, rowLabels: heatmap.rowLabels,
                  columnLabels: heatmap.columnLabels, values: heatmap.values)
        rowAxis = heatmap.rowAxis
        columnAxis = heatmap.columnAxis
        digits = min(6, max(0, heatmap.digits ?? Heatmap.defaultDigits))
    }

    init(title: String?, rowLabels: [String], columnLabels: [String], values: [[Double]]) {
        let columns = values.map(\.count).max() ?? 0
        self.title = title
        self.values = values.map { row in
            row.count == columns ? row : row + Array(repeating: .nan, count: columns - row.count)
        }
        self.rowLabels = (0..<values.count).map { $0 < rowLabels.count ? rowLabels[$0] : String($0) }
        self.columnLabels = (0..<columns).map { $0 < columnLabels.count ? columnLabels[$0] : String($0) }
    }
}
