// The key of a note's cached results: everything that can change what its cells output.

import Crypto
import Foundation
import Notebook

/// Computes cache keys.
///
/// The key covers: the runner's own format (`RunnerVersion`), the build fingerprint (the
/// runtime library, the modules cells compile against, the compiler's version), the note's
/// path (messages and `#file` name it), its effective limits, and each runnable cell's
/// index, options and code, and the data files beside the note (`NoteDataFingerprint`).
/// It leaves out prose, `norun` cells and line numbers, so editing
/// the prose around the cells does not run them again.
enum CacheKey {
    static func key(for note: Note, limits: Limits, build: String, data: String) -> String {
        var hasher = SHA256()
        func add(_ text: String) {
            // Length-prefixed, so that no two different sequences of fields hash alike.
            hasher.update(data: Data("\(text.utf8.count):".utf8))
            hasher.update(data: Data(text.utf8))
        }
        add("litbook-runner \(RunnerVersion.format)")
        add(build)
        add(data)
        add(note.path)
        add("\(limits.timeLimit) \(limits.memoryLimit) \(limits.outputLimit)")
        for cell in note.cells where !cell.options.norun {
            add("cell \(cell.index)")
            add(cell.options.words.joined(separator: " "))
            add(cell.options.fails ? "fails" : "")
            add(cell.source)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// The version of what the runner produces from a program run.
public enum RunnerVersion {
    /// Bump whenever the generated program, the splitting of output or the wording of
    /// results changes: every cached result becomes stale.
    public static let format = 1
}
