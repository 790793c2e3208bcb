// The character tokenizer: one id per Unicode scalar, sorted vocabulary, <unk> for the rest.

import TransformerEngine
import XCTest

final class TokenizerCharacterTests: XCTestCase {
    // MARK: - Vocabulary

    func testVocabularyIsTheCorpusScalarsSortedByCodePointThenSpecialTokens() {
        let tokenizer = CharacterTokenizer(corpus: "注意力机制，注意")
        // 制 U+5236, 力 U+529B, 意 U+610F, 机 U+673A, 注 U+6CE8, ， U+FF0C
        XCTAssertEqual(tokenizer.characters.map { String($0) }, ["制", "力", "意", "机", "注", "，"])
        XCTAssertEqual(tokenizer.specialTokens.tokens, ["<pad>", "<bos>", "<eos>", "<unk>"])
        XCTAssertEqual(tokenizer.vocabularySize, 10)
        XCTAssertEqual(tokenizer.specialTokenID("<pad>"), 6)
        XCTAssertEqual(tokenizer.unknownID, 9)
    }

    func testEncodesOneIdPerChineseCharacter() {
        let tokenizer = CharacterTokenizer(corpus: "注意力机制")
        XCTAssertEqual(tokenizer.encode("注意<eos>"), [4, 2, 7])
        XCTAssertEqual(tokenizer.encode("制力意机注"), [0, 1, 2, 3, 4])
        XCTAssertEqual(tokenizer.decode([4, 2, 1]), "注意力")
    }

    func testUnknownCharactersBecomeUnk() {
        let tokenizer = CharacterTokenizer(corpus: "ab")
        XCTAssertEqual(tokenizer.encode("abc猫"), [0, 1, tokenizer.unknownID, tokenizer.unknownID])
        XCTAssertEqual(tokenizer.decode(tokenizer.encode("abc")), "ab<unk>")
    }

    func testUnkIsAddedWhenNotListed() {
        let tokenizer = CharacterTokenizer(corpus: "ab", specialTokens: ["<eos>"])
        XCTAssertEqual(tokenizer.specialTokens.tokens, ["<eos>", "<unk>"])
        XCTAssertEqual(tokenizer.vocabularySize, 4)
        XCTAssertEqual(tokenizer.unknownID, 3)
    }

    func testSpecialTokensInTheCorpusAreNotCharacters() {
        let tokenizer = CharacterTokenizer(corpus: "<bos>ab<eos>")
        XCTAssertEqual(tokenizer.characters, ["a", "b"])
    }

    func testSameCorpusSameVocabularyWhateverTheOrder() {
        let forward = CharacterTokenizer(corpus: SampleText.chinese)
        let backward = CharacterTokenizer(corpus: String(SampleText.chinese.reversed()))
        XCTAssertEqual(forward.characters, backward.characters)
    }

    // MARK: - Scalars, not graphemes

    func testCanonicallyEquivalentSpellingsKeepTheirOwnIds() {
        let tokenizer = CharacterTokenizer(corpus: SampleText.decomposed)
        // "e" + U+0301 is two scalars; the precomposed "é" is one, with its own id.
        XCTAssertEqual(tokenizer.encode("e\u{301}").count, 2)
        XCTAssertEqual(tokenizer.encode("\u{E9}").count, 1)
        XCTAssertEqual(tokenizer.decode(tokenizer.encode("e\u{301}")).unicodeScalars.count, 2)
    }

    func testAnEmojiWithASkinToneIsTwoIds() {
        let tokenizer = CharacterTokenizer(corpus: "👍🏽")
        XCTAssertEqual(tokenizer.encode("👍🏽").count, 2)
        XCTAssertEqual(tokenizer.pieces(of: "👍🏽"), ["👍", "🏽"])
    }

    // MARK: - Pieces

    func testPiecesEscapeControlCharacters() {
        let tokenizer = CharacterTokenizer(corpus: "a\n\t\u{7}")
        XCTAssertEqual(tokenizer.pieces(of: "a\n\t\u{7}<eos>"), ["a", "\\n", "\\t", "<0x07>", "<eos>"])
    }
}
