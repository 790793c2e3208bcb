// A single heatmap and a grid of heatmaps (attention heads, attention stages) as complete SVG figures.

/// Renders `Heatmap` and `HeatmapGrid` figures as SVG.
enum SVGHeatmap {
    static let margin = 8.0

    /// One heatmap with its colour bar.
    static func render(_ heatmap: Heatmap, idPrefix: String) -> String {
        var doc = SVGDocument(idPrefix: idPrefix)
        let matrix = LabeledMatrix(heatmap)
        let title = heatmap.title ?? "Heatmap"
        if matrix.isEmpty {
            return emptyFigure(&doc, title: title, message: "empty heatmap: \(matrix.rowCount) rows × \(matrix.columnCount) columns")
        }
        doc.raw(SVGDefinitions.heatmap(doc))
        let panel = SVGHeatmapPanel(matrix, targetSide: 512, showsColorBar: true)
        panel.draw(into: &doc, x: margin, y: margin)
        return doc.wrapped(width: panel.width + 2 * margin, height: panel.height + 2 * margin,
                           title: title, description: describe(matrix, scale: panel.scale))
    }

    /// Small multiples, `grid.columns` per row, with one shared colour bar or one per panel.
    static func render(_ grid: HeatmapGrid, idPrefix: String) -> String {
        var doc = SVGDocument(idPrefix: idPrefix)
        let title = grid.title ?? "Heatmaps"
        let matrices = grid.panels.map(LabeledMatrix.init).filter { !$0.isEmpty }
        if matrices.isEmpty { return emptyFigure(&doc, title: title, message: "no panels to show") }
        doc.raw(SVGDefinitions.heatmap(doc))
        let shared = grid.sharedScale ? ValueScale(spanning: matrices.map(\.values)) : nil
        let side = matrices.map { max($0.rowCount, $0.columnCount) }.max() ?? 1
        let panels = matrices.map {
            SVGHeatmapPanel($0, targetSide: max(120, 24.0 * Double(min(side, 10))), maxCell: 24,
                            scale: shared, showsColorBar: !grid.sharedScale)
        }
        let perRow = max(1, min(grid.columns, panels.count))
        let slotWidth = (panels.map(\.width).max() ?? 0).rounded(.up)
        let slotHeight = (panels.map(\.height).max() ?? 0).rounded(.up)
        let gap = 16.0
        let titleHeight = grid.title == nil ? 0.0 : 24
        if let gridTitle = grid.title {
            doc.text(gridTitle, x: margin, y: margin + 15, [("font-size", "14"), ("font-weight", "bold")])
        }
        for (i, panel) in panels.enumerated() {
            let x = margin + Double(i % perRow) * (slotWidth + gap)
            let y = margin + titleHeight + Double(i / perRow) * (slotHeight + gap)
            panel.draw(into: &doc, x: x, y: y)
        }
        let rows = (panels.count + perRow - 1) / perRow
        var width = margin * 2 + Double(perRow) * slotWidth + Double(perRow - 1) * gap
        let height = margin * 2 + titleHeight + Double(rows) * slotHeight + Double(rows - 1) * gap
        if let shared {
            let first = panels[0]
            let bar = SVGColorBar(scale: shared, height: max(80, first.gridHeight))
            bar.draw(into: &doc, x: width - margin + gap, y: margin + titleHeight + first.titleHeight + first.columnLabelHeight)
            width += gap + bar.width
        }
        return doc.wrapped(width: width, height: height, title: title,
                           description: "\(panels.count) heatmaps" + (grid.sharedScale ? " on one shared colour scale. " : ", each on its own colour scale. ")
                               + panels.map { describe($0.original, scale: $0.scale) }.joined(separator: " "))
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
            + " of \(matrix.rowCount) rows by \(matrix.columnCount) columns. Rows: \(list(matrix.rowLabels)). Columns: \(list(matrix.columnLabels))."
        if let scale {
            out += " Values from " + NumberFormatting.fixed(scale.minimum, decimals: 4) + " (dark purple) to "
                + NumberFormatting.fixed(scale.maximum, decimals: 4) + " (yellow)."
        }
        let masked = matrix.values.joined().filter { !$0.isFinite }.count
        if masked > 0 { out += " \(masked) cells are masked or have no value, drawn hatched." }
        return out
    }
}
