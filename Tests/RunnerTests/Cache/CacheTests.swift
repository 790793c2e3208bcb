// A note runs again exactly when something that can change its outputs changed.

import Foundation
import Notebook
import Runner
import XCTest

final class CacheTests: XCTestCase {
    private let original = """
        # 缓存

        Some prose.

        ```swift
        let x = 21
        print(x * 2)
        ```

        ```swift norun
        print("shown, not run")
        ```

        ```swift
        print("second")
        ```
        """

    /// Runs `text` as `Notes/cache.md` with a fresh runner over `cache` (as a new `litbook run` would)
    /// and returns the result and whether the note was compiled.
    private func run(
        _ text: String, cache: String, force: Bool = false, forcePaths: Set<String> = [],
        limits: Limits = RunnerFixtures.limits, toolchain: Toolchain? = nil
    ) async throws -> (run: NoteRun, compiled: Bool) {
        let log = ProgressLog()
        let note = try RunnerFixtures.note("cache", text: text)
        let runner = try makeRunner(cache: cache, force: force, forcePaths: forcePaths, limits: limits,
                                    toolchain: toolchain, progress: log)
        let result = await runner.run([note])[0]
        XCTAssertEqual(result.fromCache, log.compiled.isEmpty, "a cached result is exactly one not compiled")
        return (result, !log.compiled.isEmpty)
    }

    func testWhatReRunsANoteAndWhatDoesNot() async throws {
        let scratch = try ScratchFolder()
        let cache = scratch.path + "/cache"
        let first = try await run(original, cache: cache)
        XCTAssertTrue(first.compiled)
        XCTAssertFalse(first.run.failed)

        let cases: [(change: String, text: String, reruns: Bool)] = [
            ("nothing", original, false),
            ("a prose edit", original.replacingOccurrences(of: "Some prose.", with: "Some better prose."), false),
            (
                "prose that moves the cells down",
                original.replacingOccurrences(of: "Some prose.", with: "Some\n\nprose."), false
            ),
            (
                "the code of a norun cell", original.replacingOccurrences(of: "shown, not run", with: "still not run"),
                false
            ),
            ("the code of a cell", original.replacingOccurrences(of: "x * 2", with: "x * 3"), true),
            (
                "a cell's options",
                original.replacingOccurrences(
                    of: "```swift\nprint(\"second\")", with: "```swift hidden\nprint(\"second\")"), true
            ),
            ("a limit set by the note", "---\ntimeout: 30s\n---\n" + original, true),
        ]
        for test in cases {
            // Each change is compared with the original, cached first.
            _ = try await run(original, cache: cache)
            let changed = try await run(test.text, cache: cache)
            XCTAssertEqual(changed.compiled, test.reruns, test.change)
            XCTAssertFalse(changed.run.failed, test.change)
        }
        let edited = try await run(original.replacingOccurrences(of: "x * 2", with: "x * 3"), cache: cache)
        XCTAssertEqual(edited.run.cells[0].items, [.text("63\n")], "the cached result follows the edit")
    }

    func testForceReRunsEverythingOrTheNamedNotes() async throws {
        let scratch = try ScratchFolder()
        _ = try await run(original, cache: scratch.path)
        let forcedAll = try await run(original, cache: scratch.path, force: true).compiled
        XCTAssertTrue(forcedAll)
        let forcedThis = try await run(original, cache: scratch.path, forcePaths: ["Notes/cache.md"]).compiled
        XCTAssertTrue(forcedThis)
        let forcedOther = try await run(original, cache: scratch.path, forcePaths: ["Notes/other.md"]).compiled
        XCTAssertFalse(forcedOther)
    }

