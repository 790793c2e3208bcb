// TeX → MathML Core, one row a case, each expected MathML written out; and the errors a formula can give.

import XCTest
@testable import MathML

final class TeXToMathMLTests: XCTestCase {
    private func mathML(_ tex: String, display: Bool = false) -> String {
        switch MathML.render(tex, display: display) {
        case .success(let markup): return markup
        case .failure(let error): return "error at \(error.offset): \(error.message)"
        }
    }

    /// One row: TeX and the markup inside `<math>`.
    private func check(_ cases: [(tex: String, mathML: String)], line: UInt = #line) {
        for (tex, expected) in cases {
            XCTAssertEqual(mathML(tex), "<math>" + expected + "</math>", "TeX: \(tex)", line: line)
        }
    }

    func testLettersNumbersAndOperators() {
        check([
            ("x", "<mi>x</mi>"),
            ("x + 1", "<mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow>"),
            ("a-b", "<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>"),
            ("3.14", "<mn>3.14</mn>"),
            (
                "10000^{2i/d}",
                "<msup><mn>10000</mn><mrow><mn>2</mn><mi>i</mi><mo stretchy=\"false\">/</mo><mi>d</mi></mrow></msup>"
            ),
            ("a<b", "<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>"),
            ("f(x)", "<mrow><mi>f</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"),
            ("x'", "<msup><mi>x</mi><mo>′</mo></msup>"),
            ("a \\% b", "<mrow><mi>a</mi><mi>%</mi><mi>b</mi></mrow>"),
            ("\\{a\\}", "<mrow><mo stretchy=\"false\">{</mo><mi>a</mi><mo stretchy=\"false\">}</mo></mrow>"),
        ])
    }

