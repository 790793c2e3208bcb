// runner-bench: how long the runner takes to compile and run a note, to reuse cached results, and to frame records.
//
// Prints one JSON line per measurement and appends the run to Benchmarks/results/runner-bench.jsonl.
// Run it from a release build, so that the engine and runtime the notes link against are the optimised ones:
//
//     swift build -c release --product NotebookRuntime && swift run -c release runner-bench

import BenchmarkResults
import Foundation

RunRecord.start()

let workspace = try BenchWorkspace()
defer { workspace.remove() }

try await ColdCompileBench(workspace: workspace).run()
try await WarmCacheBench(workspace: workspace).run()
FramingBench().run()
RunRecord.save(bench: "runner-bench")
