// A single heatmap and a grid of heatmaps (attention heads, attention stages) as complete SVG figures.

import TextFormats

/// Renders `Heatmap` and `HeatmapGrid` figures as SVG.
enum SVGHeatmap {
    static let margin = 8.0

    /// One heatmap with its colour bar; `drawsTitle` is `false` when a caption shows the title.
    static func render(_ heatmap: Heatmap, idPrefix: String, drawsTitle: Bool = true) -> String {
        var doc = SVGDocument(idPrefix: idPrefix)
        let matrix = LabeledMatrix(heatmap)
        let title = heatmap.title ?? "Heatmap"
        if matrix.isEmpty {
            return emptyFigure(
                &doc, title: title, message: "empty heatmap: \(matrix.rowCount) rows × \(matrix.columnCount) columns")
        }
        doc.raw(SVGDefinitions.heatmap(doc))
        let panel = SVGHeatmapPanel(matrix, targetSide: 512, showsColorBar: true, drawsTitle: drawsTitle)
        panel.draw(into: &doc, x: margin, y: margin)
        return doc.wrapped(width: panel.width + 2 * margin, height: panel.height + 2 * margin,
                           title: title, description: describe(matrix, scale: panel.scale))
    }

    /// Small multiples in one SVG, `grid.columns` per row, with one shared colour bar or one per panel.
    static func render(_ grid: HeatmapGrid, idPrefix: String) -> String {
        var doc = SVGDocument(idPrefix: idPrefix)
        let title = grid.title ?? "Heatmaps"
        let (panels, shared) = layOut(grid)
        if panels.isEmpty { return emptyFigure(&doc, title: title, message: "no panels to show") }
        doc.raw(SVGDefinitions.heatmap(doc))
        let perRow = max(1, min(grid.columns, panels.count))
        let slotWidth = (panels.map(\.width).max() ?? 0).rounded(.up)
        let slotHeight = (panels.map(\.height).max() ?? 0).rounded(.up)
        let gap = 16.0
        var top = margin
        if let gridTitle = grid.title {
            doc.text(gridTitle, x: margin, y: top + 15, [("font-size", "14"), ("font-weight", "bold")])
            top += 22
        }
        doc.text(scaleNote(grid), x: margin, y: top + 12, [("class", "hm-scale-note")])
        top += 22
        for (i, panel) in panels.enumerated() {
            panel.draw(into: &doc, x: margin + Double(i % perRow) * (slotWidth + gap),
                       y: top + Double(i / perRow) * (slotHeight + gap))
        }
        let rows = (panels.count + perRow - 1) / perRow
        var width = max(margin * 2 + Double(perRow) * slotWidth + Double(perRow - 1) * gap,
                        SVGHeatmapPanel.textWidth(scaleNote(grid)) + 2 * margin)
        let height = margin + top + Double(rows) * slotHeight + Double(rows - 1) * gap
        if let shared {
            let first = panels[0]
            let bar = SVGColorBar(scale: shared, height: max(80, first.gridHeight), digits: first.matrix.digits)
            bar.draw(into: &doc, x: width - margin + gap, y: top + first.gridOffset)
            width += gap + bar.width
        }
        return doc.wrapped(width: width, height: height, title: title, description: describe(grid, panels: panels))
    }

