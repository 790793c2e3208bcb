// `fails` cells: their error is their output, and the cells after them still run.

import Runner
import XCTest

final class FailsCellTests: XCTestCase {
    func testExpectedFailuresAreOutputsAndLaterCellsRun() async throws {
        let run = try await runFixtures(["fails-cells"])[0]
        let expected: [CellStatus] = [
            .passed, .failedAsExpected(anyError), .failedAsExpected(anyError), .passed, .unexpectedlyPassed,
        ]
        XCTAssertEqual(run.cells.map { $0.status.withoutError }, expected.map(\.withoutError))

        let compile = try XCTUnwrap(run.cells[1].error)
        XCTAssertEqual(compile.kind, .compile)
        XCTAssertEqual(compile.location?.description, "Notes/fails-cells.md:11:14")
        XCTAssertEqual(run.cells[1].text, "cannot convert value of type 'String' to specified type 'Int'")

        let trap = try XCTUnwrap(run.cells[2].error)
        XCTAssertEqual(trap.kind, .trap)
        XCTAssertEqual(trap.location?.description, "Notes/fails-cells.md:20:12")
        XCTAssertEqual(run.cells[2].text, "cell 2 before the trap\nFatal error: Index out of range",
                       "the output of a cell that failed as expected is what it printed, then its error")

        // Cell 3 ran in the program without cell 2: cell 2's append never happened there.
        XCTAssertEqual(run.cells[3].text, "start,cell 3")
        XCTAssertTrue(run.failed, "a `fails` cell that passes fails the note")
    }

    func testANoteWhoseFailsCellsAllFailPasses() async throws {
        let text = try RunnerFixtures.text("fails-cells")
        // Without the last cell (the one that does not fail), the note passes.
        let trimmed = String(text[..<text.range(of: "```swift fails\nprint(\"this cell")!.lowerBound])
        let scratch = try ScratchFolder()
        let run = try await makeRunner(cache: scratch.path).run([try RunnerFixtures.note("fails-cells", text: trimmed)]
        )[0]
        XCTAssertFalse(run.failed, "\(run.cells.map(\.status))")
    }

    private var anyError: CellError { CellError(kind: .internalError, message: "", location: nil) }
}
