// One figure on its page: the drawing in a box that scrolls when it
// is wider than the column, and a numbered caption with an anchor.

import Figures

/// Renders a figure a cell displayed: `<figure id="figure-3">`, its drawing, `图 3：title`.
///
/// Figures are drawn at their natural size and never shrunk, so their text stays readable;
/// the box around the drawing scrolls sideways instead of the page. Numbers run through a
/// page in reading order, so prose can say "见图 3" and link to `#figure-3`.
struct FigureView {
    var figure: Figure
    var idPrefix: String
    /// The figure's number on its page; `nil` for tables, which carry their own caption.
    var number: Int?
    /// The language of the caption's `图 3：` or `Figure 3: `.
    var text = UIText.chinese

    /// The anchor of figure `number` on its page.
    static func anchor(_ number: Int) -> String { "figure-\(number)" }

    func render(into page: inout HTMLBuffer) {
        guard let number else {
            page.raw(
                "<figure class=\"figure\"><div class=\"figure-body\">" + figure.html(idPrefix: idPrefix)
                    + "</div></figure>\n")
            return
        }
        let anchor = Self.anchor(number)
        page.raw("<figure class=\"figure\" id=\"\(anchor)\"><div class=\"figure-body\">")
        page.raw(figure.html(idPrefix: idPrefix))
        page.raw("</div><figcaption><a class=\"figure-number\" href=\"#\(anchor)\">\(text.figure) \(number)</a>")
        if let title = figure.captionTitle, !title.isEmpty {
            page.raw(text.captionSeparator)
            page.text(title)
        }
        page.raw("</figcaption></figure>\n")
    }

    /// The number of each cell's first figure, by cell index: figures counted through the cells in order.
    static func firstNumbers(of cells: [CellView]) -> [Int: Int] {
        var numbers: [Int: Int] = [:]
        var next = 1
        for view in cells.sorted(by: { $0.cell.index < $1.cell.index }) {
            numbers[view.cell.index] = next
            next += view.numberedFigureCount
        }
        return numbers
    }
}
