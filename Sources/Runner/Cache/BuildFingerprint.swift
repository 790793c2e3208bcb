// A fingerprint of what cell programs are built with: the runtime library, its modules, the compiler.

import Crypto
import Foundation

/// Hashes the build a toolchain points at, once per process.
///
/// The compiler's version comes from `swiftc --version`, which is slow to start; it is kept in
/// the cache directory under the compiler's path, size and modification time, so that a run
/// with every result cached starts no compiler at all.
final class BuildFingerprint: @unchecked Sendable {
    private let toolchain: Toolchain
    private let cacheDirectory: String
    private let lock = NSLock()
    private var value: String?

    init(toolchain: Toolchain, cacheDirectory: String) {
        self.toolchain = toolchain
        self.cacheDirectory = cacheDirectory
    }

    /// The modules whose interfaces a cell program compiles against: `NotebookRuntime` and
    /// the modules it exposes. Their code is inside the runtime library, hashed whole.
    static let compiledAgainst = [
        "NotebookRuntime", "TransformerEngine", "TransformerEngineKernelsAVX2", "TransformerEngineKernelsAVX512",
        "Figures",
        "RecordStream",
    ]

    /// The fingerprint, computed on first use.
    func fingerprint() -> String {
        lock.withLock {
            if let value { return value }
            var hasher = SHA256()
            let files = [toolchain.libraryDirectory + "/" + Toolchain.runtimeLibraryFile]
                + Self.compiledAgainst.map { toolchain.moduleDirectory + "/" + $0 + ".swiftmodule" }
            for file in files {
                hasher.update(data: Data(file.split(separator: "/").last!.utf8))
                if let handle = FileHandle(forReadingAtPath: file) {
                    while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                        hasher.update(data: chunk)
                    }
                    try? handle.close()
                }
            }
            hasher.update(data: Data(compilerVersion().utf8))
            let result = hasher.finalize().map { String(format: "%02x", $0) }.joined()
            value = result
            return result
        }
    }

    // MARK: - The compiler's version

    private func compilerVersion() -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: toolchain.compiler)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let identity = "\(toolchain.compiler)|\(size)|\(modified)"
        let memo = cacheDirectory + "/compiler-version.json"
        if let data = FileManager.default.contents(atPath: memo),
           let known = try? JSONDecoder().decode([String: String].self, from: data), let version = known[identity] {
            return version
        }
        let version = Self.askVersion(of: toolchain.compiler)
        try? FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode([identity: version]) {
            try? data.write(to: URL(fileURLWithPath: memo), options: .atomic)
        }
        return version
    }

    /// The output of `swiftc --version`.
    private static func askVersion(of compiler: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "litbook-version-\(UUID().uuidString)"
        ).path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard let child = try? ChildProcess.spawn(executable: compiler, arguments: ["--version"],
                                                  environment: ProcessInfo.processInfo.environment,
                                                  outputPath: directory + "/version.txt", recordChannel: false) else {
            return "unknown compiler"
        }
        _ = child.reapWhenExited()
        return String(decoding: child.printedBytes(), as: UTF8.self)
    }
}
