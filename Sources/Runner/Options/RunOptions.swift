// What a run may do: how many notes at once, what to re-run, the limits, where to cache.

import Foundation

/// The resources a note's program may use before it is stopped.
public struct Limits: Hashable, Sendable, Codable {
    /// Wall-clock seconds the whole program of one note may run (compilation not counted).
    public var timeLimit: Double
    /// Bytes of memory (resident set) the program may use.
    public var memoryLimit: Int
    /// Bytes one cell may print; a cell printing more is stopped.
    public var outputLimit: Int

    public init(timeLimit: Double = 120, memoryLimit: Int = 2 << 30, outputLimit: Int = 1 << 20) {
        precondition(timeLimit > 0 && memoryLimit > 0 && outputLimit > 0, "limits are positive")
        self.timeLimit = timeLimit
        self.memoryLimit = memoryLimit
        self.outputLimit = outputLimit
    }

    /// 120 s a note (the longest study notes take about 40 s on a busy 2-core machine), 2 GiB, 1 MiB printed per cell.
    public static let defaults = Limits()
}

/// How `NoteRunner` runs a set of notes.
public struct RunOptions: Sendable {
    /// Notes compiled and run at the same time.
    public var jobs: Int
    /// Re-run every note, ignoring cached results.
    public var force: Bool
    /// Re-run these notes (paths as in `Note.path`), ignoring their cached results.
    public var forcePaths: Set<String>
    /// The defaults; a note's front matter may override each (`timeout`, `memory`, `output-limit`).
    public var limits: Limits
    /// Where results are kept between runs.
    public var cacheDirectory: String
    /// The compiler and litbook's built modules; nil finds them with `Toolchain.locate()`.
    public var toolchain: Toolchain?

    public init(jobs: Int = RunOptions.defaultJobs, force: Bool = false, forcePaths: Set<String> = [],
                limits: Limits = .defaults, cacheDirectory: String = ".litbook-cache",
                toolchain: Toolchain? = nil) {
        precondition(jobs >= 1, "at least one job")
        self.jobs = jobs
        self.force = force
        self.forcePaths = forcePaths
        self.limits = limits
        self.cacheDirectory = cacheDirectory
        self.toolchain = toolchain
    }

    /// The number of active processor cores.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
