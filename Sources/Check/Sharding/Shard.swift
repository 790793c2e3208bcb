// `--shard i/n`: which notes one of n CI jobs checks.

/// One of `count` parts of the notes, numbered from 1: `--shard 2/4`.
///
/// Notes are ordered by the bytes of their paths and dealt out like cards: the k-th note
/// (from 0) goes to shard k mod n + 1. Every note is in exactly one shard, shards differ in
/// size by at most one, and the split depends only on the set of paths.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// From 1 to `count`.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index), "shard \(index)/\(count) is not one of the shards")
        self.index = index
        self.count = count
    }

    /// Reads `i/n`, e.g. `2/4`.
    public init(parsing text: String) throws(ShardSyntaxError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardSyntaxError(text: text, problem: "write it as i/n, e.g. 2/4")
        }
        guard count >= 1 else { throw ShardSyntaxError(text: text, problem: "the shard count must be at least 1") }
        guard (1...count).contains(index) else {
            throw ShardSyntaxError(text: text, problem: "the shard number must be between 1 and \(count)")
        }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The paths of this shard, in byte order.
    public func select(_ paths: [String]) -> [String] {
        let sorted = paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return sorted.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}

/// A `--shard` value that is not `i/n` with 1 ≤ i ≤ n.
public struct ShardSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var problem: String

    public var description: String { "invalid shard '\(text)': \(problem)" }
}
