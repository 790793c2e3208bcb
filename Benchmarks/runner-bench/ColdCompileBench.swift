// A note of 10 small cells, never seen before: generate, compile, run, split the output.

import Foundation
import Runner

struct ColdCompileBench {
    let workspace: BenchWorkspace

    func run() async throws {
        var times: [Double] = []
        for round in 0..<3 {
            let runner = try NoteRunner(options: RunOptions(jobs: 1, cacheDirectory: workspace.path + "/cold-\(round)",
                                                            toolchain: workspace.toolchain), progress: nil)
            let note = BenchNotes.note(cells: 10, seed: round, path: "Notes/cold-\(round).md")
            let start = ContinuousClock.now
            let result = await runner.run([note])[0]
            times.append(seconds(since: start))
            precondition(!result.failed, "the bench note failed: \(result)")
        }
        report(["bench": "cold compile + run, note of 10 small cells", "seconds_median": median(times),
                "seconds_min": times.min()!, "rounds": times.count])
    }
}
