// Per-note limits from front matter: units, overrides, and messages that quote the bad value.

import Notebook
import Runner
import XCTest

final class NoteSettingsTests: XCTestCase {
    func testDurations() {
        let cases: [(String, Double?)] = [
            ("30", 30), ("30s", 30), ("2m", 120), ("500ms", 0.5), (" 1.5s ", 1.5),
            ("0", nil), ("-3s", nil), ("soon", nil), ("", nil), ("inf", nil), ("3h", nil),
        ]
        for (text, expected) in cases { XCTAssertEqual(NoteSettings.seconds(text), expected, text) }
    }

    func testSizes() {
        let cases: [(String, Int?)] = [
            ("1048576", 1 << 20), ("64KB", 64 << 10), ("512MB", 512 << 20), ("2GB", 2 << 30), ("2GiB", 2 << 30),
            ("1.5MB", 3 << 19), ("100B", 100), ("16K", 16 << 10),
            ("0", nil), ("-1MB", nil), ("lots", nil), ("12 parsecs", nil),
        ]
        for (text, expected) in cases { XCTAssertEqual(NoteSettings.bytes(text), expected, text) }
    }

    func testTheNoteOverridesTheDefaults() throws {
        let note = NoteParser.parse(
            path: "Notes/x.md", text: "---\ntimeout: 5s\nmemory: 256MB\noutput-limit: 8KB\n---\n# x\n"
        ).note
        let limits = try NoteSettings.limits(for: note, defaults: .defaults)
        XCTAssertEqual(limits, Limits(timeLimit: 5, memoryLimit: 256 << 20, outputLimit: 8 << 10))
        let plain = NoteParser.parse(path: "Notes/y.md", text: "# y\n").note
        XCTAssertEqual(try NoteSettings.limits(for: plain, defaults: .defaults), .defaults)
    }

    func testABadValueIsQuoted() {
        let note = NoteParser.parse(path: "Notes/x.md", text: "---\ntimeout: soon\n---\n# x\n").note
        XCTAssertThrowsError(try NoteSettings.limits(for: note, defaults: .defaults)) { error in
            XCTAssertEqual(
                "\(error)", "Notes/x.md: front matter 'timeout: soon' is not a duration such as '30s', '2m' or '500ms'")
        }
    }
}
