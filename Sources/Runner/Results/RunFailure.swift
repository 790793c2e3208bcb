// Decides whether a program run failed, in which cell, and says why in the reader's words.

import Foundation
import Notebook

/// A failed program run: the cell it stopped in and the error shown for that cell.
struct RunFailure {
    var cell: Int
    var error: CellError
    /// The failing cell's output with the runtime's crash report taken out.
    var items: [OutputItem]

    /// The failure of `outcome`, or nil when every cell of `program` ran to its end.
    static func diagnose(_ outcome: ProgramOutcome, outputs: CellOutputs, program: GeneratedProgram,
                         note: Note, limits: Limits) -> RunFailure? {
        let allEnded = program.cellIndices.allSatisfy(outputs.ended.contains)
        if allEnded && outcome.termination == .exited(0) && outcome.limitHit == nil && outcome.damage == nil {
            return nil
        }
        // Where it stopped: the cell begun and not ended, else the first never begun, else the last.
        let cell = outputs.unfinishedCell
            ?? program.cellIndices.first(where: { !outputs.begun.contains($0) })
            ?? program.cellIndices.last ?? 0
        var items = outputs.items[cell] ?? []
        var lastText = ""
        if case .text(let text)? = items.last {
            lastText = text
            items.removeLast()
        }
        let trapped = outcome.limitHit == nil && { if case .signaled = outcome.termination { true } else { false } }()
        let report = CrashReport(text: lastText, backtrace: outcome.backtrace, notePath: note.path,
                                 programModule: SwiftCompiler.programModule, trapped: trapped)
        if !report.printedBefore.isEmpty { items.append(.text(report.printedBefore)) }

        let firstLine = note.cells.first(where: { $0.index == cell })?.firstCodeLine ?? 1
        let site = report.noteFrames.first
        let location = NoteLocation(path: note.path, line: site?.line ?? report.messageLine ?? firstLine,
                                    column: site.map(\.column).flatMap { $0 > 0 ? $0 : nil })
        let (kind, message) = explain(outcome, report: report, limits: limits, cellEnded: outputs.ended.contains(cell))
        var detail: [String] = []
        if let runtimeMessage = report.message, runtimeMessage != message { detail.append(runtimeMessage) }
        if !report.messageDetail.isEmpty { detail.append(report.messageDetail) }
        detail += backtraceLines(report.noteFrames, path: note.path)
        if let damage = outcome.damage, kind != .internalError { detail.append(damage.description) }
        return RunFailure(cell: cell, error: CellError(kind: kind, message: message, location: location,
                                                       detail: detail.joined(separator: "\n")),
                          items: items)
    }

    /// `  at Notes/x.md:12:5 in f(_:)` for the first frames in the note; a run of the same
    /// frame (deep recursion) is one line with its count.
    private static func backtraceLines(
        _ frames: [(function: String, line: Int, column: Int)], path: String
    ) -> [String] {
        var lines: [String] = []
        var previous: String?
        var repeats = 0
        func flush() {
            if repeats > 0 { lines[lines.count - 1] += " (\(repeats + 1) times)" }
            repeats = 0
        }
        for frame in frames {
            let line = "  at \(path):\(frame.line)\(frame.column > 0 ? ":\(frame.column)" : "") in \(frame.function)"
            if line == previous {
                repeats += 1
                continue
            }
            flush()
            guard lines.count < 8 else { break }
            lines.append(line)
            previous = line
        }
        flush()
        return lines
    }

    // MARK: - The message

    private static func explain(_ outcome: ProgramOutcome, report: CrashReport, limits: Limits,
                                cellEnded: Bool) -> (CellError.Kind, String) {
        switch outcome.limitHit {
        case .time?: return (.timeLimit, "time limit of \(Quantities.duration(limits.timeLimit)) hit")
        case .memory?: return (.memoryLimit, "memory limit of \(Quantities.size(limits.memoryLimit)) hit")
        case .output?: return (.outputLimit, "output limit of \(Quantities.size(limits.outputLimit)) per cell hit")
        case nil: break
        }
        switch outcome.termination {
        case .signaled(let signal):
            if signal == SIGXCPU {
                return (.timeLimit, "time limit of \(Quantities.duration(limits.timeLimit)) hit (CPU time)")
            }
            if signal == SIGXFSZ {
                return (.outputLimit, "output limit of \(Quantities.size(limits.outputLimit)) per cell hit")
            }
            if let message = report.message {
                if message.contains("Error raised at top level") { return (.uncaughtError, message) }
                if message.contains("failed to allocate") {
                    return (.memoryLimit, "memory limit of \(Quantities.size(limits.memoryLimit)) hit: \(message)")
                }
                return (.trap, message)
            }
            let name = SignalName.describe(signal)
            if (signal == SIGSEGV || signal == SIGBUS) && report.deepestRepetition >= 32 {
                return (.trap, "stack overflow: crashed with \(name) in a deep recursion")
            }
            return (.trap, "crashed with \(name)")
        case .exited(let code):
            if let damage = outcome.damage { return (.internalError, damage.description) }
            if cellEnded { return (.internalError, "the program ended with status \(code) after its last cell") }
            return (.exit, "cell called exit(\(code))")
        }
    }
}
