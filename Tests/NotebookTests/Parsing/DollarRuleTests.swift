// Where formulas are found: Pandoc's dollar rules, escapes, code spans, and TeX that Markdown must not read.

import XCTest
@testable import Notebook

final class DollarRuleTests: XCTestCase {
    private func inlines(_ text: String) -> [Inline] {
        guard case .paragraph(let inlines, _)? = NoteParser.parse(path: "n.md", text: text).note.blocks.first else {
            return []
        }
        return inlines
    }

    /// The paragraph with formulas written back as `⟨tex⟩` (inline) or `⟪tex⟫` (display).
    private func shape(_ text: String) -> String {
        inlines(text).map { inline -> String in
            switch inline {
            case .math(let f): return f.display ? "⟪\(f.tex)⟫" : "⟨\(f.tex)⟩"
            case .softBreak: return "␤"
            case .code(let c): return "`\(c)`"
            case .emphasis(let c): return "<em>\(c.plainText)</em>"
            default: return inline.plainText
            }
        }.joined()
    }

    func testDollarRules() {
        let cases: [(String, String, UInt)] = [
            ("costs $5 and $6", "costs $5 and $6", #line),
            ("$20,000 and $30,000", "$20,000 and $30,000", #line),
            ("a $x$ b", "a ⟨x⟩ b", #line),
            ("$x$5", "$x$5", #line),                      // a closing $ before a digit does not close
            ("$ x$", "$ x$", #line),                      // an opening $ before a space does not open
            ("$x $", "$x $", #line),                      // a closing $ after a space does not close
            ("\\$x$", "$x$", #line),                      // \$ is a dollar
            ("$a\\$b$", "⟨a\\$b⟩", #line),                // \$ inside a formula is TeX's
            ("`$x$` and $y$", "`$x$` and ⟨y⟩", #line),    // code spans are untouched
            ("``a ` $b$`` $c$", "`a ` $b$` ⟨c⟩", #line),
            ("unclosed $x", "unclosed $x", #line),
            ("$$x$$", "⟪x⟫", #line),
            ("a $$ x = 1 $$ b", "a ⟪ x = 1 ⟫ b", #line),
            ("$x$$y$", "⟨x⟩⟨y⟩", #line),
        ]
        for (text, expected, line) in cases {
            XCTAssertEqual(shape(text), expected, text, line: line)
        }
    }

    /// TeX full of Markdown syntax reaches the formula as written.
    func testMarkdownDoesNotReadTeX() {
        XCTAssertEqual(shape("$\\mathbf{x}_i$ and $h_{t}$"), "⟨\\mathbf{x}_i⟩ and ⟨h_{t}⟩")
        XCTAssertEqual(shape("$a*b*c$ and *$d$*"), "⟨a*b*c⟩ and <em>d</em>")
        XCTAssertEqual(shape("$\\{a\\} \\\\ b &amp; <c>$"), "⟨\\{a\\} \\\\ b &amp; <c>⟩")
        XCTAssertEqual(shape("$[x](y)$"), "⟨[x](y)⟩")
    }

    func testFormulasAcrossLinesAndInContainers() {
        XCTAssertEqual(shape("$$\n\\frac{a}{b}\n= c\n$$"), "⟪\n\\frac{a}{b}\n= c\n⟫")
        XCTAssertEqual(shape("a $x\ny$ b"), "a ⟨x\ny⟩ b")
        let quote = NoteParser.parse(path: "n.md", text: "> a $x\n> = y$ b\n").note.blocks
        guard case .blockQuote(let children, _)? = quote.first, case .paragraph(let content, _)? = children.first
        else { return XCTFail("\(quote)") }
        XCTAssertEqual(content.count, 3)
        guard case .math(let formula) = content[1] else { return XCTFail("\(content)") }
        XCTAssertEqual(formula.tex, "x\n= y")
        XCTAssertEqual(formula.lineStarts, [SourcePosition(line: 1, column: 6), SourcePosition(line: 2, column: 3)])
    }

    func testFormulasInHeadingsAndTheirPlainText() {
        let blocks = NoteParser.parse(path: "n.md", text: "## 缩放 $\\sqrt{d_k}$\n").note.blocks
        guard case .heading(2, let content, _)? = blocks.first else { return XCTFail("\(blocks)") }
        XCTAssertEqual(content.plainText, "缩放 \\sqrt{d_k}")  // the search index reads TeX
    }

    func testMathFenceIsADisplayFormula() {
        let blocks = NoteParser.parse(path: "n.md", text: "text\n\n```math\nx^2\n```\n").note.blocks
        guard case .math(let formula, let range) = blocks[1] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(formula.tex, "x^2")
        XCTAssertTrue(formula.display)
        XCTAssertEqual(range.lines, 3...5)
    }

    func testBadTeXIsAWarningAtItsPlace() {
        let cases: [(String, [String], UInt)] = [
            (
                "# T\n\nsee $a + \\foo$ here\n",
                ["Notes/x.md:3:10: warning: unknown TeX command '\\foo'; the formula is shown as TeX"], #line
            ),
            (
                "see $\\frac{a$ here\n",
                ["Notes/x.md:1:11: warning: unbalanced brace: this '{' is never closed; the formula is shown as TeX"],
                #line
            ),
            (
                "$$\nx\n\\bad\n$$\n",
                ["Notes/x.md:3:1: warning: unknown TeX command '\\bad'; the formula is shown as TeX"], #line
            ),
            (
                "```math\na &\n```\n",
                [
                    "Notes/x.md:2:3: warning: '&' is only allowed inside an environment such as aligned or pmatrix; the"
                        + " formula is shown as TeX"
                ], #line
            ),
            (
                "| a |\n|---|\n| $\\nope$ |\n",
                ["Notes/x.md:3:4: warning: unknown TeX command '\\nope'; the formula is shown as TeX"], #line
            ),
        ]
        for (text, expected, line) in cases {
            XCTAssertEqual(
                NoteParser.parse(path: "Notes/x.md", text: text).problems.map(\.description), expected, line: line)
        }
    }

    func testNotesWithoutFormulasParseAsBefore() {
        let text = "a *b* `c` $5\n"
        XCTAssertEqual(inlines(text), [.text("a "), .emphasis([.text("b")]), .text(" "), .code("c"), .text(" $5")])
    }
}
