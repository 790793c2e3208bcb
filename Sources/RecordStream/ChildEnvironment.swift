// The environment variables through which the runner configures a cell program.

/// Names of the variables the runner sets for a child and the bootstrap reads.
///
/// Both sides use these constants, so a rename cannot leave them disagreeing.
public enum ChildEnvironment {
    /// The file descriptor number of the record channel (a pipe's write end).
    public static let recordDescriptor = "LITBOOK_RECORD_FD"
    /// The runner's process id: the child exits at once when its parent is already gone.
    public static let parentProcess = "LITBOOK_PARENT_PID"
    /// Address-space limit in bytes (`RLIMIT_AS`), headroom for the runtime included.
    public static let addressSpaceLimit = "LITBOOK_ADDRESS_SPACE_LIMIT"
    /// CPU-seconds limit (`RLIMIT_CPU`): a backstop behind the runner's wall-clock limit.
    public static let cpuSecondsLimit = "LITBOOK_CPU_SECONDS_LIMIT"
    /// The folder the program works in: the note's own folder, so that a cell reads
    /// `data/corpus.txt` next to its note whatever folder litbook was started from.
    public static let workingDirectory = "LITBOOK_WORKING_DIRECTORY"
    /// Largest stdout file in bytes (`RLIMIT_FSIZE`): a backstop behind the runner's output cap.
    public static let fileSizeLimit = "LITBOOK_FILE_SIZE_LIMIT"
}
