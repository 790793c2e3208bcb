// Cells of one note share state, and each cell's text and figures come back under it, in order.

import Figures
import Runner
import XCTest

final class SharedStateTests: XCTestCase {
    func testCellsShareStateAndKeepTheirOwnOutput() async throws {
        let run = try await runFixtures(["shared-state"])[0]
        XCTAssertFalse(run.failed, "\(run)")
        XCTAssertEqual(run.cells.map(\.status), [.passed, .passed, .skipped, .passed])
        XCTAssertEqual(run.cells[0].items, [.text("total 6\n")])
        XCTAssertEqual(run.cells[3].items, [.text("注意力 12")], "a cell's text keeps its missing final newline")
    }

    func testFiguresStayBetweenTheTextPrintedAroundThem() async throws {
        let run = try await runFixtures(["shared-state"])[0]
        let items = run.cells[1].items
        XCTAssertEqual(items.count, 3, "\(items)")
        XCTAssertEqual(items.first, .text("before the figure\n"))
        XCTAssertEqual(items.last, .text("after the figure\n"))
        guard case .figure(.heatmap(let map))? = items.dropFirst().first else {
            return XCTFail("expected a heatmap between the two texts, got \(items)")
        }
        XCTAssertEqual(map.title, "masked")
        XCTAssertEqual(map.values[0][1], -Double.infinity, "−∞ survives the record channel")
        XCTAssertTrue(map.values[1][0].isNaN, "NaN survives the record channel")
    }

    func testProgressTellsEachStepInOrder() async throws {
        let scratch = try ScratchFolder()
        let log = ProgressLog()
        let runner = try makeRunner(cache: scratch.path, progress: log)
        let note = try RunnerFixtures.note("shared-state")
        _ = await runner.run([note])
        XCTAssertEqual(
            log.events,
            [
                "compiling Notes/shared-state.md",
                "running Notes/shared-state.md 1/3", "running Notes/shared-state.md 2/3",
                "running Notes/shared-state.md 3/3",
                "finished Notes/shared-state.md",
            ])
        let again = ProgressLog()
        _ = await (try makeRunner(cache: scratch.path, progress: again)).run([note])
        XCTAssertEqual(again.events, ["cached Notes/shared-state.md", "finished Notes/shared-state.md"])
    }
}
