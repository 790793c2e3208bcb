// `litbook serve` end to end: edits reach the pages over HTTP, the reload
// channel speaks, only site files are served, Ctrl-C leaves nothing.

import Foundation
import XCTest

final class ServeCommandTests: XCTestCase {
    /// A running `litbook serve` in a project, and the port it listens on.
    private struct Server {
        var process: Process
        var port: UInt16
        var folder: String
    }

    private func startServe(_ project: CLIProject, extra: [String] = []) throws -> Server {
        let process = try project.start(["serve", "--port", "0", "--jobs", "2"] + extra)
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline && process.isRunning {
            let out = (try? String(contentsOfFile: project.root + "/stdout.txt", encoding: .utf8)) ?? ""
            if let line = out.split(separator: "\n").first(where: { $0.hasPrefix("Serving http://127.0.0.1:") }),
               let port = UInt16(line.dropFirst("Serving http://127.0.0.1:".count).prefix { $0.isNumber }),
               let from = line.range(of: "(from "), let end = line[from.upperBound...].firstIndex(of: ")") {
                return Server(process: process, port: port, folder: String(line[from.upperBound..<end]))
            }
            usleep(100_000)
        }
        process.terminate()
        let stderr = (try? String(contentsOfFile: project.root + "/stderr.txt", encoding: .utf8)) ?? ""
        throw XCTSkip("serve did not start: \(stderr)")
    }

    /// Fetches `target` until `condition` holds (bounded), and returns the last response.
    private func fetch(_ port: UInt16, _ target: String, seconds: Double = 90,
                       until condition: (HTTPProbe.Response) -> Bool) -> HTTPProbe.Response? {
        let deadline = Date().addingTimeInterval(seconds)
        var last: HTTPProbe.Response?
        while Date() < deadline {
            last = HTTPProbe.get(port: port, target)
            if let last, condition(last) { return last }
            usleep(100_000)
        }
        return last
    }

    private func stop(_ server: Server) -> Int32 {
        kill(server.process.processIdentifier, SIGINT)
        server.process.waitUntilExit()
        return server.process.terminationStatus
    }

