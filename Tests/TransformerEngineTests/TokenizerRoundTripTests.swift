// Encoding then decoding gives back the text exactly, for both tokenizers and any text.

import TransformerEngine
import XCTest

// MARK: - Sample texts

/// Texts shared by the tokenizer tests: what notes feed the tokenizers.
enum SampleText {
    static let chinese = """
        自注意力机制让序列中的每个位置都能看到其他所有位置。
        注意力权重由查询和键的点积经过缩放和 softmax 得到，再用来加权求和值向量。
        多头注意力把这个过程并行做几遍，每个头学习不同的关系。
        """
    static let emoji = "👍🏽 👨‍👩‍👧 🇨🇳 ❤️ 🤖💬"
    static let mixed = "GPT-2 has 1.5B parameters; 它的上下文长度是 1024 个 token。\tTabs\r\nand CRLF.  "
    static let decomposed = "e\u{301}t\u{E9}"  // "ét" with a combining accent, then a precomposed "é"

    static let all = [chinese, emoji, mixed, decomposed, ""]

    /// Seeded random strings of scalars from every plane, control characters included.
    static func random(count: Int, seed: UInt64) -> [String] {
        var generator = RandomGenerator(seed: seed)
        return (0..<count).map { _ in
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x4E00...0x9FFF, 0x1F300...0x1FAFF,
                    0...0x10FFFF]
                let range = ranges[Int.random(in: 0..<ranges.count, using: &generator)]
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) { text.append(scalar) }
            }
            return String(text)
        }
    }
}

// MARK: - Tests

final class TokenizerRoundTripTests: XCTestCase {
    func testBytePairRoundTripsSampleTexts() {
        let tokenizer = BytePairTokenizer.train(corpus: SampleText.chinese, vocabularySize: 400)
        for text in SampleText.all {
            XCTAssertEqual(tokenizer.decode(tokenizer.encode(text)), text, "text: \(text.debugDescription)")
        }
    }

    func testBytePairRoundTripsRandomTextItNeverSaw() {
        let tokenizer = BytePairTokenizer.train(corpus: SampleText.chinese + SampleText.mixed, vocabularySize: 400)
        for text in SampleText.random(count: 300, seed: 7) {
            XCTAssertEqual(tokenizer.decode(tokenizer.encode(text)), text, "text: \(text.debugDescription)")
        }
    }

    func testBytePairRoundTripKeepsSpecialTokenTextWhenRecognitionIsOff() {
        let tokenizer = BytePairTokenizer.train(corpus: SampleText.chinese, vocabularySize: 300)
        let text = "<bos>注意力<eos><pad>"
        let ids = tokenizer.encode(text, recognizingSpecialTokens: false)
        XCTAssertEqual(tokenizer.decode(ids), text)
        XCTAssertFalse(ids.contains { tokenizer.specialTokens.token(for: $0) != nil })
    }

    func testCharacterRoundTripsEveryTextOfItsCorpus() {
        let tokenizer = CharacterTokenizer(corpus: SampleText.all.joined())
        for text in SampleText.all {
            XCTAssertEqual(tokenizer.decode(tokenizer.encode(text)), text, "text: \(text.debugDescription)")
        }
    }

    func testCharacterRoundTripsRandomTextWhenTrainedOnIt() {
        let texts = SampleText.random(count: 100, seed: 11)
        let tokenizer = CharacterTokenizer(corpus: texts.joined())
        for text in texts {
            XCTAssertEqual(tokenizer.decode(tokenizer.encode(text)), text, "text: \(text.debugDescription)")
        }
    }

    func testEmptyTextHasNoTokens() {
        XCTAssertEqual(BytePairTokenizer(merges: []).encode(""), [])
        XCTAssertEqual(CharacterTokenizer(corpus: "abc").encode(""), [])
        XCTAssertEqual(BytePairTokenizer(merges: []).decode([]), "")
    }
}
