// The highlighter colours tricky Swift the way the compiler reads it.

import XCTest
@testable import Site

final class SwiftHighlighterTests: XCTestCase {
    /// The source text of each token with its kind, for compact expectations.
    private func tokens(_ code: String) -> [String] {
        let bytes = Array(code.utf8)
        return SwiftLexer.tokens(in: code).map {
            "\($0.kind.cssClass.dropFirst("tok-".count)):\(String(decoding: bytes[$0.range], as: UTF8.self))"
        }
    }

    func testTrickySwift() {
        let cases: [(code: String, tokens: [String])] = [
            ("let x = 1", ["kw:let", "num:1"]),
            ("var t: Tensor = .zeros", ["kw:var", "ty:Tensor"]),
            (#""a \(b) c""#, [#"str:"a "#, #"interp:\("#, "interp:)", #"str: c""#]),
            (
                #""外 \("内 \(x)") 外""#,
                [
                    #"str:"外 "#, #"interp:\("#, #"str:"内 "#, #"interp:\("#, "interp:)", #"str:""#, "interp:)",
                    #"str: 外""#,
                ]
            ),
            ("\"\"\"\n他说 \"你好\"\n\"\"\" + x", ["str:\"\"\"\n他说 \"你好\"\n\"\"\""]),
            (##"#"raw \(not) "q" "#"##, [##"str:#"raw \(not) "q" "#"##]),
            (##"#"raw \#(yes)"#"##, [#"str:#"raw "#, ##"interp:\#("##, "interp:)", ##"str:"#"##]),
            (#""esc \" still""#, [#"str:"esc \" still""#]),
            ("\"unterminated\nlet y", ["str:\"unterminated", "kw:let"]),
            ("/* a /* nested */ still */ let", ["com:/* a /* nested */ still */", "kw:let"]),
            ("x // 注释 \"not a string\"\ny", ["com:// 注释 \"not a string\""]),
            ("0x1F + 1_000 + 3.14e-2 + 0b101", ["num:0x1F", "num:1_000", "num:3.14e-2", "num:0b101"]),
            ("for i in 1...5 {}", ["kw:for", "kw:in", "num:1", "num:5"]),
            ("x.count.description", []),
            ("@MainActor func f()", ["attr:@MainActor", "kw:func"]),
            (
                "#sourceLocation(file: \"Notes/a.md\", line: 12)",
                ["dir:#sourceLocation", "str:\"Notes/a.md\"", "num:12"]
            ),
            ("#if DEBUG\n#endif", ["dir:#if", "ty:DEBUG", "dir:#endif"]),
            ("let `class` = Self.init", ["kw:let", "kw:Self", "kw:init"]),
            ("let 注意力 = softmax(分数)", ["kw:let"]),
            ("{ $0 * 2 }", ["num:2"]),
            ("print(\"\\(a)\\(b)\")", [#"str:""#, #"interp:\("#, #"interp:)\("#, "interp:)", #"str:""#]),
        ]
        for (code, expected) in cases {
            XCTAssertEqual(tokens(code), expected, "code: \(code)")
        }
    }

    func testHighlightedHTMLIsEscapedAndLosesNoText() {
        let code = "let s = \"<b>&\" // </pre>\nif a < b { }"
        let html = SwiftHighlighter.html(code)
        XCTAssertEqual(
            html,
            "<span class=\"tok-kw\">let</span> s = <span class=\"tok-str\">&quot;&lt;b&gt;&amp;&quot;</span> <span"
                + " class=\"tok-com\">// &lt;/pre&gt;</span>\n<span class=\"tok-kw\">if</span> a &lt; b { }"
        )
    }

    func testLexerNeverLosesOrReordersBytes() {
        let samples = [
            "\"\\(", "/*", "#", "#\"", "\"\"\"", "@", "0x", "1e", "\\", "\"a\\\"", "`x", "a.b(c: \"\\(d(\"e\"))\")",
        ]
        for sample in samples {
            var end = 0
            for token in SwiftLexer.tokens(in: sample) {
                XCTAssertGreaterThanOrEqual(token.range.lowerBound, end, sample)
                XCTAssertLessThanOrEqual(token.range.upperBound, sample.utf8.count, sample)
                end = token.range.upperBound
            }
        }
    }
}
