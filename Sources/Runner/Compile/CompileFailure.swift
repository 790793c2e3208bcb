// Turns the compiler's complaints about a program into errors of the note's cells, at the note's lines.

import Notebook

/// The errors of a failed compilation, each put on the cell it is about.
struct CompileFailure {
    /// The error of each cell the compiler complained about.
    var errors: [Int: CellError] = [:]
    /// Those cells, in order.
    var failingCells: [Int] { errors.keys.sorted() }
    /// Set when the complaint is about litbook's modules rather than the note.
    var toolchainProblem: ToolchainError?
    /// Compiler output that names no line (a linker failure, say).
    private var unattributed: [String]

    init(output: String, program: GeneratedProgram, programPath: String, note: Note, toolchain: Toolchain) {
        let (diagnostics, unattributed) = CompilerDiagnostic.parse(output)
        self.unattributed = unattributed
        let noteLines = note.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let firstCellLine = program.cellOfLine.keys.min() ?? Int.max
        var rendered: [Int: [String]] = [:]
        var firstError: [Int: CompilerDiagnostic] = [:]
        var lastCell: Int?
        for diagnostic in diagnostics {
            var diagnostic = diagnostic
            let cell: Int?
            if diagnostic.file == note.path {
                cell = Self.cell(containing: diagnostic.line, in: note, among: program.cellIndices)
            } else if diagnostic.file == programPath {
                if diagnostic.line < firstCellLine && diagnostic.severity == "error" {
                    // The imports failed: litbook's modules, not the note, are at fault.
                    toolchainProblem = Self.toolchainProblem(diagnostic.message, toolchain: toolchain)
                    return
                }
                cell = program.cell(atProgramLine: diagnostic.line)
                // Point at the cell's first line: the program's own lines mean nothing to the reader.
                let firstLine = note.cells.first(where: { $0.index == cell })?.firstCodeLine ?? 1
                diagnostic = CompilerDiagnostic(
                    file: note.path, line: firstLine, column: 1, severity: diagnostic.severity,
                    message: diagnostic.message, excerpt: [])
            } else {
                // A note about a declaration in another module: it belongs with the error before it.
                cell = diagnostic.severity == "error" ? nil : lastCell
            }
            guard let cell else { continue }
            if diagnostic.severity == "warning" || diagnostic.severity == "remark" { continue }
            lastCell = cell
            if diagnostic.severity == "error" && firstError[cell] == nil { firstError[cell] = diagnostic }
            rendered[cell, default: []].append(
                diagnostic.file == note.path
                    ? diagnostic.rendered(noteLines: noteLines)
                    : "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity):"
                        + " \(diagnostic.message)"
            )
        }
        for (cell, diagnostic) in firstError {
            errors[cell] = CellError(
                kind: .compile, message: diagnostic.message,
                location: NoteLocation(path: note.path, line: diagnostic.line, column: diagnostic.column),
                detail: (rendered[cell] ?? []).joined(separator: "\n"))
        }
    }

    /// The error for a compilation that failed without naming a line of any cell.
    func unattributedError(at cell: Int) -> CellError {
        let detail = unattributed.joined(separator: "\n")
        return CellError(kind: .compile, message: unattributed.first ?? "the compiler failed without a message",
                         location: nil, detail: detail)
    }

    /// The cell whose code holds note line `line`; a line outside every cell goes to the last cell before it.
    private static func cell(containing line: Int, in note: Note, among included: [Int]) -> Int? {
        let candidates = note.cells.filter { included.contains($0.index) }
        return candidates.last(where: { $0.range.start.line <= line })?.index ?? candidates.first?.index
    }

    private static func toolchainProblem(_ message: String, toolchain: Toolchain) -> ToolchainError {
        if message.hasPrefix("no such module") {
            return .modulesNotFound(directory: toolchain.moduleDirectory, missing: message)
        }
        return .compilerMismatch(compiler: toolchain.compiler, detail: message)
    }
}
