// Every way a cell can fail is reported at its own cell and line; later cells are not run; other notes still run.

import Runner
import XCTest

final class CellFailureTests: XCTestCase {
    /// The failure fixtures and one passing note, run once together, in parallel.
    private static let names = [
        "index-out-of-range", "fatal-error", "precondition", "stack-overflow", "exit", "infinite-loop",
        "unbounded-allocation", "unbounded-print", "uncaught-error", "compile-error", "background-process",
        "shared-state",
    ]
    nonisolated(unsafe) private static var cached: [String: NoteRun]?

    private func runs() async throws -> [String: NoteRun] {
        if let cached = Self.cached { return cached }
        let runs = try await runFixtures(Self.names)
        let byName = Dictionary(uniqueKeysWithValues: zip(Self.names, runs))
        Self.cached = byName
        return byName
    }

    private struct Expectation {
        var note: String
        var cell: Int
        var kind: CellError.Kind
        var message: String
        /// `Notes/x.md:LINE` or `Notes/x.md:LINE:COL`.
        var location: String
        var printedBefore: String
    }

    func testEachFailureIsReportedAtItsCellAndLine() async throws {
        let expectations: [Expectation] = [
            .init(
                note: "index-out-of-range", cell: 1, kind: .trap, message: "Fatal error: Index out of range",
                location: "Notes/index-out-of-range.md:10:8", printedBefore: "cell 1 started"),
            .init(
                note: "fatal-error", cell: 1, kind: .trap, message: "Fatal error: x is too big: 5",
                location: "Notes/fatal-error.md:6:9", printedBefore: "calling check"),
            .init(
                note: "precondition", cell: 0, kind: .trap, message: "Precondition failed: heads must be even",
                location: "Notes/precondition.md:5:1", printedBefore: ""),
            .init(
                note: "stack-overflow", cell: 0, kind: .trap,
                message: "stack overflow: crashed with SIGSEGV (segmentation fault) in a deep recursion",
                location: "Notes/stack-overflow.md:4", printedBefore: ""),
            .init(
                note: "exit", cell: 0, kind: .exit, message: "cell called exit(3)",
                location: "Notes/exit.md:4", printedBefore: "about to exit"),
            .init(
                note: "uncaught-error", cell: 0, kind: .uncaughtError,
                message: #"Fatal error: Error raised at top level: main.TokenizerError(token: "<unk>")"#,
                location: "Notes/uncaught-error.md:4", printedBefore: "throwing"),
            .init(
                note: "compile-error", cell: 1, kind: .compile, message: "value of type '[Double]' has no member 'cnt'",
                location: "Notes/compile-error.md:11:14", printedBefore: ""),
        ]
        let runs = try await runs()
        for expected in expectations {
            let run = try XCTUnwrap(runs[expected.note])
            let cell = run.cells[expected.cell]
            guard case .failed(let error) = cell.status else {
                XCTFail("\(expected.note): cell \(expected.cell) should have failed: \(cell.status)")
                continue
            }
            XCTAssertEqual(error.kind, expected.kind, expected.note)
            XCTAssertEqual(error.message, expected.message, expected.note)
            XCTAssertEqual(error.location?.description, expected.location, expected.note)
            XCTAssertEqual(
                cell.text, expected.printedBefore, "\(expected.note): the crash report is not the cell's output")
            XCTAssertTrue(run.failed, expected.note)
        }
    }

    /// The memory limit stops the cell wherever it is allocating: the backtrace usually names the
    /// allocating line, but when the crash report does not arrive in time (a cold backtracer on a
    /// busy machine) the cell's first line stands in. Either way the location is inside the cell.
    func testUnboundedAllocationIsStoppedInsideItsCell() async throws {
        let runs = try await runs()
        let run = try XCTUnwrap(runs["unbounded-allocation"])
        let cell = run.cells[0]
        XCTAssertEqual(cell.error?.kind, .memoryLimit)
        XCTAssertEqual(cell.error?.message, "memory limit of 200 MB hit")
        XCTAssertEqual(cell.text, "")
        XCTAssertTrue(run.failed)
        let location = try XCTUnwrap(cell.error?.location)
        XCTAssertEqual(location.path, "Notes/unbounded-allocation.md")
        XCTAssertTrue((7...10).contains(location.line), "\(location)")
    }

    func testAnEndlessLoopIsStoppedInsideItsCell() async throws {
        let runs = try await runs()
        let cell = try XCTUnwrap(runs["infinite-loop"]?.cells[0])
        XCTAssertEqual(cell.error?.kind, .timeLimit)
        XCTAssertEqual(cell.error?.message, "time limit of 1 s hit")
        XCTAssertEqual(cell.text, "looping")
        // Where the loop was when stopped: a line of the loop when the backtrace shows one,
        // else the cell's first line. Either way, inside the cell.
        let location = try XCTUnwrap(cell.error?.location)
        XCTAssertEqual(location.path, "Notes/infinite-loop.md")
        XCTAssertTrue((7...11).contains(location.line), "\(location)")
    }

