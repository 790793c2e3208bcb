// Looks through /proc for processes a run may have left behind.

import Foundation

/// The processes alive now, as the kernel lists them.
enum ProcessTable {
    /// Process ids whose process group is `group`, zombies (dead, not yet reaped) left out.
    static func members(ofGroup group: Int32) -> [Int32] {
        processes().filter { $0.group == group && $0.state != "Z" && $0.state != "X" }.map(\.pid)
    }

    /// Process ids of this process's children and of programs run from litbook's scratch folders.
    static func leftoverChildren() -> [Int32] {
        let me = getpid()
        // A zombie child of ours counts: it means a child was never reaped.
        return processes().filter { $0.parent == me || ($0.executable.contains("/litbook-\(me)-") && $0.state != "Z") }
            .map(\.pid)
    }

    private static func processes() -> [(pid: Int32, state: Substring, parent: Int32, group: Int32, executable: String)]
    {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name in
            guard let pid = Int32(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // "pid (comm) state ppid pgrp …": the command name may hold spaces and parentheses.
            // Our children are reaped by us; a zombie here is an orphan killed with its group.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, let parent = Int32(fields[1]), let group = Int32(fields[2]) else { return nil }
            let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(name)/exe")) ?? ""
            return (pid, fields[0], parent, group, executable)
        }
    }
}
