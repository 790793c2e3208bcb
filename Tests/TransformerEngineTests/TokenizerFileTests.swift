// Saving tokenizers to JSON and loading them back: same bytes, same tokenizer, clear errors.

import Foundation
import TransformerEngine
import XCTest

final class TokenizerFileTests: XCTestCase {
    // MARK: - Round trips

    func testBytePairFileHasTheDocumentedBytes() {
        let tokenizer = BytePairTokenizer.train(corpus: "aaabdaaabac", vocabularySize: 1_000, specialTokens: ["<eos>"])
        XCTAssertEqual(tokenizer.json, """
            {
              "format": "litbook-tokenizer",
              "version": 1,
              "kind": "byte-pair",
              "specialTokens": ["<eos>"],
              "merges": [
                [97, 97],
                [97, 98],
                [256, 257]
              ]
            }

            """)
    }

    func testCharacterFileHasTheDocumentedBytes() {
        let tokenizer = CharacterTokenizer(corpus: "注意\n\"", specialTokens: ["<pad>"])
        XCTAssertEqual(tokenizer.json, """
            {
              "format": "litbook-tokenizer",
              "version": 1,
              "kind": "character",
              "specialTokens": ["<pad>", "<unk>"],
              "characters": [
                "\\n", "\\"", "意", "注"
              ]
            }

            """)
    }

    func testBytePairSurvivesSaveAndLoad() throws {
        let tokenizer = BytePairTokenizer.train(corpus: SampleText.chinese + SampleText.mixed, vocabularySize: 400)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bpe-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try tokenizer.save(to: url)
        let loaded = try BytePairTokenizer(contentsOf: url)
        XCTAssertEqual(loaded.merges, tokenizer.merges)
        XCTAssertEqual(loaded.specialTokens, tokenizer.specialTokens)
        XCTAssertEqual(loaded.encode(SampleText.chinese + "<eos>"), tokenizer.encode(SampleText.chinese + "<eos>"))
        XCTAssertEqual(try Data(contentsOf: url), Data(tokenizer.json.utf8))
    }

    func testCharacterSurvivesSaveAndLoad() throws {
        let tokenizer = CharacterTokenizer(corpus: SampleText.all.joined() + "\u{0}\u{1F}\\")
        let loaded = try CharacterTokenizer(json: Data(tokenizer.json.utf8))
        XCTAssertEqual(loaded.characters, tokenizer.characters)
        XCTAssertEqual(loaded.specialTokens, tokenizer.specialTokens)
        XCTAssertEqual(loaded.json, tokenizer.json)
    }

    // MARK: - Errors

    func testBadFilesNameTheProblem() {
        let header = #""format": "litbook-tokenizer", "version": 1, "kind": "byte-pair", "specialTokens": []"#
        let table: [(json: String, message: String)] = [
            ("{", "tok.json: not valid JSON"),
            ("[]", "tok.json: expected a JSON object at the top level"),
            (#"{"format": "gpt2"}"#,
                #"tok.json: not a litbook tokenizer: "format" is "gpt2", expected "litbook-tokenizer""#),
            (#"{"format": "litbook-tokenizer", "version": 2}"#,
                "tok.json: unsupported version 2; this litbook reads version 1"),
            (#"{"format": "litbook-tokenizer", "version": 1, "kind": "character"}"#,
             #"tok.json: this is a "character" tokenizer file, expected "byte-pair""#),
            (#"{"format": "litbook-tokenizer", "version": 1, "kind": "byte-pair", "specialTokens": ["<a>", "<a>"]}"#,
             #"tok.json: special token "<a>" is listed twice"#),
            (#"{\#(header)}"#, #"tok.json: "merges" must be an array, found missing"#),
            (#"{\#(header), "merges": [[97, 98, 99]]}"#, "tok.json: merge 0 must be two ids [left, right], found"),
            (#"{\#(header), "merges": [[97, 98], [300, 97]]}"#,
             "tok.json: merge 1 [300, 97] uses id 300, which does not exist before id 257"),
            (#"{\#(header), "merges": [[97, 98], [97, 98]]}"#, "tok.json: merge 1 [97, 98] repeats merge 0"),
            (#"{\#(header), "merges": [[true, 98]]}"#, "tok.json: merge 0 must be two ids [left, right], found"),
            (#"{\#(header), "merges": [[-1, 98]]}"#, "tok.json: merge 0 must be two ids [left, right], found"),
        ]
        for row in table {
            XCTAssertThrowsError(try BytePairTokenizer(json: Data(row.json.utf8), file: "tok.json"),
                row.json) { error in
                XCTAssertTrue("\(error)".hasPrefix(row.message), "got: \(error)\nwanted: \(row.message)")
            }
        }
    }

    func testBadCharacterListsNameTheCharacter() {
        let header = #""format": "litbook-tokenizer", "version": 1, "kind": "character", "specialTokens": []"#
        let table: [(json: String, message: String)] = [
            (#"{\#(header), "characters": ["a", "ab"]}"#,
                #"chars.json: character 1 "ab" must be exactly one Unicode scalar, found 2"#),
            (#"{\#(header), "characters": ["中", "中"]}"#, #"chars.json: character 1 "中" is listed twice"#),
            (#"{\#(header), "characters": "abc"}"#,
                #"chars.json: "characters" must be an array of strings, found "abc""#),
        ]
        for row in table {
            XCTAssertThrowsError(try CharacterTokenizer(json: Data(row.json.utf8), file: "chars.json"),
                row.json) { error in
                XCTAssertEqual("\(error)", row.message)
            }
        }
    }

    func testAMissingFileIsAnError() {
        let url = URL(fileURLWithPath: "/nonexistent/tokenizer.json")
        XCTAssertThrowsError(try BytePairTokenizer(contentsOf: url))
    }
}
