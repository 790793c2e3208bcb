// The fixture notes of the runner's tests, parsed, and runners that run them in a scratch cache.

import Foundation
import Notebook
import Runner
import XCTest

/// Fixture notes from `Tests/RunnerTests/Fixtures`, named in messages as `Notes/<name>.md`.
enum RunnerFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The fixture's text.
    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name + ".md"), encoding: .utf8)
    }

    /// The fixture parsed as the note `Notes/<name>.md`, or with `text` in place of its own.
    static func note(_ name: String, text: String? = nil) throws -> Note {
        let parsed = NoteParser.parse(path: "Notes/\(name).md", text: try text ?? self.text(name))
        XCTAssertFalse(parsed.problems.containsError, "fixture \(name): \(parsed.problems)")
        return parsed.note
    }

    /// Limits small enough that a failing fixture fails fast.
    static let limits = Limits(timeLimit: 20, memoryLimit: 512 << 20, outputLimit: 256 << 10)
}

/// A folder deleted when the value goes away.
final class ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("runner-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Records every progress call, for tests that look at what a run reported.
final class ProgressLog: RunProgress, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var events: [String] = []

    func compiling(_ note: Note) { add("compiling \(note.path)") }
    func running(_ note: Note, cell: Int, of count: Int) { add("running \(note.path) \(cell)/\(count)") }
    func cached(_ note: Note) { add("cached \(note.path)") }
    func finished(_ run: NoteRun, elapsed: Double) { add("finished \(run.notePath)") }

    var compiled: [String] {
        lock.withLock { events.filter { $0.hasPrefix("compiling ") }.map { String($0.dropFirst("compiling ".count)) } }
    }

    private func add(_ event: String) { lock.withLock { events.append(event) } }
}

extension XCTestCase {
    /// A runner over `cache`, with the test limits unless told otherwise.
    func makeRunner(cache: String, jobs: Int = 2, force: Bool = false, forcePaths: Set<String> = [],
                    limits: Limits = RunnerFixtures.limits, toolchain: Toolchain? = nil,
                    progress: ProgressLog? = nil) throws -> NoteRunner {
        try NoteRunner(options: RunOptions(jobs: jobs, force: force, forcePaths: forcePaths, limits: limits,
                                           cacheDirectory: cache, toolchain: toolchain),
                       progress: progress)
    }

    /// Runs the named fixtures in a fresh cache and returns their results in order.
    func runFixtures(_ names: [String], jobs: Int = 2) async throws -> [NoteRun] {
        let scratch = try ScratchFolder()
        let runner = try makeRunner(cache: scratch.path + "/cache", jobs: jobs)
        return await runner.run(try names.map { try RunnerFixtures.note($0) })
    }
}

extension CellRun {
    /// The cell's printed text and figures' text forms, as a note would record them.
    var text: String { recordableText }

    /// The error of a failed cell, or of one that failed as expected.
    var error: CellError? {
        switch status {
        case .failed(let error), .failedAsExpected(let error): return error
        default: return nil
        }
    }
}
