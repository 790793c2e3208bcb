// The compiler and the built modules a note's program is compiled against.

import Foundation

/// `swiftc` plus the directories of litbook's own build that cell programs compile and link against.
///
/// The modules must come from the same compiler as `swiftc`: a Swift module is only readable
/// by the compiler version that wrote it.
public struct Toolchain: Hashable, Sendable {
    /// The `swiftc` executable.
    public var compiler: String
    /// The directory holding `libNotebookRuntime.so`; also the run-time search path of programs.
    public var libraryDirectory: String
    /// The directory holding `NotebookRuntime.swiftmodule`, `TransformerEngine.swiftmodule`…
    public var moduleDirectory: String

    public init(compiler: String, libraryDirectory: String, moduleDirectory: String) {
        self.compiler = compiler
        self.libraryDirectory = libraryDirectory
        self.moduleDirectory = moduleDirectory
    }

    /// The library every cell program links: it contains the engine and the figure renderers too,
    /// so linking it alone keeps one copy of each type's metadata.
    public static let runtimeLibraryName = "NotebookRuntime"
    /// The modules the generated program imports.
    public static let importedModules = ["TransformerEngine", "NotebookRuntime"]

    /// The file name of the runtime library on this platform.
    public static var runtimeLibraryFile: String {
        #if os(macOS)
        "lib\(runtimeLibraryName).dylib"
        #else
        "lib\(runtimeLibraryName).so"
        #endif
    }

    // MARK: - Locating

    /// Environment variable naming the `swiftc` to use instead of the one next to the running Swift runtime.
    public static let compilerVariable = "LITBOOK_SWIFTC"
    /// Environment variable naming the build directory (holding `libNotebookRuntime.so`) to use.
    public static let buildDirectoryVariable = "LITBOOK_BUILD_DIR"

    /// Finds the compiler that built litbook and litbook's build directory.
    ///
    /// The build directory is the one holding the running executable (`.build/release/litbook`,
    /// or the test bundle of `swift test`), unless `LITBOOK_BUILD_DIR` names another. The compiler is
    /// `LITBOOK_SWIFTC`, else the `swiftc` of the toolchain whose Swift runtime this process loaded,
    /// else the first `swiftc` on `PATH`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ToolchainError) -> Toolchain
    {
        let compiler = try locateCompiler(environment: environment)
        let buildDirectory = environment[buildDirectoryVariable] ?? executableDirectory()
        let library = buildDirectory + "/" + runtimeLibraryFile
        guard FileManager.default.fileExists(atPath: library) else {
            throw .modulesNotFound(directory: buildDirectory, missing: runtimeLibraryFile)
        }
        // SwiftPM 6 keeps modules in `Modules/`; older layouts keep them next to the products.
        let candidates = [buildDirectory + "/Modules", buildDirectory]
        let moduleFile = runtimeLibraryName + ".swiftmodule"
        guard let modules = candidates.first(where: {
            FileManager.default.fileExists(atPath: $0 + "/" + moduleFile)
        }) else {
            throw .modulesNotFound(directory: buildDirectory + "/Modules", missing: moduleFile)
        }
        return Toolchain(compiler: compiler, libraryDirectory: buildDirectory, moduleDirectory: modules)
    }

    private static func locateCompiler(environment: [String: String]) throws(ToolchainError) -> String {
        var searched: [String] = []
        if let chosen = environment[compilerVariable], !chosen.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: chosen) else {
                throw .compilerNotFound(searched: [chosen])
            }
            return chosen
        }
        if let runtime = loadedSwiftRuntime() {
            // <prefix>/lib/swift/linux/libswiftCore.so → <prefix>/bin/swiftc
            var prefix = URL(fileURLWithPath: runtime).deletingLastPathComponent()
            for _ in 0..<3 { prefix.deleteLastPathComponent() }
            let candidate = prefix.appendingPathComponent("bin/swiftc").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            searched.append(candidate)
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = String(directory) + "/swiftc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        searched.append("swiftc on PATH")
        throw .compilerNotFound(searched: searched)
    }

    /// The directory of the running executable, symbolic links resolved.
    private static func executableDirectory() -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    /// The path of the `libswiftCore` this process loaded, from `/proc/self/maps`.
    private static func loadedSwiftRuntime() -> String? {
        // Read to the end: /proc files report a size of 0, and a sized read stops short.
        guard let data = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() else { return nil }
        let maps = String(decoding: data, as: UTF8.self)
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            if path.hasSuffix("/libswiftCore.so") { return path }
        }
        return nil
    }
}
