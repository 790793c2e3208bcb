// One heatmap drawn in SVG: row and column labels, coloured cells with their values on hover, a colour bar.

import TextFormats

/// Lays out and draws one heatmap; single heatmaps and small multiples are built from panels.
///
/// Cells are drawn one `<rect>` each, with the exact value in a `<title>`, up to
/// `perCellTitleLimit` cells. Larger matrices are drawn compactly, as an embedded palette PNG
/// drawn at the cell size, and a hover strip per row listing that row's values, which keeps a
/// 64×64 heatmap small.
/// Matrices beyond `maxSide` are averaged down in blocks first.
struct SVGHeatmapPanel {
    static let maxSide = 64
    static let perCellTitleLimit = 1024
    static let fontSize = 11.0
    static let labelMaxColumns = 14

    let matrix: LabeledMatrix
    let original: LabeledMatrix
    let rowBlock: Int
    let columnBlock: Int
    let scale: ValueScale?
    let cell: Double
    let showsColorBar: Bool

    // Layout, in pixels, relative to the panel's top-left corner.
    let titleHeight: Double
    let rowLabelWidth: Double
    let columnLabelHeight: Double
    let columnLabelsRotated: Bool
    let rightOverhang: Double
    let colorBar: SVGColorBar?
    let legendHeight: Double

    /// - Parameters:
    ///   - targetSide: the pixel size the longer side of the grid should approach.
    ///   - scale: the colour scale; `nil` uses this matrix's own.
    init(_ matrix: LabeledMatrix, targetSide: Double, maxCell: Double = 32, scale: ValueScale? = nil, showsColorBar: Bool) {
        original = matrix
        (self.matrix, rowBlock, columnBlock) = matrix.downsampled(maxSide: Self.maxSide)
        self.scale = scale ?? ValueScale(spanning: matrix.values.lazy.flatMap { $0 })
        let side = max(1, max(self.matrix.rowCount, self.matrix.columnCount))
        cell = min(maxCell, max(4, (targetSide / Double(side)).rounded(.down)))
        self.showsColorBar = showsColorBar

        titleHeight = matrix.title == nil ? 0 : 20
        // Whole pixels, so the cells (and the image of a large heatmap) sit on the pixel grid.
        rowLabelWidth = ((self.matrix.rowLabels.map { Self.textWidth(VisibleLabel.make($0, maxWidth: Self.labelMaxColumns)) }.max() ?? 0) + 6).rounded(.up)
        let columnWidths = self.matrix.columnLabels.map { Self.textWidth(VisibleLabel.make($0, maxWidth: Self.labelMaxColumns)) }
        let widest = columnWidths.max() ?? 0
        columnLabelsRotated = widest > cell - 2
        if columnLabelsRotated {
            columnLabelHeight = ((widest + Self.fontSize) * 0.71 + 6).rounded(.up)
            rightOverhang = max(0, widest * 0.71 - cell / 2)
        } else {
            columnLabelHeight = Self.fontSize + 6
            rightOverhang = 0
        }
        let gridHeight = cell * Double(self.matrix.rowCount)
        colorBar = showsColorBar ? self.scale.map { SVGColorBar(scale: $0, height: max(gridHeight, 80)) } : nil
        legendHeight = matrix.values.contains(where: { $0.contains(where: { !$0.isFinite }) }) || rowBlock > 1 || columnBlock > 1 ? 20 : 0
    }

    var gridWidth: Double { cell * Double(matrix.columnCount) }
    var gridHeight: Double { cell * Double(matrix.rowCount) }

    var width: Double {
        let grid = rowLabelWidth + gridWidth + rightOverhang
        let bar = colorBar.map { 14 + $0.width } ?? 0
        return max(grid + bar, titleWidth, legendWidth + rowLabelWidth)
    }

    var height: Double {
        titleHeight + columnLabelHeight + max(gridHeight, colorBar?.height ?? 0) + legendHeight
    }

    private var titleWidth: Double { matrix.title.map { Self.textWidth($0) * 1.1 } ?? 0 }
    private var legendWidth: Double {
        legendItems.reduce(0) { $0 + ($1.pattern == nil ? 0 : 14) + Self.textWidth($1.text) * 0.95 + 12 }
    }

    // MARK: - Drawing

