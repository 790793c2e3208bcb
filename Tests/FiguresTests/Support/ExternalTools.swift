// Runs the XML and SVG checkers Debian ships (xmllint, rsvg-convert) on rendered SVG.

import Foundation
import XCTest

/// What a command-line tool printed and how it exited.
struct ToolResult {
    var status: Int32
    var standardError: String
}

/// Runs `tool` with `arguments`, feeding `input` on stdin.
func runTool(_ tool: String, _ arguments: [String], input: String) throws -> ToolResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let stdin = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardError = stderr
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // Write on another thread so a tool that fills its stderr pipe cannot deadlock us.
    let data = Data(input.utf8)
    let writer = Thread { stdin.fileHandleForWriting.write(data); try? stdin.fileHandleForWriting.close() }
    writer.start()
    let errorData = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ToolResult(status: process.terminationStatus, standardError: String(decoding: errorData, as: UTF8.self))
}

/// Asserts `svg` is well-formed XML (`xmllint --noout`) and renders without a word on stderr (`rsvg-convert`).
func assertValidSVG(_ svg: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    do {
        let xml = try runTool("xmllint", ["--noout", "-"], input: svg)
        XCTAssertEqual(xml.status, 0, "\(name): xmllint rejected the SVG: \(xml.standardError)", file: file, line: line)
        XCTAssertEqual(xml.standardError, "", "\(name): xmllint warned", file: file, line: line)
        let render = try runTool("rsvg-convert", ["--format=png"], input: svg)  // the PNG goes to /dev/null
        XCTAssertEqual(
            render.status, 0, "\(name): rsvg-convert failed: \(render.standardError)", file: file, line: line)
        XCTAssertEqual(render.standardError, "", "\(name): rsvg-convert warned", file: file, line: line)
    } catch {
        XCTFail("\(name): could not run xmllint/rsvg-convert (apt-get install libxml2-utils librsvg2-bin): \(error)",
                file: file, line: line)
    }
}
