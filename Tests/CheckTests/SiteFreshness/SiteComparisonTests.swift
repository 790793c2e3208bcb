// Tests that a stale, incomplete or padded committed site is caught, file by file.

import XCTest
import Foundation
@testable import Check

final class SiteComparisonTests: XCTestCase {
    func testAnUpToDateSiteHasNoDifferences() throws {
        let folder = try makeSite(["index.html": "<h1>笔记</h1>", "assets/style.css": "body{}"])
        XCTAssertEqual(try SiteComparison.differences(
            fresh: ["index.html": Array("<h1>笔记</h1>".utf8), "assets/style.css": Array("body{}".utf8)],
            committedFolder: folder), [])
    }

    func testEachKindOfDifferenceIsNamed() throws {
        let folder = try makeSite(["index.html": "old", "stale.html": "x", "assets/style.css": "body{}"])
        let differences = try SiteComparison.differences(
            fresh: ["index.html": Array("new".utf8), "01.html": Array("page".utf8),
                    "assets/style.css": Array("body{}".utf8)],
            committedFolder: folder)
        XCTAssertEqual(differences.map(\.description), [
            "\(folder)/01.html: error: missing; a fresh build writes it",
            "\(folder)/index.html: error: differs from a fresh build",
            "\(folder)/stale.html: error: not written by a fresh build",
        ])
    }

    func testOneByteOfDifferenceCounts() throws {
        let folder = try makeSite(["index.html": "a\r\n"])
        XCTAssertEqual(
            try SiteComparison.differences(fresh: ["index.html": Array("a\n".utf8)], committedFolder: folder),
            [SiteDifference(path: "\(folder)/index.html", kind: .differs)])
    }

    func testAMissingFolderIsAnError() {
        XCTAssertThrowsError(try SiteComparison.differences(fresh: [:], committedFolder: "/nonexistent/Site")) {
            error in
            XCTAssertEqual(
                String(describing: error),
                "/nonexistent/Site: error: no such folder; build the site first with 'litbook build'")
        }
    }

    private func makeSite(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("CheckSite-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder.path
    }
}