    /// Small multiples for a page: each panel its own SVG in a wrapping row, at most `grid.columns` to a row, so a
    /// phone shows them one under another instead of shrinking them; the shared colour bar, if any, comes last.
    /// No grid title: the caption shows it.
    static func html(_ grid: HeatmapGrid, idPrefix: String) -> String {
        let (panels, shared) = layOut(grid)
        guard !panels.isEmpty else { return render(grid, idPrefix: idPrefix) }
        // At most `grid.columns` panels to a row (the stylesheet's gap is 16 px); fewer when the column is narrower.
        let first = panels[0]
        let bar = shared.map { SVGColorBar(scale: $0, height: max(80, first.gridHeight), digits: first.matrix.digits) }
        let perRow = max(1, min(grid.columns, panels.count))
        let slot = (panels.map(\.width).max() ?? 0).rounded(.up) + 2 * margin
        let rowWidth =
            Double(perRow) * slot + Double(perRow - 1) * 16
            + (bar.map { 16 + ($0.width + 2 * margin).rounded(.up) } ?? 0)
        var out =
            "<p class=\"figure-note\">" + XMLText.content(scaleNote(grid)) + "</p>"
            + "<div class=\"figure-panels\" style=\"max-width:\(SVGDocument.number(rowWidth))px\">"
        for (i, panel) in panels.enumerated() {
            var doc = SVGDocument(idPrefix: idPrefix + "-p\(i + 1)")
            doc.raw(SVGDefinitions.heatmap(doc))
            panel.draw(into: &doc, x: margin, y: margin)
            out += doc.wrapped(
                width: panel.width + 2 * margin, height: panel.height + 2 * margin,
                title: panel.matrix.title ?? "panel \(i + 1)", description: describe(panel.original, scale: panel.scale)
            )
        }
        if let bar {
            var doc = SVGDocument(idPrefix: idPrefix + "-scale")
            doc.raw(SVGDefinitions.heatmap(doc))
            bar.draw(into: &doc, x: margin, y: margin + first.gridOffset)
            out += doc.wrapped(width: bar.width + 2 * margin, height: margin * 2 + first.gridOffset + bar.height,
                               title: "shared colour scale",
                               description: "One colour scale for all panels, from " + bar.ticks[0].label
                                   + " (dark purple) to " + bar.ticks[bar.ticks.count - 1].label + " (yellow).")
        }
        return out + "</div>"
    }

    /// The panels of a grid, numbered, on their shared scale when the grid has one.
    private static func layOut(_ grid: HeatmapGrid) -> (panels: [SVGHeatmapPanel], shared: ValueScale?) {
        let matrices = grid.panels.map(LabeledMatrix.init).filter { !$0.isEmpty }
        let shared = grid.sharedScale ? ValueScale(spanning: matrices.map(\.values)) : nil
        let side = matrices.map { max($0.rowCount, $0.columnCount) }.max() ?? 1
        let panels = matrices.enumerated().map { i, matrix in
            SVGHeatmapPanel(matrix, targetSide: max(120, 24.0 * Double(min(side, 10))), maxCell: 24,
                            scale: shared, showsColorBar: !grid.sharedScale, index: i)
        }
        return (panels, shared)
    }

    /// Which panels share a colour scale, said in the figure so equal colours are never misread.
    static func scaleNote(_ grid: HeatmapGrid) -> String {
        grid.sharedScale ? "one colour scale for all panels: the same colour is the same value"
            : "each panel has its own colour scale: compare colours within a panel only"
    }

    private static func describe(_ grid: HeatmapGrid, panels: [SVGHeatmapPanel]) -> String {
        "\(panels.count) heatmaps"
            + (grid.sharedScale ? " on one shared colour scale. " : ", each on its own colour scale. ")
            + panels.map { describe($0.original, scale: $0.scale) }.joined(separator: " ")
    }

    // MARK: - Pieces

    /// A figure that says why there is nothing to draw, instead of an empty or broken SVG.
    static func emptyFigure(_ doc: inout SVGDocument, title: String, message: String) -> String {
        doc.text(title, x: margin, y: margin + 14, [("font-size", "13"), ("font-weight", "bold")])
        doc.text("(" + message + ")", x: margin, y: margin + 34)
        let width = max(SVGHeatmapPanel.textWidth(title) * 1.2, SVGHeatmapPanel.textWidth(message) + 12) + 2 * margin
        return doc.wrapped(width: width, height: 48, title: title, description: message)
    }

    /// A sentence for screen readers: shape, labels, range and masked cells.
    static func describe(_ matrix: LabeledMatrix, scale: ValueScale?) -> String {
        func list(_ labels: [String]) -> String {
            let shown = labels.prefix(16).map { VisibleLabel.make($0) }.joined(separator: ", ")
            return labels.count > 16 ? shown + ", …" : shown
        }
        var out = (matrix.title.map { $0 + ": heatmap" } ?? "Heatmap")
            + " of \(matrix.rowCount) rows by \(matrix.columnCount) columns. Rows: \(list(matrix.rowLabels)). Columns:"
            + " \(list(matrix.columnLabels))."
        if let scale {
            out += " Values from " + NumberFormatting.fixed(scale.minimum, decimals: 4) + " (dark purple) to "
                + NumberFormatting.fixed(scale.maximum, decimals: 4) + " (yellow)."
        }
        let masked = matrix.values.joined().filter { !$0.isFinite }.count
        if masked > 0 { out += " \(masked) cells are masked or have no value, drawn hatched." }
        return out
    }
}
