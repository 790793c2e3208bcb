// Learning byte-pair merges from a corpus.

// MARK: - Training

extension BytePairTokenizer {
    /// Learns merges from `corpus` until the vocabulary has `vocabularySize` ids (256 bytes,
    /// the merges, and `specialTokens`), or until no adjacent pair occurs twice.
    ///
    /// Each step merges the most frequent adjacent pair of tokens, counted inside the words of
    /// `PreTokenizer`. Ties go to the pair `(left, right)` with the smallest left id, then the
    /// smallest right id, so the same corpus always gives the same merges. Special tokens
    /// written in the corpus are left out of the counts.
    ///
    /// Complexity: each step rewrites only the words that hold the merged pair, and finds the
    /// next pair in O(log p) for p distinct pairs.
    ///
    /// - Precondition: `vocabularySize >= 256 + specialTokens.count`.
    public static func train(
        corpus: String, vocabularySize: Int, specialTokens: [String] = defaultSpecialTokens
    ) -> BytePairTokenizer {
        let smallest = byteCount + specialTokens.count
        precondition(
            vocabularySize >= smallest,
            "vocabularySize \(vocabularySize) is too small: "
                + "the 256 bytes and \(specialTokens.count) special tokens need \(smallest)")
        var learner = MergeLearner(corpus: corpus, specialTokens: SpecialTokens(specialTokens, firstID: 0))
        let merges = learner.learn(vocabularySize - smallest)
        return BytePairTokenizer(merges: merges, specialTokens: specialTokens)
    }
}

// MARK: - MergeLearner

/// The state of training: the corpus's distinct words as tokens, and how often each
/// adjacent pair occurs, kept up to date as merges rewrite the words.
private struct MergeLearner {
    /// A pair and its count when it was queued; it is stale if the count has changed since.
    /// "Smaller" means better: more frequent, then the smaller pair.
    private struct Candidate: Comparable {
        let count: Int
        let pair: UInt64

        static func < (lhs: Candidate, rhs: Candidate) -> Bool {
            lhs.count != rhs.count ? lhs.count > rhs.count : lhs.pair < rhs.pair
        }
    }

    /// Each distinct word of the corpus, as its current tokens.
    private var words: [[Int]] = []
    /// How many times each word occurs in the corpus.
    private var wordCounts: [Int] = []
    /// How many times each adjacent pair occurs in the corpus, zero counts removed.
    private var pairCounts: [UInt64: Int] = [:]
    /// The words that may hold each pair (possibly listed twice, or no longer holding it).
    private var wordsWithPair: [UInt64: [Int]] = [:]
    /// Every pair occurring at least twice, with its current count, plus stale entries.
    private var candidates = MergeHeap<Candidate>()
    /// The pairs touched since the candidates were last brought up to date, with their
    /// counts before (a word rewrite subtracts and re-adds most of its pairs unchanged).
    private var countsBefore: [UInt64: Int] = [:]

    init(corpus: String, specialTokens: SpecialTokens) {
        var occurrences: [ArraySlice<UInt8>: Int] = [:]
        for case .text(let bytes) in specialTokens.split(Array(corpus.utf8), recognizing: true) {
            for word in PreTokenizer.words(in: bytes) { occurrences[word, default: 0] += 1 }
        }
        // Sorted so that the learner's state, not only its result, is the same on every run.
        for (word, count) in occurrences.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            words.append(word.map { Int($0) })
            wordCounts.append(count)
            countPairs(of: words.count - 1, times: count, registeringPairsWith: nil)
        }
        queueChangedPairs()
    }

    /// Learns up to `count` merges.
    mutating func learn(_ count: Int) -> [BytePairTokenizer.Merge] {
        var merges: [BytePairTokenizer.Merge] = []
        while merges.count < count, let pair = mostFrequentPair() {
            let merge = BytePairTokenizer.Merge(Int(pair >> 32), Int(pair & 0xFFFF_FFFF))
            apply(merge, creating: BytePairTokenizer.byteCount + merges.count)
            merges.append(merge)
        }
        return merges
    }

    /// The pair occurring most often (at least twice), ties to the smallest pair; skips
    /// queued entries whose count has changed since.
    private mutating func mostFrequentPair() -> UInt64? {
        while let candidate = candidates.popMin() {
            if pairCounts[candidate.pair] == candidate.count { return candidate.pair }
        }
        return nil
    }

    /// Rewrites every word holding `merge`, updates the pair counts, and queues the pairs
    /// whose counts changed.
    private mutating func apply(_ merge: BytePairTokenizer.Merge, creating id: Int) {
        let key = BytePairTokenizer.pairKey(merge.left, merge.right)
        for word in Set(wordsWithPair.removeValue(forKey: key) ?? []).sorted() {
            let rewritten = BytePairTokenizer.merged(words[word], left: merge.left, right: merge.right, into: id)
            guard rewritten.count < words[word].count else { continue }
            countPairs(of: word, times: -wordCounts[word], registeringPairsWith: nil)
            words[word] = rewritten
            // Only pairs holding the new id are new to this word; the others are listed already.
            countPairs(of: word, times: wordCounts[word], registeringPairsWith: id)
        }
        precondition(pairCounts[key] == nil, "pair \(merge) is still counted after merging it")
        queueChangedPairs()
    }

    /// Queues every pair whose count changed and is at least two with its new count; its
    /// older entries become stale.
    private mutating func queueChangedPairs() {
        for (pair, before) in countsBefore {
            if let count = pairCounts[pair], count >= 2, count != before {
                candidates.insert(Candidate(count: count, pair: pair))
            }
        }
        countsBefore.removeAll(keepingCapacity: true)
    }

    /// Adds `times` to the count of every adjacent pair in `words[word]`, noting its count
    /// before, and lists the word under each pair holding `newID` (every pair, when `newID`
    /// is nil and `times` > 0).
    private mutating func countPairs(of word: Int, times: Int, registeringPairsWith newID: Int?) {
        let tokens = words[word]
        for index in tokens.indices.dropLast() {
            let left = tokens[index], right = tokens[index + 1]
            let key = BytePairTokenizer.pairKey(left, right)
            let before = pairCounts[key, default: 0]
            if countsBefore[key] == nil { countsBefore[key] = before }
            pairCounts[key] = before + times == 0 ? nil : before + times
            if times > 0, newID == nil || left == newID || right == newID {
                wordsWithPair[key, default: []].append(word)
            }
        }
    }
}
