// The page's own words follow the language of its notes: Chinese for zh, English for any other.

import Notebook
import NoteResults
import XCTest
@testable import Site

final class PageLanguageTests: XCTestCase {
    private func pages(language: String, frontMatter: String = "") -> (index: String, note: String) {
        let text = frontMatter + "# Title\n\n## Part\n\nSee [missing](missing.md).\n\n```swift fold\nprint(1)\n```\n"
        let parsed = NoteParser.parse(path: "Notes/01.md", text: text)
        let problems = parsed.problems + LinkCheck.problems(in: [parsed.note])
        let files = SiteRenderer(options: SiteOptions(title: "Book", language: language))
            .render(SiteNote.pairing([parsed.note], runs: [], problems: problems))
        let page = { (name: String) in String(decoding: files[name]!, as: UTF8.self) }
        return (page("index.html"), page("01.html"))
    }

    func testEnglishNotesGetEnglishPageWords() {
        let (index, note) = pages(language: "en")
        for words in ["Skip to content", "Theme: system", "Made with litbook.", "Source: ", "On this page",
                      "This page has warnings", ">warning<", "Link to this section", "Show code", "1 page."] {
            XCTAssertTrue(note.contains(words) || index.contains(words), words)
        }
        XCTAssertNil((index + note).range(of: "\\p{Han}", options: .regularExpression), "no Chinese on English pages")
    }

    func testChineseNotesKeepChineseWordsAndANotesLangDecidesForItsPage() {
        let (index, note) = pages(language: "zh-CN")
        for words in ["跳到正文", "源文件：", "本篇目录", "这篇笔记有警告", "本节链接", "显示代码", "共 1 篇笔记。"] {
            XCTAssertTrue(note.contains(words) || index.contains(words), words)
        }
        let english = pages(language: "zh-CN", frontMatter: "---\nlang: en\n---\n").note
        XCTAssertTrue(english.contains("On this page") && !english.contains("本篇目录"))
    }

    func testTheLanguageTagsPrimarySubtagDecides() {
        XCTAssertEqual(UIText(language: "zh"), .chinese)
        XCTAssertEqual(UIText(language: "ZH-Hant-TW"), .chinese)
        XCTAssertEqual(UIText(language: "en-GB"), .english)
        XCTAssertEqual(UIText(language: "fr"), .english)
    }
}
