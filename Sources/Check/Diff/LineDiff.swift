// The shortest edit script between two lists of lines (Myers' O(ND) algorithm).

/// One step of an edit script: a line kept, removed from the old side or inserted from the new.
public enum LineEdit: Hashable, Sendable {
    /// Old line `old` and new line `new` (0-based) are the same line.
    case kept(old: Int, new: Int)
    case removed(old: Int)
    case inserted(new: Int)
}

/// Finds a shortest edit script turning an old list of lines into a new one.
public enum LineDiff {
    /// Edits beyond this many are not searched for: the diff then removes all and inserts all,
    /// which is still correct, and keeps the memory bounded for wholly rewritten outputs.
    public static let maximumEdits = 2_000

    /// The edits turning `oldCount` lines into `newCount` lines, in order, where
    /// `same(i, j)` says whether old line `i` and new line `j` are the same.
    ///
    /// Complexity: O((*n* + *m*) · *D*) time and O(*D*²) memory for *D* edits.
    public static func edits(oldCount n: Int, newCount m: Int, same: (Int, Int) -> Bool) -> [LineEdit] {
        // `furthest[k]` is the furthest old index reached on diagonal k = x - y, stored from -d-1.
        var furthest = [0, 0, 0]
        var history: [[Int]] = []
        let limit = min(n + m, maximumEdits)
        for d in 0...limit {
            history.append(furthest)
            var next = [Int](repeating: 0, count: 2 * d + 3)
            for k in stride(from: -d, through: d, by: 2) {
                var x = startOfSnake(k: k, d: d, furthest: furthest)
                var y = x - k
                while x < n && y < m && same(x, y) { x += 1; y += 1 }
                next[k + d + 1] = x
                if x >= n && y >= m {
                    return backtrack(n: n, m: m, d: d, history: history)
                }
            }
            furthest = next
        }
        return (0..<n).map { LineEdit.removed(old: $0) } + (0..<m).map { LineEdit.inserted(new: $0) }
    }

    // MARK: - Walking the search back

    /// Where a path of `d` edits on diagonal `k` starts, from the furthest points of `d - 1` edits:
    /// one step down (an insertion) from diagonal k+1, or one step right (a removal) from k-1.
    private static func startOfSnake(k: Int, d: Int, furthest: [Int]) -> Int {
        let offset = d  // `furthest` holds diagonals -(d-1)-1 ... (d-1)+1, so index = k + d.
        if k == -d || (k != d && furthest[k - 1 + offset] < furthest[k + 1 + offset]) {
            return furthest[k + 1 + offset]
        }
        return furthest[k - 1 + offset] + 1
    }

    private static func backtrack(n: Int, m: Int, d finalD: Int, history: [[Int]]) -> [LineEdit] {
        var edits: [LineEdit] = []
        var x = n
        var y = m
        for d in stride(from: finalD, through: 0, by: -1) {
            let furthest = history[d]
            let k = x - y
            let offset = d
            let fromAbove = k == -d || (k != d && furthest[k - 1 + offset] < furthest[k + 1 + offset])
            let previousK = fromAbove ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : furthest[previousK + offset]
            let previousY = d == 0 ? 0 : previousX - previousK
            while x > previousX && y > previousY {
                x -= 1; y -= 1
                edits.append(.kept(old: x, new: y))
            }
            if d > 0 {
                if fromAbove { y -= 1; edits.append(.inserted(new: y)) } else { x -= 1; edits.append(.removed(old: x)) }
            }
        }
        return edits.reversed()
    }
}
