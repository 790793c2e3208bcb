// The one rule for characters a format cannot carry, and that the XML and HTML escapers both follow it.

import TextFormats
import XCTest

final class ControlCharactersTests: XCTestCase {
    func testEachKindOfCharacterGetsTheDocumentedReplacement() {
        // Code points, not literals: Swift rejects noncharacters such as U+FDD0 in a string literal.
        let cases: [(UInt32, UInt32?)] = [
            (0x61, nil), (0x6211, nil), (0x09, nil), (0x0A, nil), (0x0D, nil),
            (0x00, 0x2400), (0x1B, 0x241B), (0x1F, 0x241F), (0x7F, 0x2421),
            (0x80, 0xFFFD), (0x85, 0xFFFD), (0x9F, 0xFFFD), (0xA0, nil),
            (0xFDCF, nil), (0xFDD0, 0xFFFD), (0xFDEF, 0xFFFD), (0xFDF0, nil),
            (0xFFFD, nil), (0xFFFE, 0xFFFD), (0xFFFF, 0xFFFD),
            (0x1FFFE, 0xFFFD), (0x10FFFF, 0xFFFD), (0x1F600, nil),
        ]
        for (code, expected) in cases {
            let scalar = Unicode.Scalar(code)!
            XCTAssertEqual(ControlCharacters.replacement(for: scalar)?.value, expected, "U+\(String(code, radix: 16))")
        }
    }

    func testXMLAndHTMLReplaceForbiddenCharactersAlike() {
        let codes: [UInt32] = [0x0, 0x1B, 0x7F, 0x85, 0xFDD0, 0xFFFE, 0x10FFFF]
        let forbidden = String(String.UnicodeScalarView(codes.map { Unicode.Scalar($0)! }))
        var html: [UInt8] = []
        var text = forbidden
        text.withUTF8 { HTMLText.appendEscaped($0, to: &html) }
        XCTAssertEqual(String(decoding: html, as: UTF8.self), "␀␛␡\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        XCTAssertEqual(XMLText.content(forbidden), "␀␛␡\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        XCTAssertEqual(XMLText.attribute(forbidden), "␀␛␡\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
    }
}
