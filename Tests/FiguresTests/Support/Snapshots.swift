// Snapshot assertions: compare rendered text with files under
// Tests/FiguresTests/Snapshots, re-record with SNAPSHOT_RECORD=1.

import Foundation
import XCTest

/// The folder holding expected outputs, found from this file's path so no SwiftPM resources are needed.
let snapshotFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

/// Asserts `actual` equals the snapshot `name`; with `SNAPSHOT_RECORD=1` in the environment, writes it instead.
func assertSnapshot(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = snapshotFolder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
        try? FileManager.default.createDirectory(at: snapshotFolder, withIntermediateDirectories: true)
        XCTAssertNoThrow(try actual.write(to: url, atomically: true, encoding: .utf8), file: file, line: line)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("No snapshot \(name); run with SNAPSHOT_RECORD=1 to record it", file: file, line: line)
        return
    }
    if actual != expected {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        XCTFail("""
            Snapshot \(name) differs at line \(first + 1):
              expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
              actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
            (SNAPSHOT_RECORD=1 re-records)
            """, file: file, line: line)
    }
}
