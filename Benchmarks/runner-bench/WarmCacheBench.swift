// 20 unchanged notes with a warm cache: no compiler may start, and the whole run must be quick.

import Foundation
import Notebook
import Runner

struct WarmCacheBench {
    let workspace: BenchWorkspace

    func run() async throws {
        let notesFolder = workspace.path + "/warm/Notes"
        try FileManager.default.createDirectory(atPath: notesFolder, withIntermediateDirectories: true)
        for k in 0..<20 {
            try BenchNotes.text(cells: 3, seed: k).write(
                toFile: notesFolder + "/note-\(k).md", atomically: true, encoding: .utf8)
        }
        let cache = workspace.path + "/warm/cache"
        let options = RunOptions(cacheDirectory: cache, toolchain: workspace.countingToolchain)
        let notes = NoteLoader.load(NoteFinder.find([notesFolder]).paths).notes
        let filled = await (try NoteRunner(options: options, progress: nil)).run(notes)
        precondition(filled.allSatisfy { !$0.failed }, "a bench note failed")

        // In process: a new runner, as a new `litbook run` would make (it hashes the build again).
        let callsBefore = workspace.compilerCalls
        let start = ContinuousClock.now
        let found = NoteLoader.load(NoteFinder.find([notesFolder]).paths).notes
        let warm = await (try NoteRunner(options: options, progress: nil)).run(found)
        let elapsed = seconds(since: start)
        precondition(warm.allSatisfy(\.fromCache), "a note was not taken from the cache")
        report(["bench": "warm run of 20 unchanged notes (in process: find, parse, hash, load)",
                "seconds": elapsed, "swiftc_invocations": workspace.compilerCalls - callsBefore])

        try measureCommandLine(notesFolder: notesFolder, cache: cache)
    }

    /// The same through the `litbook` executable built next to this benchmark, if there is one.
    private func measureCommandLine(notesFolder: String, cache: String) throws {
        let litbook = workspace.toolchain.libraryDirectory + "/litbook"
        guard FileManager.default.isExecutableFile(atPath: litbook) else {
            report([
                "bench": "warm `litbook run` of 20 unchanged notes",
                "skipped": "no litbook executable in \(workspace.toolchain.libraryDirectory)",
            ])
            return
        }
        var times: [Double] = []
        var calls = 0
        for _ in 0..<5 {
            let before = workspace.compilerCalls
            let process = Process()
            process.executableURL = URL(fileURLWithPath: litbook)
            process.arguments = ["run", notesFolder, "--cache-dir", cache]
            var environment = ProcessInfo.processInfo.environment
            environment[Toolchain.compilerVariable] = workspace.countingToolchain.compiler
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            let start = ContinuousClock.now
            try process.run()
            process.waitUntilExit()
            times.append(seconds(since: start))
            precondition(process.terminationStatus == 0, "litbook run failed with status \(process.terminationStatus)")
            calls += workspace.compilerCalls - before
        }
        report(["bench": "warm `litbook run` of 20 unchanged notes (whole process)", "seconds_median": median(times),
                "seconds_max": times.max()!, "runs": times.count, "swiftc_invocations": calls])
    }
}
