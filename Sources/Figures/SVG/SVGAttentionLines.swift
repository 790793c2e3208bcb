// The token-to-token view in SVG, like BertViz's head view: query
// tokens left, key tokens right, lines weighted by attention.

/// Renders `AttentionLines` figures as SVG.
///
/// A line's opacity and width grow with its weight relative to the largest weight in the
/// figure, so the strongest link is fully opaque whatever the sequence length. Non-finite
/// weights (masked positions) draw no line. At most `maxTokens` tokens per side are drawn.
enum SVGAttentionLines {
    static let maxTokens = 64
    static let rowHeight = 20.0
    static let lineColor = "#e69f00"
    /// Lines fainter than this share of the strongest are left out: invisible, but bytes.
    static let faintest = 0.01

    static func render(_ lines: AttentionLines, idPrefix: String, drawsTitle: Bool = true) -> String {
        var doc = SVGDocument(idPrefix: idPrefix)
        let title = lines.title ?? "Attention"
        let full = LabeledMatrix(
            title: nil, rowLabels: lines.queryTokens, columnLabels: lines.keyTokens, values: lines.weights)
        if full.isEmpty {
            return SVGHeatmap.emptyFigure(
                &doc, title: title,
                message: "no attention to show: \(full.rowCount) query tokens × \(full.columnCount) key tokens")
        }
        let queries = min(full.rowCount, maxTokens), keys = min(full.columnCount, maxTokens)
        let queryLabels = full.rowLabels.prefix(queries).map { VisibleLabel.make($0) }
        let keyLabels = full.columnLabels.prefix(keys).map { VisibleLabel.make($0) }
        let strongest = full.values.prefix(queries).flatMap { $0.prefix(keys) }.filter(\.isFinite).max() ?? 0

        let n = SVGDocument.number
        let margin = 8.0
        let drawnTitle = drawsTitle ? lines.title : nil
        let titleHeight = drawnTitle == nil ? 0.0 : 26
        let leftWidth = max(queryLabels.map(SVGHeatmapPanel.textWidth).max() ?? 0, SVGHeatmapPanel.textWidth("query"))
            .rounded(.up)
        let rightWidth = max(keyLabels.map(SVGHeatmapPanel.textWidth).max() ?? 0, SVGHeatmapPanel.textWidth("key"))
            .rounded(.up)
        let queryX = margin + leftWidth + 4, keyX = queryX + 180
        let top = margin + titleHeight + 18
        func y(_ i: Int) -> Double { top + rowHeight * (Double(i) + 0.5) }

        if let figureTitle = drawnTitle {
            doc.text(figureTitle, x: margin, y: margin + 15, [("font-size", "14"), ("font-weight", "bold")])
        }
        doc.open("g", [("font-style", "italic")])
        doc.text("query", x: queryX, y: top - 6, [("text-anchor", "end")])
        doc.text("key", x: keyX, y: top - 6)
        doc.close("g")
        doc.open("g", [("stroke", lineColor), ("stroke-linecap", "round")])
        if strongest > 0 {
            for q in 0..<queries {
                for k in 0..<keys {
                    let weight = full.values[q][k]
                    guard weight.isFinite, weight > 0, weight / strongest >= faintest else { continue }
                    let share = min(1, weight / strongest)
                    doc.raw(
                        "<path d=\"M\(n(queryX + 6)) \(n(y(q)))L\(n(keyX - 6)) \(n(y(k)))\""
                            + " stroke-width=\"\(n(0.8 + 2.7 * share))\" stroke-opacity=\"\(n(0.08 + 0.92 * share))\">"
                            + SVGDocument.title(
                                full.rowLabels[q] + " → " + full.columnLabels[k] + ": " + SVGHeatmapPanel.exact(weight))
                            + "</path>")
                }
            }
        }
        doc.close("g")
        for (i, label) in queryLabels.enumerated() {
            doc.text(label, x: queryX, y: y(i) + 4, [("text-anchor", "end")])
        }
        for (i, label) in keyLabels.enumerated() {
            doc.text(label, x: keyX, y: y(i) + 4)
        }
        var height = top + rowHeight * Double(max(queries, keys)) + margin
        if full.rowCount > maxTokens || full.columnCount > maxTokens {
            doc.text("first \(queries) of \(full.rowCount) query and \(keys) of \(full.columnCount) key tokens shown",
                     x: margin, y: height + 6)
            height += 16
        }
        let width = max(keyX + rightWidth + margin, SVGHeatmapPanel.textWidth(drawnTitle ?? "") * 1.3 + 2 * margin)
        let description = "Attention lines from \(full.rowCount) query tokens to \(full.columnCount) key tokens; "
            + "darker, thicker lines carry more weight. "
            + TextAttentionLines.render(AttentionLines(title: nil, queryTokens: lines.queryTokens,
                                                       keyTokens: lines.keyTokens, weights: lines.weights))
                .split(separator: "\n").prefix(16).joined(separator: "; ")
        return doc.wrapped(width: width, height: height, title: title, description: description)
    }
}
