// Special tokens: single ids when recognised, ordinary text when not, always at the end.

import TransformerEngine
import XCTest

final class TokenizerSpecialTokenTests: XCTestCase {
    let bytePair = BytePairTokenizer.train(corpus: SampleText.chinese, vocabularySize: 300)

    func testSpecialTokensTakeTheLastIds() {
        XCTAssertEqual(bytePair.specialTokenID("<pad>"), 297)
        XCTAssertEqual(bytePair.specialTokenID("<bos>"), 298)
        XCTAssertEqual(bytePair.specialTokenID("<eos>"), 299)
        XCTAssertNil(bytePair.specialTokenID("<unk>"))
    }

    func testRecognisedSpecialTokensAreSingleIds() {
        let ids = bytePair.encode("<bos>你好<eos><eos>")
        XCTAssertEqual(ids.first, 298)
        XCTAssertEqual(Array(ids.suffix(2)), [299, 299])
        XCTAssertEqual(bytePair.decode(ids), "<bos>你好<eos><eos>")
    }

    func testUnrecognisedSpecialTokensAreOrdinaryText() {
        let ids = bytePair.encode("<eos>", recognizingSpecialTokens: false)
        XCTAssertEqual(bytePair.decode(ids), "<eos>")
        XCTAssertGreaterThan(ids.count, 1)
        let characters = CharacterTokenizer(corpus: "<eos>")
        XCTAssertEqual(characters.encode("<eos>", recognizingSpecialTokens: false).count, 5)
        XCTAssertEqual(characters.encode("<eos>"), [characters.specialTokenID("<eos>")!])
    }

    func testDecodingCanSkipSpecialTokens() {
        let ids = bytePair.encode("<bos>注意<eos><pad><pad>")
        XCTAssertEqual(bytePair.decode(ids, skippingSpecialTokens: true), "注意")
    }

    func testTheLongestSpecialTokenWins() {
        let tokenizer = BytePairTokenizer(merges: [], specialTokens: ["<e", "<eos>"])
        XCTAssertEqual(tokenizer.encode("<eos><e"), [257, 256])
    }

    func testUserDefinedSpecialTokensWork() {
        let tokenizer = CharacterTokenizer(corpus: "问答", specialTokens: ["<问>", "<答>"])
        XCTAssertEqual(tokenizer.specialTokens.tokens, ["<问>", "<答>", "<unk>"])
        // 答 U+7B54 sorts before 问 U+95EE.
        XCTAssertEqual(tokenizer.encode("<问>问<答>答"), [2, 1, 3, 0])
    }

    func testSpecialTokensInTheCorpusAreNotLearnedFrom() {
        let tokenizer = BytePairTokenizer.train(corpus: "<eos><eos><eos>", vocabularySize: 1_000)
        XCTAssertEqual(tokenizer.merges, [])
    }

    func testSpecialTokenTextIsTheirPiece() {
        XCTAssertEqual(bytePair.pieces(of: "<bos>"), ["<bos>"])
    }
}
