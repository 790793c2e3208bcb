// Parsing the rich fixture note: front matter, cells, options, outputs and positions.

import XCTest
@testable import Notebook

final class StudyNoteParsingTests: XCTestCase {
    private let parsed = NoteParser.parse(path: StudyNote.path, text: StudyNote.text)

    func testTheFixtureHasNoProblems() {
        XCTAssertEqual(parsed.problems.map(\.description), [])
    }

    func testFrontMatterIsRead() {
        let frontMatter = parsed.note.frontMatter
        XCTAssertEqual(frontMatter.title, "自注意力：从零开始")
        XCTAssertEqual(frontMatter.order, 1)
        XCTAssertEqual(frontMatter.tolerance, 1e-4)
    }

    func testTextIsKeptExactly() {
        XCTAssertEqual(parsed.note.text, StudyNote.text)
        XCTAssertEqual(parsed.note.path, StudyNote.path)
    }

    func testCellsAreFoundEverywhereInDocumentOrder() {
        let cells = parsed.note.cells
        XCTAssertEqual(cells.map(\.index), [0, 1, 2, 3, 4])
        XCTAssertEqual(cells.map(\.range.start.line),
                       [StudyNote.Lines.firstCell, StudyNote.Lines.hiddenCell, StudyNote.Lines.listCell,
                        StudyNote.Lines.quoteCell, StudyNote.Lines.failingCell])
        XCTAssertEqual(cells.map(\.range.end.line),
                       [StudyNote.Lines.firstCellEnd, StudyNote.Lines.hiddenCellEnd, StudyNote.Lines.listCellEnd,
                        StudyNote.Lines.quoteCellEnd, StudyNote.Lines.failingCell + 2])
        XCTAssertEqual(cells.map(\.firstCodeLine), cells.map { $0.range.start.line + 1 })
    }

    func testCellSourceIsTheCodeWithoutContainerPrefixes() {
        let cells = parsed.note.cells
        XCTAssertEqual(cells[0].source, "let x = Tensor([1, 2, 3])\nprint(x.sum())\n")
        XCTAssertEqual(cells[2].source, "print(\"分数\")\n")
        XCTAssertEqual(cells[3].source, "while true {}\n")
    }

    func testCodeColumnOffsetsSayWhereTheCodeStandsInTheNote() {
        XCTAssertEqual(parsed.note.cells.map(\.codeColumnOffset), [0, 0, 3, 2, 0])
    }

    func testOptionsAreRead() {
        let options = parsed.note.cells.map(\.options)
        XCTAssertEqual(options[0], CellOptions())
        XCTAssertEqual(options[1], CellOptions(hidden: true, tolerance: 1e-3, words: ["hidden", "tolerance=1e-3"]))
        XCTAssertEqual(options[3], CellOptions(norun: true, words: ["norun"]))
        XCTAssertEqual(options[4], CellOptions(fails: true, words: ["fails"]))
    }

    func testRecordedOutputsBelongToTheCellAbove() {
        let cells = parsed.note.cells
        XCTAssertEqual(cells.map { $0.output?.text }, ["6.0", nil, "分数", nil, "Fatal error: 故意的"])
        XCTAssertEqual(cells[0].output?.range.lines, StudyNote.Lines.firstOutput...StudyNote.Lines.firstOutputEnd)
        XCTAssertEqual(cells[2].output?.range.lines, StudyNote.Lines.listOutput...StudyNote.Lines.listOutputEnd)
        XCTAssertEqual(cells[4].output?.range.start.line, StudyNote.Lines.failingOutput)
    }

    func testTreeHoldsProseAndPlaceholders() throws {
        let blocks = parsed.note.blocks
        guard case .heading(1, let title, let range) = blocks[0] else { return XCTFail("\(blocks[0])") }
        XCTAssertEqual(title.plainText, "自注意力（Self-Attention）")
        XCTAssertEqual(range.start.line, StudyNote.Lines.title)

        guard case .paragraph(let inlines, _) = blocks[1] else { return XCTFail("\(blocks[1])") }
        XCTAssertTrue(inlines.contains(.link(destination: "https://arxiv.org/abs/1706.03762", title: "论文",
                                             content: [.text("Attention Is All You Need")])))
        XCTAssertEqual(blocks[2], .cell(index: 0))
        XCTAssertEqual(blocks[3], .recordedOutput(cell: 0))
        guard case .html(let html, let htmlRange) = blocks[5] else { return XCTFail("\(blocks[5])") }
        XCTAssertEqual(html, "<div class=\"note\">注意：除以 √d 是为了稳定梯度。</div>\n")
        XCTAssertEqual(htmlRange.start.line, StudyNote.Lines.htmlBlock)
    }

    func testCellsInsideListsAndQuotesArePlaceholdersThere() throws {
        let list = parsed.note.blocks.compactMap { block -> MarkdownList? in
            if case .list(let list, _) = block { return list } else { return nil }
        }.first
        XCTAssertEqual(list?.ordered, true)
        XCTAssertEqual(list?.items.count, 2)
        XCTAssertEqual(list?.items.first?.dropFirst().map { $0 }, [.cell(index: 2), .recordedOutput(cell: 2)])
        guard case .paragraph(let inlines, _)? = list?.items.first?.first else { return XCTFail("no paragraph") }
        XCTAssertEqual(inlines, [.text("计算 "), .emphasis([.text("查询")]), .text(" 与 "),
                                 .strong([.text("键")]), .text(" 的点积：")])

        let quote = parsed.note.blocks.compactMap { block -> [Block]? in
            if case .blockQuote(let children, _) = block { return children } else { return nil }
        }.first
        XCTAssertEqual(quote?.last, .cell(index: 3))
    }
}
