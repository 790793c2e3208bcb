// Byte-level BPE: hand-checked merges, tie-breaking, word boundaries, pieces, vocabulary size.

import TransformerEngine
import XCTest

final class TokenizerBytePairTests: XCTestCase {
    typealias Merge = BytePairTokenizer.Merge

    // MARK: - Hand-checked training

    /// The textbook example. Byte ids: a 97, b 98, c 99, d 100.
    /// 1. "aa" occurs 4 times (twice in each "aaab") → 256 = (a, a); "aaab" becomes [256, a, b].
    /// 2. (256, a) and (a, b) both occur twice; the smaller pair (97, 98) wins → 257 = (a, b).
    /// 3. (256, 257) occurs twice → 258 = "aaab". Every other pair occurs once: training stops.
    func testTextbookExampleLearnsThreeMerges() {
        let tokenizer = BytePairTokenizer.train(corpus: "aaabdaaabac", vocabularySize: 1_000, specialTokens: [])
        XCTAssertEqual(tokenizer.merges, [Merge(97, 97), Merge(97, 98), Merge(256, 257)])
        XCTAssertEqual(tokenizer.vocabularySize, 259)
        XCTAssertEqual(tokenizer.encode("aaabdaaabac"), [258, 100, 258, 97, 99])
        XCTAssertEqual(tokenizer.pieces(of: "aaabdaaabac"), ["aaab", "d", "aaab", "a", "c"])
    }

    func testTiesGoToTheSmallestPairWhateverTheCorpusOrder() {
        // "ab" and "cd" both occur twice; (97, 98) < (99, 100).
        for corpus in ["abab cdcd", "cdcd abab"] {
            let tokenizer = BytePairTokenizer.train(corpus: corpus, vocabularySize: 258, specialTokens: [])
            XCTAssertEqual(tokenizer.merges, [Merge(97, 98), Merge(99, 100)], "corpus: \(corpus)")
        }
    }

    func testMergesNeverCrossWordBoundaries() {
        // Words: "ab", " ab", " ab". "b " never counts, " ab" does (twice).
        let tokenizer = BytePairTokenizer.train(corpus: "ab ab ab", vocabularySize: 1_000, specialTokens: [])
        XCTAssertEqual(tokenizer.merges, [Merge(97, 98), Merge(32, 256)])
        XCTAssertEqual(tokenizer.pieces(of: "ab ab"), ["ab", " ab"])
    }

    func testTrainingStopsAtTheRequestedVocabularySize() {
        let tokenizer = BytePairTokenizer.train(corpus: SampleText.chinese, vocabularySize: 300)
        XCTAssertEqual(tokenizer.vocabularySize, 300)
        XCTAssertEqual(tokenizer.merges.count, 300 - 256 - 3)
        XCTAssertEqual(tokenizer.specialTokens.firstID, 297)
    }

    func testTrainingTwiceGivesTheSameMerges() {
        let first = BytePairTokenizer.train(corpus: SampleText.chinese + SampleText.mixed, vocabularySize: 500)
        let second = BytePairTokenizer.train(corpus: SampleText.chinese + SampleText.mixed, vocabularySize: 500)
        XCTAssertEqual(first.merges, second.merges)
    }

    func testTrainedMergesShortenTheirCorpus() {
        let tokenizer = BytePairTokenizer.train(corpus: SampleText.chinese, vocabularySize: 400)
        let ids = tokenizer.encode(SampleText.chinese)
        XCTAssertLessThan(ids.count, SampleText.chinese.utf8.count * 2 / 3)
        XCTAssertTrue(tokenizer.pieces(of: "注意力").contains("注意力"), "\(tokenizer.pieces(of: "注意力"))")
    }

    // MARK: - Bytes as the base vocabulary

    func testWithoutMergesEveryByteIsItsOwnId() {
        let tokenizer = BytePairTokenizer(merges: [])
        XCTAssertEqual(tokenizer.encode("A中"), [65, 0xE4, 0xB8, 0xAD])
        XCTAssertEqual(tokenizer.vocabularySize, 259)
        XCTAssertEqual(tokenizer.bytes(of: 0xE4), [0xE4])
    }

    func testPiecesShowPartialCharactersAsHexBytes() {
        // 注 is E6 B3 A8; a merge of its first two bytes leaves the third alone.
        let tokenizer = BytePairTokenizer(merges: [Merge(0xE6, 0xB3)])
        XCTAssertEqual(tokenizer.pieces(of: "注a\n"), ["<0xE6><0xB3>", "<0xA8>", "a", "\\n"])
        XCTAssertEqual(tokenizer.piece(for: 256), "<0xE6><0xB3>")
        XCTAssertEqual(tokenizer.piece(for: 257), "<pad>")
    }

    func testDecodingHalfACharacterShowsAReplacementCharacter() {
        let tokenizer = BytePairTokenizer(merges: [])
        XCTAssertEqual(tokenizer.decode([0xE6, 0xB3]), "\u{FFFD}")
        XCTAssertEqual(tokenizer.decode([0xE6, 0xB3, 0xA8]), "注")
    }

    func testOverlappingPairsMergeFromTheLeft() {
        let tokenizer = BytePairTokenizer(merges: [Merge(97, 97)], specialTokens: [])
        XCTAssertEqual(tokenizer.pieces(of: "aaa"), ["aa", "a"])
    }
}
