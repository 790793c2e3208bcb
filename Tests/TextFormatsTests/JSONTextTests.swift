// The one JSON string writer: what it escapes, and what it escapes more inside a script.

import Foundation
import TextFormats
import XCTest

final class JSONTextTests: XCTestCase {
    func testEscapesQuotesBackslashesAndControlCharactersOnly() {
        let cases: [(String, String)] = [
            ("plain", "\"plain\""),
            ("say \"hi\"", "\"say \\\"hi\\\"\""),
            ("a\\b", "\"a\\\\b\""),
            ("l1\nl2\r\tx", "\"l1\\nl2\\r\\tx\""),
            ("\u{0}\u{1B}\u{1F}", "\"\\u0000\\u001b\\u001f\""),
            ("<bos>注意力</s>", "\"<bos>注意力</s>\""),
            ("\u{7F}\u{2028}", "\"\u{7F}\u{2028}\""),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(JSONText.string(input), expected, input)
        }
    }

    func testScriptSafeAlsoEscapesLessThanAndLineSeparators() {
        XCTAssertEqual(
            JSONText.string("</script>\u{2028}\u{2029}", scriptSafe: true), "\"\\u003c/script>\\u2028\\u2029\"")
    }

    func testEveryStringReadsBackAsItself() throws {
        let strings = ["", "注意力\n\t\"\\", "\u{0}\u{1F}\u{7F}", "</script>\u{2028}😀", "e\u{301}"]
        for text in strings {
            for scriptSafe in [false, true] {
                let json = "[" + JSONText.string(text, scriptSafe: scriptSafe) + "]"
                let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
                XCTAssertEqual(decoded, [text], json)
            }
        }
    }
}
