// The cells of a heatmap panel: one titled rectangle each when few, an embedded image with row hover strips when many.

import TextFormats

extension SVGHeatmapPanel {
    /// Each cell a `<rect>` whose `<title>` gives its row, column and exact value.
    func drawCellsWithTitles(into doc: inout SVGDocument, left: Double, top: Double) {
        let n = SVGDocument.number
        // What repeats along a row or a column is written once: the markup of a panel of 15×15
        // cells is mostly these pieces, and the hover text escapes piece by piece as it would whole.
        let size = "\" width=\"" + n(cell) + "\" height=\"" + n(cell) + "\" fill=\""
        let columnStarts = (0..<matrix.columnCount).map { c in
            (x: "<rect x=\"" + n(left + cell * Double(c)) + "\" y=\"",
             hover: " → " + XMLText.content(VisibleLabel.spelledOut(matrix.columnLabels[c])) + ": ")
        }
        doc.open("g", cellGroupAttributes(class: "hm-cells") + [("shape-rendering", "crispEdges")])
        for r in 0..<matrix.rowCount {
            let y = n(top + cell * Double(r))
            let rowHover = "\"><title>" + XMLText.content(VisibleLabel.spelledOut(matrix.rowLabels[r]))
            for c in 0..<matrix.columnCount {
                let value = matrix.values[r][c]
                doc.raw(columnStarts[c].x)
                doc.raw(y)
                doc.raw(size)
                doc.raw(color(of: value)?.hex ?? "url(#" + doc.id(Self.hatching(of: value)) + ")")
                doc.raw(rowHover)
                doc.raw(columnStarts[c].hover)
                doc.raw(XMLText.content(Self.exact(value)))
                doc.raw("</title></rect>")
            }
        }
        doc.close("g")
    }

    /// The cells as one palette PNG, hatched paths over non-finite cells, and a hover strip per row.
    func drawCellsCompactly(into doc: inout SVGDocument, left: Double, top: Double) {
        let n = SVGDocument.number
        // The cells as a palette PNG; non-finite cells are transparent, with the hatching drawn over them.
        let transparent = UInt8(Self.paletteSize)
        var pixels: [UInt8] = []
        pixels.reserveCapacity(matrix.rowCount * matrix.columnCount)
        var hatchedPaths: [String: String] = [:]
        for r in 0..<matrix.rowCount {
            var c = 0
            while c < matrix.columnCount {
                if let step = paletteIndex(of: matrix.values[r][c]) {
                    pixels.append(UInt8(step)); c += 1; continue
                }
                let hatching = Self.hatching(of: matrix.values[r][c])
                var run = 1
                while c + run < matrix.columnCount && paletteIndex(of: matrix.values[r][c + run]) == nil
                        && Self.hatching(of: matrix.values[r][c + run]) == hatching { run += 1 }
                pixels += Array(repeating: transparent, count: run)
                hatchedPaths[hatching, default: ""] +=
                    "M\(n(left + cell * Double(c)))"
                        + " \(n(top + cell * Double(r)))h\(n(cell * Double(run)))v\(n(cell))h\(n(-cell * Double(run)))z"
                c += run
            }
        }
        // Upscaled to the cell size so the image is shown 1:1: viewers that smooth scaled images
        // (librsvg does, whatever `image-rendering` says) still draw sharp cell edges.
        let factor = Int(cell)
        var scaled: [UInt8] = []
        scaled.reserveCapacity(pixels.count * factor * factor)
        for r in 0..<matrix.rowCount {
            var line: [UInt8] = []
            line.reserveCapacity(matrix.columnCount * factor)
            for c in 0..<matrix.columnCount { line += repeatElement(pixels[r * matrix.columnCount + c], count: factor) }
            for _ in 0..<factor { scaled += line }
        }
        let png = PalettePNG.encode(
            width: matrix.columnCount * factor, height: matrix.rowCount * factor, pixels: scaled,
            palette: Self.palette, transparentIndex: transparent)
        doc.element(
            "image",
            [
                ("x", n(left)), ("y", n(top)), ("width", n(gridWidth)), ("height", n(gridHeight)),
                ("preserveAspectRatio", "none"), ("image-rendering", "optimizeSpeed"),
                ("style", "image-rendering:pixelated"), ("href", "data:image/png;base64," + Base64.encode(png)),
            ])
        for hatching in hatchedPaths.keys.sorted() {
            doc.element("path", [("fill", "url(#\(doc.id(hatching)))"), ("d", hatchedPaths[hatching]!)])
        }
        // Hover strips: one per row, listing the row's values, since a title per cell would not fit;
        // the page's script finds the cell under the pointer from the column labels the group carries,
        // tab-separated (spelled-out labels hold no tab; `&#9;` survives XML's attribute normalisation).
        let columns = matrix.columnLabels.map { XMLText.attribute(VisibleLabel.spelledOut($0)) }.joined(
            separator: "&#9;")
        doc.open(
            "g", cellGroupAttributes(class: "hm-cells hm-rows") + [("fill", "#000"), ("fill-opacity", "0")],
            escaped: [("data-columns", columns)])
        for r in 0..<matrix.rowCount {
            let values = matrix.values[r].map { NumberFormatting.fixed($0, decimals: TextHeatmap.decimals) }.joined(
                separator: " ")
            doc.raw(
                "<rect x=\"\(n(left))\" y=\"\(n(top + cell * Double(r)))\" width=\"\(n(gridWidth))\""
                    + " height=\"\(n(cell))\">"
                    + SVGDocument.title(VisibleLabel.spelledOut(matrix.rowLabels[r]) + ": " + values) + "</rect>")
        }
        doc.close("g")
    }

    /// What the page's script and the browser checks read off a panel's cells: its number and shape.
    private func cellGroupAttributes(class name: String) -> [(String, String)] {
        [("class", name), ("data-panel", String(index)), ("data-rows", String(matrix.rowCount)),
         ("data-cols", String(matrix.columnCount))]
    }

    /// Colours of the compact drawing: the colour map in 255 steps, finer than the eye tells apart.
    static let paletteSize = 255
    static let palette: [RGB] = (0..<paletteSize).map { ColorMap.color(at: Double($0) / Double(paletteSize - 1)) }
        + [RGB(red: 0, green: 0, blue: 0)]
}
