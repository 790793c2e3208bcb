// `litbook serve`: a live preview of the book that rebuilds and reloads open pages as the notes change.

import ArgumentParser
import Foundation
import Notebook
import Runner
import Serve

/// Builds the site into a temporary folder, serves it on loopback, and rebuilds on every edit.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Preview the book: build it into a temporary folder, serve it, rebuild and reload pages on every edit.",
        discussion: """
        The site is built into a temporary folder (never Site/) and served on 127.0.0.1 unless \
        --host says otherwise. A prose edit re-renders its page without running anything; an edited \
        cell runs its note again (an edit during the run restarts it); a note added, renamed or \
        deleted updates the index, navigation and search. Open pages reload themselves and keep \
        their scroll position. Failed cells are shown in the page and printed here. \
        Ctrl-C stops the server and every cell program, removes the temporary folder, and exits 0.
        """
    )

    @Argument(help: ArgumentHelp("Note files or folders of notes (default: Notes).", valueName: "notes"))
    var notes: [String] = []

    @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
    var port: Int = 8000

    @Option(
        help: ArgumentHelp(
            "The address to listen on; only this machine can connect to the default.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(help: "Open the site in the default browser once it is built.")
    var open = false

    @OptionGroup var runner: RunnerArguments

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, not '\(port)'")
        }
    }

    func run() async throws {
        _ = try NoteArguments.paths(notes, whenNoneFound: "; nothing to serve")
        // Plain progress lines: a live display would redraw, and wake, even when nothing runs.
        let noteRunner = try CommandRunner.prepare(runner.options(), progress: ProgressPrinter(live: false))
        let session: ServeSession
        do {
            session = try ServeSession(arguments: notes, runner: noteRunner, host: host, port: UInt16(port),
                                       reporter: TerminalServeReporter())
        } catch {
            Terminal.writeError("error: \(error)\n")
            throw ExitStatus.failure
        }
        let folder = session.temporaryFolder
        InterruptHandler.install(status: ExitStatus.success.rawValue, message: "litbook: stopped serving",
                                 cleanUp: { session.removeTemporaryFolder() })
        let url: String
        do {
            url = try await session.start()
        } catch {
            await session.stop()
            Terminal.writeError("error: \(error)\n")
            throw ExitStatus.failure
        }
        Terminal.write(
            "Serving \(url) (from \(folder)); watching"
                + " \(notes.isEmpty ? NoteFinder.defaultFolder : notes.joined(separator: ", ")). Ctrl-C stops.\n"
        )
        if open { Browser.open(url) }
        await session.watch()
    }
}

/// Prints what `serve` does: failures compiler-style, each rebuild in one line.
private struct TerminalServeReporter: ServeReporter {
    func problems(_ problems: [NoteProblem]) {
        for problem in problems { Terminal.writeError(problem.description + "\n") }
    }

    func ran(_ run: NoteRun, note: Note) {
        for message in FailureReport.messages(for: [run], notes: [note]) { Terminal.writeError(message + "\n") }
    }

    func cannotWrite(_ error: any Error) {
        Terminal.writeError("error: \(error)\n")
    }

    func rebuilt(pages: [String], seconds: Double) {
        let shown = pages.count > 4 ? pages.prefix(4).joined(separator: ", ") + ", …" : pages.joined(separator: ", ")
        Terminal.write(
            "updated \(pages.count) file\(pages.count == 1 ? "" : "s") (\(shown)) in \(String(format: "%.2f", seconds))"
                + " s\n"
        )
    }
}

/// Opens a URL in the desktop's browser.
private enum Browser {
    /// The desktop's opener: `xdg-open` on Linux, `open` on macOS.
    #if os(macOS)
    static let opener = "open"
    #else
    static let opener = "xdg-open"
    #endif

    static func open(_ url: String) {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let path = folders.map({ "\($0)/\(opener)" }).first(where: FileManager.default.isExecutableFile(atPath:))
        else {
            Terminal.writeError("warning: --open: no '\(opener)' on PATH; open \(url) in a browser yourself\n")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            Terminal.writeError(
                "warning: --open: cannot start '\(path)' (\(error.localizedDescription)); open \(url) in a browser"
                    + " yourself\n"
            )
        }
    }
}
