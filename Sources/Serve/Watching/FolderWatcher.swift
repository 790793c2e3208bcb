// Tells when files change under the notes' folders, through inotify: a blocked read, no polling.

#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Foundation

/// Watches folders (and every folder under them, including ones created later) and reports
/// the paths of files written, created, moved or deleted there.
///
/// A thread of its own blocks in `read` on the inotify descriptor, so an idle watcher costs
/// no CPU. Names starting with `.` (editor swap files, `.git`) are not reported.
final class FolderWatcher: @unchecked Sendable {
    /// Paths that changed, in batches as the kernel delivered them.
    let changes: AsyncStream<[String]>
    private let continuation: AsyncStream<[String]>.Continuation
    private let descriptor: Int32
    private let lock = NSLock()
    private var folders: [Int32: String] = [:]
    private var stopped = false

    /// How long the folders must stay quiet before a batch of changes is reported: a burst
    /// of saves (an editor writing a file in steps, or many saves in a row) is one batch.
    private let quietMilliseconds: Int32

    /// Starts watching `roots` (folders, or files whose folder is then watched).
    init(roots: [String], quietMilliseconds: Int32) throws {
        self.quietMilliseconds = quietMilliseconds
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw WatchError(message: "cannot watch the notes: \(String(cString: strerror(errno)))")
        }
        #else
        throw WatchError(message: "watching folders needs Linux (inotify)")
        #endif
        (changes, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            addTree(isFolder.boolValue ? root : (root as NSString).deletingLastPathComponent.nonEmpty ?? ".")
        }
        let thread = Thread { [self] in readLoop() }
        thread.stackSize = 1 << 18
        thread.start()
    }

    /// Stops watching; the stream of changes ends.
    func stop() {
        let wasStopped = lock.withLock { () -> Bool in
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        // Closing the descriptor wakes the blocked read only on some kernels; removing every
        // watch always queues an IN_IGNORED event, which does.
        let watches = lock.withLock { Array(folders.keys) }
        #if os(Linux)
        for watch in watches { inotify_rm_watch(descriptor, watch) }
        #endif
        continuation.finish()
    }

    // MARK: - Watches

    private static let events: UInt32 = {
        #if os(Linux)
        return UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF)
        #else
        return 0
        #endif
    }()

    private func addTree(_ folder: String) {
        #if os(Linux)
        let watch = inotify_add_watch(descriptor, folder, Self.events | UInt32(IN_ONLYDIR))
        guard watch >= 0 else { return }
        lock.withLock { folders[watch] = folder }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
               (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil {
                addTree(path)
            }
        }
        #endif
    }

    private func readLoop() {
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var changed: [String] = []
        while true {
            if !changed.isEmpty {
                // Wait for quiet: more events within the interval join this batch.
                var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                if poll(&ready, 1, quietMilliseconds) == 0 {
                    continuation.yield(changed)
                    changed = []
                }
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if lock.withLock({ stopped }) { break }
            if count < 0 {
                if errno == EINTR { continue }
                break
            }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                guard let folder = lock.withLock({ folders[watch] }) else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    lock.withLock { _ = folders.removeValue(forKey: watch) }
                    continue
                }
                if name.isEmpty || name.hasPrefix(".") { continue }
                let path = folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path) }
                }
                changed.append(path)
            }
        }
        close(descriptor)
        #endif
    }
}

/// The notes cannot be watched.
struct WatchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
