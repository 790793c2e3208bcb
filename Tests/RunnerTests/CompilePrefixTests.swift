// A cell that does not compile stops the note at that cell: the cells before it still run and keep their outputs.

import Runner
import XCTest

final class CompilePrefixTests: XCTestCase {
    func testCellsBeforeACompileErrorRunAndKeepTheirOutputs() async throws {
        let run = try await runFixtures(["compile-prefix"])[0]
        XCTAssertEqual(run.cells.map { $0.status.withoutError },
                       [CellStatus.passed, .passed, .failed, .notRun(afterFailureOf: 2)].map(\.withoutError))
        XCTAssertEqual(run.cells[0].text, "cell 0 ran: 3")
        XCTAssertEqual(run.cells[1].text, "cell 1 ran too")
        let error = try XCTUnwrap(run.cells[2].error)
        XCTAssertEqual(error.kind, .compile)
        XCTAssertEqual(error.message, "cannot find 'undefinedName' in scope")
        XCTAssertEqual(error.location?.description, "Notes/compile-prefix.md:13:7")
        XCTAssertEqual(run.cells[3].text, "")
    }

    func testACRLFNoteKeepsItsFirstCellsOutput() async throws {
        let run = try await runFixtures(["compile-prefix-crlf"])[0]
        XCTAssertEqual(run.cells[0].status, .passed)
        XCTAssertEqual(run.cells[0].text, "first cell ran")
        XCTAssertEqual(run.cells[1].error?.kind, .compile)
        XCTAssertEqual(run.cells[1].error?.location?.description, "Notes/compile-prefix-crlf.md:8:14")
    }

    /// The prefix is cached like any run: a second run takes the same results from the cache.
    func testThePrefixResultIsCached() async throws {
        let scratch = try ScratchFolder()
        let note = try RunnerFixtures.note("compile-prefix")
        let first = try await makeRunner(cache: scratch.path).run([note])[0]
        let second = try await makeRunner(cache: scratch.path).run([note])[0]
        XCTAssertTrue(second.fromCache)
        XCTAssertEqual(second.cells, first.cells)
    }
}
