// `litbook run` end to end: exit statuses, messages at note lines, the summary, the cache, Ctrl-C.

import Foundation
import XCTest

final class RunCommandTests: XCTestCase {
    func testPassingNotesExitZeroWithOnePlainLineEachAndASummary() throws {
        let project = try CLIProject(notes: ["a.md": CLIProject.passingNote, "b.md": CLIProject.passingNote])
        let first = try project.litbook(["run"])
        XCTAssertEqual(first.status, 0, first.all)
        XCTAssertEqual(first.stdoutLines.filter { $0.hasPrefix("passed ") }.count, 2, first.stdout)
        XCTAssertTrue(
            first.stdoutLines.last?.hasPrefix("2 notes: 2 passed, 0 failed, 0 cached in ") == true, first.stdout)
        XCTAssertFalse(first.stdout.contains("\u{1B}["), "no terminal, no escape codes")

        let second = try project.litbook(["run"])
        XCTAssertEqual(second.status, 0, second.all)
        XCTAssertTrue(
            second.stdoutLines.last?.hasPrefix("2 notes: 2 passed, 0 failed, 2 cached in ") == true, second.stdout)
        XCTAssertEqual(project.compilerCalls, 2, "the second run compiled nothing")
    }

    func testAFailingCellIsReportedAtItsNoteLineAndExitsOne() throws {
        let project = try CLIProject(notes: [
            "ok.md": CLIProject.passingNote,
            "broken.md":
                "# broken\n\n```swift\nlet scores = [0.1, 0.7]\nprint(scores.cnt)\n```\n\n```swift\nprint(1)\n```\n",
            "trap.md": "# trap\n\n```swift\nlet a = [1]\nprint(a[3])\n```\n",
        ])
        let result = try project.litbook(["run"])
        XCTAssertEqual(result.status, 1, result.all)
        XCTAssertTrue(result.stderr.contains("""
            Notes/broken.md:5:14: error: value of type '[Double]' has no member 'cnt'
               5 | print(scores.cnt)
                 |       ~~~~~~ ^~~
            Notes/broken.md: note: 1 other cell not run
            """), result.stderr)
        XCTAssertTrue(result.stderr.contains("Notes/trap.md:5:8: error: Fatal error: Index out of"
            + " range"), result.stderr)
        XCTAssertTrue(result.stdoutLines.last?.hasPrefix("3 notes: 1 passed, 2 failed, 0 cached in"
            + " ") == true, result.stdout)
    }

    func testANoteWithAParseErrorStillRunsAndFails() throws {
        let project = try CLIProject(notes: [
            "typo.md": "# typo\n\n```swift hiden\nprint(\"ran anyway\")\n```\n",
            "ok.md": CLIProject.passingNote,
        ])
        let result = try project.litbook(["run"])
        XCTAssertEqual(result.status, 1, result.all)
        XCTAssertTrue(result.stderr.contains("Notes/typo.md:3:10: error: unknown cell option 'hiden'"), result.stderr)
        XCTAssertEqual(project.compilerCalls, 2, "both notes ran")
        XCTAssertTrue(
            result.stdoutLines.last?.hasPrefix("2 notes: 1 passed, 1 failed, 0 cached in ") == true, result.stdout)
    }

    func testUpdateWritesOutputsIntoTheNote() throws {
        let project = try CLIProject(notes: ["u.md": "# u\n\n```swift\nprint(6 * 7)\n```\n\nEnd.\n"])
        let result = try project.litbook(["run", "--update"])
        XCTAssertEqual(result.status, 0, result.all)
        XCTAssertTrue(result.stdout.contains("updated Notes/u.md (1 output)"), result.stdout)
        XCTAssertEqual(try String(contentsOfFile: project.root + "/Notes/u.md", encoding: .utf8),
                       "# u\n\n```swift\nprint(6 * 7)\n```\n\n```output\n42\n```\n\nEnd.\n")
    }

