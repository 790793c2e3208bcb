// Why litbook cannot compile cells: no compiler, no built modules, or a compiler that does not match them.

/// A problem with the compiler or with litbook's own built modules; one message says what to do.
public enum ToolchainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No `swiftc` at the given path (from `LITBOOK_SWIFTC` or next to the running Swift runtime).
    case compilerNotFound(searched: [String])
    /// The directory holding litbook's build has no `libNotebookRuntime` or no module for it.
    case modulesNotFound(directory: String, missing: String)
    /// The modules were built by another compiler version than the one found.
    case compilerMismatch(compiler: String, detail: String)

    public var description: String {
        switch self {
        case .compilerNotFound(let searched):
            return "no Swift compiler found (looked for \(searched.map { "'\($0)'" }.joined(separator: ", "))); "
                + "set LITBOOK_SWIFTC to the swiftc that built litbook"
        case .modulesNotFound(let directory, let missing):
            return "litbook's built modules are incomplete: '\(missing)' is missing in '\(directory)'; "
                + "build litbook with 'swift build' (it builds the NotebookRuntime library cells link to)"
        case .compilerMismatch(let compiler, let detail):
            return "the compiler '\(compiler)' cannot use litbook's built modules (\(detail)); "
                + "rebuild litbook with this compiler, or set LITBOOK_SWIFTC to the swiftc that built it"
        }
    }
}
