// Finding the compiler and litbook's build, and one clear message when either is wrong.

import Notebook
import Runner
import XCTest

final class ToolchainTests: XCTestCase {
    func testTheBuildOfTheseTestsIsFound() throws {
        let toolchain = try Toolchain.locate()
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: toolchain.compiler))
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: toolchain.libraryDirectory + "/" + Toolchain.runtimeLibraryFile))
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: toolchain.moduleDirectory + "/NotebookRuntime.swiftmodule"))
    }

    func testMissingPiecesAreOneMessage() throws {
        let scratch = try ScratchFolder()
        XCTAssertThrowsError(try Toolchain.locate(environment: [Toolchain.compilerVariable: "/no/such/swiftc"])) {
            error in
            XCTAssertEqual(
                "\(error)",
                "no Swift compiler found (looked for '/no/such/swiftc'); set LITBOOK_SWIFTC to the swiftc that built"
                    + " litbook"
            )
        }
        XCTAssertThrowsError(try Toolchain.locate(environment: [Toolchain.buildDirectoryVariable: scratch.path])) {
            error in
            XCTAssertEqual(
                "\(error)",
                "litbook's built modules are incomplete: 'libNotebookRuntime.so' is missing in '\(scratch.path)'; "
                    + "build litbook with 'swift build' (it builds the NotebookRuntime library cells link to)")
        }
    }

    func testModulesFromAnotherCompilerAreOneClearMessage() async throws {
        let real = try Toolchain.locate()
        let scratch = try ScratchFolder()
        // A build whose module files are not modules this compiler can read.
        try FileManager.default.createDirectory(atPath: scratch.path + "/Modules", withIntermediateDirectories: true)
        for module in ["NotebookRuntime", "TransformerEngine", "Figures", "RecordStream"] {
            try Data("written by another compiler".utf8).write(
                to: URL(fileURLWithPath: scratch.path + "/Modules/\(module).swiftmodule"))
        }
        try FileManager.default.copyItem(atPath: real.libraryDirectory + "/" + Toolchain.runtimeLibraryFile,
                                         toPath: scratch.path + "/" + Toolchain.runtimeLibraryFile)
        let broken = try Toolchain.locate(environment: [Toolchain.buildDirectoryVariable: scratch.path])
        let notes = try ["shared-state", "precondition"].map { try RunnerFixtures.note($0) }
        let runs = try await makeRunner(cache: scratch.path + "/cache", toolchain: broken).run(notes)
        for run in runs {
            let error = try XCTUnwrap(run.cells[0].error, run.notePath)
            XCTAssertTrue(
                error.message.hasPrefix("the compiler '\(real.compiler)' cannot use litbook's built modules ("),
                error.message)
            XCTAssertTrue(
                error.message.hasSuffix(
                    "rebuild litbook with this compiler, or set LITBOOK_SWIFTC to the swiftc that built it"))
            XCTAssertTrue(
                run.cells.dropFirst().allSatisfy {
                    if case .notRun = $0.status { true } else if case .skipped = $0.status { true } else { false }
                })
        }
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/cache").filter {
                !["compiler-version.json", "data-digests.json"].contains($0)
            }, [],
            "a toolchain problem is not cached")
    }
}
