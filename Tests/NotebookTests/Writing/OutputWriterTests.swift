// Writing recorded outputs back: each rule of `OutputWriter` on a small tricky note.

import XCTest
@testable import Notebook

final class OutputWriterTests: XCTestCase {
    private func rewrite(_ text: String, _ outputs: [Int: String?], line: UInt = #line) -> String {
        let (note, _) = NoteParser.parse(path: "n.md", text: text)
        let result = OutputWriter.rewrite(note, outputs: outputs)
        // Whatever was written must read back as written, and writing it again changes nothing.
        let (reparsed, _) = NoteParser.parse(path: "n.md", text: result)
        for (index, output) in outputs where CellCollector.isClosed(note.cells[index], in: NoteLines(text)) {
            XCTAssertEqual(
                reparsed.cells[index].output?.text, output.map(RecordedOutput.recordable), "cell \(index)", line: line)
        }
        XCTAssertEqual(OutputWriter.rewrite(reparsed, outputs: outputs), result, "not idempotent", line: line)
        return result
    }

    // MARK: - Insert, replace, remove

    func testAnOutputIsInsertedAfterTheCellWithOneBlankLine() {
        XCTAssertEqual(rewrite("# T\n```swift\nprint(1)\n```\nMore prose.\n", [0: "1\n"]),
                       "# T\n```swift\nprint(1)\n```\n\n```output\n1\n```\nMore prose.\n")
    }

    func testAnExistingOutputIsReplacedAndTheLinesBetweenStay() {
        XCTAssertEqual(rewrite("```swift\nx\n```\n\n\n```output\nold\nlines\n```\n\nEnd.\n", [0: "new"]),
                       "```swift\nx\n```\n\n\n```output\nnew\n```\n\nEnd.\n")
    }

    func testNilRemovesTheOutputAndTheBlankLinesBeforeIt() {
        XCTAssertEqual(rewrite("```swift\nx\n```\n\n```output\nold\n```\n\nEnd.\n", [0: nil]),
                       "```swift\nx\n```\n\nEnd.\n")
    }

    func testTheSameOutputLeavesTheBlockAsWrittenEvenItsFence() {
        let text = "```swift\nx\n```\n~~~~ output\n1\n2\n~~~~\n"
        XCTAssertEqual(rewrite(text, [0: "1\n2\n"]), text)
        XCTAssertEqual(rewrite(text, [0: "1\r\n2"]), text)
    }

    func testCanonicallyEqualButDifferentBytesAreRewritten() {
        XCTAssertEqual(Array(rewrite("```swift\nx\n```\n\n```output\ne\u{301}\n```\n", [0: "\u{E9}"]).utf8),
                       Array("```swift\nx\n```\n\n```output\n\u{E9}\n```\n".utf8))
    }

    func testOnlyTheNamedCellsChange() {
        let text = "```swift\na\n```\n\n```output\nA\n```\n\n```swift\nb\n```\n"
        XCTAssertEqual(rewrite(text, [1: "B"]), text + "\n```output\nB\n```\n")
        XCTAssertEqual(rewrite(text, [:]), text)
    }

    func testEmptyOutputIsAnEmptyBlock() {
        XCTAssertEqual(rewrite("```swift\nx\n```\n", [0: ""]), "```swift\nx\n```\n\n```output\n```\n")
    }

