// Writing a note to disk: atomic, permissions kept, never over someone else's edit.

import XCTest
@testable import Notebook

final class NoteFileTests: XCTestCase {
    func testTheNewTextReplacesTheFileAndKeepsItsPermissions() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("old\r\n", to: "Notes/x.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try NoteFile.write("新的\r\n", to: path, expecting: "old\r\n")
        XCTAssertEqual(FileManager.default.contents(atPath: path).map { [UInt8]($0) }, Array("新的\r\n".utf8))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/Notes"), ["x.md"],
                       "no temporary file is left behind")
    }

    func testAFileChangedOnDiskIsNotOverwritten() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("edited by the author\n", to: "x.md")
        XCTAssertThrowsError(try NoteFile.write("litbook's\n", to: path, expecting: "as read\n")) { error in
            XCTAssertEqual("\(error)", "\(path) changed on disk while litbook ran; not overwritten")
        }
        XCTAssertEqual(
            FileManager.default.contents(atPath: path).map { [UInt8]($0) }, Array("edited by the author\n".utf8))
    }

    func testAByteLevelChangeCountsAsAChange() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a\r\n", to: "x.md")
        XCTAssertThrowsError(try NoteFile.write("b\n", to: path, expecting: "a\n"))
        let decomposed = try folder.write("e\u{301}\n", to: "y.md")
        XCTAssertThrowsError(try NoteFile.write("b\n", to: decomposed, expecting: "\u{E9}\n"),
                             "canonically equal text with other bytes is still a change")
    }

    func testAMissingFileIsAClearError() {
        XCTAssertThrowsError(try NoteFile.write("x", to: "/nonexistent/x.md", expecting: "")) { error in
            XCTAssertEqual(
                "\(error)", "/nonexistent/x.md could not be written: it cannot be read; the file is unchanged")
        }
    }

    func testASymbolicLinkStaysALink() throws {
        let folder = try TemporaryFolder()
        let target = try folder.write("a\n", to: "real.md")
        let link = folder.path + "/link.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try NoteFile.write("b\n", to: link, expecting: "a\n")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        XCTAssertEqual(FileManager.default.contents(atPath: target).map { [UInt8]($0) }, Array("b\n".utf8))
    }
}
