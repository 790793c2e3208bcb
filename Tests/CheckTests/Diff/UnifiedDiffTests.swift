// Snapshot tests of the unified diff `check` prints under a mismatch.

import XCTest
@testable import Check

final class UnifiedDiffTests: XCTestCase {
    func testOneChangedLineWithContext() {
        let recorded = (1...9).map { "line \($0)" }.joined(separator: "\n")
        let new = recorded.replacingOccurrences(of: "line 5", with: "line five")
        XCTAssertEqual(UnifiedDiff().render(recorded: recorded, new: new), """
            --- recorded
            +++ this run
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    func testDistantChangesMakeTwoHunks() {
        let recorded = (1...20).map { "row \($0)" }
        var new = recorded
        new[1] = "row two"
        new[18] = "row nineteen"
        let diff = UnifiedDiff(contextLines: 1).render(recorded: recorded.joined(separator: "\n"),
                                                        new: new.joined(separator: "\n"))
        XCTAssertEqual(diff, """
            --- recorded
            +++ this run
            @@ -1,3 +1,3 @@
             row 1
            -row 2
            +row two
             row 3
            @@ -18,3 +18,3 @@
             row 18
            -row 19
            +row nineteen
             row 20

            """)
    }

    func testNoiseWithinToleranceIsNotShownAsAChange() {
        let recorded = "a 0.1235\nb 0.5000\nc 7"
        let new = "a 0.1236\nb 0.5000\nc 8"
        XCTAssertEqual(UnifiedDiff().render(recorded: recorded, new: new), """
            --- recorded
            +++ this run
            @@ -1,3 +1,3 @@
             a 0.1235
             b 0.5000
            -c 7
            +c 8

            """)
    }

    func testAMissingRecordingIsAllInsertions() {
        XCTAssertEqual(UnifiedDiff().render(recorded: "", new: "2\n3", oldLabel: "no recorded output"), """
            --- no recorded output
            +++ this run
            @@ -0,0 +1,2 @@
            +2
            +3

            """)
    }

    func testAnOutputThatVanishedIsAllRemovals() {
        XCTAssertEqual(UnifiedDiff().render(recorded: "x", new: ""), """
            --- recorded
            +++ this run
            @@ -1 +0,0 @@
            -x

            """)
    }

    func testMatchingOutputsHaveNoDiff() {
        XCTAssertEqual(UnifiedDiff().render(recorded: "a 0.1235", new: "a 0.1236"), "")
        XCTAssertEqual(UnifiedDiff().render(recorded: "", new: ""), "")
    }

    func testEmptyLinesAreLines() {
        XCTAssertEqual(UnifiedDiff().render(recorded: "a\n\nb", new: "a\nb"), """
            --- recorded
            +++ this run
            @@ -1,3 +1,2 @@
             a
            -
             b

            """)
    }
}
