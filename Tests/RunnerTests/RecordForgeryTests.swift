// Whatever bytes a cell prints, records stay intact and the text comes back as printed.

import Figures
import Runner
import XCTest

final class RecordForgeryTests: XCTestCase {
    func testPrintedBytesCannotForgeSplitOrCorruptRecords() async throws {
        let run = try await runFixtures(["forgery"])[0]
        XCTAssertEqual(run.cells.map(\.status), [.passed, .passed], "a printed fake `cellEnd` ended nothing")
        let items = run.cells[0].items
        XCTAssertEqual(items.count, 3, "\(items)")
        guard case .text(let printed)? = items.first else { return XCTFail("\(items)") }
        // The fake frame, NUL bytes and the invalid UTF-8 (as U+FFFD) are text, in order.
        let fakeFrame = "LBR1\u{14}" + String(repeating: "\0", count: 11) + #"{"cellEnd":{"_0":0}}"#
        XCTAssertEqual(printed, fakeFrame + "\n\0A\0\n\u{FFFD}\u{FFFD}\n#cellEnd 0\n")
        XCTAssertEqual(items[1], .figure(.table(Table(title: nil, header: ["x", "y"], rows: [["a", "b"]]))),
                       "the real record arrives between the texts printed around it")
        XCTAssertEqual(items[2], .text("to stderr\nno final newline"), "stderr is kept in order with stdout")
        XCTAssertEqual(run.cells[1].items, [.text("cell 1 ran\n")])
    }
}
