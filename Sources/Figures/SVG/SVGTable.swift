// A table as HTML (what pages embed) and as SVG (for places that only take images).

import TextFormats

enum TableMarkup {
    /// `<table>` with a caption, a header row, and `class="num"` on cells of numeric columns.
    static func html(_ table: Table, idPrefix: String) -> String {
        let columnCount = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        let numeric = numericColumns(table, columnCount: columnCount)
        func cell(_ tag: String, _ text: String, _ c: Int) -> String {
            "<\(tag)" + (numeric[c] ? " class=\"num\"" : "") + ">" + XMLText.content(VisibleLabel.spelledOut(text))
                + "</\(tag)>"
        }
        var out = "<table id=\"\(XMLText.identifier(idPrefix))\" class=\"litbook-table\">"
        if let title = table.title { out += "<caption>" + XMLText.content(title) + "</caption>" }
        if !table.header.isEmpty {
            out += "<thead><tr>" + (0..<columnCount).map { c in
                cell("th", c < table.header.count ? table.header[c] : "", c)
            }.joined() + "</tr></thead>"
        }
        out += "<tbody>"
        for row in table.rows {
            out += "<tr>" + (0..<columnCount).map { cell("td", $0 < row.count ? row[$0] : "", $0) }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// The table drawn as text in SVG, columns placed by estimated text width.
    static func svg(_ table: Table, idPrefix: String) -> String {
        var doc = SVGDocument(idPrefix: idPrefix)
        let title = table.title ?? "Table"
        let columnCount = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return SVGHeatmap.emptyFigure(&doc, title: title, message: "empty table") }
        let numeric = numericColumns(table, columnCount: columnCount)
        let rows = ([table.header] + table.rows).map { row in
            (0..<columnCount).map { $0 < row.count ? VisibleLabel.make(row[$0], maxWidth: 40) : "" }
        }
        let widths = (0..<columnCount).map { c in
            (rows.map { SVGHeatmapPanel.textWidth($0[c]) }.max() ?? 0).rounded(.up)
        }
        let margin = 8.0, rowHeight = 18.0
        var y = margin + (table.title == nil ? 0 : 20)
        if let tableTitle = table.title {
            doc.text(tableTitle, x: margin, y: margin + 14, [("font-weight", "bold"), ("font-size", "13")])
        }
        let totalWidth = widths.reduce(0, +) + 16 * Double(columnCount - 1)
        for (r, row) in rows.enumerated() where r > 0 || !table.header.isEmpty {
            var x = margin
            for c in 0..<columnCount {
                var attributes: [(String, String)] = r == 0 ? [("font-weight", "bold")] : []
                if numeric[c] { attributes.append(("text-anchor", "end")) }
                doc.text(row[c], x: numeric[c] ? x + widths[c] : x, y: y + 13, attributes)
                x += widths[c] + 16
            }
            y += rowHeight
            if r == 0 {
                doc.element(
                    "path",
                    [
                        (
                            "d",
                            "M\(SVGDocument.number(margin))"
                                + " \(SVGDocument.number(y - 2))h\(SVGDocument.number(totalWidth))"
                        ),
                        ("stroke", "currentColor"), ("stroke-opacity", "0.5"),
                    ])
            }
        }
        return doc.wrapped(
            width: max(totalWidth, SVGHeatmapPanel.textWidth(title) * 1.2) + 2 * margin, height: y + margin,
            title: title, description: "Table of \(table.rows.count) rows and \(columnCount) columns.")
    }

    private static func numericColumns(_ table: Table, columnCount: Int) -> [Bool] {
        (0..<columnCount).map { c in
            !table.rows.isEmpty
                && table.rows.allSatisfy { c >= $0.count || $0[c].isEmpty || TextTable.looksNumeric($0[c]) }
        }
    }
}
