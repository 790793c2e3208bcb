// WordPiece against Hugging Face's BertTokenizer: the golden sentence set, and the rules one by one.

import Foundation
import XCTest
@testable import TransformerEngine

final class WordPieceTokenizerTests: XCTestCase {
    /// A small vocabulary for the rules, ids in order.
    private let small = try! WordPieceTokenizer(vocabulary: [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "want", "##ed", "runn", "##ing",
        ",", "!", "'", "t", "don", "cafe", "我", "爱",
    ])

    func testEveryGoldenSentenceTokenisesAsHuggingFace() throws {
        let tokenizer = try BertTestModel.encoder().tokenizer
        let golden = try GoldenTokens.all()
        XCTAssertGreaterThanOrEqual(golden.count, 200)
        var different: [String] = []
        for row in golden where tokenizer.encode(row.text) != row.ids {
            different.append("\(row.text.debugDescription): \(tokenizer.tokens(row.text)) vs \(row.tokens)")
        }
        XCTAssertEqual(different, [], "\(different.count) of \(golden.count) sentences differ")
    }

    func testTheIssueExample() throws {
        let tokenizer = try BertTestModel.encoder().tokenizer
        XCTAssertEqual(
            tokenizer.tokens("The animal didn't cross the street"),
            ["[CLS]", "the", "animal", "didn", "'", "t", "cross", "the", "street", "[SEP]"])
    }

    func testRulesCaseByCase() {
        let cases: [(String, [String])] = [
            ("unwanted", ["[UNK]"]),  // "un" then "##want…" has no entry: the whole word is unknown
            ("unaffable", ["un", "##aff", "##able"]),
            ("UNAFFABLE running", ["un", "##aff", "##able", "runn", "##ing"]),
            ("wanted,want!", ["want", "##ed", ",", "want", "!"]),
            ("don't", ["don", "'", "t"]),
            ("Café", ["cafe"]),
            ("我爱你", ["我", "爱", "[UNK]"]),
            ("  \t\n ", []),
            ("want\u{0}ed", ["want", "##ed"]),
            (String(repeating: "un", count: 51), ["[UNK]"]),  // 102 characters: over the limit of 100
            ("unaffable [SEP] want", ["un", "##aff", "##able", "[SEP]", "want"]),
            ("want[MASK]ed", ["want", "[MASK]", "[UNK]"]),  // a special token splits even without spaces
            ("want [sep]", ["want", "[UNK]", "[UNK]", "[UNK]"]),
                // only the exact spelling is special ("[" is not in this vocabulary)
        ]
        for (text, expected) in cases {
            XCTAssertEqual(small.tokens(text), ["[CLS]"] + expected + ["[SEP]"], text.debugDescription)
        }
    }

    func testBatchPadsToTheLongestAndCutsAtMaxLength() {
        let batch = small.encodeBatch(["want", "unaffable running"], maxLength: 5)
        XCTAssertEqual(batch.ids, [[2, 8, 3, 0, 0], [2, 5, 6, 7, 3]])
        XCTAssertEqual(batch.mask, [[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]])
    }

    func testAVocabularyWithoutUNKIsRefusedByName() {
        XCTAssertThrowsError(try WordPieceTokenizer(vocabulary: ["[PAD]", "[CLS]", "[SEP]"], file: "v.txt")) { error in
            XCTAssertEqual("\(error)", "v.txt: the vocabulary has no [UNK] token")
        }
    }
}
