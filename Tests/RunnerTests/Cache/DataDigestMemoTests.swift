// The digest memo: unchanged files are not read again across runs, changed ones are.

import Foundation
import XCTest
@testable import Runner

final class DataDigestMemoTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("memo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private let later = { Int(time(nil)) + 60 }

    func testAnUnchangedFileTakesItsDigestFromTheMemoAndAnEditedOneIsHashedAgain() throws {
        let data = folder + "/model.bin", memoFile = folder + "/cache/data-digests.json"
        try Data("weights v1".utf8).write(to: URL(fileURLWithPath: data))
        let first = DataDigestMemo(file: memoFile, now: later)
        // SHA-256 of "weights v1".
        let v1 = first.digest(ofFileAt: data)
        XCTAssertEqual(v1.count, 64)
        first.save()

        // The memo is believed while the stat is the same: a planted digest comes back unread.
        var saved = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: memoFile)))
                as? [String: [String: String]])
        let key = try XCTUnwrap(saved.keys.first)
        saved[key]?["sha256"] = "remembered"
        try JSONSerialization.data(withJSONObject: saved).write(to: URL(fileURLWithPath: memoFile))
        XCTAssertEqual(DataDigestMemo(file: memoFile, now: later).digest(ofFileAt: data), "remembered")

        // Same size, new bytes: the stat changes, so the file is read again.
        try Data("weights v2".utf8).write(to: URL(fileURLWithPath: data))
        let edited = DataDigestMemo(file: memoFile, now: later).digest(ofFileAt: data)
        XCTAssertNotEqual(edited, "remembered")
        XCTAssertNotEqual(edited, v1)
    }

    func testAFileChangedJustNowIsNotRemembered() throws {
        let data = folder + "/fresh.txt", memoFile = folder + "/data-digests.json"
        try Data("fresh".utf8).write(to: URL(fileURLWithPath: data))
        let memo = DataDigestMemo(file: memoFile, now: { Int(time(nil)) })
        _ = memo.digest(ofFileAt: data)
        memo.save()
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: memoFile),
            "an edit within the clock's resolution could hide behind the same stat")
    }
}
