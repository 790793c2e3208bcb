// `litbook.toml`: the keys a book sets, and one clear message at its place for each mistake (table-driven).

import Notebook
import XCTest
@testable import Site

final class BookConfigTests: XCTestCase {
    func testKeysSetTheSiteOptions() {
        let (options, problems) = BookConfig.parse("""
        # 书的设置
        title = "Transformer 学习笔记"   # 标题
        repository = 'https://github.com/o/notes/'
        branch = "dev"
        fold-code = true
        language = "en"
        """, path: "Notes/litbook.toml")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(
            options,
            SiteOptions(
                title: "Transformer 学习笔记", foldsAllCode: true,
                repository: "https://github.com/o/notes", branch: "dev", language: "en"))
        let page = SiteFixture.page(
            SiteRenderer(options: options).render([SiteNote(note: SiteFixture.tokens)]), "index.html")
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>"))
    }

    func testNoFileMeansTheDefaults() {
        XCTAssertEqual(BookConfig.parse("", path: "x").options, SiteOptions())
        XCTAssertEqual(BookConfig.load(forNotes: ["/nonexistent-folder/a.md"]).options, SiteOptions())
    }

    func testMistakesAreReportedAtTheirPlaceAndGoodLinesStillCount() {
        let rows: [(text: String, problem: String, line: UInt)] = [
            (
                "repo = \"x\"",
                "Notes/litbook.toml:1:1: error: unknown key 'repo' (known: title, repository, branch, fold-code,"
                    + " language)",
                #line
            ),
            (
                "fold-code = \"yes\"",
                "Notes/litbook.toml:1:13: error: 'fold-code' must be true or false, not a string", #line
            ),
            (
                "repository = \"github.com/o/n\"",
                "Notes/litbook.toml:1:14: error: 'repository' must be a web address starting with https://, not"
                    + " 'github.com/o/n'",
                #line
            ),
            (
                "language = \"english language\"",
                "Notes/litbook.toml:1:12: error: 'language' must be a language tag such as \"en\" or \"zh-CN\"", #line
            ),
            ("title = \"a", "Notes/litbook.toml:1:9: error: string opened here is not closed on its line", #line),
            ("title \"a\"", "Notes/litbook.toml:1:7: error: expected '=' after the key 'title'", #line),
            ("title = a", "Notes/litbook.toml:1:9: error: expected a value: a \"string\", true or false", #line),
            ("title = \"a\" b", "Notes/litbook.toml:1:13: error: unexpected text after the value of 'title'", #line),
            (
                "[site]",
                "Notes/litbook.toml:1:1: error: tables such as '[site]' are not used in litbook.toml; write top-level"
                    + " keys",
                #line
            ),
            ("title = \"\\q\"", "Notes/litbook.toml:1:11: error: unknown escape '\\q' in a string", #line),
        ]
        for row in rows {
            let (options, problems) = BookConfig.parse("branch = \"dev\"\n" + row.text, path: "Notes/litbook.toml")
            XCTAssertEqual(
                problems.map(\.description), [row.problem.replacingOccurrences(of: "toml:1:", with: "toml:2:")],
                line: row.line)
            XCTAssertEqual(options.branch, "dev", "the good line is still used", line: row.line)
        }
    }

    func testAKeyGivenTwiceKeepsTheFirst() {
        let (options, problems) = BookConfig.parse("title = \"甲\"\ntitle = \"乙\"\n", path: "b.toml")
        XCTAssertEqual(options.title, "甲")
        XCTAssertEqual(problems.map(\.description), ["b.toml:2:1: error: key 'title' is given twice"])
    }

    func testTheConfigLivesInTheFolderHoldingTheNotes() {
        XCTAssertEqual(BookConfig.configPath(forNotes: ["Notes/a.md", "Notes/b.md"]), "Notes/litbook.toml")
        XCTAssertEqual(BookConfig.configPath(forNotes: ["Notes/a/x.md", "Notes/b/y.md"]), "Notes/litbook.toml")
        XCTAssertEqual(BookConfig.configPath(forNotes: ["a.md"]), "litbook.toml")
        XCTAssertEqual(BookConfig.configPath(forNotes: ["/tmp/book/a.md"]), "/tmp/book/litbook.toml")
    }
}
