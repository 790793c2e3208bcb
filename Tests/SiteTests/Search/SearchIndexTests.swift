// The search index holds each section's prose and each shown cell's code and output, where the reader can find them.

import Notebook
import Runner
import XCTest
@testable import Site

final class SearchIndexTests: XCTestCase {
    /// The index script's array, decoded.
    private func index(_ files: SiteFiles) throws -> [[String: Any]] {
        let script = SiteFixture.page(files, "assets/search-index.js")
        let start = try XCTUnwrap(script.range(of: "= ["))
        let json = String(script[script.index(before: start.upperBound)...]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.dropLast().utf8)) as? [[String: Any]])
    }

    func testCellsAreIndexedWithTheirCodeOutputAndSection() throws {
        let notes = try index(SiteFixture.site())
        let attention = try XCTUnwrap(notes.first { $0["t"] as? String == "自注意力" })
        let cells = try XCTUnwrap(attention["c"] as? [[String]])
        XCTAssertEqual(cells[0], ["#cell-1", "缩放点积注意力", "let scores = [1.0, 2.0, 3.0]\nprint(\"分数: \\(scores)\")\n",
                                  "分数: [1.0, 2.0, 3.0]"])
        XCTAssertEqual(cells[1], ["#cell-2", "为什么要除以 √d", "", "<script>alert(1)</script>"],
                       "a hidden cell's code is not on the page, so it is not found; its output is")
        XCTAssertEqual(cells[2][0], "#cell-3")
        XCTAssertEqual(cells[2][3], "", "a norun cell has no output")
        XCTAssertEqual(
            cells[3][3], "cannot convert value of type 'String' to specified type 'Int'",
            "a fails cell's error is its output")
    }

    func testWithoutRunsTheRecordedOutputsAreIndexed() throws {
        let notes = try index(SiteRenderer().render([SiteNote(note: SiteFixture.attention)]))
        let cells = try XCTUnwrap(notes.first?["c"] as? [[String]])
        XCTAssertEqual(cells[0][3], "分数: [1.0, 2.0, 3.0]")
    }

    func testProseSectionsKeepTheirHeadingsAndAnchors() throws {
        let notes = try index(SiteFixture.site())
        let attention = try XCTUnwrap(notes.first { $0["t"] as? String == "自注意力" })
        let sections = try XCTUnwrap(attention["s"] as? [[String]])
        XCTAssertEqual(sections.map(\.[0]).first, "")
        XCTAssertEqual(sections[1][0], "#" + URLEncoding.percentEncoded("缩放点积注意力"))
        XCTAssertFalse(
            sections.contains { $0[2].contains("let scores") }, "cell code is in the cell entries, not in the prose")
    }
}
