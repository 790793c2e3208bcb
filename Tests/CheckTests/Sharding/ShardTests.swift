// Tests that shards split the notes deterministically and cover each note exactly once.

import XCTest
@testable import Check

final class ShardTests: XCTestCase {
    private let paths = (1...23).map { "Notes/\(String(format: "%02d", $0))-笔记.md" }.shuffled()

    func testShardsCoverEveryNoteExactlyOnce() {
        for count in 1...7 {
            let shards = (1...count).map { Shard(index: $0, count: count).select(paths) }
            XCTAssertEqual(shards.flatMap { $0 }.sorted(), paths.sorted(), "\(count) shards")
            XCTAssertEqual(Set(shards.flatMap { $0 }).count, paths.count, "\(count) shards overlap")
            let sizes = shards.map(\.count)
            XCTAssertLessThanOrEqual(sizes.max()! - sizes.min()!, 1, "\(count) shards: sizes \(sizes)")
        }
    }

    func testTheSplitDoesNotDependOnTheOrderGiven() {
        let shard = Shard(index: 2, count: 3)
        XCTAssertEqual(shard.select(paths), shard.select(paths.reversed()))
        XCTAssertEqual(shard.select(["c", "a", "b", "d"]), ["b"])
    }

    func testParsing() throws {
        XCTAssertEqual(try Shard(parsing: "2/4"), Shard(index: 2, count: 4))
        XCTAssertEqual(try Shard(parsing: "1/1"), Shard(index: 1, count: 1))
        let errors: [(String, String)] = [
            ("0/4", "invalid shard '0/4': the shard number must be between 1 and 4"),
            ("5/4", "invalid shard '5/4': the shard number must be between 1 and 4"),
            ("1/0", "invalid shard '1/0': the shard count must be at least 1"),
            ("2", "invalid shard '2': write it as i/n, e.g. 2/4"),
            ("a/b", "invalid shard 'a/b': write it as i/n, e.g. 2/4"),
            ("1/2/3", "invalid shard '1/2/3': write it as i/n, e.g. 2/4"),
        ]
        for (text, message) in errors {
            XCTAssertThrowsError(try Shard(parsing: text), text) { error in
                XCTAssertEqual((error as? ShardSyntaxError)?.description, message)
            }
        }
    }
}