    func testUsageErrorsExitTwo() throws {
        let project = try CLIProject(notes: ["a.md": CLIProject.passingNote])
        let cases: [(arguments: [String], message: String)] = [
            (["run", "--jobs", "0"], "--jobs must be at least 1, not '0'"),
            (["run", "--timeout", "soon"], "--timeout must be a duration such as '30s' or '2m', not 'soon'"),
            (["run", "--memory", "lots"], "--memory must be a size such as '512MB' or '2GB', not 'lots'"),
            (["run", "--verbose"], "Unknown option '--verbose'"),
            (["run", "Notes/missing.md"], "Notes/missing.md: error: no such file or folder"),
        ]
        for test in cases {
            let result = try project.litbook(test.arguments)
            XCTAssertEqual(result.status, 2, "\(test.arguments): \(result.all)")
            XCTAssertTrue(result.stderr.contains(test.message), "\(test.arguments): \(result.stderr)")
        }
        XCTAssertEqual(project.compilerCalls, 0)
    }

    func testAFolderWithoutNotesFailsRatherThanPassingOnNothing() throws {
        let project = try CLIProject(notes: [:])
        let result = try project.litbook(["run"])
        XCTAssertEqual(result.status, 1, result.all)
        XCTAssertEqual(result.stderr, "error: no notes found in 'Notes'\n")
    }

    func testForceRunsCachedNotesAgain() throws {
        let project = try CLIProject(notes: ["a.md": CLIProject.passingNote, "b.md": CLIProject.passingNote])
        XCTAssertEqual(try project.litbook(["run"]).status, 0)
        XCTAssertEqual(try project.litbook(["run", "--force", "Notes/a.md"]).status, 0)
        XCTAssertEqual(project.compilerCalls, 3, "only the named note ran again")
        XCTAssertEqual(try project.litbook(["run", "--force"]).status, 0)
        XCTAssertEqual(project.compilerCalls, 5)
    }

    func testCellProgramsDieWithAKilledLitbook() throws {
        let looping = "---\ntimeout: 120s\n---\n# loop\n\n```swift\nwhile true {}\n```\n"
        let project = try CLIProject(notes: ["a.md": looping])
        let process = try project.start(["run"])
        let deadline = Date().addingTimeInterval(60)
        var programs: [Int32] = []
        while Date() < deadline && programs.isEmpty {
            usleep(100_000)
            programs = CLIProject.programs(startedBy: process.processIdentifier)
        }
        XCTAssertEqual(programs.count, 1, "the note's program started")
        // SIGKILL: no handler runs; the kernel's parent-death signal must end the program.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let gone = Date().addingTimeInterval(5)
        while Date() < gone && !programs.filter(CLIProject.isAlive).isEmpty { usleep(50_000) }
        XCTAssertEqual(programs.filter(CLIProject.isAlive), [], "no cell program outlives a killed litbook")
        // A killed litbook cannot remove its scratch folder: the test does.
        for folder in CLIProject.scratchFolders(of: process.processIdentifier) {
            try? FileManager.default.removeItem(
                atPath: FileManager.default.temporaryDirectory.appendingPathComponent(folder).path)
        }
    }

    func testInterruptKillsEveryChildAndExits130() throws {
        let looping = "---\ntimeout: 120s\n---\n# loop\n\n```swift\nprint(\"spinning\")\nwhile true {}\n```\n"
        let project = try CLIProject(notes: ["a.md": looping, "b.md": looping])
        let process = try project.start(["run", "--jobs", "2"])
        // Wait until both cell programs run (compiling takes a while).
        let deadline = Date().addingTimeInterval(60)
        var programs: [Int32] = []
        while Date() < deadline {
            programs = CLIProject.programs(startedBy: process.processIdentifier)
            if programs.count == 2 { break }
            usleep(100_000)
        }
        XCTAssertEqual(programs.count, 2, "both notes' programs started")
        kill(process.processIdentifier, SIGINT)
        let stopped = Date().addingTimeInterval(10)
        while process.isRunning && Date() < stopped { usleep(50_000) }
        XCTAssertFalse(process.isRunning, "litbook exits promptly on Ctrl-C")
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        usleep(200_000)
        XCTAssertEqual(programs.filter(CLIProject.isAlive), [], "no cell program outlives litbook")
        XCTAssertEqual(CLIProject.scratchFolders(of: process.processIdentifier), [], "scratch folders are removed")
    }
}