    func testCellsAfterAFailureAreNotRunAndCellsBeforeItPassed() async throws {
        let runs = try await runs()
        let cases: [(note: String, statuses: [CellStatus])] = [
            ("index-out-of-range", [.passed, .failed, .notRun(afterFailureOf: 1)]),
            ("fatal-error", [.passed, .failed, .notRun(afterFailureOf: 1)]),
            ("unbounded-print", [.passed, .failed, .notRun(afterFailureOf: 1)]),
            ("exit", [.failed, .notRun(afterFailureOf: 0)]),
            ("infinite-loop", [.failed, .notRun(afterFailureOf: 0)]),
            // A compile error stops the note at its cell: the cells before it still run.
            ("compile-error", [.passed, .failed, .notRun(afterFailureOf: 1)]),
        ]
        for (note, statuses) in cases {
            let run = try XCTUnwrap(runs[note])
            XCTAssertEqual(run.cells.map { $0.status.withoutError }, statuses.map(\.withoutError), note)
            XCTAssertFalse(run.cells.contains { $0.text.contains("never printed") }, note)
        }
    }

    func testAFloodingCellKeepsExactlyTheOutputLimit() async throws {
        let runs = try await runs()
        let run = try XCTUnwrap(runs["unbounded-print"])
        let cell = run.cells[1]
        XCTAssertEqual(cell.error?.kind, .outputLimit)
        XCTAssertEqual(cell.error?.message, "output limit of 16 KB per cell hit")
        // The print's line when the backtrace reaches it (a stop mid-`write` may not), else the cell's first line.
        let location = try XCTUnwrap(cell.error?.location)
        XCTAssertEqual(location.path, "Notes/unbounded-print.md")
        XCTAssertTrue((11...13).contains(location.line), "\(location)")
        guard case .text(let text)? = cell.items.first else { return XCTFail("no text: \(cell.items)") }
        XCTAssertEqual(text.utf8.count, 16 * 1024)
        XCTAssertTrue(text.hasPrefix("flood flood flood flood\nflood"))
        XCTAssertEqual(run.cells[0].items, [.text("cell 0 prints a little\n")], "the cell before keeps its own output")
    }

    func testCrashDetailShowsTheBacktraceInTheNote() async throws {
        let runs = try await runs()
        let fatal = try XCTUnwrap(runs["fatal-error"]?.cells[1].error)
        XCTAssertEqual(fatal.detail, """
              at Notes/fatal-error.md:6:9 in check(_:)
              at Notes/fatal-error.md:13:1 in main
            """)
        let overflow = try XCTUnwrap(runs["stack-overflow"]?.cells[0].error)
        XCTAssertTrue(overflow.detail.contains("at Notes/stack-overflow.md:5:16 in depth(_:) ("), overflow.detail)
        XCTAssertTrue(
            overflow.detail.contains("times)"), "a deep recursion is one line with its count: \(overflow.detail)")
    }

    func testCompileErrorsShowTheNotesOwnLines() async throws {
        let runs = try await runs()
        let error = try XCTUnwrap(runs["compile-error"]?.cells[1].error)
        XCTAssertEqual(error.detail, """
            Notes/compile-error.md:11:14: error: value of type '[Double]' has no member 'cnt'
              11 | print(scores.cnt)
                 |       ~~~~~~ ^~~
            """)
    }

    func testOtherNotesStillRunAndNoProcessIsLeft() async throws {
        let runs = try await runs()
        XCTAssertEqual(runs["shared-state"]?.failed, false, "a passing note runs beside the failing ones")
        XCTAssertEqual(runs["background-process"]?.failed, false)
        XCTAssertEqual(ProcessTable.leftoverChildren(), [], "no cell program outlives its run")
        XCTAssertEqual(ChildRegistry.shared.liveGroupCount, 0)
        // The background-process note started `sleep 30` in its process group: it must be gone too.
        let printed = try XCTUnwrap(runs["background-process"]?.cells[0].text)
        let group = try XCTUnwrap(Int32(printed.replacingOccurrences(of: "group ", with: "")), printed)
        XCTAssertEqual(ProcessTable.members(ofGroup: group), [], "the cell's own child was killed with its group")
    }
}

extension CellStatus {
    /// The status with errors blanked, to compare shapes of runs.
    var withoutError: String {
        switch self {
        case .failed: return "failed"
        case .failedAsExpected: return "failedAsExpected"
        default: return "\(self)"
        }
    }

    /// A failed status, for tables of expected shapes.
    static var failed: CellStatus { .failed(CellError(kind: .internalError, message: "", location: nil)) }
}