    func testDamagedEntriesAreIgnoredAndRebuilt() async throws {
        let scratch = try ScratchFolder()
        let fresh = try await run(original, cache: scratch.path)
        let entry = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: scratch.path)
            .first { $0.hasSuffix(".json") && $0 != "compiler-version.json" })
        let path = scratch.path + "/" + entry
        let good = try XCTUnwrap(FileManager.default.contents(atPath: path))
        var tampered = good
        // Change one digit of the output inside the payload: the checksum no longer matches.
        let range = try XCTUnwrap(tampered.range(of: Data("42".utf8)))
        tampered.replaceSubrange(range, with: Data("43".utf8))
        let damages: [(name: String, bytes: Data)] = [
            ("empty", Data()),
            ("cut in half", good.prefix(good.count / 2)),
            ("not JSON", Data("garbage\n{".utf8)),
            ("payload changed, checksum not", tampered),
        ]
        for damage in damages {
            try damage.bytes.write(to: URL(fileURLWithPath: path))
            let rerun = try await run(original, cache: scratch.path)
            XCTAssertTrue(rerun.compiled, "\(damage.name): a damaged entry is never trusted")
            XCTAssertEqual(rerun.run.cells, fresh.run.cells, damage.name)
            let rebuilt = try await run(original, cache: scratch.path).compiled
            XCTAssertFalse(rebuilt, "\(damage.name): the entry was rebuilt")
        }
    }

    func testANewRuntimeLibraryOrCompilerReRunsTheNote() async throws {
        let scratch = try ScratchFolder()
        let real = try Toolchain.locate()
        _ = try await run(original, cache: scratch.path + "/cache", toolchain: real)

        // A copy of the build whose runtime library differs by one byte: a changed engine.
        let build = scratch.path + "/build"
        try FileManager.default.createDirectory(atPath: build, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: real.moduleDirectory, toPath: build + "/Modules")
        var library = try XCTUnwrap(
            FileManager.default.contents(atPath: real.libraryDirectory + "/" + Toolchain.runtimeLibraryFile))
        library.append(0)
        try library.write(to: URL(fileURLWithPath: build + "/" + Toolchain.runtimeLibraryFile))
        let changedEngine = Toolchain(
            compiler: real.compiler, libraryDirectory: build, moduleDirectory: build + "/Modules")
        let afterEngine = try await run(original, cache: scratch.path + "/cache", toolchain: changedEngine)
        XCTAssertTrue(afterEngine.compiled, "a changed runtime library re-runs the note")
        XCTAssertFalse(afterEngine.run.failed)

        // The same compiler behind a wrapper that reports another version: a changed toolchain.
        let wrapper = scratch.path + "/swiftc"
        try """
            #!/bin/sh
            if [ "$1" = "--version" ]; then echo "Swift version 99.0 (a different compiler)"; exit 0; fi
            exec '\(real.compiler)' "$@"
            """.write(toFile: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper, 0o755)
        let changedCompiler = Toolchain(compiler: wrapper, libraryDirectory: real.libraryDirectory,
                                        moduleDirectory: real.moduleDirectory)
        let newCompiler = try await run(original, cache: scratch.path + "/cache", toolchain: changedCompiler).compiled
        XCTAssertTrue(newCompiler)
        let sameNewCompiler = try await run(original, cache: scratch.path + "/cache", toolchain: changedCompiler)
            .compiled
        XCTAssertFalse(sameNewCompiler)
    }

    func testErrorsAreReusedOnlyWhereTheyStillPoint() async throws {
        let scratch = try ScratchFolder()
        let broken = original.replacingOccurrences(of: "print(x * 2)", with: "print(x.nope)")
        let first = try await run(broken, cache: scratch.path)
        XCTAssertEqual(first.run.cells[0].error?.location?.description, "Notes/cache.md:7:9")
        let sameLines = try await run(
            broken.replacingOccurrences(of: "Some prose.", with: "Other prose."), cache: scratch.path
        ).compiled
        XCTAssertFalse(
            sameLines,
            "an edit that moves no line keeps the cached error")
        let moved = try await run(
            broken.replacingOccurrences(of: "Some prose.", with: "Some\n\nprose."), cache: scratch.path)
        XCTAssertTrue(moved.compiled, "an edit that moves the error's line runs the note again")
        XCTAssertEqual(moved.run.cells[0].error?.location?.description, "Notes/cache.md:9:9")
    }

    func testATimeLimitFailureIsNotCached() async throws {
        let scratch = try ScratchFolder()
        let looping = "# loop\n\n```swift\nwhile true {}\n```\n"
        let limits = Limits(timeLimit: 0.5, memoryLimit: RunnerFixtures.limits.memoryLimit, outputLimit: 1024)
        let first = try await run(looping, cache: scratch.path, limits: limits)
        XCTAssertEqual(first.run.cells[0].error?.kind, .timeLimit)
        let again = try await run(looping, cache: scratch.path, limits: limits).compiled
        XCTAssertTrue(again,
                      "a time limit depends on the machine's load: the next run tries again")
    }
}
