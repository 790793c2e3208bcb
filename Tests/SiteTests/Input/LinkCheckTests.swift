// Links to notes checked against the book: a link to a note that is not in it is a warning at its place.

import Notebook
import XCTest
@testable import Site

final class LinkCheckTests: XCTestCase {
    private func note(_ path: String, _ text: String) -> Note {
        NoteParser.parse(path: path, text: text).note
    }

    func testTheParserRecordsEveryLinkWhereItsDestinationIsWritten() {
        let parsed = note("Notes/x.md", "# T\n\n见 [二](02.md)，\n| a |\n|---|\n| [表](b.md#节) |\n\n- [列表](c.md)\n")
        XCTAssertEqual(
            parsed.links,
            [
                LinkPlace(destination: "02.md", line: 3, column: 11),
                LinkPlace(destination: "b.md#节", line: 6, column: 9),
                LinkPlace(destination: "c.md", line: 8, column: 12),
            ])
    }

    func testLinksToNotesOutsideTheBookAreWarnedOthersAreNot() {
        let notes = [
            note(
                "Notes/01.md",
                "# 一\n\n[二](02.md) [上层](../Notes/02.md#二) [缺](03.md#节) [编码](%E7%BC%BA.md)\n\n"
                    + "[外](https://a.b/x.md) [图](figure.png) [本页](#一) [大写](04.MD)\n"),
            note("Notes/02.md", "# 二\n\n[回](01.md)\n"),
        ]
        XCTAssertEqual(
            LinkCheck.problems(in: notes).map(\.description),
            [
                "Notes/01.md:3:49: warning: link to '03.md', which is not a note of this site (no Notes/03.md): "
                    + "the link is left as written and finds no page",
                "Notes/01.md:3:69: warning: link to '%E7%BC%BA.md', which is not a note of this site "
                    + "(no Notes/缺.md): the link is left as written and finds no page",
                "Notes/01.md:5:67: warning: link to '04.MD', which is not a note of this site (no Notes/04.MD): "
                    + "the link is left as written and finds no page",
            ])
    }

    func testLinksToFilesTheCallerKnowsAreNotWarned() {
        let notes = [note("Notes/01.md", "# 一\n\n[二](02.md) [缺](03.md)\n")]
        XCTAssertEqual(
            LinkCheck.problems(in: notes) { $0 == "Notes/02.md" }.map(\.line), [3])
        XCTAssertEqual(LinkCheck.problems(in: notes).count, 2)
    }

    func testTheWarningShowsOnThePageAmongTheNotesOtherProblems() throws {
        let notes = [note("Notes/01.md", "# 一\n\n[缺](03.md)\n")]
        let pages = SiteRenderer(options: SiteOptions())
            .render(SiteNote.pairing(notes, runs: [], problems: LinkCheck.problems(in: notes)))
        let page = try XCTUnwrap(pages["01.html"].map { String(decoding: $0, as: UTF8.self) })
        XCTAssertTrue(page.contains("<code class=\"error-location\">Notes/01.md:3:7</code> link to '03.md'"), page)
    }
}
