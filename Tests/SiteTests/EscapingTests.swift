// Text from notes and cell outputs always shows as text: it can never become markup.

import Notebook
import Runner
import TextFormats
import XCTest
@testable import Site

final class EscapingTests: XCTestCase {
    func testScriptInCellOutputShowsAsText() {
        let page = SiteFixture.page(SiteFixture.site(), "02-自注意力.html")
        XCTAssertTrue(page.contains("<pre class=\"output-text\">&lt;script&gt;alert(1)&lt;/script&gt;</pre>"))
        XCTAssertFalse(page.contains("<script>alert"))
    }

    func testScriptInTitleAndHeadingShowsAsText() {
        let files = SiteFixture.site()
        let page = SiteFixture.page(files, "01-词元.html")
        XCTAssertTrue(page.contains("<title>词元 &lt;script&gt; · 学习笔记</title>"))
        XCTAssertTrue(page.contains("<h1>词元 &lt;script&gt;</h1>"))
        XCTAssertTrue(SiteFixture.page(files, "index.html").contains("词元 &lt;script&gt;</a>"))
        XCTAssertTrue(
            SiteFixture.page(files, "02-自注意力.html").contains("词元 &lt;script&gt;</a>"), "in the previous-page link")
    }

    func testRawHTMLIsShownAsWrittenAndCommentsAreLeftOut() {
        let page = SiteFixture.page(SiteFixture.site(), "02-自注意力.html")
        XCTAssertTrue(
            page.contains("<pre class=\"raw-html\">&lt;div class=&quot;raw&quot;&gt;原样的 HTML&lt;/div&gt;</pre>"))
        XCTAssertFalse(page.contains("作者的备注"))
        let inline = NoteParserFixture.note("按 <kbd>Ctrl</kbd> 键<!-- 备注 -->。")
        XCTAssertTrue(SiteFixture.page(SiteRenderer().render([SiteNote(note: inline)]), "x.html")
            .contains("<p>按 &lt;kbd&gt;Ctrl&lt;/kbd&gt; 键。</p>"))
    }

    func testForbiddenCharactersBecomeVisibleInsteadOfBreakingThePage() {
        let cases: [(text: String, html: String)] = [
            ("a&b", "a&amp;b"),
            ("\"引号\"", "&quot;引号&quot;"),
            ("\u{1B}[31m红", "\u{241B}[31m红"),
            ("x\u{0}y", "x\u{2400}y"),
            ("\u{7F}", "\u{2421}"),
            ("\u{85}", "\u{FFFD}"),
            ("\u{FFFE}", "\u{FFFD}"),
            ("\u{1FFFF}", "\u{FFFD}"),
            ("tab\tnew\nline", "tab\tnew\nline"),
            ("表情 😀", "表情 😀"),
        ]
        for (text, html) in cases {
            var buffer = HTMLBuffer()
            buffer.text(text)
            XCTAssertEqual(String(decoding: buffer.bytes, as: UTF8.self), html, "text \(text.debugDescription)")
        }
    }

    func testSearchIndexStringsAreValidJavaScript() {
        let cases: [(text: String, literal: String)] = [
            ("注意力", #""注意力""#),
            ("a\"b\\c", #""a\"b\\c""#),
            ("</script>", #""\u003c/script>""#),
            ("行\n\t\r", #""行\n\t\r""#),
            ("\u{2028}\u{2029}\u{2027}", #""\u2028\u2029\#u{2027}""#),
        ]
        for (text, literal) in cases {
            var out: [UInt8] = []
            JSONText.appendString(text, to: &out, scriptSafe: true)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), literal, "text \(text.debugDescription)")
        }
    }

    func testSearchIndexCannotEndAScript() {
        let index = SiteFixture.page(SiteFixture.site(), "assets/search-index.js")
        XCTAssertTrue(index.contains("词元 \\u003cscript>"))
        XCTAssertFalse(index.contains("<script"))
    }
}
