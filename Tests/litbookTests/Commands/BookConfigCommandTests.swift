// `build` reads Notes/litbook.toml: its options reach every page; a
// mistake is reported at its place, the site still written, exit 1.

import Foundation
import XCTest

final class BookConfigCommandTests: XCTestCase {
    private let note = "# 注意力\n\n正文。\n\n```swift norun\nlet x = 1\n```\n"

    func testTheBookConfigReachesThePages() throws {
        let project = try CLIProject(notes: ["a.md": note])
        try "title = \"我的书\"\nrepository = \"https://example.org/o/book\"\nfold-code = true\n"
            .write(toFile: project.root + "/Notes/litbook.toml", atomically: true, encoding: .utf8)
        let result = try project.litbook(["build", "--no-exec", "--out", "Out"])
        XCTAssertEqual(result.status, 0, result.all)
        let page = try String(contentsOfFile: project.root + "/Out/a.html", encoding: .utf8)
        XCTAssertTrue(page.contains("<a class=\"site-title\" href=\"index.html\">我的书</a>"))
        XCTAssertTrue(
            page.contains("源文件：<a href=\"https://example.org/o/book/blob/main/Notes/a.md\"><code>Notes/a.md</code></a>")
        )
        XCTAssertTrue(page.contains("<details class=\"cell-fold\">"))
    }

    func testAMistakeIsReportedAtItsPlaceAndTheSiteIsStillWritten() throws {
        let project = try CLIProject(notes: ["a.md": note])
        try "title = \"我的书\"\nfold-code = yes\n".write(
            toFile: project.root + "/Notes/litbook.toml", atomically: true, encoding: .utf8)
        let result = try project.litbook(["build", "--no-exec", "--out", "Out"])
        XCTAssertEqual(result.status, 1, result.all)
        XCTAssertTrue(
            result.stderr.contains("Notes/litbook.toml:2:13: error: expected a value: a \"string\", true or false\n"),
            result.all)
        let page = try String(contentsOfFile: project.root + "/Out/a.html", encoding: .utf8)
        XCTAssertTrue(page.contains(">我的书</a>"), "the good line still counts")
    }
}
