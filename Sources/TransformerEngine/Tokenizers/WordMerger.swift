// Applying learned merges to one word in O(w log w), however long the word.

// MARK: - WordMerger

/// Turns one word's bytes into tokens by applying merges earliest-learned first, each at
/// every place it occurs from left to right — the same result as rewriting the whole word
/// once per merge in order, which is what training did.
///
/// The word is a linked list of tokens, and a min-heap holds every adjacent pair that some
/// merge joins, keyed by (merge id, position). Popping gives the earliest merge at its
/// leftmost place; entries made stale by a neighbouring merge are skipped when popped. A
/// 80 KB run of Chinese without punctuation (one word) thus costs O(w log w), not O(w²).
struct WordMerger {
    /// The id of the merge joining each pair, keyed by `BytePairTokenizer.pairKey`.
    let idOfMerge: [UInt64: Int]

    func tokens(of word: ArraySlice<UInt8>) -> [Int] {
        var tokens = word.map { Int($0) }
        guard tokens.count > 1 else { return tokens }
        let end = tokens.count
        var next = Array(1...end)          // next[i]: position of the token after i, `end` if none
        var previous = Array(-1..<(end - 1))  // previous[i]: the token before i, -1 if none
        var alive = [Bool](repeating: true, count: end)
        var heap = MergeHeap<UInt64>()

        func push(_ position: Int) {
            guard position >= 0, next[position] < end,
                let id = idOfMerge[BytePairTokenizer.pairKey(tokens[position], tokens[next[position]])]
            else { return }
            heap.insert(UInt64(id) << 32 | UInt64(position))
        }

        for position in 0..<(end - 1) { push(position) }
        while let entry = heap.popMin() {
            let id = Int(entry >> 32), position = Int(entry & 0xFFFF_FFFF)
            // Skip entries whose pair a neighbouring merge has changed since they were pushed.
            guard alive[position], next[position] < end,
                idOfMerge[BytePairTokenizer.pairKey(tokens[position], tokens[next[position]])] == id
            else { continue }
            let absorbed = next[position]
            tokens[position] = id
            alive[absorbed] = false
            next[position] = next[absorbed]
            if next[absorbed] < end { previous[next[absorbed]] = position }
            push(previous[position])
            push(position)
        }
        return tokens.indices.filter { alive[$0] }.map { tokens[$0] }
    }
}
