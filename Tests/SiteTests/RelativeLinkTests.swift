// Every link of the site is relative and lands on a file and anchor that exist, from file:// too.

import Foundation
import XCTest
@testable import Site

final class RelativeLinkTests: XCTestCase {
    func testEveryInternalLinkResolvesToAFileAndAnAnchor() throws {
        let files = SiteFixture.site()
        var checked = 0
        for path in files.paths where path.hasSuffix(".html") {
            let page = HTMLInspector(SiteFixture.page(files, path))
            for link in page.hrefs + page.srcs where !link.hasPrefix("https:") {
                XCTAssertFalse(link.hasPrefix("/"), "\(path): absolute link \(link)")
                let (target, fragment) = split(link)
                let targetPath = target.isEmpty ? path : URLEncoding.percentDecoded(target)
                XCTAssertNotNil(files[targetPath], "\(path): \(link) names no file of the site")
                if let fragment, targetPath.hasSuffix(".html") {
                    let ids = HTMLInspector(SiteFixture.page(files, targetPath)).ids
                    XCTAssertTrue(
                        ids.contains(URLEncoding.percentDecoded(fragment)), "\(path): \(link) names no anchor")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20)
    }

    func testLinksWorkFromFileURLsWithChineseNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "site-links-\(UUID().uuidString)/深 目录/Site")
        defer {
            try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent())
        }
        _ = try SiteWriter(outputDirectory: folder.path).write(SiteFixture.site())
        let indexURL = folder.appendingPathComponent("index.html")
        let index = try String(contentsOf: indexURL, encoding: .utf8)
        for link in HTMLInspector(index).hrefs where link.hasSuffix(".html") {
            let resolved = try XCTUnwrap(URL(string: link, relativeTo: indexURL)?.absoluteURL)
            XCTAssertEqual(resolved.scheme, "file")
            XCTAssertTrue(FileManager.default.fileExists(atPath: resolved.path), "\(link) → \(resolved.path)")
        }
        for asset in ["assets/style.css", "assets/search.js"] {
            XCTAssertTrue(index.contains("\"\(asset)\""), "pages load \(asset) by a relative path")
        }
        XCTAssertTrue(
            SiteFixture.page(SiteFixture.site(), "assets/search.js").contains("script.src = \"assets/search-index.js\"")
        )
    }

    private func split(_ link: String) -> (String, String?) {
        guard let hash = link.firstIndex(of: "#") else { return (link, nil) }
        return (String(link[..<hash]), String(link[link.index(after: hash)...]))
    }
}
