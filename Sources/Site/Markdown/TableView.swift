// A pipe table on the page, in a box that scrolls sideways on narrow screens.

import Notebook

/// Writes a `Table` as an HTML table; cell alignment is a class, since HTML5 has no `align`.
enum TableView {
    static func render(_ table: Table, into page: inout HTMLBuffer, inlines: (([Inline], inout HTMLBuffer) -> Void)) {
        page.raw("<div class=\"table-scroll\">\n<table>\n<thead>\n<tr>\n")
        for (column, cell) in table.header.enumerated() {
            page.raw("<th" + alignment(table.alignments[column]) + ">")
            inlines(cell, &page)
            page.raw("</th>\n")
        }
        page.raw("</tr>\n</thead>\n")
        if !table.rows.isEmpty {
            page.raw("<tbody>\n")
            for row in table.rows {
                page.raw("<tr>\n")
                for (column, cell) in row.enumerated() {
                    page.raw("<td" + alignment(table.alignments[column]) + ">")
                    inlines(cell, &page)
                    page.raw("</td>\n")
                }
                page.raw("</tr>\n")
            }
            page.raw("</tbody>\n")
        }
        page.raw("</table>\n</div>\n")
    }

    private static func alignment(_ alignment: Table.Alignment) -> String {
        alignment == .none ? "" : " class=\"align-\(alignment.rawValue)\""
    }
}
