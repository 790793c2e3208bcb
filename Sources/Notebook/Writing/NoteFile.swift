// Writes a note back to disk atomically, and only if nobody changed it since it was read.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextFormats

/// Writes notes.
public enum NoteFile {
    /// Writes atomically (temp file in the same folder + rename, permissions kept), but only if
    /// the file on disk still has exactly `expected` bytes; otherwise throws a clear error
    /// ("Notes/x.md changed on disk while litbook ran; not overwritten").
    ///
    /// Writing the same text the file already holds does nothing. The check and the rename are
    /// not one atomic step: an edit in the instant between them can still be lost, which is the
    /// most a file system without locks allows.
    public static func write(_ newText: String, to path: String, expecting expected: String) throws {
        guard let current = FileManager.default.contents(atPath: path) else {
            throw NoteFileError.cannotWrite(path: path, reason: "it cannot be read")
        }
        guard current.elementsEqual(expected.utf8) else { throw NoteFileError.changedOnDisk(path: path) }
        if newText.utf8.elementsEqual(expected.utf8) { return }
        // A note that is a symbolic link is written through it, so the link stays a link.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        try replace(target, reportedAs: path, with: Array(newText.utf8))
    }

    // MARK: - Atomic replacement

    private static func replace(_ target: String, reportedAs path: String, with bytes: [UInt8]) throws {
        var status = stat()
        guard stat(target, &status) == 0 else { throw failure(path, "cannot read its permissions") }
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).litbook-\(unique).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, status.st_mode & 0o7777)
        guard descriptor >= 0 else { throw failure(path, "cannot create \(temporary)") }
        var written = 0
        var ok = true
        while ok && written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { written += count } else if count < 0 && errno == EINTR { continue } else { ok = false }
        }
        ok = ok && fchmod(descriptor, status.st_mode & 0o7777) == 0 && fsync(descriptor) == 0
        ok = close(descriptor) == 0 && ok
        guard ok, rename(temporary, target) == 0 else {
            let reason = ErrnoText.describe()
            unlink(temporary)
            throw failure(path, reason)
        }
    }

    /// `write(2)`, named apart from `NoteFile.write`.
    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, buffer, count)
        #else
        return Darwin.write(descriptor, buffer, count)
        #endif
    }

    private static func failure(_ path: String, _ reason: String) -> NoteFileError {
        .cannotWrite(path: path, reason: reason)
    }
}
