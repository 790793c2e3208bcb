// The one rule for characters a format cannot carry, and that the XML and HTML escapers both follow it.

import TextFormats
import XCTest

final class ControlCharactersTests: XCTestCase {
    func testEachKindOfCharacterGetsTheDocumentedReplacement() {
        let cases: [(Unicode.Scalar, Unicode.Scalar?)] = [
            ("a", nil), ("我", nil), ("\t", nil), ("\n", nil), ("\r", nil),
            ("\u{0}", "\u{2400}"), ("\u{1B}", "\u{241B}"), ("\u{1F}", "\u{241F}"), ("\u{7F}", "\u{2421}"),
            ("\u{80}", "\u{FFFD}"), ("\u{85}", "\u{FFFD}"), ("\u{9F}", "\u{FFFD}"), ("\u{A0}", nil),
            ("\u{FDCF}", nil), ("\u{FDD0}", "\u{FFFD}"), ("\u{FDEF}", "\u{FFFD}"), ("\u{FDF0}", nil),
            ("\u{FFFD}", nil), ("\u{FFFE}", "\u{FFFD}"), ("\u{FFFF}", "\u{FFFD}"),
            ("\u{1FFFE}", "\u{FFFD}"), ("\u{10FFFF}", "\u{FFFD}"), ("😀", nil),
        ]
        for (scalar, expected) in cases {
            XCTAssertEqual(ControlCharacters.replacement(for: scalar), expected, "U+\(String(scalar.value, radix: 16))")
        }
    }

    func testXMLAndHTMLReplaceForbiddenCharactersAlike() {
        let forbidden = "\u{0}\u{1B}\u{7F}\u{85}\u{FDD0}\u{FFFE}\u{10FFFF}"
        var html: [UInt8] = []
        var text = forbidden
        text.withUTF8 { HTMLText.appendEscaped($0, to: &html) }
        XCTAssertEqual(String(decoding: html, as: UTF8.self), "␀␛␡\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        XCTAssertEqual(XMLText.content(forbidden), "␀␛␡\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        XCTAssertEqual(XMLText.attribute(forbidden), "␀␛␡\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
    }
}
