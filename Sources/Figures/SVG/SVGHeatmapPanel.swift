// One heatmap drawn in SVG: axis titles, row and column labels,
// coloured cells with their values, a frame, a colour bar.

import TextFormats

/// Lays out and draws one heatmap; single heatmaps and small multiples are built from panels.
///
/// A heatmap of up to `maxPrintedSide` rows and columns prints each cell's value inside it,
/// in black or white, whichever stands out more on that cell's colour; its cells are at least
/// `printedCell` pixels so the value fits. Larger heatmaps show shades only and say how to read
/// a value. Cells are one `<rect>` each, with the row, column and value in a `<title>`, up to
/// `perCellTitleLimit` cells; larger matrices are drawn as an embedded palette PNG drawn at
/// the cell size with a hover strip per row, which keeps a 64×64 heatmap small. Matrices
/// beyond `maxSide` are averaged down in blocks first.
struct SVGHeatmapPanel {
    static let maxSide = 64
    static let perCellTitleLimit = 1024
    static let maxPrintedSide = 16
    static let printedCell = 40.0
    static let fontSize = 11.0
    static let labelMaxColumns = 14
    static let axisHeight = 18.0
    static let legendLine = 18.0

    let matrix: LabeledMatrix
    let original: LabeledMatrix
    let rowBlock: Int
    let columnBlock: Int
    let scale: ValueScale?
    let cell: Double
    let printsValues: Bool
    let showsColorBar: Bool
    /// This panel's number in its figure, so the page's script and checks pair cells with their values.
    let index: Int

    // Layout, in pixels, relative to the panel's top-left corner.
    let titleHeight: Double
    let axisTitleHeight: Double
    let rowLabelWidth: Double
    let columnLabelHeight: Double
    let columnLabelsRotated: Bool
    let rightOverhang: Double
    let colorBar: SVGColorBar?

    /// - Parameters:
    ///   - targetSide: the pixel size the longer side of a shaded grid should approach.
    ///   - scale: the colour scale; `nil` uses this matrix's own.
    ///   - drawsTitle: `false` when the page's caption already shows the title.
    init(_ matrix: LabeledMatrix, targetSide: Double, maxCell: Double = 32, scale: ValueScale? = nil,
         showsColorBar: Bool, drawsTitle: Bool = true, index: Int = 0) {
        var matrix = matrix
        if !drawsTitle { matrix.title = nil }
        original = matrix
        (self.matrix, rowBlock, columnBlock) = matrix.downsampled(maxSide: Self.maxSide)
        self.scale = scale ?? ValueScale(spanning: matrix.values.lazy.flatMap { $0 })
        self.showsColorBar = showsColorBar
        self.index = index
        printsValues = matrix.rowCount <= Self.maxPrintedSide && matrix.columnCount <= Self.maxPrintedSide
        if printsValues {
            let widest =
                matrix.values.joined().map { Self.textWidth(Self.printed($0, digits: matrix.digits)) }.max() ?? 0
            cell = max(Self.printedCell, (widest + 8).rounded(.up))
        } else {
            let side = max(1, max(self.matrix.rowCount, self.matrix.columnCount))
            cell = min(maxCell, max(4, (targetSide / Double(side)).rounded(.down)))
        }

        titleHeight = matrix.title == nil ? 0 : 20
        axisTitleHeight = matrix.rowAxis == nil && matrix.columnAxis == nil ? 0 : Self.axisHeight
        // Whole pixels, so the cells (and the image of a large heatmap) sit on the pixel grid.
        let widestRowLabel =
            self.matrix.rowLabels.map { Self.textWidth(VisibleLabel.make($0, maxWidth: Self.labelMaxColumns)) }.max()
            ?? 0
        rowLabelWidth = (max(widestRowLabel, matrix.rowAxis.map(Self.textWidth) ?? 0) + 6).rounded(.up)
        let columnWidths = self.matrix.columnLabels.map {
            Self.textWidth(VisibleLabel.make($0, maxWidth: Self.labelMaxColumns))
        }
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
        colorBar =
            showsColorBar
            ? self.scale.map { SVGColorBar(scale: $0, height: max(gridHeight, 80), digits: matrix.digits) } : nil
    }

