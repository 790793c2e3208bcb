// SHA-256 digests of data files kept under their stat (size, times, inode), so unchanged files are not read again.

import Crypto
import Foundation

/// File digests remembered across runs in one JSON file of the cache folder.
///
/// An entry is used only while the file's size, modification and status-change times (to the
/// nanosecond), inode and device are what they were when it was hashed; any write changes at
/// least one of them. A file changed in the last two seconds is hashed but not remembered, so
/// an edit within the clock's resolution right after hashing cannot hide behind an equal stat.
/// Not thread-safe: `NoteDataFingerprint` calls it under its lock.
final class DataDigestMemo {
    private let file: String
    /// By absolute path: the stat the digest was taken under, and the digest.
    private var entries: [String: Entry]?
    private var changed = false
    /// Seconds since 1970 now (a parameter so tests can step past the two-second window).
    private let now: () -> Int

    init(file: String, now: @escaping () -> Int = { Int(time(nil)) }) {
        self.file = file
        self.now = now
    }

    /// The SHA-256 of the file's bytes as hex ("" content for a file that cannot be read).
    func digest(ofFileAt path: String) -> String {
        if entries == nil { entries = load() }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let identity = Self.identity(of: path, now: now())
        if let identity, let known = entries?[absolute], known.stat == identity.key { return known.sha256 }
        let value = Self.hash(fileAt: path)
        if let identity, !identity.isRecent {
            entries?[absolute] = Entry(stat: identity.key, sha256: value)
            changed = true
        }
        return value
    }

    /// Writes the remembered digests back when some were added (atomically; errors ignored:
    /// the memo is only a shortcut).
    func save() {
        guard changed, let entries else { return }
        changed = false
        try? FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(entries) {
            try? data.write(to: URL(fileURLWithPath: file), options: .atomic)
        }
    }

    // MARK: - Files

    private struct Entry: Codable {
        let stat: String
        let sha256: String
    }

    private func load() -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: file),
              let known = try? JSONDecoder().decode([String: Entry].self, from: data) else { return [:] }
        return known
    }

    /// The key of a file's present state, and whether it changed in the last two seconds.
    private static func identity(of path: String, now: Int) -> (key: String, isRecent: Bool)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        let key =
            "\(info.st_size)|\(modified.tv_sec).\(modified.tv_nsec)|\(changed.tv_sec).\(changed.tv_nsec)|\(info.st_ino)"
                + "|\(info.st_dev)"
        let newest = max(modified.tv_sec, changed.tv_sec)
        return (key, now - Int(newest) < 2)
    }

    private static func hash(fileAt path: String) -> String {
        var hasher = SHA256()
        if let handle = FileHandle(forReadingAtPath: path) {
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
            try? handle.close()
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
