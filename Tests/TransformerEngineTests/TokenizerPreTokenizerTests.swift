// Pre-tokenisation: where words are cut before merges, and that nothing is lost.

@testable import TransformerEngine
import XCTest

final class TokenizerPreTokenizerTests: XCTestCase {
    private func words(_ text: String) -> [String] {
        PreTokenizer.words(in: Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testWordsAreCutAtTheDocumentedPlaces() {
        let table: [(text: String, words: [String])] = [
            (" the cat", [" the", " cat"]),
            ("自注意力，是核心。", ["自注意力", "，", "是核心", "。"]),
            ("a  b", ["a", " ", " b"]),
            ("x\n\ny", ["x", "\n\n", "y"]),
            ("x\n y", ["x", "\n", " y"]),
            ("GPT-2 has 1.5B", ["GPT", "-", "2", " has", " 1", ".", "5", "B"]),
            ("end  ", ["end", "  "]),
            ("e\u{301}te\u{301}", ["e\u{301}te\u{301}"]),
            ("hi 👍🏽!", ["hi", " 👍🏽!"]),
            ("", []),
        ]
        for row in table {
            XCTAssertEqual(words(row.text), row.words, "text: \(row.text.debugDescription)")
        }
    }

    func testWordsJoinBackIntoTheText() {
        for text in SampleText.all + SampleText.random(count: 200, seed: 3) {
            XCTAssertEqual(words(text).joined(), text)
        }
    }
}
