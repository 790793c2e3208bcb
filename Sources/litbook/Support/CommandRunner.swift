// The one way every command runs notes: a progress display,
// Ctrl-C handling, the runner, one message when it cannot start.

import Notebook
import Runner

/// Runs notes for `run`, `check`, `build` and `serve`.
enum CommandRunner {
    /// A runner for `options` reporting to `progress`; a runner that cannot start (no
    /// toolchain, say) is reported once as `error: …` and ends the command with status 1.
    static func prepare(_ options: RunOptions, progress: ProgressPrinter?) throws -> NoteRunner {
        do {
            return try NoteRunner(options: options, progress: progress)
        } catch {
            progress?.stop()
            Terminal.writeError("error: \(error)\n")
            throw ExitStatus.failure
        }
    }

    /// Runs `notes` with `options` and returns their results in order. Progress is shown
    /// with `progress`; Ctrl-C stops every cell program and exits with status 130.
    static func run(_ notes: [Note], options: RunOptions, progress: ProgressPrinter?) async throws -> [NoteRun] {
        InterruptHandler.install(cleanUp: { progress?.stop() })
        let runner = try prepare(options, progress: progress)
        let runs = await runner.run(notes)
        progress?.stop()
        return runs
    }
}
