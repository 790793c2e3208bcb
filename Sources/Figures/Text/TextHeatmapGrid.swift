// Small multiples as text: the panels of a grid side by side while they fit the terminal width.

enum TextHeatmapGrid {
    /// The grid's title, then its panels, shaded against one scale when the grid shares it.
    static func render(_ grid: HeatmapGrid) -> String {
        var lines: [String] = []
        if let title = grid.title { lines.append(VisibleLabel.spelledOut(title)) }
        guard !grid.panels.isEmpty else { return (lines + ["(no panels to show)"]).joined(separator: "\n") }
        let shared = grid.sharedScale ? ValueScale(spanning: grid.panels.map { LabeledMatrix($0).values }) : nil
        let blocks = grid.panels.map { TextHeatmap($0, scale: shared).lines }
        if grid.title != nil { lines.append("") }
        lines += TextBlocks.arrange(blocks, perRow: max(1, grid.columns), maxWidth: TextHeatmap.maxWidth)
        return lines.joined(separator: "\n")
    }
}
