// Shows a run's progress: live lines redrawn on a terminal, plain lines in a log.

import Foundation
import Notebook
import Runner
import TextFormats

/// The progress display `run` (and any command that runs notes) uses.
///
/// On a terminal, notes in progress each have a live line at the bottom (`compiling`,
/// `running cell 2 of 5`, elapsed time), redrawn in place; a note that finishes leaves a
/// permanent line above them. Elsewhere (CI logs, pipes) each note prints one plain line
/// when it finishes.
final class ProgressPrinter: RunProgress, @unchecked Sendable {
    private let live: Bool
    private let lock = NSLock()
    /// Notes in progress, in the order they started, with their state and start time.
    private var active: [(path: String, state: String, started: ContinuousClock.Instant)] = []
    /// How many live lines are on screen now.
    private var drawn = 0
    private var ticker: Task<Void, Never>?

    init(live: Bool = Terminal.isInteractive) {
        self.live = live
        if live {
            ticker = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(200))
                    self?.redraw()
                }
            }
        }
    }

    deinit { ticker?.cancel() }

    // MARK: - RunProgress

    func compiling(_ note: Note) { update(note.path, "compiling") }

    func running(_ note: Note, cell: Int, of count: Int) { update(note.path, "running cell \(cell) of \(count)") }

    func cached(_ note: Note) {}

    func finished(_ run: NoteRun, elapsed: Double) {
        let verdict = run.failed ? "failed" : run.fromCache ? "cached" : "passed"
        let time = run.fromCache ? "" : "  " + DurationText.seconds(elapsed)
        let line = "\(verdict.padding(toLength: 7, withPad: " ", startingAt: 0)) \(run.notePath)\(time)"
        lock.withLock {
            active.removeAll { $0.path == run.notePath }
            if live {
                Terminal.write(eraseLive() + colour(verdict, line) + "\n" + liveLines())
            } else {
                Terminal.write(line + "\n")
            }
        }
    }

    /// Removes the live lines: call before printing anything else.
    func stop() {
        ticker?.cancel()
        lock.withLock {
            if live { Terminal.write(eraseLive()) }
            active = []
        }
    }

    // MARK: - Drawing

    private func update(_ path: String, _ state: String) {
        lock.withLock {
            if let index = active.firstIndex(where: { $0.path == path }) {
                active[index].state = state
            } else {
                active.append((path, state, .now))
            }
            if live { Terminal.write(eraseLive() + liveLines()) }
        }
    }

    private func redraw() {
        lock.withLock {
            if live && !active.isEmpty { Terminal.write(eraseLive() + liveLines()) }
        }
    }

    /// ANSI: up to the first live line, clearing each line on the way.
    private func eraseLive() -> String {
        defer { drawn = 0 }
        return String(repeating: "\u{1B}[1A\u{1B}[2K", count: drawn) + "\r"
    }

    private func liveLines() -> String {
        drawn = active.count
        return active.map { entry in
            let elapsed = DurationText.seconds((ContinuousClock.now - entry.started).seconds, decimals: 1)
            let line = "  \(entry.state.padding(toLength: 20, withPad: " ", startingAt: 0)) \(elapsed)  \(entry.path)"
            return Self.fitted(line, columns: Terminal.columns) + "\n"
        }.joined()
    }

    /// `line` cut to `columns` terminal cells (characters from U+1100 on count two: CJK is
    /// wide, and overestimating others is safe), so that no live
    /// line wraps: a wrapped line would break the count of lines to redraw.
    static func fitted(_ line: String, columns: Int) -> String {
        var width = 0
        var out = ""
        for character in line {
            let cells = character.unicodeScalars.first.map { $0.value >= 0x1100 ? 2 : 1 } ?? 1
            if width + cells > columns - 1 { return out + "…" }
            width += cells
            out.append(character)
        }
        return out
    }

    private func colour(_ verdict: String, _ line: String) -> String {
        let code = verdict == "failed" ? "31" : verdict == "cached" ? "2" : "32"
        return "\u{1B}[\(code)m\(line)\u{1B}[0m"
    }
}
