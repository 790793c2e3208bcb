// BPE training checked against a plain reference that recounts every pair at every step.

@testable import TransformerEngine
import XCTest

final class TokenizerBytePairReferenceTests: XCTestCase {
    /// Training the obvious way: split into words, then repeatedly count all adjacent pairs,
    /// merge the most frequent (ties to the smallest pair), and rewrite every word.
    private func referenceTraining(_ corpus: String, merges count: Int) -> (merges: [BytePairTokenizer.Merge],
        words: [String: [Int]]) {
        var words: [String: [Int]] = [:]
        var occurrences: [String: Int] = [:]
        for word in PreTokenizer.words(in: Array(corpus.utf8)) {
            let text = String(decoding: word, as: UTF8.self)
            words[text] = word.map { Int($0) }
            occurrences[text, default: 0] += 1
        }
        var merges: [BytePairTokenizer.Merge] = []
        while merges.count < count {
            var pairCounts: [[Int]: Int] = [:]
            for (text, tokens) in words {
                for index in tokens.indices.dropLast() { pairCounts[[tokens[index], tokens[index + 1]],
                    default: 0] += occurrences[text]! }
            }
            let candidates = pairCounts.filter { $0.value >= 2 }
            // The greatest count wins; among equal counts, the smallest pair is "greatest".
            guard let best = candidates.max(by: { $0.value < $1.value || ($0.value == $1.value
                && $1.key.lexicographicallyPrecedes($0.key)) })
            else { break }
            let id = 256 + merges.count
            merges.append(.init(best.key[0], best.key[1]))
            for (text, tokens) in words {
                var rewritten: [Int] = []
                var index = 0
                while index < tokens.count {
                    if index + 1 < tokens.count, [tokens[index], tokens[index + 1]] == best.key {
                        rewritten.append(id)
                        index += 2
                    } else {
                        rewritten.append(tokens[index])
                        index += 1
                    }
                }
                words[text] = rewritten
            }
        }
        return (merges, words)
    }

    func testTrainingMatchesTheReference() {
        let corpora = [SampleText.chinese, SampleText.mixed + SampleText.emoji, "aaaa aaa aa a bbbb abab"]
            + SampleText.random(count: 5, seed: 19).map { String(repeating: $0 + " ", count: 3) }
        for corpus in corpora {
            let reference = referenceTraining(corpus, merges: 120)
            let tokenizer = BytePairTokenizer.train(corpus: corpus, vocabularySize: 256 + 120, specialTokens: [])
            XCTAssertEqual(tokenizer.merges, reference.merges, "corpus: \(corpus.prefix(30).debugDescription)")
            // Encoding a word applies the merges as training did.
            for (text, tokens) in reference.words {
                XCTAssertEqual(tokenizer.encode(text), tokens, "word: \(text.debugDescription)")
            }
        }
    }

    func testALongWordMergesLikeRewritingItOncePerMerge() {
        let tokenizer = BytePairTokenizer.train(corpus: SampleText.chinese, vocabularySize: 400, specialTokens: [])
        let letters = SampleText.chinese.unicodeScalars.filter { $0.properties.generalCategory == .otherLetter }
        let word = String(repeating: String(String.UnicodeScalarView(letters)), count: 20)
        var expected = word.utf8.map { Int($0) }
        for (rank, merge) in tokenizer.merges.enumerated() {
            expected = BytePairTokenizer.merged(expected, left: merge.left, right: merge.right, into: 256 + rank)
        }
        XCTAssertEqual(PreTokenizer.words(in: Array(word.utf8)).count, 1)
        XCTAssertEqual(tokenizer.encode(word), expected)
    }
}
