// Whatever a cell starts, and however it starts it, is gone when its note ends, fails or hits a limit.

import Foundation
import Runner
import XCTest

final class LeftoverProcessTests: XCTestCase {
    /// Every process whose command line is `sleep <argument>`, zombies left out.
    private func sleepers(_ argument: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.filter { name in
            guard Int32(name) != nil,
                  let command = FileManager.default.contents(atPath: "/proc/\(name)/cmdline"),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let state = stat[stat.index(after: close)...].split(separator: " ").first
            let words = command.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return state != "Z" && words.last == argument && words.first?.hasSuffix("sleep") == true
        }
    }

    func testEveryWayOfStartingAProcessLeavesNothingBehind() async throws {
        let run = try await runFixtures(["spawned-processes"])[0]
        XCTAssertFalse(run.failed, "\(run.cells.map(\.status))")
        XCTAssertEqual(run.cells.map(\.text), [
            "Foundation.Process started", "posix_spawn: 0", "double fork with setsid done", "daemon done",
        ])
        for (way, argument) in [("Foundation.Process", "987601"), ("posix_spawn with a new session", "987602"),
                                ("a double fork with setsid", "987603"), ("daemon()", "987604")] {
            XCTAssertEqual(sleepers(argument), [], "the sleep started by \(way) outlived its note")
        }
        XCTAssertEqual(ProcessTable.leftoverChildren(), [], "adopted orphans are reaped, not left as zombies")
    }

    func testAProcessStartedBeforeATimeLimitIsGone() async throws {
        let run = try await runFixtures(["spawn-then-loop"])[0]
        XCTAssertEqual(run.cells[0].error?.kind, .timeLimit)
        XCTAssertEqual(sleepers("987605"), [], "the sleep outlived the note stopped at its time limit")
        XCTAssertEqual(ProcessTable.leftoverChildren(), [])
    }

    func testAProcessStartedBeforeACrashIsGone() async throws {
        let run = try await runFixtures(["spawn-then-crash"])[0]
        XCTAssertEqual(run.cells[0].status, .passed)
        XCTAssertEqual(run.cells[1].error?.kind, .trap)
        XCTAssertEqual(sleepers("987606"), [], "the sleep outlived the failed note")
    }
}
