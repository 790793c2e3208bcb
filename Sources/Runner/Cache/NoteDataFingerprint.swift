// A fingerprint of the files beside a note that its cells may read, so a data edit re-runs the note.

import Crypto
import Foundation

/// Hashes the data files of notes' folders, once per folder and process.
///
/// Cells run in their note's folder and read files from it (`data/corpus.txt`). Which files a
/// cell opens cannot be known before it runs, so every regular file under the note's folder
/// that is not Markdown (notes are keyed by their cells already) and not hidden counts, by
/// relative path and content. This re-runs a note after an edit to any data beside it: more
/// often than strictly needed, never less.
///
/// Each file's SHA-256 is kept in `DataDigestMemo` (the cache folder) under its size, times and
/// inode, so a warm run stats the files instead of reading them (a 90 MB model beside the notes
/// costs a `stat`, not a hash); a file whose bytes change gets a new stat and is hashed again.
final class NoteDataFingerprint: @unchecked Sendable {
    private let lock = NSLock()
    private var byFolder: [String: String] = [:]
    private let memo: DataDigestMemo

    init(cacheDirectory: String) {
        memo = DataDigestMemo(file: cacheDirectory + "/data-digests.json")
    }

    /// The fingerprint of the data files in the folder of the note at `notePath`.
    func fingerprint(forNoteAt notePath: String) -> String {
        let folder = (notePath as NSString).deletingLastPathComponent
        return lock.withLock {
            if let known = byFolder[folder] { return known }
            let value = hash(folder: folder.isEmpty ? "." : folder)
            byFolder[folder] = value
            memo.save()
            return value
        }
    }

    /// Forgets every fingerprint: the next run computes them again (after an edit to the data
    /// files in a long-lived process such as `serve`); unchanged files still cost only a stat.
    func forget() {
        lock.withLock { byFolder.removeAll() }
    }

    private func hash(folder: String) -> String {
        var hasher = SHA256()
        for path in Self.dataFiles(in: folder) {
            hasher.update(data: Data("\(path.utf8.count):\(path)".utf8))
            hasher.update(data: Data(memo.digest(ofFileAt: folder + "/" + path).utf8))
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
