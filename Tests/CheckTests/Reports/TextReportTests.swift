// Snapshot test of the plain report: each failing cell with its place and diff, then the summary.

import XCTest
import Runner
@testable import Check

final class TextReportTests: XCTestCase {
    func testTheFixtureReport() {
        let report = CheckReport(notes: [NoteChecker.check(CheckFixtures.note, against: CheckFixtures.run)])
        XCTAssertEqual(TextReport.render(report), """
            Notes/01-注意力.md:17: error: recorded output differs (cell at line 13)
            --- recorded
            +++ this run
            @@ -1 +1 @@
            -weights 0.25
            +weights 0.75

            Notes/01-注意力.md:21: error: no recorded output
            --- no recorded output
            +++ this run
            @@ -0,0 +1 @@
            +2

            Notes/01-注意力.md:38:9: error: cell failed: Fatal error: Index out of range
            Current stack trace:
              0 main

            2 passed, 3 failed

            """)
    }

    func testProblemsComeFirstAndFailuresOutsideCellsLast() {
        let report = CheckReport(
            notes: [], problems: [.error("unknown cell option 'hiden'", path: "Notes/a.md", line: 5, column: 10)],
            otherFailures: [SiteDifference(path: "Site/index.html", kind: .differs).problem],
            notices: ["updated Notes/b.md (1 output)"])
        XCTAssertEqual(TextReport.render(report), """
            Notes/a.md:5:10: error: unknown cell option 'hiden'

            updated Notes/b.md (1 output)
            Site/index.html: error: differs from a fresh build
            0 passed, 0 failed

            """)
        XCTAssertTrue(report.failed)
    }

    func testTheLastLineIsTheSummaryEvenWhenAllPass() {
        let run = NoteRun(notePath: CheckFixtures.path, cells: [], fromCache: true)
        var note = CheckFixtures.note
        note.cells = []
        XCTAssertEqual(TextReport.render(CheckReport(notes: [NoteChecker.check(note, against: run)])),
                       "0 passed, 0 failed\n")
    }
}
