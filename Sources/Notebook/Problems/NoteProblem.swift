// A problem found in a note, with its place, printed the way compilers print diagnostics.

/// A problem in a note, with its place: prints as `Notes/x.md:12:5: error: unknown cell option 'hiden'`.
///
/// `line` is 1-based; `0` means the problem concerns the whole file (it cannot be read, it does
/// not exist), and then the place prints as the path alone: `Notes/x.md: error: no such file or folder`.
/// Columns count UTF-8 bytes from the start of the line, as cmark does (a BOM is not counted).
public struct NoteProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// How bad a problem is: an error makes the note fail, a warning is only reported.
    public enum Severity: String, Hashable, Sendable, Codable {
        case error
        case warning
    }

    public var path: String
    public var line: Int
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int, column: Int? = nil, severity: Severity, message: String) {
        precondition(line >= 0, "problem lines are 1-based, or 0 for the whole file")
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// An error at `line` (and `column`, when known).
    public static func error(_ message: String, path: String, line: Int, column: Int? = nil) -> NoteProblem {
        NoteProblem(path: path, line: line, column: column, severity: .error, message: message)
    }

    /// A warning at `line` (and `column`, when known).
    public static func warning(_ message: String, path: String, line: Int, column: Int? = nil) -> NoteProblem {
        NoteProblem(path: path, line: line, column: column, severity: .warning, message: message)
    }

    /// `path:line:column`, `path:line` or `path`, whichever the problem knows.
    public var place: String {
        guard line > 0 else { return path }
        guard let column else { return "\(path):\(line)" }
        return "\(path):\(line):\(column)"
    }

    public var description: String {
        "\(place): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == NoteProblem {
    /// Whether any of these problems is an error (warnings alone do not fail a note).
    public var containsError: Bool { contains { $0.severity == .error } }

    /// These problems in the order of their places (line, then column), problems at the same place
    /// in the order given.
    public func sortedByPlace() -> [NoteProblem] {
        enumerated().sorted { ($0.element.line, $0.element.column ?? 0, $0.offset)
            < ($1.element.line, $1.element.column ?? 0, $1.offset) }.map(\.element)
    }
}
