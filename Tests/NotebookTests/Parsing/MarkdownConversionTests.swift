// cmark's tree copied into Swift values: every block and inline kind, and pathological nesting.

import XCTest
@testable import Notebook

final class MarkdownConversionTests: XCTestCase {
    private func blocks(_ text: String) -> [Block] {
        NoteParser.parse(path: "n.md", text: text).note.blocks
    }

    func testInlinesOfEveryKind() {
        let text = "a *b* **c** `d` [e](http://x \"t\") ![f](g.png) <span>h</span>  \ni\nj\n"
        guard case .paragraph(let inlines, _) = blocks(text).first else { return XCTFail() }
        XCTAssertEqual(inlines, [
            .text("a "), .emphasis([.text("b")]), .text(" "), .strong([.text("c")]), .text(" "), .code("d"), .text(" "),
            .link(destination: "http://x", title: "t", content: [.text("e")]), .text(" "),
            .image(source: "g.png", title: "", alt: [.text("f")]), .text(" "),
            .html("<span>"), .text("h"), .html("</span>"), .lineBreak, .text("i"), .softBreak, .text("j"),
        ])
        XCTAssertEqual(inlines.plainText, "a b c d e f h i j")
    }

    func testBlocksOfEveryKindWithPositions() {
        let text =
            "Setext\n======\n\n    indented code\n\n***\n\n3. three\n4. four\n\n<!-- 注释 -->\n\n~~~python\nx = 1\n~~~\n"
        XCTAssertEqual(
            blocks(text),
            [
                .heading(level: 1, content: [.text("Setext")], range: range(1, 1, 2, 6)),
                .codeBlock(info: "", literal: "indented code\n", range: range(4, 5, 4, 17)),
                .thematicBreak(range: range(6, 1, 6, 3)),
                .list(
                    MarkdownList(
                        ordered: true, start: 3, tight: true,
                        items: [
                            [.paragraph([.text("three")], range: range(8, 4, 8, 8))],
                            [.paragraph([.text("four")], range: range(9, 4, 9, 7))],
                        ]), range: range(8, 1, 9, 7)),
                .html("<!-- 注释 -->\n", range: range(11, 1, 11, 15)),
                .codeBlock(info: "python", literal: "x = 1\n", range: range(13, 1, 15, 3)),
            ])
    }

    func testOnlyTheWordSwiftMakesACell() {
        XCTAssertEqual(
            NoteParser.parse(path: "n.md", text: "```swiftui\nx\n```\n\n```Swift\ny\n```\n\n```\nz\n```\n").note.cells,
            [])
        XCTAssertEqual(NoteParser.parse(path: "n.md", text: "~~~ swift\nx\n~~~\n").note.cells.count, 1)
    }

    func testDeepNestingIsFlattenedInsteadOfOverflowing() {
        let quotes = blocks(String(repeating: ">", count: 5000) + " 深\n")
        XCTAssertLessThanOrEqual(depth(quotes), CmarkConverter.maximumNesting + 2)
        XCTAssertTrue("\(quotes)".contains("深"))

        guard
            case .paragraph(let inlines, _) = blocks(
                String(repeating: "*", count: 3000) + "x" + String(repeating: "*", count: 3000)
            ).first
        else { return XCTFail() }
        XCTAssertEqual(inlines.plainText, "x")

        let lists = blocks((0..<300).map { String(repeating: "  ", count: $0) + "- 项\($0)\n" }.joined())
        XCTAssertLessThanOrEqual(depth(lists), CmarkConverter.maximumNesting + 2)
        XCTAssertTrue("\(lists)".contains("项299"))
    }

    // MARK: - Helpers

    private func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> SourceRange {
        SourceRange(start: SourcePosition(line: l1, column: c1), end: SourcePosition(line: l2, column: c2))
    }

    private func depth(_ blocks: [Block]) -> Int {
        blocks.map { block -> Int in
            switch block {
            case .blockQuote(let children, _): return 1 + depth(children)
            case .list(let list, _): return 1 + (list.items.map(depth).max() ?? 0)
            default: return 0
            }
        }.max() ?? 0
    }
}