    var gridWidth: Double { cell * Double(matrix.columnCount) }
    var gridHeight: Double { cell * Double(matrix.rowCount) }
    /// From the panel's top to the top of its cells.
    var gridOffset: Double { titleHeight + axisTitleHeight + columnLabelHeight }

    var width: Double {
        let grid = rowLabelWidth + max(gridWidth + rightOverhang, matrix.columnAxis.map(Self.textWidth) ?? 0)
        let bar = colorBar.map { 14 + $0.width } ?? 0
        let legend = legendItems.map { ($0.pattern == nil ? 0 : 14) + Self.textWidth($0.text) }.max() ?? 0
        return max(grid + bar, titleWidth, rowLabelWidth + legend)
    }

    var height: Double {
        gridOffset + max(gridHeight, colorBar?.height ?? 0) + legendHeight
    }

    private var titleWidth: Double { matrix.title.map { Self.textWidth($0) * 1.1 } ?? 0 }
    private var legendHeight: Double {
        let count = legendItems.count
        return count == 0 ? 0 : 4 + Self.legendLine * Double(count)
    }

    // MARK: - Drawing

    /// Draws the panel with its top-left corner at (`x`, `y`).
    func draw(into doc: inout SVGDocument, x: Double, y: Double) {
        let n = SVGDocument.number
        if let title = matrix.title {
            doc.text(title, x: x, y: y + 14, [("font-size", "12"), ("font-weight", "bold")])
        }
        let gridLeft = x + rowLabelWidth
        let gridTop = y + gridOffset
        if axisTitleHeight > 0 {
            let axisY = y + titleHeight + 13
            doc.open("g", [("class", "hm-axis"), ("font-style", "italic")])
            if let rowAxis = matrix.rowAxis { doc.text(rowAxis, x: gridLeft - 4, y: axisY, [("text-anchor", "end")]) }
            if let columnAxis = matrix.columnAxis {
                // Centred over the columns when it fits there, so it reads apart from the row axis.
                if Self.textWidth(columnAxis) + 16 <= gridWidth {
                    doc.text(columnAxis, x: gridLeft + gridWidth / 2, y: axisY, [("text-anchor", "middle")])
                } else {
                    doc.text(columnAxis, x: gridLeft + 4, y: axisY)
                }
            }
            doc.close("g")
        }
        drawLabels(into: &doc, gridLeft: gridLeft, gridTop: gridTop)
        if matrix.rowCount * matrix.columnCount <= Self.perCellTitleLimit {
            drawCellsWithTitles(into: &doc, left: gridLeft, top: gridTop)
        } else {
            drawCellsCompactly(into: &doc, left: gridLeft, top: gridTop)
        }
        if printsValues { drawValues(into: &doc, left: gridLeft, top: gridTop) }
        // The frame sets the plot apart from the page, even where the darkest colour meets a dark page.
        doc.element("rect", [("class", "hm-frame"), ("x", n(gridLeft - 0.5)), ("y", n(gridTop - 0.5)),
                             ("width", n(gridWidth + 1)), ("height", n(gridHeight + 1)),
                             ("fill", "none"), ("stroke", "currentColor"), ("stroke-opacity", "0.6")])
        if let colorBar {
            colorBar.draw(into: &doc, x: gridLeft + gridWidth + rightOverhang + 14, y: gridTop)
        }
        var legendTop = gridTop + max(gridHeight, colorBar?.height ?? 0) + 4
        for (pattern, text) in legendItems {
            var textX = gridLeft
            if let pattern {
                doc.element(
                    "rect",
                    [
                        ("x", n(gridLeft)), ("y", n(legendTop + 3)), ("width", "10"), ("height", "10"),
                        ("fill", "url(#\(doc.id(pattern)))"), ("stroke", "currentColor"), ("stroke-opacity", "0.5"),
                    ])
                textX += 14
            }
            doc.text(text, x: textX, y: legendTop + 12)
            legendTop += Self.legendLine
        }
    }

