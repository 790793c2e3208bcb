// A formula on the page: its MathML, or its TeX as code when the TeX cannot be read.

import MathML
import Notebook

/// Writes formulas. The parser has already warned about TeX that does not parse; here such a
/// formula shows as the TeX the author wrote, so a page is never broken by one.
enum FormulaView {
    /// An inline formula, or a display one inside a paragraph (`$$…$$` mid-text).
    static func renderInline(_ formula: Formula, into page: inout HTMLBuffer) {
        switch MathML.render(formula.tex, display: formula.display) {
        case .success(let markup):
            // Display formulas scroll sideways in their own box rather than widen the page.
            page.raw(formula.display ? "<span class=\"math-display\">" + markup + "</span>" : markup)
        case .failure:
            page.raw("<code class=\"math-error\">")
            page.text(formula.tex)
            page.raw("</code>")
        }
    }

    /// A display formula that is a block of its own: a ```` ```math ```` block or a paragraph
    /// holding only `$$…$$`.
    static func renderBlock(_ formula: Formula, into page: inout HTMLBuffer) {
        switch MathML.render(formula.tex, display: true) {
        case .success(let markup):
            page.raw("<div class=\"math-display\">" + markup + "</div>\n")
        case .failure:
            page.raw("<pre class=\"math-error\"><code>")
            page.text(formula.tex)
            page.raw("</code></pre>\n")
        }
    }
}
