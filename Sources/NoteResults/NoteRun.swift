// What running a note produced: per cell, its output in order and how it ended.

import Figures

/// A place in a note, for messages in the form `Notes/x.md:LINE:COL`.
public struct NoteLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int?

    public init(path: String, line: Int, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String {
        column.map { "\(path):\(line):\($0)" } ?? "\(path):\(line)"
    }
}

/// One piece of a cell's output, in the order the cell produced it.
public enum OutputItem: Hashable, Sendable, Codable {
    case text(String)
    case figure(Figure)
}

/// Why a cell did not complete.
public struct CellError: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case compile, trap, exit, timeLimit, memoryLimit, outputLimit, uncaughtError, internalError
    }
    public var kind: Kind
    /// One line a reader understands, e.g. `Fatal error: Index out of range`.
    public var message: String
    /// Where in the note, when known.
    public var location: NoteLocation?
    /// Compiler or crash detail (several lines), already mapped to note lines.
    public var detail: String

    public init(kind: Kind, message: String, location: NoteLocation?, detail: String = "") {
        self.kind = kind
        self.message = message
        self.location = location
        self.detail = detail
    }
}

/// How one cell ended.
public enum CellStatus: Hashable, Sendable, Codable {
    case passed
    case failed(CellError)
    /// A `fails` cell that failed as expected; its error is its output.
    case failedAsExpected(CellError)
    /// A `fails` cell that ran without error.
    case unexpectedlyPassed
    /// A `norun` cell.
    case skipped
    /// Not run because an earlier cell failed (`cell` is its index).
    case notRun(afterFailureOf: Int)
}

/// A cell's outcome.
public struct CellRun: Hashable, Sendable, Codable {
    public var cellIndex: Int
    public var status: CellStatus
    public var items: [OutputItem]

    public init(cellIndex: Int, status: CellStatus, items: [OutputItem]) {
        self.cellIndex = cellIndex
        self.status = status
        self.items = items
    }

    /// The text that the note records in the cell's `output` block: printed text with
    /// figures in their text form, and for an expected failure the error message.
    public var recordableText: String {
        var out = ""
        for item in items {
            switch item {
            case .text(let t): out += t
            case .figure(let f):
                if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
                out += f.text
                if !out.hasSuffix("\n") { out += "\n" }
            }
        }
        if case .failedAsExpected(let e) = status {
            if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
            out += e.message + "\n"
        }
        while out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    public var failed: Bool {
        switch status {
        case .failed, .unexpectedlyPassed, .notRun: return true
        case .passed, .failedAsExpected, .skipped: return false
        }
    }
}

/// The outcome of running one note.
public struct NoteRun: Hashable, Sendable, Codable {
    public var notePath: String
    public var cells: [CellRun]
    /// Whether the result came from the cache rather than a fresh run.
    public var fromCache: Bool

    public init(notePath: String, cells: [CellRun], fromCache: Bool) {
        self.notePath = notePath
        self.cells = cells
        self.fromCache = fromCache
    }

    public var failed: Bool { cells.contains(where: \.failed) }
}