    /// The legend under the grid, one line each: what non-finite cells mean, any averaging, and how to read values.
    private var legendItems: [(pattern: String?, text: String)] {
        var items: [(String?, String)] = []
        let all = original.values.joined()
        let negative = all.contains(-.infinity), positive = all.contains(.infinity)
        if negative || positive {
            items.append(
                (
                    "masked",
                    [negative ? "masked (−∞)" : nil, positive ? "∞" : nil].compactMap { $0 }.joined(separator: ", ")
                ))
        }
        if all.contains(where: \.isNaN) { items.append(("nan", "no value (NaN)")) }
        if rowBlock > 1 || columnBlock > 1 {
            items.append(
                (
                    nil,
                    "\(original.rowCount)×\(original.columnCount) shown as \(matrix.rowCount)×\(matrix.columnCount), "
                        + "each cell the mean of \(rowBlock)×\(columnBlock)"
                ))
        }
        if !printsValues { items.append((nil, "too many cells to print values: point at or tap a cell to read it")) }
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

    /// Each cell's value in its centre: black or white by the cell's colour, page-coloured on hatched cells.
    private func drawValues(into doc: inout SVGDocument, left: Double, top: Double) {
        let n = SVGDocument.number
        doc.open(
            "g",
            [
                ("class", "hm-values"), ("data-panel", String(index)), ("text-anchor", "middle"),
                ("pointer-events", "none"),
            ])
        let columnStarts = (0..<matrix.columnCount).map { c in "<text x=\"" + n(left + cell * (Double(c) + 0.5)) }
        for r in 0..<matrix.rowCount {
            let y = n(top + cell * (Double(r) + 0.5) + 4)
            let rowPart = "\" y=\"" + y + "\" fill=\""
            for c in 0..<matrix.columnCount {
                let value = matrix.values[r][c]
                let text = XMLText.content(Self.printed(value, digits: matrix.digits))
                if let fill = color(of: value) {
                    doc.raw(columnStarts[c])
                    doc.raw(rowPart)
                    doc.raw(fill.textColor.hex)
                    doc.raw("\">")
                    doc.raw(text)
                    doc.raw("</text>")
                } else {
                    let x = n(left + cell * (Double(c) + 0.5))
                    // On a hatched cell: a patch of the page's colour (set by
                    // the stylesheet) keeps the value clear of the hatching.
                    let patchWidth = Self.textWidth(Self.printed(value, digits: matrix.digits)) + 6
                    doc.raw(
                        "<rect class=\"hm-value-patch\" x=\"\(n(left + cell * (Double(c) + 0.5) - patchWidth / 2))\""
                            + " y=\"\(n(top + cell * (Double(r) + 0.5) - 8))\" width=\"\(n(patchWidth))\" height=\"16\""
                            + " fill=\"none\"/>"
                            + "<text x=\"\(x)\" y=\"\(y)\">\(text)</text>")
                }
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

    /// A value as a cell prints it: `digits` decimals, a true minus sign, `−∞`, `∞` and `NaN`.
    static func printed(_ value: Double, digits: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "−∞" : "∞" }
        return withMinusSign(NumberFormatting.fixed(value, decimals: digits))
    }

    /// A printed number with its hyphen turned into a true minus sign, as long as a plus and easier to spot.
    static func withMinusSign(_ text: String) -> String {
        text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// A value as the text form prints it (`0.4210`, `-inf`), for hover: what a reader can find in the recorded output.
    static func exact(_ value: Double) -> String {
        let text = NumberFormatting.fixed(value, decimals: TextHeatmap.decimals)
        return value == -.infinity ? text + " (masked)" : text
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
