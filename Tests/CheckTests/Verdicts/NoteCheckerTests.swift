// Tests the verdict on each kind of cell: matched, changed, unrecorded, skipped, failed.

import XCTest
import Notebook
import Runner
@testable import Check

final class NoteCheckerTests: XCTestCase {
    private lazy var check = NoteChecker.check(CheckFixtures.note, against: CheckFixtures.run)

    func testNoiseWithinTheLastDigitMatches() {
        XCTAssertEqual(check.cells[0].outcome, .matched)
    }

    func testARealChangePointsAtTheRecording() {
        let cell = check.cells[1]
        guard case .changed(let recorded, let new, let diff) = cell.outcome else {
            return XCTFail("expected a change, got \(cell.outcome)")
        }
        XCTAssertEqual(recorded, "weights 0.25")
        XCTAssertEqual(new, "weights 0.75")
        XCTAssertTrue(diff.contains("-weights 0.25\n+weights 0.75\n"), diff)
        XCTAssertEqual(cell.location.description, "\(CheckFixtures.path):17")
        XCTAssertEqual(cell.message, "recorded output differs (cell at line 13)")
    }

    func testACellWithoutRecordingPointsAtTheCell() {
        let cell = check.cells[2]
        XCTAssertEqual(cell.outcome, .unrecorded(new: "2", diff: """
            --- no recorded output
            +++ this run
            @@ -0,0 +1 @@
            +2

            """))
        XCTAssertEqual(cell.location.description, "\(CheckFixtures.path):21")
        XCTAssertEqual(cell.message, "no recorded output")
    }

    func testNorunCellsCountAsNeitherPassedNorFailed() {
        XCTAssertEqual(check.cells[3].outcome, .skipped)
        XCTAssertFalse(check.cells[3].passed)
        XCTAssertFalse(check.cells[3].failed)
    }

    func testAnExpectedFailureComparesItsErrorText() {
        XCTAssertEqual(check.cells[4].outcome, .matched)
    }

    func testAFailedCellIsAFailureAtTheErrorsPlace() {
        let cell = check.cells[5]
        XCTAssertTrue(cell.failed)
        XCTAssertEqual(cell.location.description, "\(CheckFixtures.path):38:9")
        XCTAssertEqual(cell.message, "cell failed: Fatal error: Index out of range")
        XCTAssertEqual(cell.detail, "Current stack trace:\n  0 main")
    }

    func testCounts() {
        XCTAssertEqual(check.passedCount, 2)
        XCTAssertEqual(check.failedCount, 3)
        XCTAssertEqual(CheckReport(notes: [check]).summary, "2 passed, 3 failed")
    }

    func testCellsAfterAFailureAreReportedAsNotRun() {
        var run = CheckFixtures.run
        run.cells[1].status = .notRun(afterFailureOf: 0)
        let cell = NoteChecker.check(CheckFixtures.note, against: run).cells[1]
        XCTAssertEqual(cell.outcome, .notRun(afterFailureAtLine: 5))
        XCTAssertEqual(cell.message, "not run: the cell at line 5 failed first")
    }

    func testAFailsCellThatPassedIsAFailure() {
        var run = CheckFixtures.run
        run.cells[4].status = .unexpectedlyPassed
        XCTAssertEqual(NoteChecker.check(CheckFixtures.note, against: run).cells[4].outcome, .unexpectedlyPassed)
    }

    func testACellTheRunnerSkippedIsAnInternalFailure() {
        var run = CheckFixtures.run
        run.cells.removeLast()
        XCTAssertEqual(NoteChecker.check(CheckFixtures.note, against: run).cells[5].outcome, .missingResult)
    }

    func testACellToleranceLoosensTheComparison() {
        var note = CheckFixtures.note
        note.cells[1].options.tolerance = 2
        XCTAssertEqual(NoteChecker.check(note, against: CheckFixtures.run).cells[1].outcome, .matched)
    }

    func testAFrontMatterToleranceLoosensEveryCell() {
        let text = CheckFixtures.text.replacingOccurrences(of: "title: 注意力", with: "title: 注意力\ntolerance: 2")
        let note = NoteParser.parse(path: CheckFixtures.path, text: text).note
        var run = CheckFixtures.run
        run.cells[0].items = [.text("0.2\n")]
        XCTAssertEqual(NoteChecker.check(note, against: run).cells[0].outcome, .matched)
    }

    func testCarriageReturnsAreComparedAsTheNoteRecordsThem() {
        var run = CheckFixtures.run
        run.cells[1].items = [.text("weights 0.25\r\n")]
        XCTAssertEqual(NoteChecker.check(CheckFixtures.note, against: run).cells[1].outcome, .matched)
    }

    func testAnEmptyOutputWithoutRecordingMatches() {
        var run = CheckFixtures.run
        run.cells[2].items = []
        XCTAssertEqual(NoteChecker.check(CheckFixtures.note, against: run).cells[2].outcome, .matched)
    }
}