    func testScriptsFractionsAndRoots() {
        check([
            ("x_i", "<msub><mi>x</mi><mi>i</mi></msub>"),
            ("x^2", "<msup><mi>x</mi><mn>2</mn></msup>"),
            ("x_{i,j}^{2}", "<msubsup><mi>x</mi><mrow><mi>i</mi><mo>,</mo><mi>j</mi></mrow><mn>2</mn></msubsup>"),
            ("K^\\top", "<msup><mi>K</mi><mi>⊤</mi></msup>"),
            ("\\frac{a}{b}", "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
            ("\\frac12", "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
            ("\\sqrt{d_k}", "<msqrt><msub><mi>d</mi><mi>k</mi></msub></msqrt>"),
            ("\\sqrt[3]{x}", "<mroot><mi>x</mi><mn>3</mn></mroot>"),
            (
                "\\binom{n}{k}",
                "<mrow><mo stretchy=\"true\" fence=\"true\" form=\"prefix\">(</mo><mfrac"
                    + " linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac><mo stretchy=\"true\" fence=\"true\""
                    + " form=\"postfix\">)</mo></mrow>"
            ),
            (
                "\\frac{QK^\\top}{\\sqrt{d}}",
                "<mfrac><mrow><mi>Q</mi><msup><mi>K</mi><mi>⊤</mi></msup></mrow><msqrt><mi>d</mi></msqrt></mfrac>"
            ),
        ])
    }

    func testGreekAndFonts() {
        check([
            ("\\alpha\\beta", "<mrow><mi>α</mi><mi>β</mi></mrow>"),
            ("\\Sigma", "<mi mathvariant=\"normal\">Σ</mi>"),
            ("\\epsilon \\varepsilon", "<mrow><mi>ϵ</mi><mi>ε</mi></mrow>"),
            ("\\text{if } x", "<mrow><mtext>if\u{A0}</mtext><mi>x</mi></mrow>"),
            ("\\text{a<b}", "<mtext>a&lt;b</mtext>"),
            ("\\mathrm{softmax}", "<mi>softmax</mi>"),
            ("\\mathrm{d}x", "<mrow><mi mathvariant=\"normal\">d</mi><mi>x</mi></mrow>"),
            (
                "\\operatorname{LayerNorm}(x)",
                "<mrow><mi>LayerNorm</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"
            ),
            ("\\mathbf{x}", "<mi>𝐱</mi>"),
            ("\\mathbf{W}_1", "<msub><mi>𝐖</mi><mn>1</mn></msub>"),
            ("\\mathbb{R}^{n}", "<msup><mi>ℝ</mi><mi>n</mi></msup>"),
            ("\\mathbb{E}", "<mi>𝔼</mi>"),
            ("\\mathcal{L}", "<mi>ℒ</mi>"),
        ])
    }

    func testLargeOperatorsAndFunctions() {
        check([
            (
                "\\sum_{i=1}^{n} x_i",
                "<mrow><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub>"
                    + "<mi>x</mi><mi>i</mi></msub></mrow>"
            ),
            ("\\prod_j", "<munder><mo>∏</mo><mi>j</mi></munder>"),
            ("\\int_0^1", "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>"),
            (
                "\\max_j z_j",
                "<mrow><munder><mo movablelimits=\"true\" form=\"prefix\">max</mo><mi>j</mi></munder><mspace"
                    + " width=\"0.1667em\"></mspace><msub><mi>z</mi><mi>j</mi></msub></mrow>"
            ),
            (
                "\\min x",
                "<mrow><mo movablelimits=\"true\" form=\"prefix\">min</mo><mspace"
                    + " width=\"0.1667em\"></mspace><mi>x</mi></mrow>"
            ),
            ("\\log p", "<mrow><mi>log</mi><mspace width=\"0.1667em\"></mspace><mi>p</mi></mrow>"),
            (
                "\\log_2 x",
                "<mrow><msub><mi>log</mi><mn>2</mn></msub><mspace width=\"0.1667em\"></mspace><mi>x</mi></mrow>"
            ),
            (
                "\\exp(x)",
                "<mrow><mi>exp</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"
            ),
            ("\\sum\\nolimits_i", "<msub><mo>∑</mo><mi>i</mi></msub>"),
            ("\\operatorname*{argmax}_x", "<munder><mi>argmax</mi><mi>x</mi></munder>"),
        ])
    }

    func testRelationsAndSymbols() {
        check([
            ("a \\cdot b \\times c", "<mrow><mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi></mrow>"),
            ("\\le \\ge \\ne \\approx \\in \\to \\propto",
             "<mrow><mo>≤</mo><mo>≥</mo><mo>≠</mo><mo>≈</mo><mo>∈</mo><mo>→</mo><mo>∝</mo></mrow>"),
            ("\\infty \\nabla \\partial", "<mrow><mi>∞</mi><mi>∇</mi><mi>∂</mi></mrow>"),
        ])
    }

    func testAccents() {
        check([
            ("\\hat{y}", "<mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">^</mo></mover>"),
            ("\\bar x", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">‾</mo></mover>"),
            ("\\vec{v}", "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">→</mo></mover>"),
            (
                "\\underbrace{a+b}_{n}",
                "<munder><munder><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo"
                    + " stretchy=\"true\">⏟</mo></munder><mi>n</mi></munder>"
            ),
            ("\\tilde{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">~</mo></mover>"),
            ("\\dot{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">˙</mo></mover>"),
        ])
    }

    func testDelimitersAndSpacing() {
        check([
            (
                "\\left( \\frac{a}{b} \\right)",
                "<mrow><mo stretchy=\"true\" fence=\"true\""
                    + " form=\"prefix\">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo stretchy=\"true\" fence=\"true\""
                    + " form=\"postfix\">)</mo></mrow>"
            ),
            (
                "\\left\\{ x \\right.",
                "<mrow><mo stretchy=\"true\" fence=\"true\" form=\"prefix\">{</mo><mi>x</mi></mrow>"
            ),
            (
                "\\left\\| x \\middle| y \\right\\|",
                "<mrow><mo stretchy=\"true\" fence=\"true\" form=\"prefix\">‖</mo><mi>x</mi><mo stretchy=\"true\""
                    + " fence=\"true\" form=\"infix\">|</mo><mi>y</mi><mo stretchy=\"true\" fence=\"true\""
                    + " form=\"postfix\">‖</mo></mrow>"
            ),
            (
                "\\big(",
                "<mo fence=\"true\" stretchy=\"true\" symmetric=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">(</mo>"
            ),
            (
                "\\Bigr]",
                "<mo fence=\"true\" stretchy=\"true\" symmetric=\"true\" minsize=\"1.623em\" maxsize=\"1.623em\">]</mo>"
            ),
            (
                "a\\,b\\quad c",
                "<mrow><mi>a</mi><mspace width=\"0.1667em\"></mspace><mi>b</mi><mspace"
                    + " width=\"1em\"></mspace><mi>c</mi></mrow>"
            ),
        ])
    }

    func testEnvironments() {
        check([
            (
                "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
                "<mrow><mo stretchy=\"true\" fence=\"true\""
                    + " form=\"prefix\">(</mo><mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd>"
                    + "<mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo stretchy=\"true\" fence=\"true\""
                    + " form=\"postfix\">)</mo></mrow>"
            ),
            (
                "\\begin{bmatrix} 1 \\end{bmatrix}",
                "<mrow><mo stretchy=\"true\" fence=\"true\""
                    + " form=\"prefix\">[</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr></mtable><mo stretchy=\"true\""
                    + " fence=\"true\" form=\"postfix\">]</mo></mrow>"
            ),
            (
                "\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{else} \\end{cases}",
                "<mrow><mo stretchy=\"true\" fence=\"true\" form=\"prefix\">{</mo><mtable><mtr><mtd"
                    + " columnalign=\"left\"><mn>1</mn></mtd><mtd"
                    + " columnalign=\"left\"><mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow></mtd></mtr><mtr><mtd"
                    + " columnalign=\"left\"><mn>0</mn></mtd><mtd"
                    + " columnalign=\"left\"><mtext>else</mtext></mtd></mtr></mtable></mrow>"
            ),
            (
                "\\begin{aligned} a &= b \\\\ &= c \\\\ \\end{aligned}",
                "<mtable><mtr><mtd columnalign=\"right\"><mi>a</mi></mtd><mtd"
                    + " columnalign=\"left\"><mrow><mrow></mrow><mo>=</mo><mi>b</mi></mrow></mtd></mtr><mtr><mtd"
                    + " columnalign=\"right\"><mrow></mrow></mtd><mtd"
                    + " columnalign=\"left\"><mrow><mrow></mrow><mo>=</mo><mi>c</mi></mrow></mtd></mtr></mtable>"
            ),
        ])
    }

    func testDisplayFormulasAreBlocks() {
        XCTAssertEqual(mathML("x", display: true), "<math display=\"block\"><mi>x</mi></math>")
    }

    /// The render cache answers by TeX and display mode, never with another formula's markup.
    func testCachedRendersAreTheRendersOfTheirOwnTeX() {
        let texs = ["a_1", "a_2", "\\frac{1}{2}", "\\foo", "a_1"]
        for tex in texs {
            for display in [false, true] {
                XCTAssertEqual(MathML.render(tex, display: display), MathML.convert(tex, display: display), tex)
            }
        }
        MathML.forgetRenderedFormulas()
        XCTAssertEqual(mathML("a_1", display: true), "<math display=\"block\"><msub><mi>a</mi><mn>1</mn></msub></math>")
    }

    /// Every mistake gives one message and the place in the TeX (a UTF-8 byte offset).
    func testErrors() {
        let cases: [(String, String)] = [
            ("\\foo x", "error at 0: unknown TeX command '\\foo'"),
            ("a + \\frac{1}{\\sqt{2}}", "error at 13: unknown TeX command '\\sqt'"),
            ("{a", "error at 0: unbalanced brace: this '{' is never closed"),
            ("a}", "error at 1: unbalanced brace: '}' has no '{' before it"),
            ("\\frac{a}", "error at 8: '\\frac' needs an argument"),
            ("x^", "error at 2: '^' needs an argument"),
            ("x^1^2", "error at 3: double superscript: use braces, as in x^{ab}"),
            ("x + \\left( x", "error at 4: '\\left' has no '\\right' after it"),
            ("x \\right)", "error at 2: '\\right' has no '\\left' before it"),
            ("a & b", "error at 2: '&' is only allowed inside an environment such as aligned or pmatrix"),
            ("\\begin{foo} x \\end{foo}", "error at 0: unknown TeX environment 'foo'"),
            ("\\begin{pmatrix} x \\end{bmatrix}", "error at 18: '\\end{bmatrix}' does not match '\\begin{pmatrix}'"),
            ("\\begin{pmatrix} x", "error at 0: '\\begin{pmatrix}' is never ended with '\\end{pmatrix}'"),
            ("注意 \\bad", "error at 7: unknown TeX command '\\bad'"),
            ("x\\", "error at 1: a formula cannot end with '\\'"),
        ]
        for (tex, expected) in cases {
            XCTAssertEqual(mathML(tex), expected, "TeX: \(tex)")
        }
    }

    func testTheFormulasOfTheNotesRender() {
        let formulas = [
            "\\mathrm{Attention}(Q,K,V) = \\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V",
            "PE_{(pos,2i)} = \\sin\\left(\\frac{pos}{10000^{2i/d}}\\right)",
            "\\mathrm{LayerNorm}(x) = \\gamma \\odot \\frac{x-\\mu}{\\sqrt{\\sigma^2+\\epsilon}} + \\beta",
            "\\mathcal{L} = -\\frac{1}{N}\\sum_{t=1}^{N} \\log p_\\theta(x_t \\mid x_{<t})",
            "\\hat{m}_t = \\frac{m_t}{1-\\beta_1^t},\\quad \\theta_t = \\theta_{t-1} -"
                + " \\eta\\,\\frac{\\hat{m}_t}{\\sqrt{\\hat{v}_t}+\\epsilon}",
        ]
        for tex in formulas {
            XCTAssertTrue(mathML(tex).hasPrefix("<math>"), mathML(tex))
        }
    }
}
