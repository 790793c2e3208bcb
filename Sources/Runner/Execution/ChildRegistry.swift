// Every child process group, program run and scratch folder alive right now, so an interrupt can clean up all of them.

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// The process groups and temporary directories of running notes.
///
/// Litbook's interrupt handler calls `terminateAll()`: no child outlives litbook, and no
/// scratch folder is left behind.
public final class ChildRegistry: @unchecked Sendable {
    public static let shared = ChildRegistry()

    private let lock = NSLock()
    private var groups: Set<pid_t> = []
    private var directories: Set<String> = []
    /// The marks of program runs in progress (see `LeftoverProcesses`).
    private var marks: Set<String> = []
    private var terminating = false

    private init() {}

    /// The number of child process groups alive.
    public var liveGroupCount: Int {
        lock.withLock { groups.count }
    }

    /// Runs `spawn` and records the process group it started, atomically with respect to
    /// `terminateAll()`; once terminating, nothing new is started and `ECANCELED` is returned.
    func whileRegistering(_ spawn: () -> (status: Int32, pid: pid_t?)) -> Int32 {
        lock.withLock {
            guard !terminating else { return ECANCELED }
            let (status, pid) = spawn()
            if let pid { groups.insert(pid) }
            return status
        }
    }

    func unregister(_ pid: pid_t) {
        lock.withLock { _ = groups.remove(pid) }
    }

    /// The leaders of the process groups litbook started and has not reaped yet.
    var registeredProcesses: Set<pid_t> {
        lock.withLock { groups }
    }

    /// Records the mark of a program run whose leftovers `terminateAll()` must end.
    func register(mark: String) {
        lock.withLock { _ = marks.insert(mark) }
    }

    func unregister(mark: String) {
        lock.withLock { _ = marks.remove(mark) }
    }

    /// Records a scratch folder that `terminateAll()` must delete.
    func register(directory: String) {
        lock.withLock { _ = directories.insert(directory) }
    }

    func unregister(directory: String) {
        lock.withLock { _ = directories.remove(directory) }
    }

    /// Kills every child process group and whatever the programs started elsewhere, deletes
    /// every scratch folder, and refuses new children.
    public func terminateAll() {
        let (groups, directories, marks) = lock.withLock {
            terminating = true
            return (self.groups, self.directories, self.marks)
        }
        for group in groups { kill(-group, SIGKILL) }
        LeftoverProcesses.end(markedWith: marks)
        // A runner thread that has not yet seen its child die may still write into its folder
        // (the output it drains, a crash report), so a removal that lost that race is tried again.
        var left = Array(directories)
        for _ in 0..<20 where !left.isEmpty {
            for directory in left { try? FileManager.default.removeItem(atPath: directory) }
            left = left.filter { FileManager.default.fileExists(atPath: $0) }
            if !left.isEmpty { usleep(25_000) }
        }
    }
}
