// How much memory a running process uses, read from /proc.

import Foundation

/// Reads a process's resident set size.
enum ProcessMemory {
    /// Resident bytes of process `pid` (`VmRSS` in `/proc/PID/status`), or nil when unknown.
    static func residentBytes(of pid: Int32) -> Int? {
        // Read to the end: /proc files report a size of 0, and a sized read may stop short.
        guard let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/status") else { return nil }
        defer { try? handle.close() }
        let status = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        // "VmRSS:\t  16568 kB"
        let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }
        return kilobytes.map { $0 * 1024 }
    }
}
