// Compiles a note's program with swiftc against litbook's own built modules.

import Foundation

/// What compiling a program gave.
struct CompileResult: Sendable {
    var succeeded: Bool
    /// Everything the compiler printed.
    var output: String
    var seconds: Double
}

/// Runs `swiftc` on one generated `main.swift`.
struct SwiftCompiler: Sendable {
    var toolchain: Toolchain

    /// The module name of every note program: `main`, as for any Swift script, so that the
    /// runtime's messages read `main.MyError`, not a litbook-invented name.
    static let programModule = "main"

    /// The compiler's arguments for `source` into `executable`.
    ///
    /// `-Onone` compiles fast (the engine itself was built optimised); `-gline-tables-only`
    /// gives crash backtraces the note's lines at little cost; Swift 5 mode spares the author
    /// strict-concurrency errors in top-level code; the LLVM diagnostic style prints the
    /// source line verbatim, which litbook replaces by the note's own line anyway.
    func arguments(source: String, executable: String) -> [String] {
        [
            "-Onone", "-gline-tables-only", "-swift-version", "5", "-module-name", Self.programModule,
            "-diagnostic-style", "llvm", "-no-color-diagnostics",
            "-I", toolchain.moduleDirectory, "-L", toolchain.libraryDirectory,
            "-l" + Toolchain.runtimeLibraryName,
            "-Xlinker", "-rpath", "-Xlinker", toolchain.libraryDirectory,
            source, "-o", executable,
        ]
    }

    /// Compiles `source` (a path) into `executable`, in a thread of its own.
    func compile(
        source: String, executable: String, scratchDirectory: String
    ) async throws(SpawnError) -> CompileResult {
        let arguments = arguments(source: source, executable: executable)
        let compiler = toolchain.compiler
        let result: Result<CompileResult, SpawnError> = await withCheckedContinuation { continuation in
            Thread {
                let started = ContinuousClock.now
                continuation.resume(returning: Result { () throws(SpawnError) -> CompileResult in
                    let child = try ChildProcess.spawn(
                        executable: compiler, arguments: arguments, environment: ProcessInfo.processInfo.environment,
                        outputPath: scratchDirectory + "/compiler.txt", recordChannel: false)
                    let termination = child.reapWhenExited()
                    return CompileResult(succeeded: termination == .exited(0),
                                         output: String(decoding: child.printedBytes(), as: UTF8.self),
                                         seconds: (ContinuousClock.now - started).seconds)
                })
            }.start()
        }
        return try result.get()
    }
}
