// Ends every process a cell program started, wherever it went: its own group, a new session, a daemon.

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// The processes a note's program left behind, found by the mark in their environment.
///
/// Killing the program's process group is not enough: `Foundation.Process` starts its child in
/// a session of its own, a double fork with `setsid` or `daemon()` leaves the group, and an
/// orphan is adopted by init. What every one of them keeps is the environment it inherited, so
/// each program run gets a variable of its own (`LITBOOK_RUN=<mark>`) and, when the run ends,
/// every process whose environment holds it is killed, until none is left.
///
/// litbook is also a child subreaper (Linux): orphans of cell programs become its children
/// rather than init's, so it reaps them and none stays a zombie.
enum LeftoverProcesses {
    /// The name of the variable that marks a run's processes.
    static let variable = "LITBOOK_RUN"

    /// A new mark for one program run.
    static func newMark() -> String {
        "\(getpid())-\(UUID().uuidString)"
    }

    /// Makes litbook the subreaper of its descendants; done once, before the first child starts.
    static func adoptOrphans() {
        _ = subreaper
    }

    private static let subreaper: Bool = {
        #if os(Linux)
        // `prctl` is variadic in C, so Swift does not import it; its address is looked up instead.
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        let setChildSubreaper: Int32 = 36  // PR_SET_CHILD_SUBREAPER, from <linux/prctl.h>
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return false }
        return unsafeBitCast(symbol, to: Prctl.self)(setChildSubreaper, 1, 0, 0, 0) == 0
        #else
        return false
        #endif
    }()

    /// Kills every process marked with one of `marks`, then reaps those that were litbook's.
    ///
    /// A process may start another while the sweep runs, so the sweep repeats until a pass
    /// finds none (bounded: a fork bomb outpacing SIGKILL is stopped after the last pass).
    /// The program itself carries the mark too; killing it again before it is reaped is harmless.
    static func end(markedWith marks: Set<String>) {
        guard !marks.isEmpty else { return }
        let needles = marks.map { Array("\(variable)=\($0)".utf8) + [0] }
        let me = getpid()
        for _ in 0..<50 {
            let marked = ProcessListing.all().filter { $0.pid != me && $0.state != "Z" }.filter { process in
                let environment = ProcessListing.environment(of: process.pid)
                return needles.contains { environment.contains(needle: $0) }
            }
            if marked.isEmpty { break }
            for process in marked { kill(process.pid, SIGKILL) }
            usleep(1_000)
        }
        reapAdopted()
    }

    /// Reaps the dead processes that became litbook's children by adoption, never one of the
    /// children litbook started itself, which their owners reap.
    static func reapAdopted() {
        let me = getpid()
        let dead = ProcessListing.all().filter { $0.parent == me && $0.state == "Z" }
        // Read after the listing: a child of litbook's own that was dead in it is still
        // registered now (it leaves the registry only once its owner has reaped it).
        let own = ChildRegistry.shared.registeredProcesses
        for process in dead where !own.contains(process.pid) {
            var status: Int32 = 0
            _ = waitpid(process.pid, &status, WNOHANG)
        }
    }
}

/// The processes alive now, as `/proc` lists them.
enum ProcessListing {
    struct Entry {
        var pid: pid_t
        /// `R`, `S`, `Z` (dead, not yet reaped)…
        var state: Character
        var parent: pid_t
    }

    static func all() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name in
            guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // "pid (comm) state ppid …": the command name may hold spaces and parentheses.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let state = fields[0].first, let parent = pid_t(fields[1]) else { return nil }
            return Entry(pid: pid, state: state, parent: parent)
        }
    }

    /// The environment `pid` was started with, as `NAME=value\0` bytes (empty when unreadable).
    static func environment(of pid: pid_t) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return [] }
        return [UInt8](data)
    }
}

private extension [UInt8] {
    /// Whether `needle` (a whole `NAME=value\0` entry) starts at the beginning or after a NUL.
    func contains(needle: [UInt8]) -> Bool {
        guard needle.count <= count, let first = needle.first else { return false }
        var start = 0
        while start + needle.count <= count {
            if self[start] == first && self[start..<start + needle.count].elementsEqual(needle) { return true }
            guard let next = self[start...].firstIndex(of: 0) else { return false }
            start = next + 1
        }
        return false
    }
}
