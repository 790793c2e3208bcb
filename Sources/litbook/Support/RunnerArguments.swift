// The options every command that runs notes takes: how many at once, whether to ignore the cache, where it lives.

import ArgumentParser
import Runner

struct RunnerArguments: ParsableArguments {
    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Notes compiled and run at the same time (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Flag(help: "Run the notes again, ignoring cached results (with NOTES: just those notes).")
    var force = false

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp("Where cell results are cached.", valueName: "dir"))
    var cacheDirectory: String = ".litbook-cache"

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not '\(jobs)'") }
    }

    /// The runner's options for these arguments and `limits`.
    func options(limits: Limits = .defaults) -> RunOptions {
        RunOptions(jobs: jobs ?? RunOptions.defaultJobs, force: force, limits: limits, cacheDirectory: cacheDirectory)
    }
}
