// CRLF, BOM, lone CR and front matter keep the note's own line numbers.

import XCTest
@testable import Notebook

final class LineEndingTests: XCTestCase {
    private let lf =
        "---\r\ntitle: T\r\n---\r\n# T\r\n\r\n```swift norun\r\nlet a = 1\r\nlet b ="
            + " 2\r\n```\r\n\r\n```output\r\nx\r\ny\r\n```\r\n"

    func testCRLFNotesHaveTheFileLinesAndNewlineSource() {
        let (note, problems) = NoteParser.parse(path: "n.md", text: lf)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(note.frontMatter.title, "T")
        XCTAssertEqual(note.cells.first?.range.lines, 6...9)
        XCTAssertEqual(note.cells.first?.firstCodeLine, 7)
        XCTAssertEqual(note.cells.first?.source, "let a = 1\nlet b = 2\n")
        XCTAssertEqual(note.cells.first?.output?.text, "x\ny")
        XCTAssertEqual(note.cells.first?.output?.range.lines, 11...14)
    }

    func testAByteOrderMarkIsKeptInTheTextButNotParsed() {
        let text = "\u{FEFF}# 标题\n\n```swift hidden\nprint(1)\n```\n"
        let (note, problems) = NoteParser.parse(path: "n.md", text: text)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(note.text, text)
        guard case .heading(1, let content, let range) = note.blocks.first else { return XCTFail("\(note.blocks)") }
        XCTAssertEqual(content, [.text("标题")])
        XCTAssertEqual(range.start, SourcePosition(line: 1, column: 1))
        XCTAssertEqual(note.cells.first?.range.lines, 3...5)
        XCTAssertEqual(note.cells.first?.options.hidden, true)
    }

    func testFrontMatterAfterAByteOrderMarkIsRead() {
        let (note, problems) = NoteParser.parse(path: "n.md", text: "\u{FEFF}---\ntitle: 甲\n---\n```swift\nx\n```\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(note.frontMatter.title, "甲")
        XCTAssertEqual(note.cells.first?.firstCodeLine, 5)
    }

    func testQuotedFrontMatterValuesAndComments() {
        let (note, problems) = NoteParser.parse(
            path: "n.md",
            text: "---\n# a comment\ntitle: \"注意力: 入门\"\ntimeout: 1.5s\nmemory: 1GiB\noutput-limit: 64KB\n---\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(note.frontMatter.title, "注意力: 入门")
        XCTAssertEqual(note.frontMatter["timeout"], "1.5s")
        XCTAssertEqual(note.frontMatter["output-limit"], "64KB")
        XCTAssertEqual(note.blocks, [])
    }

    func testLoneCarriageReturnsEndLinesToo() {
        let (note, _) = NoteParser.parse(path: "n.md", text: "# T\r\r```swift\rx\r```\r")
        XCTAssertEqual(note.cells.first?.range.lines, 3...5)
        XCTAssertEqual(note.cells.first?.source, "x\n")
    }

    func testAnUnclosedCellInAListEndsWithTheItem() {
        let (note, problems) = NoteParser.parse(path: "n.md", text: "- ```swift\n  a\n\n  b\n- c\n")
        XCTAssertEqual(note.cells.first?.range.lines, 1...4)
        XCTAssertEqual(problems.map(\.severity), [.warning])
    }
}
