// The exit statuses every litbook command uses, and usage errors mapped to status 2.

import ArgumentParser
import Foundation

/// What litbook's exit status means.
enum ExitStatus {
    /// Everything passed.
    static let success = ExitCode(0)
    /// Some note failed (a cell failed, a note could not be read, an output could not be written).
    static let failure = ExitCode(1)
    /// The command line was wrong: an unknown option, a bad value, a path that does not exist.
    static let usage = ExitCode(2)
    /// Interrupted with Ctrl-C (128 + SIGINT), as shells report it.
    static let interrupted = ExitCode(130)
}

extension Litbook {
    /// Parses and runs the command like ArgumentParser's own `main()`, except that usage
    /// errors exit with status 2 (ArgumentParser's default is 64) so that scripts and CI can
    /// tell a wrong command line from failing notes.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
