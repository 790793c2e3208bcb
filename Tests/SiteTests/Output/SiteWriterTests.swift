// Writing the site loses nothing: atomic replace, foreign files kept, pages of removed notes gone.

import Foundation
import XCTest
@testable import Site

final class SiteWriterTests: XCTestCase {
    private var root: URL!
    private var site: URL { root.appendingPathComponent("Site") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("site-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func files(_ pages: [String: String]) -> SiteFiles {
        var files = SiteFiles()
        for (path, text) in pages { files.add(path, Array(text.utf8)) }
        return files
    }

    private func read(_ path: String) -> String? {
        try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    private func siblings() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
    }

    func testFailureMidBuildLeavesThePreviousSiteIntact() throws {
        _ = try SiteWriter(outputDirectory: site.path).write(files(["index.html": "旧", "a.html": "旧 a"]))
        var writer = SiteWriter(outputDirectory: site.path)
        writer.afterWritingFile = { path in if path == "b.html" { throw CocoaError(.fileWriteOutOfSpace) } }
        XCTAssertThrowsError(
            try writer.write(files(["index.html": "新", "a.html": "新 a", "b.html": "新 b", "c.html": "新 c"])))
        XCTAssertEqual(read("index.html"), "旧")
        XCTAssertEqual(read("a.html"), "旧 a")
        XCTAssertNil(read("b.html"))
        XCTAssertEqual(try siblings(), ["Site"], "no half-built folder is left behind")
    }

    func testInterruptedBuildIsClearedOrRestoredByTheNextOne() throws {
        _ = try SiteWriter(outputDirectory: site.path).write(files(["index.html": "一"]))
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Site.tmp-abc123"), withIntermediateDirectories: true)
        try fm.moveItem(at: site, to: root.appendingPathComponent("Site.old-xyz789"))  // killed between the two renames
        try Data("我的".utf8).write(to: root.appendingPathComponent("Site.old-xyz789/mine.txt"))
        let report = try SiteWriter(outputDirectory: site.path).write(files(["index.html": "二"]))
        XCTAssertEqual(read("index.html"), "二")
        XCTAssertEqual(read("mine.txt"), "我的", "the restored site's foreign file is kept")
        XCTAssertEqual(report.keptForeignFiles, ["mine.txt"])
        XCTAssertEqual(try siblings(), ["Site"])
    }

    func testForeignFilesAreKeptWithAWarningAndRemovedWithClean() throws {
        _ = try SiteWriter(outputDirectory: site.path).write(files(["index.html": "一"]))
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("extra"), withIntermediateDirectories: true)
        try Data("CNAME".utf8).write(to: site.appendingPathComponent("CNAME"))
        try Data("x".utf8).write(to: site.appendingPathComponent("extra/x.txt"))

        let kept = try SiteWriter(outputDirectory: site.path).write(files(["index.html": "二"]))
        XCTAssertEqual(kept.keptForeignFiles, ["CNAME", "extra/x.txt"])
        XCTAssertEqual(kept.warnings(outputDirectory: "Site"), [
            "Site/CNAME: not written by litbook; kept (use --clean to remove)",
            "Site/extra/x.txt: not written by litbook; kept (use --clean to remove)",
        ])
        XCTAssertEqual(read("CNAME"), "CNAME")
        XCTAssertEqual(read("extra/x.txt"), "x")

        let cleaned = try SiteWriter(outputDirectory: site.path, clean: true).write(files(["index.html": "三"]))
        XCTAssertEqual(cleaned.removedForeignFiles, ["CNAME", "extra/x.txt"])
        XCTAssertNil(read("CNAME"))
        XCTAssertEqual(read("index.html"), "三")
    }

    func testABookBuiltInASubfolderIsKeptSilentlyEvenWithClean() throws {
        _ = try SiteWriter(outputDirectory: site.path).write(files(["index.html": "一"]))
        _ = try SiteWriter(outputDirectory: site.appendingPathComponent("manual").path)
            .write(files(["index.html": "manual", "01-introduction.html": "intro"]))

        let kept = try SiteWriter(outputDirectory: site.path).write(files(["index.html": "二"]))
        XCTAssertEqual(kept.keptForeignFiles, [], "the manual is litbook's own, not a foreign file")
        XCTAssertEqual(read("manual/01-introduction.html"), "intro")
        let cleaned = try SiteWriter(outputDirectory: site.path, clean: true).write(files(["index.html": "三"]))
        XCTAssertEqual(cleaned.removedForeignFiles, [])
        XCTAssertEqual(read("manual/index.html"), "manual")
        XCTAssertEqual(read("index.html"), "三")
        XCTAssertEqual(SiteOptions().linkingManual(in: site.path).manualLink, "manual/index.html")
        XCTAssertNil(SiteOptions().linkingManual(in: site.appendingPathComponent("manual").path).manualLink)
    }

    func testAForeignFileInTheWayStopsTheBuildUnlessClean() throws {
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("手写的首页".utf8).write(to: site.appendingPathComponent("index.html"))
        XCTAssertThrowsError(try SiteWriter(outputDirectory: site.path).write(files(["index.html": "新"]))) { error in
            XCTAssertTrue(
                "\(error)".hasSuffix(
                    "/Site/index.html: not written by litbook, and the new site needs this name; move it away or use"
                        + " --clean to remove it"
                ), "\(error)")
        }
        XCTAssertEqual(read("index.html"), "手写的首页")
    }

    func testRefusesToReplaceTheCurrentFolderOrAParentOfIt() {
        for folder in [".", "..", FileManager.default.currentDirectoryPath, "/"] {
            XCTAssertThrowsError(try SiteWriter(outputDirectory: folder).write(files(["index.html": "新"])), folder) {
                error in
                XCTAssertEqual(
                    "\(error)",
                    "\(folder): contains the current folder; choose a folder of its own for the site, e.g. --out Site")
            }
        }
    }

    func testPagesOfRemovedNotesDisappear() throws {
        _ = try SiteWriter(outputDirectory: site.path).write(files(["index.html": "一", "old.html": "旧"]))
        let report = try SiteWriter(outputDirectory: site.path).write(files(["index.html": "二", "new.html": "新"]))
        XCTAssertNil(read("old.html"))
        XCTAssertEqual(read("new.html"), "新")
        XCTAssertEqual(report.removedStaleFiles, ["old.html"])
        XCTAssertEqual(report.keptForeignFiles, [])
        XCTAssertEqual(read(".litbook-site")?.split(separator: "\n").dropFirst(), ["index.html", "new.html"])
    }
}
