// Heading anchors: readable, stable, unique on their page, and they keep Chinese.

import Notebook
import XCTest
@testable import Site

final class HeadingAnchorTests: XCTestCase {
    func testSlugs() {
        let cases: [(heading: String, anchor: String)] = [
            ("自注意力", "自注意力"),
            ("自注意力 (Self-Attention)", "自注意力-self-attention"),
            ("Multi-Head  Attention", "multi-head-attention"),
            ("第 2 步：计算 softmax", "第-2-步计算-softmax"),
            ("Q·Kᵀ / √d", "qkᵀ-d"),
            ("为什么？！", "为什么"),
            ("  前后空格  ", "前后空格"),
            ("snake_case_名字", "snake_case_名字"),
            ("全角　空格", "全角-空格"),
            ("!!!", ""),
            ("Ünïcode Ω", "Ünïcode-Ω"),
        ]
        for (heading, anchor) in cases {
            XCTAssertEqual(Slug.make(heading), anchor, "heading \(heading)")
        }
    }

    func testAnchorsAreUniqueOnAPage() {
        let note = NoteParserFixture.note("""
        # 标题

        ## 例子

        ## 例子

        ## 例子-2

        ## ???

        ## 目录

        ## toc

        ## cell 1
        """)
        XCTAssertEqual(NoteOutline(note: note).headings.map(\.anchor),
                       ["例子", "例子-2", "例子-2-2", "section", "目录", "toc-2", "section-cell-1"])
    }

    func testAnchorsAreStableAcrossBuilds() {
        XCTAssertEqual(
            NoteOutline(note: SiteFixture.attention).headings, NoteOutline(note: SiteFixture.attention).headings)
        XCTAssertEqual(
            NoteOutline(note: SiteFixture.attention).headings.map(\.anchor),
            ["缩放点积注意力", "为什么要除以-d", "缩放点积注意力-2"])
    }

    func testPageNamesKeepChineseAndAreUnique() {
        let names = PageNames(notePaths: [
            "Notes/01-自注意力.md", "Notes/A b.md", "Notes/a-b.md", "Notes/index.md", "Notes/!!.md",
        ])
        XCTAssertEqual(names["Notes/01-自注意力.md"], "01-自注意力.html")
        XCTAssertEqual(names["Notes/A b.md"], "a-b.html")
        XCTAssertEqual(names["Notes/a-b.md"], "a-b-2.html")
        XCTAssertEqual(names["Notes/index.md"], "index-2.html", "index.html is the index page's")
        XCTAssertEqual(names["Notes/!!.md"], "note.html")
    }
}