    func testEditsReachThePagesAndCtrlCLeavesNothing() throws {
        let project = try CLIProject(notes: [
            "a.md": "# Note A\n\nFirst prose.\n\n```swift\nprint(\"a says \", 1 + 1)\n```\n",
            "b.md": "# Note B\n\nAnother note.\n",
        ])
        let server = try startServe(project)
        defer { if server.process.isRunning { server.process.terminate() } }
        let port = server.port

        let index = try XCTUnwrap(HTTPProbe.get(port: port, "/"))
        XCTAssertEqual(index.status, 200)
        XCTAssertTrue(index.body.contains("Note A") && index.body.contains("Note B"), index.body)
        let page = try XCTUnwrap(HTTPProbe.get(port: port, "/a.html"))
        XCTAssertTrue(page.body.contains("a says  2"), page.body)
        XCTAssertTrue(page.body.contains("<script src=\"/_litbook/live.js\"></script>"), "pages carry the live script")
        XCTAssertEqual(HTTPProbe.get(port: port, "/_litbook/live.js")?.status, 200)

        // Served on loopback only.
        XCTAssertEqual(Set(HTTPProbe.listeningAddresses(port: port)), ["0100007F"])

        // The reload channel delivers an event when a page changes.
        let events = try XCTUnwrap(HTTPProbe.openEvents(port: port))
        defer { close(events) }
        XCTAssertTrue(HTTPProbe.read(events, until: "event: running", seconds: 10).contains("text/event-stream"))

        // A prose edit: the page changes without a compile.
        let compiles = project.compilerCalls
        try "# Note A\n\nEdited prose.\n\n```swift\nprint(\"a says \", 1 + 1)\n```\n"
            .write(toFile: project.root + "/Notes/a.md", atomically: true, encoding: .utf8)
        XCTAssertNotNil(
            fetch(port, "/a.html") { $0.body.contains("Edited prose.") }.flatMap {
                $0.body.contains("Edited prose.") ? $0 : nil
            })
        XCTAssertTrue(HTTPProbe.read(events, until: "a.html", seconds: 10).contains("event: reload"))
        XCTAssertEqual(project.compilerCalls, compiles, "a prose edit runs nothing")

        // A cell edit: the note runs again and the new output appears.
        try "# Note A\n\nEdited prose.\n\n```swift\nprint(\"a says \", 40 + 2)\n```\n"
            .write(toFile: project.root + "/Notes/a.md", atomically: true, encoding: .utf8)
        XCTAssertTrue(fetch(port, "/a.html") { $0.body.contains("a says  42") }?.body.contains("a says  42") ?? false)

        // A new note joins the index; a deleted one leaves it and its page goes.
        try "# Note C\n\nNew.\n".write(toFile: project.root + "/Notes/c.md", atomically: true, encoding: .utf8)
        XCTAssertTrue(fetch(port, "/") { $0.body.contains("Note C") }?.body.contains("Note C") ?? false)
        try FileManager.default.removeItem(atPath: project.root + "/Notes/b.md")
        XCTAssertFalse(fetch(port, "/") { !$0.body.contains("Note B") }?.body.contains("Note B") ?? true)
        XCTAssertEqual(HTTPProbe.get(port: port, "/b.html")?.status, 404)

        // Only the site's files: no way out through `..`, percent-encoding or a symbolic link.
        try FileManager.default.createSymbolicLink(
            atPath: server.folder + "/site/leak.html",
            withDestinationPath: project.root + "/Notes/a.md")
        for target in [
            "/../Notes/a.md", "/%2e%2e/Notes/a.md", "/..%2fNotes%2fa.md", "/leak.html", "/../../../../etc/passwd",
        ] {
            XCTAssertEqual(HTTPProbe.get(port: port, target)?.status, 404, target)
        }

        // Ctrl-C: exit 0, no cell program left, the temporary folder gone.
        let pid = server.process.processIdentifier
        XCTAssertEqual(stop(server), 0)
        XCTAssertEqual(CLIProject.programs(startedBy: pid).filter(CLIProject.isAlive), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: server.folder), "the temporary folder is removed")
        let stderr = (try? String(contentsOfFile: project.root + "/stderr.txt", encoding: .utf8)) ?? ""
        XCTAssertTrue(stderr.contains("stopped serving"), stderr)
    }

    func testAFailedCellIsReportedCompilerStyleAndShownInThePage() throws {
        let project = try CLIProject(notes: [
            "bad.md": "# Bad\n\n```swift\nprint(\"before\")\n```\n\n```swift\nprint(undefinedName)\n```\n"
        ])
        let server = try startServe(project)
        defer { if server.process.isRunning { server.process.terminate() } }
        let page = try XCTUnwrap(HTTPProbe.get(port: server.port, "/bad.html"))
        XCTAssertTrue(page.body.contains("before"), "the cell before the compile error still ran: \(page.body)")
        XCTAssertTrue(page.body.contains("undefinedName"), page.body)
        XCTAssertEqual(stop(server), 0)
        let stderr = (try? String(contentsOfFile: project.root + "/stderr.txt", encoding: .utf8)) ?? ""
        XCTAssertTrue(stderr.contains("Notes/bad.md:8:7: error: cannot find 'undefinedName' in scope"), stderr)
    }

    func testADataFileEditRunsTheNoteThatReadsIt() throws {
        let project = try CLIProject(notes: ["reads.md": "# Reads\n\n```swift\nimport Foundation\n"
            + "print(try String(contentsOfFile: \"data/word.txt\", encoding: .utf8))\n```\n"])
        try FileManager.default.createDirectory(atPath: project.root + "/Notes/data", withIntermediateDirectories: true)
        try "before\n".write(toFile: project.root + "/Notes/data/word.txt", atomically: true, encoding: .utf8)
        let server = try startServe(project)
        defer { if server.process.isRunning { server.process.terminate() } }
        XCTAssertTrue(HTTPProbe.get(port: server.port, "/reads.html")?.body.contains("before") ?? false)
        try "after\n".write(toFile: project.root + "/Notes/data/word.txt", atomically: true, encoding: .utf8)
        XCTAssertTrue(fetch(server.port, "/reads.html") { $0.body.contains("after") }?.body.contains("after") ?? false,
                      "the note that reads the data file ran again")
        XCTAssertEqual(stop(server), 0)
    }

    func testAnEditDuringARunRestartsIt() throws {
        let project = try CLIProject(notes: ["slow.md": "# Slow\n\nProse.\n"])
        let server = try startServe(project)
        defer { if server.process.isRunning { server.process.terminate() } }
        let events = try XCTUnwrap(HTTPProbe.openEvents(port: server.port))
        defer { close(events) }
        _ = HTTPProbe.read(events, until: "event: running", seconds: 10)
        // A run that would take a minute…
        try "# Slow\n\n```swift\nimport Foundation\nprint(\"slow\")\nThread.sleep(forTimeInterval: 60)\n```\n"
            .write(toFile: project.root + "/Notes/slow.md", atomically: true, encoding: .utf8)
        XCTAssertTrue(HTTPProbe.read(events, until: "Notes/slow.md", seconds: 10).contains("Notes/slow.md"))
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && CLIProject.programs(startedBy: server.process.processIdentifier).isEmpty {
            usleep(50_000)
        }
        // …is stopped by the next edit, whose own run ends long before the first would have.
        try "# Slow\n\n```swift\nprint(\"quick now\")\n```\n"
            .write(toFile: project.root + "/Notes/slow.md", atomically: true, encoding: .utf8)
        // The wait is shorter than the first run: the new output arrives only if that run was stopped.
        let page = fetch(server.port, "/slow.html", seconds: 45) { $0.body.contains("quick now") }
        XCTAssertTrue(page?.body.contains("quick now") ?? false, "the edited note ran again, the first run stopped")
        XCTAssertFalse(page?.body.contains(">slow<") ?? true)
        XCTAssertEqual(stop(server), 0)
    }

    func testAnOccupiedPortIsAClearError() throws {
        let project = try CLIProject(notes: ["a.md": "# A\n\nProse only.\n"])
        let server = try startServe(project)
        defer { if server.process.isRunning { server.process.terminate() } }
        let second = try CLIProject(notes: ["a.md": "# A\n\nProse only.\n"])
        let result = try second.litbook(["serve", "--port", String(server.port)])
        XCTAssertEqual(result.status, 1, result.all)
        XCTAssertTrue(result.stderr.contains("error: port \(server.port) on 127.0.0.1 is already in use; "
                                             + "stop what uses it or choose another with --port"), result.all)
        XCTAssertEqual(stop(server), 0)
    }

    func testCtrlCDuringARunEndsEveryProcessTheCellStarted() throws {
        let project = try CLIProject(notes: ["calm.md": "# Calm\n\nProse.\n"])
        let server = try startServe(project)
        defer { if server.process.isRunning { server.process.terminate() } }
        let events = try XCTUnwrap(HTTPProbe.openEvents(port: server.port))
        defer { close(events) }
        _ = HTTPProbe.read(events, until: "event: running", seconds: 10)
        try """
            # Calm

            ```swift
            import Foundation
            let sleeper = Process()
            sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
            sleeper.arguments = ["987711"]
            try sleeper.run()
            print("started")
            Thread.sleep(forTimeInterval: 60)
            ```

            """.write(toFile: project.root + "/Notes/calm.md", atomically: true, encoding: .utf8)
        XCTAssertTrue(HTTPProbe.read(events, until: "Notes/calm.md", seconds: 10).contains("Notes/calm.md"),
                      "the page is told the note is running")
        // Wait until the cell has started its sleep, then interrupt.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline && sleepers("987711").isEmpty { usleep(100_000) }
        XCTAssertFalse(sleepers("987711").isEmpty, "the cell started its process")
        XCTAssertEqual(stop(server), 0)
        XCTAssertEqual(sleepers("987711"), [], "the process the cell started is gone")
        // The run that Ctrl-C ended does not write the site again after its folder was removed.
        usleep(500_000)
        XCTAssertFalse(FileManager.default.fileExists(atPath: server.folder), "the temporary folder is removed")
    }

    /// Live processes whose command line ends in `argument` and starts with a `sleep`.
    private func sleepers(_ argument: String) -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name in
            guard let pid = Int32(name), CLIProject.isAlive(pid),
                  let command = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") else { return nil }
            let words = command.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return words.last == argument && words.first?.hasSuffix("sleep") == true ? pid : nil
        }
    }
}
