// XML escaping: markup characters become entities, and whitespace survives attribute normalisation.

import TextFormats
import XCTest

final class XMLTextTests: XCTestCase {
    func testContentAndAttributes() {
        let cases: [(input: String, content: String, attribute: String)] = [
            ("<script>", "&lt;script&gt;", "&lt;script&gt;"),
            ("a & b", "a &amp; b", "a &amp; b"),
            ("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;", "&quot;quoted&quot; &#39;single&#39;"),
            ("tab\there", "tab\there", "tab&#9;here"),
            ("new\nline", "new\nline", "new&#10;line"),
            ("cr\r\n", "cr&#13;\n", "cr&#13;&#10;"),
            ("]]>", "]]&gt;", "]]&gt;"),
            ("注意力 😀", "注意力 😀", "注意力 😀"),
        ]
        for row in cases {
            XCTAssertEqual(XMLText.content(row.input), row.content, row.input)
            XCTAssertEqual(XMLText.attribute(row.input), row.attribute, row.input)
        }
    }

    func testIdentifiersKeepOnlyIdCharactersAndNeverStartWithADigit() {
        XCTAssertEqual(XMLText.identifier("cell-1_fig"), "cell-1_fig")
        XCTAssertEqual(XMLText.identifier("注意 力"), "____")
        XCTAssertEqual(XMLText.identifier("1st"), "f1st")
        XCTAssertEqual(XMLText.identifier("-x"), "f-x")
        XCTAssertEqual(XMLText.identifier(""), "fig")
    }
}
