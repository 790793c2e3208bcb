// A heatmap as terminal text: shades from a ramp, with the values beside them when the lines stay short.

/// Renders a heatmap as lines of text.
///
/// Two layouts, chosen by width:
/// - values: each cell is a shade and its value with 4 decimals (`▓ 0.4210`), what `check` compares;
/// - shades: when values would make lines wider than `maxWidth`, each cell is two shade
///   characters, column labels are written downwards, and a footer gives the scale.
/// More than `maxRows` rows, or more columns than fit, are elided in the middle like NumPy does.
/// Non-finite cells show `×` (for `-inf`, a masked score, and `inf`) or `?` (NaN) as their shade.
struct TextHeatmap {
    /// The widest line the values layout may produce, in terminal columns.
    static let maxWidth = 120
    /// Rows shown before the middle is elided.
    static let maxRows = 32
    /// From lowest to highest.
    static let ramp: [Character] = [" ", "░", "▒", "▓", "█"]
    static let decimals = 4

    let matrix: LabeledMatrix
    /// The scale shades are drawn against; a grid passes its shared scale.
    let scale: ValueScale?

    init(_ heatmap: Heatmap, scale: ValueScale? = nil) {
        let matrix = LabeledMatrix(heatmap)
        self.matrix = matrix
        // Shades are computed from the numbers as printed, so two runs that print the same
        // numbers print the same shades: `check` then never fails on a shade alone.
        self.scale = (scale ?? ValueScale(spanning: matrix.values.lazy.flatMap { $0 }))?.rounded(
            decimals: Self.decimals)
    }

    /// The whole text form, title first.
    var text: String { lines.joined(separator: "\n") }

    /// The text form as lines without trailing spaces.
    var lines: [String] {
        var out: [String] = []
        if let title = matrix.title { out.append(VisibleLabel.spelledOut(title)) }
        if matrix.isEmpty {
            out.append("(empty heatmap: \(matrix.rowCount) rows × \(matrix.columnCount) columns)")
            return out
        }
        let body = valuesLayout() ?? shadesLayout()
        return out + body.map(Self.trimmingTrailingSpaces)
    }

    // MARK: - Shades

    /// The shade character for `value`.
    func shade(_ value: Double) -> Character {
        guard let scale else { return value.isNaN ? "?" : "×" }
        switch scale.position(of: NumberFormatting.rounded(value, decimals: Self.decimals)) {
        case .finite(let t): return Self.ramp[min(Self.ramp.count - 1, Int(t * Double(Self.ramp.count)))]
        case .negativeInfinity, .positiveInfinity: return "×"
        case .notANumber: return "?"
        }
    }

    // MARK: - Layouts

    private var shownRows: [Int?] { Self.elide(matrix.rowCount, keeping: Self.maxRows) }

    private var rowLabelTexts: [String] { matrix.rowLabels.map { VisibleLabel.make($0) } }

    /// Cells as `▓ 0.4210`, or `nil` when the lines would be wider than `maxWidth`.
    private func valuesLayout() -> [String]? {
        let rows = shownRows
        let rowLabels = rowLabelTexts
        let columnLabels = matrix.columnLabels.map { VisibleLabel.make($0) }
        let formatted = matrix.values.map { $0.map { NumberFormatting.fixed($0, decimals: Self.decimals) } }
        let valueWidth = rows.compactMap { $0 }.flatMap { formatted[$0] }.map(\.count).max() ?? 0
        let labelWidth = rowLabels.map(DisplayWidth.of).max() ?? 0
        let columnWidths = columnLabels.map { max(DisplayWidth.of($0), valueWidth + 2) }
        let total = labelWidth + columnWidths.reduce(0) { $0 + $1 + 2 }
        guard total <= Self.maxWidth else { return nil }

        var out = [DisplayWidth.pad("", to: labelWidth)
            + zip(columnLabels, columnWidths).map { "  " + DisplayWidth.pad($0, to: $1, alignment: .right) }.joined()]
        for row in rows {
            guard let r = row else { out.append(DisplayWidth.pad("⋮", to: labelWidth)); continue }
            var line = DisplayWidth.pad(rowLabels[r], to: labelWidth)
            for c in 0..<matrix.columnCount {
                let cell =
                    String(shade(matrix.values[r][c])) + " "
                    + DisplayWidth.pad(formatted[r][c], to: valueWidth, alignment: .right)
                line += "  " + DisplayWidth.pad(cell, to: columnWidths[c], alignment: .right)
            }
            out.append(line)
        }
        return out
    }

    /// Cells as two shade characters, labels written downwards, and a footer with the scale.
    private func shadesLayout() -> [String] {
        let rowLabels = rowLabelTexts
        let labelWidth = rowLabels.map(DisplayWidth.of).max() ?? 0
        let fitting = max(2, (Self.maxWidth - labelWidth - 1) / 2)
        let columns = Self.elide(matrix.columnCount, keeping: fitting)
        let headerHeight = 6
        let stacked = columns.map { column -> [String] in
            guard let c = column else { return [] }   // the elision column: blank header, `… ` cells
            return Array(VisibleLabel.spelledOut(matrix.columnLabels[c]).map(String.init).prefix(headerHeight))
        }
        var out: [String] = []
        for level in 0..<(stacked.map(\.count).max() ?? 0) {
            out.append(DisplayWidth.pad("", to: labelWidth) + " "
                + stacked.map { DisplayWidth.pad(level < $0.count ? $0[level] : "", to: 2) }.joined())
        }
        for row in shownRows {
            guard let r = row else { out.append(DisplayWidth.pad("⋮", to: labelWidth)); continue }
            var line = DisplayWidth.pad(rowLabels[r], to: labelWidth) + " "
            for column in columns {
                guard let c = column else { line += "… "; continue }
                let s = shade(matrix.values[r][c])
                line += String([s, s])
            }
            out.append(line)
        }
        out.append(footer(columnsElided: columns.contains(nil)))
        return out
    }

    /// Says what the shades mean, and what was left out.
    private func footer(columnsElided: Bool) -> String {
        var parts: [String] = []
        if let scale {
            parts.append("shades \"" + String(Self.ramp) + "\" span "
                + NumberFormatting.fixed(scale.minimum, decimals: Self.decimals) + " … "
                + NumberFormatting.fixed(scale.maximum, decimals: Self.decimals))
        }
        let all = matrix.values.joined()
        if all.contains(where: \.isInfinite) { parts.append("× = ±inf") }
        if all.contains(where: \.isNaN) { parts.append("? = nan") }
        parts.append("\(matrix.rowCount)×\(matrix.columnCount)"
            + (shownRows.contains(nil) || columnsElided ? ", middle elided" : ""))
        return parts.joined(separator: " · ")
    }

    // MARK: - Helpers

    /// Indices `0..<count`, or the first and last `keeping / 2` with `nil` marking the gap.
    static func elide(_ count: Int, keeping: Int) -> [Int?] {
        if count <= keeping { return Array(0..<count) }
        let half = max(1, (keeping - 1) / 2)
        return Array(0..<half) + [nil] + Array((count - half)..<count)
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
