// A fingerprint of the files beside a note that its cells may read, so a data edit re-runs the note.

import Crypto
import Foundation

/// Hashes the data files of notes' folders, once per folder and process.
///
/// Cells run in their note's folder and read files from it (`data/corpus.txt`). Which files a
/// cell opens cannot be known before it runs, so every regular file under the note's folder
/// that is not Markdown (notes are keyed by their cells already) and not hidden is hashed, by
/// relative path and content. This re-runs a note after an edit to any data beside it: more
/// often than strictly needed, never less.
final class NoteDataFingerprint: @unchecked Sendable {
    private let lock = NSLock()
    private var byFolder: [String: String] = [:]

    /// The fingerprint of the data files in the folder of the note at `notePath`.
    func fingerprint(forNoteAt notePath: String) -> String {
        let folder = (notePath as NSString).deletingLastPathComponent
        return lock.withLock {
            if let known = byFolder[folder] { return known }
            let value = Self.hash(folder: folder.isEmpty ? "." : folder)
            byFolder[folder] = value
            return value
        }
    }

    /// Forgets every fingerprint: the next run hashes the data files again (after an edit
    /// to them in a long-lived process such as `serve`).
    func forget() {
        lock.withLock { byFolder.removeAll() }
    }

    private static func hash(folder: String) -> String {
        var hasher = SHA256()
        for path in dataFiles(in: folder) {
            hasher.update(data: Data("\(path.utf8.count):\(path)".utf8))
            let content = FileManager.default.contents(atPath: folder + "/" + path) ?? Data()
            hasher.update(data: Data("\(content.count):".utf8))
            hasher.update(data: content)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Relative paths of the data files under `folder`, sorted by their bytes.
    static func dataFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(
            at: URL(fileURLWithPath: folder),
            includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles]
        ) else { return [] }
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  url.pathExtension.lowercased() != "md" else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            paths.append(String(full.dropFirst(base.count + 1)))
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
