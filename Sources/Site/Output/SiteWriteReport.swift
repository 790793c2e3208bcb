// What writing the site did to the files in the output folder that litbook did not write.

/// The outcome of `SiteWriter.write`, for the command line to report.
public struct SiteWriteReport: Sendable, Equatable {
    /// How many files litbook wrote (the manifest not counted).
    public var writtenCount: Int
    /// Files litbook did not write, kept in place; relative to the output folder.
    public var keptForeignFiles: [String]
    /// Files litbook did not write, removed because of `--clean`.
    public var removedForeignFiles: [String]
    /// Files of the previous build that this build no longer writes (pages of removed notes).
    public var removedStaleFiles: [String]

    /// One warning line per kept file, e.g. `Site/x: not written by litbook; kept (use --clean to remove)`.
    public func warnings(outputDirectory: String) -> [String] {
        keptForeignFiles.map {
            "\(SiteWriter.display(outputDirectory, $0)): not written by litbook; kept (use --clean to remove)"
        }
    }
}

/// Why the site could not be written; the previous site is left as it was.
public struct SiteWriteError: Error, CustomStringConvertible, Equatable {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
