// A scratch project with Notes/, a counting compiler, and the litbook executable run inside it.

import Foundation
import XCTest

/// A temporary project folder with notes, in which `litbook` runs.
final class CLIProject {
    let root: String
    private let compilerLog: String

    static let passingNote = "# ok\n\nProse.\n\n```swift\nlet x = 20 + 22\nprint(x)\n```\n"

    init(notes: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("litbook-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/Notes", withIntermediateDirectories: true)
        for (name, text) in notes {
            try text.write(toFile: root + "/Notes/" + name, atomically: true, encoding: .utf8)
        }
        compilerLog = root + "/swiftc-calls.log"
        // A wrapper that counts compilations (not `--version`) and hands over to the real swiftc.
        let real = ProcessInfo.processInfo.environment["LITBOOK_SWIFTC"] ?? "/opt/swift/usr/bin/swiftc"
        try """
            #!/bin/sh
            [ "$1" = "--version" ] || echo compile >> '\(compilerLog)'
            exec '\(real)' "$@"
            """.write(toFile: root + "/swiftc", atomically: true, encoding: .utf8)
        chmod(root + "/swiftc", 0o755)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// How many times a note was compiled in this project.
    var compilerCalls: Int {
        ((try? String(contentsOfFile: compilerLog, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    /// The `litbook` executable built next to this test bundle.
    static var executable: String {
        let bundle =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("litbook").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
        var all: String { "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
    }

    /// Starts `litbook arguments` in the project, output to files.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var environment = ProcessInfo.processInfo.environment
        environment["LITBOOK_SWIFTC"] = root + "/swiftc"
        environment.removeValue(forKey: "CI")
        process.environment = environment
        _ = FileManager.default.createFile(atPath: root + "/stdout.txt", contents: nil)
        _ = FileManager.default.createFile(atPath: root + "/stderr.txt", contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: root + "/stdout.txt")
        process.standardError = FileHandle(forWritingAtPath: root + "/stderr.txt")
        try process.run()
        return process
    }

    /// Runs `litbook arguments` to its end.
    func litbook(_ arguments: [String]) throws -> Result {
        let process = try start(arguments)
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOfFile: root + "/stdout.txt", encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: root + "/stderr.txt", encoding: .utf8)) ?? "")
    }

    // MARK: - Processes and folders litbook leaves

    /// Cell programs litbook `pid` started: their executables live in its scratch folders.
    static func programs(startedBy pid: Int32) -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name in
            guard let id = Int32(name),
                  let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(name)/exe"),
                  executable.contains("/litbook-\(pid)-"), executable.hasSuffix("/program") else { return nil }
            return id
        }
    }

    /// Whether process `pid` exists and is not a zombie (a dead process not yet reaped: in a
    /// container whose first process does not reap orphans, killed children stay zombies).
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// The scratch folders of litbook `pid` still on disk.
    static func scratchFolders(of pid: Int32) -> [String] {
        let temporary = FileManager.default.temporaryDirectory.path
        return ((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).filter {
            $0.hasPrefix("litbook-\(pid)-")
        }
    }
}
