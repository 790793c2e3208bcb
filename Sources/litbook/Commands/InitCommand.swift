// `litbook init`: a new book — a sample note whose cells run, a .gitignore, a CI workflow — never over existing files.

import ArgumentParser
import Foundation

/// Creates the files of a new book in a folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new book: a sample note, a .gitignore and a GitHub Actions workflow.",
        discussion: """
        Writes Notes/01-first-note.md (a short note whose cells run, a heatmap among them), \
        .gitignore (the result cache, downloaded models, build folders) and \
        .github/workflows/notes.yml (checks the notes in shards with GitHub annotations and JUnit \
        reports, and publishes the site from main). Refuses, writing nothing, if any of these \
        files already exists.
        """
    )

    @Argument(
        help: ArgumentHelp(
            "The folder of the new book (created if missing; default: the current folder).", valueName: "dir"))
    var directory: String = "."

    func run() throws {
        let files = BookTemplate.files
        let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: join($0)) }
        guard existing.isEmpty else {
            for path in existing { Terminal.writeError("\(join(path)): already exists\n") }
            Terminal.writeError("error: litbook init writes nothing over existing files; nothing was written\n")
            throw ExitStatus.failure
        }
        for file in files {
            let path = join(file.path)
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                // `withoutOverwriting`: a file that appeared since the check above is still not replaced.
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                Terminal.writeError("error: cannot write \(path): \(error.localizedDescription)\n")
                throw ExitStatus.failure
            }
            Terminal.write("created \(path)\n")
        }
        let enter = directory == "." ? "" : "cd \(Self.shellQuoted(directory)) && "
        Terminal.write("""

            Next:
              \(enter)litbook serve     # write with a live preview at http://127.0.0.1:8000/
              litbook check             # check every cell's recorded output, as CI will

            """)
    }

    private func join(_ path: String) -> String {
        directory == "." ? path : (directory as NSString).appendingPathComponent(path)
    }

    private static func shellQuoted(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
            ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
