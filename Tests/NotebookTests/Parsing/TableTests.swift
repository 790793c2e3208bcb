// GitHub Flavored Markdown pipe tables: the examples of the GFM spec's tables extension, and more.

import XCTest
@testable import Notebook

final class TableTests: XCTestCase {
    private func blocks(_ text: String) -> [Block] {
        NoteParser.parse(path: "n.md", text: text).note.blocks
    }

    private func table(_ text: String, line: UInt = #line) -> Table? {
        guard
            case .table(let table, _)? = blocks(text).first(where: {
                if case .table = $0 { return true }; return false
            })
        else { return nil }
        return table
    }

    /// A table's cells as plain text, a row a line, header first.
    private func cells(_ table: Table?) -> [[String]] {
        guard let table else { return [] }
        return ([table.header] + table.rows).map { $0.map(\.plainText) }
    }

    // MARK: - GFM spec examples 198–205

    func testGFMExample198() {
        let t = table("| foo | bar |\n| --- | --- |\n| baz | bim |\n")
        XCTAssertEqual(cells(t), [["foo", "bar"], ["baz", "bim"]])
        XCTAssertEqual(t?.alignments, [Table.Alignment.none, .none])
    }

    func testGFMExample199Alignment() {
        let t = table("| abc | defghi |\n:-: | -----------:\nbar | baz\n")
        XCTAssertEqual(cells(t), [["abc", "defghi"], ["bar", "baz"]])
        XCTAssertEqual(t?.alignments, [.center, .right])
    }

    func testGFMExample200EscapedPipes() {
        let t = table("| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n")
        XCTAssertEqual(cells(t), [["f|oo"], ["b | az"], ["b | im"]])
        XCTAssertEqual(t?.rows[0][0], [.text("b "), .code("|"), .text(" az")])
        XCTAssertEqual(t?.rows[1][0], [.text("b "), .strong([.text("|")]), .text(" im")])
    }

    func testGFMExample201TableEndsAtABlockQuote() {
        let b = blocks("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n")
        XCTAssertEqual(b.count, 2)
        XCTAssertEqual(
            cells(table("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n")), [["abc", "def"], ["bar", "baz"]])
        guard case .blockQuote = b[1] else { return XCTFail("\(b)") }
    }

    func testGFMExample202TableEndsAtABlankLine() {
        let text = "| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n"
        XCTAssertEqual(cells(table(text)), [["abc", "def"], ["bar", "baz"], ["bar", ""]])
        guard case .paragraph(let p, _)? = blocks(text).last else { return XCTFail() }
        XCTAssertEqual(p, [.text("bar")])
    }

    func testGFMExample203HeaderMustMatchDelimiterRow() {
        let b = blocks("| abc | def |\n| --- |\n| bar |\n")
        XCTAssertNil(table("| abc | def |\n| --- |\n| bar |\n"))
        guard case .paragraph? = b.first else { return XCTFail("\(b)") }
    }

    func testGFMExample204RowsArePaddedAndCut() {
        let t = table("| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n")
        XCTAssertEqual(cells(t), [["abc", "def"], ["bar", ""], ["bar", "baz"]])
    }

    func testGFMExample205NoBody() {
        let t = table("| abc | def |\n| --- | --- |\n")
        XCTAssertEqual(cells(t), [["abc", "def"]])
        XCTAssertEqual(t?.rows, [])
    }

    // MARK: - Beyond the spec examples

    func testInlineMarkdownAndFormulasInCells() {
        let t = table("| 符号 | 含义 |\n|---|---|\n| $d_k$ | *键*的维度 |\n| `- x` | - y |\n")
        guard case .math(let f)? = t?.rows[0][0].first else { return XCTFail("\(String(describing: t))") }
        XCTAssertEqual(f.tex, "d_k")
        XCTAssertEqual(t?.rows[0][1], [.emphasis([.text("键")]), .text("的维度")])
        XCTAssertEqual(t?.rows[1][1], [.text("- y")])  // a cell is never a list
    }

    func testTextBeforeTheHeaderStaysAParagraph() {
        let b = blocks("说明如下：\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        XCTAssertEqual(b.count, 2)
        guard case .paragraph(let p, let range) = b[0], case .table(_, let tableRange) = b[1] else {
            return XCTFail("\(b)")
        }
        XCTAssertEqual(p, [.text("说明如下：")])
        XCTAssertEqual(range.lines, 1...1)
        XCTAssertEqual(tableRange.lines, 2...4)
    }

    func testTableInAListItem() {
        let b = blocks("- 表：\n\n  | a | b |\n  |---|:-:|\n  | 1 | 2 |\n")
        guard case .list(let list, _)? = b.first, case .table(let t, _)? = list.items[0].last else {
            return XCTFail("\(b)")
        }
        XCTAssertEqual(cells(t), [["a", "b"], ["1", "2"]])
    }

    func testTheDataReadmeTable() {
        let text = "| 文件 | 内容 |\n| --- | --- |\n| `tiny.txt` | 小语料 |\n"
        XCTAssertEqual(cells(table(text)), [["文件", "内容"], ["tiny.txt", "小语料"]])
    }
}
