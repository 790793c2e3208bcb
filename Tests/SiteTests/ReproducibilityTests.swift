// The same notes give the same site, byte for byte: no time, no machine, no input order in the pages.

import Foundation
import XCTest
@testable import Site

final class ReproducibilityTests: XCTestCase {
    func testTwoRendersGiveTheSameBytesWhateverTheInputOrder() {
        let a = SiteRenderer().render([
            SiteNote(note: SiteFixture.attention, run: SiteFixture.attentionRun), SiteNote(note: SiteFixture.tokens),
        ])
        let b = SiteRenderer().render([
            SiteNote(note: SiteFixture.tokens), SiteNote(note: SiteFixture.attention, run: SiteFixture.attentionRun),
        ])
        XCTAssertEqual(a, b)
    }

    func testTwoBuildsOnDiskAreByteIdentical() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("site-repro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var snapshots: [[String: Data]] = []
        for folder in ["one/Site", "two/Site"] {
            let out = root.appendingPathComponent(folder)
            _ = try SiteWriter(outputDirectory: out.path).write(SiteFixture.site())
            var snapshot: [String: Data] = [:]
            let names = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: out.path))
            for name in names where !name.hasSuffix("assets") {
                snapshot[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            snapshots.append(snapshot)
        }
        XCTAssertEqual(snapshots[0], snapshots[1])
        XCTAssertEqual(snapshots[0].count, 10, "nine files and the manifest")
        let everything = snapshots[0].values.map { String(decoding: $0, as: UTF8.self) }.joined()
        XCTAssertFalse(everything.contains(root.path), "no absolute path")
        XCTAssertFalse(everything.contains(ProcessInfo.processInfo.hostName), "no machine name")
    }
}
