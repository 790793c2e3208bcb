// Cells run in their note's folder, so relative paths mean the same whatever folder litbook starts in.

import Foundation
import Notebook
import Runner
import XCTest

final class WorkingDirectoryTests: XCTestCase {
    func testACellReadsFilesNextToItsNote() async throws {
        let scratch = try ScratchFolder()
        try FileManager.default.createDirectory(atPath: scratch.path + "/Notes/data", withIntermediateDirectories: true)
        try "注意力就是一切\n".write(toFile: scratch.path + "/Notes/data/corpus.txt", atomically: true, encoding: .utf8)
        let text =
            "# data\n\n```swift\nimport Foundation\nprint(try String(contentsOfFile: \"data/corpus.txt\", encoding:"
                + " .utf8), terminator: \"\")\n```\n"
        let path = scratch.path + "/Notes/reads-data.md"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let note = NoteParser.parse(path: path, text: text).note
        let run = await (try makeRunner(cache: scratch.path + "/cache")).run([note])[0]
        XCTAssertEqual(run.cells[0].status, .passed, "\(run.cells[0].status)")
        XCTAssertEqual(run.cells[0].items, [.text("注意力就是一切\n")])
    }

    func testEditingADataFileBesideTheNoteRunsItAgain() async throws {
        let scratch = try ScratchFolder()
        try FileManager.default.createDirectory(atPath: scratch.path + "/Notes/data", withIntermediateDirectories: true)
        let data = scratch.path + "/Notes/data/corpus.txt"
        try "第一版\n".write(toFile: data, atomically: true, encoding: .utf8)
        let text =
            "# data\n\n```swift\nimport Foundation\nprint(try String(contentsOfFile: \"data/corpus.txt\", encoding:"
                + " .utf8), terminator: \"\")\n```\n"
        let path = scratch.path + "/Notes/reads-data.md"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let note = NoteParser.parse(path: path, text: text).note

        let first = await (try makeRunner(cache: scratch.path + "/cache")).run([note])[0]
        XCTAssertEqual(first.cells[0].items, [.text("第一版\n")])
        let unchanged = await (try makeRunner(cache: scratch.path + "/cache")).run([note])[0]
        XCTAssertTrue(unchanged.fromCache, "nothing changed: the result comes from the cache")

        try "第二版\n".write(toFile: data, atomically: true, encoding: .utf8)
        let edited = await (try makeRunner(cache: scratch.path + "/cache")).run([note])[0]
        XCTAssertFalse(edited.fromCache, "the data the cell reads changed: the note runs again")
        XCTAssertEqual(edited.cells[0].items, [.text("第二版\n")])
    }
}
