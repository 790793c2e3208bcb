// What a note records for a cell, and which outcomes fail a note, for every kind of cell ending.

import NoteResults
import XCTest

final class NoteRunTests: XCTestCase {
    private let error = CellError(kind: .trap, message: "Fatal error: Index out of range",
                                  location: NoteLocation(path: "Notes/x.md", line: 12, column: 5))

    func testTheRecordedTextOfEachKindOfEnding() {
        let cases: [(items: [OutputItem], status: CellStatus, recorded: String)] = [
            ([.text("a\n"), .text("b\n\n")], .passed, "a\nb"),
            ([], .passed, ""),
            ([.text("before")], .failedAsExpected(error), "before\nFatal error: Index out of range"),
            ([], .failedAsExpected(error), "Fatal error: Index out of range"),
            ([.text("printed\n")], .failed(error), "printed"),
        ]
        for (items, status, recorded) in cases {
            XCTAssertEqual(CellRun(cellIndex: 0, status: status, items: items).recordableText, recorded, "\(status)")
        }
    }

    func testWhichEndingsFailTheNote() {
        let failing: [CellStatus] = [.failed(error), .unexpectedlyPassed, .notRun(afterFailureOf: 0)]
        let passing: [CellStatus] = [.passed, .failedAsExpected(error), .skipped]
        for status in failing {
            XCTAssertTrue(NoteRun(notePath: "Notes/x.md", cells: [CellRun(cellIndex: 0, status: status, items: [])],
                                  fromCache: false).failed, "\(status)")
        }
        for status in passing {
            XCTAssertFalse(NoteRun(notePath: "Notes/x.md", cells: [CellRun(cellIndex: 0, status: status, items: [])],
                                   fromCache: false).failed, "\(status)")
        }
    }

    func testLocationsReadAsCompilerMessagesDo() {
        XCTAssertEqual(NoteLocation(path: "Notes/x.md", line: 12, column: 5).description, "Notes/x.md:12:5")
        XCTAssertEqual(NoteLocation(path: "Notes/x.md", line: 12).description, "Notes/x.md:12")
    }
}
