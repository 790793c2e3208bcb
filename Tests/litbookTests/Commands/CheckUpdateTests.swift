// End-to-end tests of accepting outputs: `check --update` and `run --update` write output blocks and nothing else.

import Foundation
import XCTest

final class CheckUpdateTests: CheckCommandTestCase {
    private let note =
        "# 注意力\n\n```swift\nprint(\"weights\", [0.25, 0.75])\n```\n\n- 列表里的单元:\n\n  ```swift\n  print(2 * 21)\n  ```\n"

    func testUpdateWritesTheOutputsThenChangesNothing() throws {
        try writeNote("a.md", note)
        let first = try litbook(["check", "--update"])
        XCTAssertEqual(first.status, 0, first.output + first.errors)
        XCTAssertTrue(first.output.hasSuffix("updated Notes/a.md (2 outputs)\n2 passed, 0 failed\n"), first.output)
        XCTAssertEqual(try readNote("a.md"), """
            # 注意力

            ```swift
            print("weights", [0.25, 0.75])
            ```

            ```output
            weights [0.25, 0.75]
            ```

            - 列表里的单元:

              ```swift
              print(2 * 21)
              ```

              ```output
              42
              ```

            """)
        let written = try readNote("a.md")
        let second = try litbook(["check", "--update"])
        XCTAssertEqual(second.output, "2 passed, 0 failed\n")
        XCTAssertEqual(try readNote("a.md"), written)
    }

    func testRunUpdateWritesTheSameOutputs() throws {
        try writeNote("a.md", note)
        let run = try litbook(["run", "--update"])
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        XCTAssertTrue(try readNote("a.md").contains("  ```output\n  42\n  ```\n"))
        XCTAssertEqual(try litbook(["check"]).output, "2 passed, 0 failed\n")
    }

    func testAnEngineChangeIsListedWithDiffsThenAccepted() throws {
        // After an engine change the outputs differ from their recordings: simulated here by
        // recordings an older engine printed. The cache key does not see a hand edit of an
        // output block, so the cached run is compared against the new recordings.
        try writeNote("a.md", note)
        _ = try litbook(["check", "--update"])
        let current = try readNote("a.md")
        try writeNote("a.md", current.replacingOccurrences(of: "weights [0.25, 0.75]", with: "weights [0.35, 0.65]")
            .replacingOccurrences(of: "  42\n", with: "  41\n"))

        let listed = try litbook(["check"])
        XCTAssertEqual(listed.status, 1)
        XCTAssertEqual(listed.output, """
            Notes/a.md:7: error: recorded output differs (cell at line 3)
            --- recorded
            +++ this run
            @@ -1 +1 @@
            -weights [0.35, 0.65]
            +weights [0.25, 0.75]

            Notes/a.md:17: error: recorded output differs (cell at line 13)
            --- recorded
            +++ this run
            @@ -1 +1 @@
            -41
            +42

            0 passed, 2 failed

            """)

        let accepted = try litbook(["check", "--update"])
        XCTAssertEqual(accepted.status, 0)
        XCTAssertTrue(accepted.output.contains("Notes/a.md:7: note: recorded output updated (cell at line 3)\n"))
        XCTAssertTrue(accepted.output.hasSuffix("updated Notes/a.md (2 outputs)\n2 passed, 0 failed\n"))
        XCTAssertEqual(try readNote("a.md"), current)
    }

    func testTrickyBytesAroundTheOutputsAreKept() throws {
        // A BOM, CRLF line endings, a tab and trailing spaces in prose, and no final newline.
        let tricky = "\u{FEFF}# 标题\r\n\r\n\tindented prose  \r\n\r\n```swift\r\nprint(7)\r\n```"
        try writeNote("a.md", tricky)
        let result = try litbook(["check", "--update"])
        XCTAssertEqual(result.status, 0, result.output + result.errors)
        XCTAssertEqual(try readNote("a.md"), tricky + "\r\n\r\n```output\r\n7\r\n```")
        XCTAssertEqual(try litbook(["check"]).output, "1 passed, 0 failed\n")
    }

    func testANoteEditedDuringTheRunIsNotOverwritten() throws {
        let path = folder.appendingPathComponent("Notes/a.md").path
        try writeNote("a.md", """
            ```swift
            import Foundation
            let path = \(String(reflecting: path))
            let text = try! String(contentsOfFile: path, encoding: .utf8)
            try! (text + "\\nAdded while litbook ran.\\n").write(toFile: path, atomically: false, encoding: .utf8)
            print("edited")
            ```

            """)
        let result = try litbook(["check", "--update"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.output.hasSuffix(
                "Notes/a.md: error: changed on disk while litbook ran; not overwritten\n0 passed, 1 failed\n"),
            result.output)
        let text = try readNote("a.md")
        XCTAssertTrue(text.hasSuffix("\nAdded while litbook ran.\n"))
        XCTAssertFalse(text.contains("```output"))
    }
}
