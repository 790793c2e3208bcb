// `litbook init`: a new book that builds and checks as it is; never a file written over an existing one.

import Foundation
import XCTest

final class InitCommandTests: XCTestCase {
    func testANewBookBuildsAndItsSampleNotePassesTheCheck() throws {
        let project = try CLIProject(notes: [:])
        try FileManager.default.removeItem(atPath: project.root + "/Notes")
        let created = try project.litbook(["init", "book"])
        XCTAssertEqual(created.status, 0, created.all)
        XCTAssertEqual(created.stdoutLines, [
            "created book/Notes/01-first-note.md",
            "created book/.gitignore",
            "created book/.github/workflows/notes.yml",
            "Next:",
            "  cd book && litbook serve     # write with a live preview at http://127.0.0.1:8000/",
            "  litbook check             # check every cell's recorded output, as CI will",
        ])
        let workflow = try String(contentsOfFile: project.root + "/book/.github/workflows/notes.yml", encoding: .utf8)
        XCTAssertTrue(workflow.contains("check Notes --shard ${{ matrix.shard }}/2"), workflow)
        XCTAssertTrue(workflow.contains("--format github --junit junit-${{ matrix.shard }}.xml"), workflow)
        XCTAssertTrue(workflow.contains("actions/deploy-pages"), workflow)
        let ignored = try String(contentsOfFile: project.root + "/book/.gitignore", encoding: .utf8)
        XCTAssertTrue(ignored.contains(".litbook-cache/") && ignored.contains("models/"), ignored)

        let note = "book/Notes/01-first-note.md"
        let check = try project.litbook(["check", note, "--cache-dir", "book/.litbook-cache"])
        XCTAssertEqual(check.status, 0, "the sample note's recorded outputs are its real outputs\n" + check.all)
        let build = try project.litbook([
            "build", "book/Notes", "--out", "book/Site", "--cache-dir", "book/.litbook-cache",
        ])
        XCTAssertEqual(build.status, 0, build.all)
        let page = try String(contentsOfFile: project.root + "/book/Site/01-first-note.html", encoding: .utf8)
        XCTAssertTrue(page.contains("<svg"), "the heatmap is drawn in the page")
    }

    func testInitRefusesToWriteOverAnyExistingFile() throws {
        let project = try CLIProject(notes: [:])
        try FileManager.default.createDirectory(
            atPath: project.root + "/.github/workflows", withIntermediateDirectories: true)
        try "mine\n".write(toFile: project.root + "/.gitignore", atomically: true, encoding: .utf8)
        let result = try project.litbook(["init"])
        XCTAssertEqual(result.status, 1, result.all)
        XCTAssertEqual(result.stderr, """
            .gitignore: already exists
            error: litbook init writes nothing over existing files; nothing was written

            """)
        XCTAssertEqual(try String(contentsOfFile: project.root + "/.gitignore", encoding: .utf8), "mine\n")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: project.root + "/Notes/01-first-note.md"), "nothing was written")
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.root + "/.github/workflows/notes.yml"))
    }
}
