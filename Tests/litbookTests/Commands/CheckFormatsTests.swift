// End-to-end tests of the CI side of `check`: GitHub annotations, JUnit XML, shards, site freshness.

import Foundation
import XCTest

final class CheckFormatsTests: CheckCommandTestCase {
    private let changed = "# 变化\n\n```swift\nprint(\"100% done\")\nprint(6 * 7)\n```\n\n```output\n100% done\n41\n```\n"

    func testGitHubFormatAnnotatesTheRecordingLine() throws {
        try writeNote("a.md", changed)
        let result = try litbook(["check", "--format", "github"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output, """
            ::error file=Notes/a.md,line=8,title=litbook check::recorded output differs (cell at line 3)%0A\
            --- recorded%0A+++ this run%0A@@ -1,2 +1,2 @@%0A 100%25 done%0A-41%0A+42
            0 passed, 1 failed

            """)
    }

    func testJUnitFileIsValidAndNamesTheFailure() throws {
        try writeNote("a.md", changed)
        try writeNote("b.md", "```swift\nprint(1)\n```\n\n```output\n1\n```\n\n```swift norun\nx\n```\n")
        let result = try litbook(["check", "--junit", "report.xml"])
        XCTAssertEqual(result.lastLine, "1 passed, 1 failed")
        let report = folder.appendingPathComponent("report.xml").path
        XCTAssertEqual(try tool("xmllint", ["--noout", report]), 0)
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("3", "1", "1"), root.attrib
            a, b = root.findall("testsuite")
            assert a.get("name") == "Notes/a.md" and b.get("name") == "Notes/b.md"
            failure = a.find("testcase/failure")
            assert failure.get("message") == "recorded output differs (cell at line 3)"
            assert "-41\\n+42" in failure.text, failure.text
            assert b.find("testcase/failure") is None and b.findall("testcase")[1].find("skipped") is not None
            """
        XCTAssertEqual(try tool("python3", ["-c", script, report]), 0)
    }

    func testShardsTogetherCheckEveryNoteOnce() throws {
        let names = ["c.md", "a.md", "e.md", "b.md", "d.md"]
        for (i, name) in names.enumerated() {
            try writeNote(name, "```swift\nprint(\(i))\n```\n\n```output\n\(i)\n```\n")
        }
        var checked: [String] = []
        for shard in 1...2 {
            let result = try litbook(["check", "--shard", "\(shard)/2", "--junit", "shard\(shard).xml"])
            XCTAssertEqual(result.status, 0, result.output)
            let xml = try String(contentsOf: folder.appendingPathComponent("shard\(shard).xml"), encoding: .utf8)
            checked += xml.components(separatedBy: "<testsuite name=\"").dropFirst().map {
                String($0.prefix { $0 != "\"" })
            }
        }
        XCTAssertEqual(checked, ["Notes/a.md", "Notes/c.md", "Notes/e.md", "Notes/b.md", "Notes/d.md"])
    }

    func testABadShardIsAUsageError() throws {
        let result = try litbook(["check", "--shard", "3/2"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.errors.contains("the shard number must be between 1 and 2"), result.errors)
    }

    func testTheSiteMustEqualAFreshBuild() throws {
        try writeNote("a.md", "# 页\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n")
        let build = try litbook([
            "build", "Notes", "--out", "Site", "--cache-dir", folder.appendingPathComponent(".cache").path,
        ])
        XCTAssertEqual(build.status, 0, build.errors)
        let fresh = try litbook(["check", "--site"])
        XCTAssertEqual(fresh.status, 0, fresh.output)
        XCTAssertEqual(fresh.output, "1 passed, 0 failed\n")

        let index = folder.appendingPathComponent("Site/index.html")
        try Data((try String(contentsOf: index, encoding: .utf8) + " ").utf8).write(to: index)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("Site/CNAME"))
        let stale = try litbook(["check", "--site", "Site"])
        XCTAssertEqual(stale.status, 1)
        XCTAssertEqual(stale.output, "Site/index.html: error: differs from a fresh build\n1 passed, 0 failed\n")
    }

    func testAMissingSiteFolderIsReported() throws {
        try writeNote("a.md", "```swift\nprint(1)\n```\n\n```output\n1\n```\n")
        let result = try litbook(["check", "--site", "Nowhere"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.output,
            "Nowhere: error: no such folder; build the site first with 'litbook build'\n1 passed, 0 failed\n")
    }

    private func tool(_ name: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