    /// Draws the panel with its top-left corner at (`x`, `y`).
    func draw(into doc: inout SVGDocument, x: Double, y: Double) {
        let n = SVGDocument.number
        if let title = matrix.title {
            doc.text(title, x: x, y: y + 14, [("font-size", "12"), ("font-weight", "bold")])
        }
        let gridLeft = x + rowLabelWidth
        let gridTop = y + titleHeight + columnLabelHeight
        drawLabels(into: &doc, gridLeft: gridLeft, gridTop: gridTop)
        if matrix.rowCount * matrix.columnCount <= Self.perCellTitleLimit {
            drawCellsWithTitles(into: &doc, left: gridLeft, top: gridTop)
        } else {
            drawCellsCompactly(into: &doc, left: gridLeft, top: gridTop)
        }
        if let colorBar {
            colorBar.draw(into: &doc, x: gridLeft + gridWidth + rightOverhang + 14, y: gridTop)
        }
        if legendHeight > 0 {
            let legendTop = gridTop + max(gridHeight, colorBar?.height ?? 0) + 6
            var x = gridLeft
            for (pattern, text) in legendItems {
                if let pattern {
                    doc.element("rect", [("x", n(x)), ("y", n(legendTop)), ("width", "10"), ("height", "10"),
                                         ("fill", "url(#\(doc.id(pattern)))"), ("stroke", "currentColor"), ("stroke-opacity", "0.5")])
                    x += 14
                }
                doc.text(text, x: x, y: legendTop + 9, [("font-size", "10")])
                x += Self.textWidth(text) * 0.95 + 12
            }
        }
    }

    /// The legend under the grid: a swatch and a meaning for each kind of non-finite cell, and any averaging.
    private var legendItems: [(pattern: String?, text: String)] {
        var items: [(String?, String)] = []
        let all = original.values.joined()
        let negative = all.contains(-.infinity), positive = all.contains(.infinity)
        if negative || positive {
            items.append(("masked", [negative ? "masked (-inf)" : nil, positive ? "inf" : nil].compactMap { $0 }.joined(separator: ", ")))
        }
        if all.contains(where: \.isNaN) { items.append(("nan", "no value (nan)")) }
        if rowBlock > 1 || columnBlock > 1 {
            items.append((nil, "\(original.rowCount)×\(original.columnCount) shown as \(matrix.rowCount)×\(matrix.columnCount), "
                + "each cell the mean of \(rowBlock)×\(columnBlock)"))
        }
        return items
    }

    private func drawLabels(into doc: inout SVGDocument, gridLeft: Double, gridTop: Double) {
        let n = SVGDocument.number
        let every = Self.labelStride(cell: cell)
        doc.open("g")
        for r in stride(from: 0, to: matrix.rowCount, by: every) {
            doc.text(VisibleLabel.make(matrix.rowLabels[r], maxWidth: Self.labelMaxColumns),
                     x: gridLeft - 4, y: gridTop + cell * (Double(r) + 0.5) + 4, [("text-anchor", "end")])
        }
        for c in stride(from: 0, to: matrix.columnCount, by: every) {
            let label = VisibleLabel.make(matrix.columnLabels[c], maxWidth: Self.labelMaxColumns)
            let centre = gridLeft + cell * (Double(c) + 0.5)
            if columnLabelsRotated {
                doc.element("text", [("transform", "translate(\(n(centre + 3)) \(n(gridTop - 4))) rotate(-45)")],
                            content: XMLText.content(label))
            } else {
                doc.text(label, x: centre, y: gridTop - 5, [("text-anchor", "middle")])
            }
        }
        doc.close("g")
    }

    // MARK: - Colours and text

    /// The cell colour, or `nil` for a non-finite value, which is drawn hatched.
    func color(of value: Double) -> RGB? {
        guard let scale, case .finite(let t) = scale.position(of: value) else { return nil }
        return ColorMap.color(at: t)
    }

    func paletteIndex(of value: Double) -> Int? {
        guard let scale, case .finite(let t) = scale.position(of: value) else { return nil }
        return min(Self.paletteSize - 1, Int((t * Double(Self.paletteSize - 1)).rounded(.toNearestOrAwayFromZero)))
    }

    /// The pattern a non-finite cell is drawn with: `masked` for ±inf, `nan` for NaN.
    static func hatching(of value: Double) -> String { value.isNaN ? "nan" : "masked" }

    /// A value as precisely as it is stored: the shortest text that reads back as the same number.
    static func exact(_ value: Double) -> String {
        if value == -.infinity { return "-inf (masked)" }
        if !value.isFinite { return NumberFormatting.fixed(value, decimals: 0) }
        return value == 0 ? "0" : value.description
    }

    /// Label every row and column while they are tall enough to read, otherwise every `n`-th.
    static func labelStride(cell: Double) -> Int {
        max(1, Int(((fontSize + 1) / cell).rounded(.up)))
    }

    /// An estimate of rendered text width, CJK counting double: layout needs no font metrics then.
    static func textWidth(_ text: String) -> Double {
        Double(DisplayWidth.of(text)) * fontSize * 0.62
    }
}
