// Tests the Myers edit script against a plain longest-common-subsequence reference, exhaustively.

import XCTest
@testable import Check

final class LineDiffTests: XCTestCase {
    /// Every pair of sequences of up to 4 lines over a 3-line alphabet: the script must turn the
    /// old sequence into the new one, and be as short as the LCS says it can be.
    func testEveryShortPairAgainstTheReference() {
        let all = sequences(upTo: 4, alphabet: ["a", "b", "c"])
        for old in all {
            for new in all {
                let edits = LineDiff.edits(oldCount: old.count, newCount: new.count) { old[$0] == new[$1] }
                XCTAssertEqual(apply(edits, old: old, new: new), new, "\(old) → \(new)")
                let changes = edits.filter { if case .kept = $0 { return false } else { return true } }.count
                XCTAssertEqual(changes, old.count + new.count - 2 * lcsLength(old, new), "\(old) → \(new)")
            }
        }
    }

    func testKeptLinesAreReallyTheSame() {
        let old = ["x", "a", "b", "c", "y"], new = ["a", "q", "c", "y", "z"]
        for edit in LineDiff.edits(oldCount: old.count, newCount: new.count, same: { old[$0] == new[$1] }) {
            if case .kept(let i, let j) = edit { XCTAssertEqual(old[i], new[j]) }
        }
    }

    func testRemovalsComeBeforeInsertionsInAChangedLine() {
        let edits = LineDiff.edits(oldCount: 1, newCount: 1) { _, _ in false }
        XCTAssertEqual(edits, [.removed(old: 0), .inserted(new: 0)])
    }

    // MARK: - Reference

    private func sequences(upTo length: Int, alphabet: [String]) -> [[String]] {
        var result: [[String]] = [[]]
        var layer: [[String]] = [[]]
        for _ in 0..<length {
            layer = layer.flatMap { s in alphabet.map { s + [$0] } }
            result += layer
        }
        return result
    }

    private func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    /// Plays the script: kept and removed lines must walk `old` in order, kept and inserted `new`.
    private func apply(_ edits: [LineEdit], old: [String], new: [String]) -> [String]? {
        var result: [String] = []
        var i = 0, j = 0
        for edit in edits {
            switch edit {
            case .kept(let o, let n):
                guard o == i, n == j else { return nil }
                result.append(old[o]); i += 1; j += 1
            case .removed(let o):
                guard o == i else { return nil }
                i += 1
            case .inserted(let n):
                guard n == j else { return nil }
                result.append(new[n]); j += 1
            }
        }
        return i == old.count && j == new.count ? result : nil
    }
}
