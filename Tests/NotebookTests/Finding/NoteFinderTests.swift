// Finding notes from command-line arguments, and loading them from disk.

import XCTest
@testable import Notebook

final class NoteFinderTests: XCTestCase {
    func testFoldersAreSearchedRecursivelyForMarkdownInBytewiseOrder() throws {
        let folder = try TemporaryFolder()
        for name in ["Notes/b.md", "Notes/a.md", "Notes/Z.md", "Notes/sub/c.md", "Notes/图.md",
                     "Notes/readme.txt", "Notes/.hidden.md", "Notes/.git/x.md"] {
            try folder.write("# x\n", to: name)
        }
        let found = NoteFinder.find([folder.path + "/Notes"])
        let relative = found.paths.map { String($0.dropFirst(folder.path.count + 1)) }
        XCTAssertEqual(relative, ["Notes/Z.md", "Notes/a.md", "Notes/b.md", "Notes/sub/c.md", "Notes/图.md"])
        XCTAssertEqual(found.problems, [])
    }

    func testAMissingPathIsAProblemAndTheRestIsStillFound() throws {
        let folder = try TemporaryFolder()
        let note = try folder.write("# x\n", to: "one.md")
        let missing = folder.path + "/nope.md"
        let found = NoteFinder.find([missing, note, note])
        XCTAssertEqual(found.paths, [note])
        XCTAssertEqual(found.problems.map(\.description), ["\(missing): error: no such file or folder"])
    }

    func testATrailingSlashDoesNotDoubleTheSeparator() throws {
        let folder = try TemporaryFolder()
        try folder.write("# x\n", to: "N/a.md")
        XCTAssertEqual(NoteFinder.find([folder.path + "/N/"]).paths, [folder.path + "/N/a.md"])
    }

    func testNoArgumentsMeansTheNotesFolder() {
        XCTAssertEqual(NoteFinder.defaultFolder, "Notes")
        let found = NoteFinder.find([])
        if !FileManager.default.fileExists(atPath: "Notes") {
            XCTAssertEqual(found.problems.map(\.description), ["Notes: error: no such file or folder"])
        } else {
            XCTAssertTrue(found.paths.allSatisfy { $0.hasPrefix("Notes/") })
        }
    }
}

final class NoteLoaderTests: XCTestCase {
    func testNotesAreReadAndParsedInOrder() throws {
        let folder = try TemporaryFolder()
        let a = try folder.write("# A\n\n```swift\nprint(1)\n```\n", to: "a.md")
        let b = try folder.write(StudyNote.text, to: "b.md")
        let loaded = NoteLoader.load([b, a])
        XCTAssertEqual(loaded.notes.map(\.path), [b, a])
        XCTAssertEqual(loaded.notes.map(\.cells.count), [5, 1])
        XCTAssertEqual(loaded.notes[0].text, StudyNote.text)
        XCTAssertEqual(loaded.problems, [])
    }

    func testInvalidUTF8IsReportedAtItsLineAndTheOtherNotesStillLoad() throws {
        let folder = try TemporaryFolder()
        let bad = try folder.write(Array("# 标题\nok\nab".utf8) + [0xFF] + Array("c\n".utf8), to: "bad.md")
        let good = try folder.write("# fine\n", to: "good.md")
        let loaded = NoteLoader.load([bad, good])
        XCTAssertEqual(loaded.notes.map(\.path), [good])
        XCTAssertEqual(loaded.problems.map(\.description),
                       ["\(bad):3:3: error: the file is not valid UTF-8 (byte 14 is 0xFF)"])
    }

    func testATruncatedSequenceAtTheEndIsInvalid() {
        XCTAssertEqual(NoteLoader.firstInvalidUTF8Byte(in: Array("自".utf8).dropLast()), 0)
        XCTAssertNil(NoteLoader.firstInvalidUTF8Byte(in: Array("\u{FEFF}自注意力\r\n".utf8)))
    }

    func testAMissingFileIsAProblem() {
        let loaded = NoteLoader.load(["/nonexistent/x.md"])
        XCTAssertEqual(loaded.problems.map(\.description), ["/nonexistent/x.md: error: no such file"])
    }
}
