// The token-to-token view as text: for each query token, the key tokens it attends to most.

enum TextAttentionLines {
    /// How many keys each line lists, strongest first.
    static let strongest = 3

    /// One line per query token: `小猫 → 猫 0.6000 · 小 0.3000 · 我 0.1000`.
    ///
    /// Keys are ordered by weight, ties by position; NaN weights come last.
    static func render(_ lines: AttentionLines) -> String {
        var out: [String] = []
        if let title = lines.title { out.append(VisibleLabel.spelledOut(title)) }
        let matrix = LabeledMatrix(
            title: nil, rowLabels: lines.queryTokens, columnLabels: lines.keyTokens, values: lines.weights)
        guard !matrix.isEmpty else {
            out.append("(no attention to show: \(matrix.rowCount) query tokens × \(matrix.columnCount) key tokens)")
            return out.joined(separator: "\n")
        }
        let queryLabels = matrix.rowLabels.map { VisibleLabel.make($0) }
        let width = queryLabels.map(DisplayWidth.of).max() ?? 0
        for (q, label) in queryLabels.enumerated() {
            let order = matrix.values[q].indices.sorted { a, b in
                let x = matrix.values[q][a], y = matrix.values[q][b]
                if x.isNaN != y.isNaN { return y.isNaN }
                return x != y && !x.isNaN ? x > y : a < b
            }
            let keys = order.prefix(strongest).map {
                VisibleLabel.make(matrix.columnLabels[$0]) + " "
                    + NumberFormatting.fixed(matrix.values[q][$0], decimals: TextHeatmap.decimals)
            }
            out.append(DisplayWidth.pad(label, to: width) + " → " + keys.joined(separator: " · "))
        }
        return out.joined(separator: "\n")
    }
}
