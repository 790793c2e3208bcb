// Terminal widths: CJK and fullwidth characters take two columns, combining marks none.

import XCTest
@testable import Figures

final class DisplayWidthTests: XCTestCase {
    func testWidths() {
        let cases: [(String, Int)] = [
            ("", 0), ("abc", 3), ("我", 2), ("自然语言", 8), ("GPT 模型", 8),
            ("Ａ", 2),           // fullwidth Latin
            ("ｱ", 1),            // halfwidth katakana
            ("한국어", 6), ("ひらがな", 8), ("。", 2),
            ("e\u{301}", 1),     // e + combining acute
            ("a\u{200B}b", 2),   // zero-width space
            ("😀", 2), ("░▒▓█", 4),
            ("𠀀", 2),           // CJK Extension B
        ]
        for (text, width) in cases { XCTAssertEqual(DisplayWidth.of(text), width, "width of \(text.debugDescription)") }
    }

    func testPaddingCountsCJKAsTwoColumns() {
        XCTAssertEqual(DisplayWidth.pad("我", to: 4), "我  ")
        XCTAssertEqual(DisplayWidth.pad("ab", to: 4, alignment: .right), "  ab")
        XCTAssertEqual(DisplayWidth.pad("自然语言", to: 4), "自然语言")
    }

    func testTruncationNeverSplitsAWideCharacter() {
        XCTAssertEqual(DisplayWidth.truncate("自然语言处理", to: 6), "自然…")
        XCTAssertEqual(DisplayWidth.truncate("abcdef", to: 4), "abc…")
        XCTAssertEqual(DisplayWidth.truncate("abc", to: 4), "abc")
        XCTAssertLessThanOrEqual(DisplayWidth.of(DisplayWidth.truncate("我爱你", to: 4)), 4)
    }

    func testControlCharactersInLabelsAreSpelledOut() {
        XCTAssertEqual(VisibleLabel.make("a\nb"), "a\\nb")
        XCTAssertEqual(VisibleLabel.make("\t"), "\\t")
        XCTAssertEqual(VisibleLabel.make("\u{1B}[31m"), "\\u{1B}[31m")
    }
}