    func testTheTextDecidesWhereToWriteEvenIfTheNoteWasChanged() {
        var (note, _) = NoteParser.parse(path: "n.md", text: "# T\n\n```swift\nx\n```\n")
        note.cells[0].range = SourceRange(
            start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))
        note.blocks = []
        XCTAssertEqual(OutputWriter.rewrite(note, outputs: [0: "1"]), "# T\n\n```swift\nx\n```\n\n```output\n1\n```\n")
    }

    func testAnUnclosedCellIsLeftAlone() {
        for text in ["```swift\nx\n", "```swift\nx\n    ```\n", "- ```swift\n  x\n- ```\n"] {
            XCTAssertEqual(rewrite(text, [0: "1"]), text)
        }
    }

    // MARK: - Bytes that must survive

    func testCRLFNotesGetCRLFBlocks() {
        XCTAssertEqual(rewrite("# T\r\n```swift\r\nx\r\n```\r\n", [0: "a\nb"]),
                       "# T\r\n```swift\r\nx\r\n```\r\n\r\n```output\r\na\r\nb\r\n```\r\n")
        XCTAssertEqual(rewrite("```swift\r\nx\r\n```\r\n\r\n```output\r\nold\r\n```\r\n", [0: "new"]),
                       "```swift\r\nx\r\n```\r\n\r\n```output\r\nnew\r\n```\r\n")
    }

    func testTheByteOrderMarkIsKept() {
        XCTAssertEqual(
            rewrite("\u{FEFF}```swift\nx\n```\n", [0: "1"]), "\u{FEFF}```swift\nx\n```\n\n```output\n1\n```\n")
        XCTAssertEqual(
            rewrite("\u{FEFF}```swift\nx\n```\n\n```output\n1\n```\n", [0: nil]), "\u{FEFF}```swift\nx\n```\n")
    }

    func testANoteWithoutAFinalNewlineKeepsHavingNone() {
        XCTAssertEqual(rewrite("```swift\nx\n```", [0: "1"]), "```swift\nx\n```\n\n```output\n1\n```")
        XCTAssertEqual(
            rewrite("```swift\nx\n```\n\n```output\n1\n```", [0: "2"]), "```swift\nx\n```\n\n```output\n2\n```")
        XCTAssertEqual(rewrite("```swift\nx\n```\n\n```output\n1\n```", [0: nil]), "```swift\nx\n```")
    }

    func testAnOutputBlockAtTheEndOfTheFileIsReplaced() {
        XCTAssertEqual(
            rewrite("```swift\nx\n```\n```output\n1\n```\n", [0: "2\n3"]), "```swift\nx\n```\n```output\n2\n3\n```\n")
        XCTAssertEqual(
            rewrite("```swift\nx\n```\n\n```output\n1\n", [0: "2"]), "```swift\nx\n```\n\n```output\n2\n```\n")
    }

    func testTabsTrailingSpacesAndNonASCIIElsewhereAreUntouched() {
        let text = "# 注意力 \t\n\n\tindented code\t\n\n```swift\nlet 名字 = \"值\"  \n```\n\n末尾空格   \n"
        XCTAssertEqual(
            rewrite(text, [0: "值"]),
            "# 注意力 \t\n\n\tindented code\t\n\n```swift\nlet 名字 = \"值\"  \n```\n\n```output\n值\n```\n\n末尾空格   \n")
    }

    func testOutputTextKeepsItsOwnWhitespace() {
        XCTAssertEqual(
            rewrite("```swift\nx\n```\n", [0: "\tA  \n\n  B"]), "```swift\nx\n```\n\n```output\n\tA  \n\n  B\n```\n")
    }

    // MARK: - Fences and containers

    func testOutputWithBackticksGetsALongerFence() {
        XCTAssertEqual(rewrite("```swift\nx\n```\n", [0: "```\ncode\n```"]),
                       "```swift\nx\n```\n\n````output\n```\ncode\n```\n````\n")
        XCTAssertEqual(rewrite("```swift\nx\n```\n", [0: "a ````` b"]),
                       "```swift\nx\n```\n\n``````output\na ````` b\n``````\n")
    }

    func testACellInATightListGetsItsOutputInTheSameItemWithoutABlankLine() {
        XCTAssertEqual(rewrite("1. 第一步：\n   ```swift\n   print(1)\n   ```\n2. 第二步\n", [0: "1\n\n2"]),
                       "1. 第一步：\n   ```swift\n   print(1)\n   ```\n   ```output\n   1\n\n   2\n   ```\n2. 第二步\n")
    }

    func testACellInALooseListGetsABlankLine() {
        XCTAssertEqual(rewrite("- a\n\n- ```swift\n  x\n  ```\n\n- c\n", [0: "1"]),
                       "- a\n\n- ```swift\n  x\n  ```\n\n  ```output\n  1\n  ```\n\n- c\n")
    }

    func testACellInABlockQuoteGetsTheQuotePrefix() {
        XCTAssertEqual(rewrite("> 提示\n> ```swift\n> x\n> ```\n\nAfter.\n", [0: " a\n\nb"]),
                       "> 提示\n> ```swift\n> x\n> ```\n>\n> ```output\n>  a\n>\n> b\n> ```\n\nAfter.\n")
        XCTAssertEqual(rewrite(">```swift\n>x\n>```\n", [0: " a"]),
                       ">```swift\n>x\n>```\n>\n> ```output\n>  a\n> ```\n")
    }

    func testACellInATabIndentedListItemGetsTheSameTab() {
        XCTAssertEqual(rewrite("-\t```swift\n\tx\n\t```\n", [0: "1\n\t2"]),
                       "-\t```swift\n\tx\n\t```\n\t```output\n\t1\n\t\t2\n\t```\n")
    }

    func testACellInAQuotedListKeepsBothPrefixes() {
        XCTAssertEqual(rewrite("> - ```swift\n>   x\n>   ```\n", [0: "1"]),
                       "> - ```swift\n>   x\n>   ```\n>   ```output\n>   1\n>   ```\n")
    }
}
