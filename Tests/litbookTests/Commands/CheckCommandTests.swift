// End-to-end tests of `litbook check`: real notes in a temporary folder, the real binary, real cells.

import Foundation
import XCTest

/// Runs the built `litbook` in a scratch folder holding a `Notes/` folder of fixture notes.
class CheckCommandTestCase: XCTestCase {
    /// What one `litbook` invocation printed and how it exited.
    struct Invocation {
        var status: Int32
        var output: String
        var errors: String

        /// The last line of standard output: for `check`, the `N passed, N failed` summary.
        var lastLine: String {
            output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().last.map(String.init) ?? ""
        }
    }

    private(set) var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("litbook-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Notes"),
                                                withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `Notes/<name>` with exactly `text`'s bytes.
    func writeNote(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent("Notes/" + name))
    }

    /// The bytes of `Notes/<name>` as text.
    func readNote(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent("Notes/" + name)), as: UTF8.self)
    }

    /// Runs `litbook` with `arguments` in the scratch folder, its cache inside it.
    func litbook(_ arguments: [String]) throws -> Invocation {
        let process = Process()
        process.executableURL = Self.binary
        var all = arguments
        if ["check", "run"].contains(arguments.first) {
            all += ["--cache-dir", folder.appendingPathComponent(".cache").path]
        }
        process.arguments = all
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = "1"  // no live progress: standard output holds the report alone
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes before waiting, so a chatty child never blocks on a full pipe.
        let errorData = FutureData(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Invocation(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                          errors: String(decoding: errorData.value, as: UTF8.self))
    }

    /// `litbook`, next to the test bundle in the build folder.
    static var binary: URL {
        let bundle = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                                          ?? CommandLine.arguments[0])
        return bundle.deletingLastPathComponent().appendingPathComponent("litbook")
    }

    /// Reads a pipe to its end on another thread.
    final class FutureData: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        var value: Data {
            done.wait()
            return data
        }
    }
}

/// What `check` prints and how it exits, for each kind of cell.
final class CheckCommandTests: CheckCommandTestCase {
    func testMatchingNoiseChangedUnrecordedAndFailedCells() throws {
        try writeNote("01-加法.md", """
            ---
            title: 加法
            ---

            ```swift
            print(1 + 1)
            ```

            ```output
            2
            ```

            ```swift
            print((2.0 / 3.0 * 10000).rounded() / 10000)
            ```

            ```output
            0.6666
            ```

            ```swift
            print("tokens:", 3 * 4)
            ```

            ```output
            tokens: 11
            ```

            ```swift
            print("new")
            ```

            ```swift norun
            while true {}
            ```

            """)
        let result = try litbook(["check", "Notes"])
        XCTAssertEqual(result.status, 1, result.errors)
        XCTAssertEqual(result.output, """
            Notes/01-加法.md:25: error: recorded output differs (cell at line 21)
            --- recorded
            +++ this run
            @@ -1 +1 @@
            -tokens: 11
            +tokens: 12

            Notes/01-加法.md:29: error: no recorded output
            --- no recorded output
            +++ this run
            @@ -0,0 +1 @@
            +new

            2 passed, 2 failed

            """)
    }

    func testAllPassingExitsZero() throws {
        try writeNote("a.md", "```swift\nprint(1 + 1)\n```\n\n```output\n2\n```\n")
        let result = try litbook(["check"])
        XCTAssertEqual(result.status, 0, result.output + result.errors)
        XCTAssertEqual(result.output, "1 passed, 0 failed\n")
    }

    func testAFailingCellIsReportedAtItsLine() throws {
        try writeNote("a.md", "# 越界\n\n```swift\nlet xs = [1, 2]\nprint(xs[5])\n```\n\n```output\n3\n```\n")
        let result = try litbook(["check", "Notes/a.md"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.hasPrefix("Notes/a.md:5"), result.output)
        XCTAssertTrue(result.output.contains("error: cell failed: "), result.output)
        XCTAssertTrue(result.output.contains("Index out of range"), result.output)
        XCTAssertEqual(result.lastLine, "0 passed, 1 failed")
    }

    func testAFailsCellComparesItsRecordedError() throws {
        try writeNote("a.md", "```swift fails\nlet xs = [1]\nprint(xs[3])\n```\n")
        _ = try litbook(["check", "--update"])
        let recorded = try readNote("a.md")
        XCTAssertTrue(recorded.contains("```output\n"), recorded)
        let again = try litbook(["check"])
        XCTAssertEqual(again.status, 0, again.output)
        XCTAssertEqual(again.output, "1 passed, 0 failed\n")
    }

    func testToleranceFromACellOptionAndFromFrontMatter() throws {
        let cell = "```swift\nprint(0.1250)\n```\n\n```output\n0.1260\n```\n"
        try writeNote("strict.md", cell)
        try writeNote("cell.md", cell.replacingOccurrences(of: "```swift\n", with: "```swift tolerance=0.01\n"))
        try writeNote("note.md", "---\ntolerance: 0.01\n---\n\n" + cell)
        let result = try litbook(["check"])
        XCTAssertEqual(result.lastLine, "2 passed, 1 failed")
        XCTAssertTrue(result.output.hasPrefix("Notes/strict.md:5: error: recorded output differs"), result.output)
    }

    func testAMissingNoteIsAUsageError() throws {
        let result = try litbook(["check", "Notes/nope.md"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.errors, "Notes/nope.md: error: no such file or folder\n")
    }

    func testAFolderWithoutNotesFails() throws {
        let result = try litbook(["check", "Notes"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, "error: no notes found in 'Notes'\n")
    }

    func testAnUnreadableNoteFailsButTheOthersAreChecked() throws {
        try writeNote("a.md", "```swift hiden\nprint(1)\n```\n")
        try writeNote("b.md", "```swift\nprint(1)\n```\n\n```output\n1\n```\n")
        let result = try litbook(["check"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.hasPrefix("Notes/a.md:1:"), result.output)
        XCTAssertTrue(result.output.contains("hiden"), result.output)
        XCTAssertEqual(result.lastLine, "1 passed, 0 failed")
    }
}
