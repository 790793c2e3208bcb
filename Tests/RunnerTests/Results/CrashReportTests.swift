// Separating the runtime's crash report from what the cell printed.

@testable import Runner
import XCTest

final class CrashReportTests: XCTestCase {
    func testTheReportIsCutFromThePrintedText() {
        let cases: [(name: String, text: String, printed: String, message: String?, line: Int?)] = [
            (
                "library trap",
                "cell output\nSwift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\n\n*** Signal 4:"
                    + " Backtracing from 0x7f... done ***\n\n",
                "cell output\n", "Fatal error: Index out of range", nil
            ),
            (
                "fatalError in the note",
                "main/x.md:10: Fatal error: boom\nsecond line\n\n*** Signal 4: Backtracing from 0x1... done ***\n",
                "", "Fatal error: boom", 10
            ),
            ("precondition", "Notes/x.md:3: Precondition failed: must hold\n", "", "Precondition failed: must hold", 3),
            (
                "a signal without message", "partial line\n\n*** Signal 11: Backtracing from 0x2... done ***\n",
                "partial line\n", nil, nil
            ),
            (
                "the cell printed the words", "Fatal error: is just text here\nmore\n", "",
                "Fatal error: is just text here", nil
            ),
            ("no report", "just output", "just output", nil, nil),
        ]
        for test in cases {
            let report = CrashReport(text: test.text, backtrace: nil, notePath: "Notes/x.md", programModule: "main")
            XCTAssertEqual(report.printedBefore, test.printed, test.name)
            XCTAssertEqual(report.message, test.message, test.name)
            XCTAssertEqual(report.messageLine, test.line, test.name)
        }
    }

    func testTheBacktraceGivesTheNoteFramesInnermostFirst() {
        let log = """
            {"description": "Illegal instruction", "threads": [
              {"crashed": false, "frames": [{"symbol": "other", "sourceLocation": {"file": "Notes/x.md", "line": 99,\
             "column": 1}}]},
              {"crashed": true, "frames": [
                {"symbol": "swift_assertionFailure", "description": "_assertionFailure + 3"},
                {"symbol": "f", "description": "f(_:) + 12", "sourceLocation": {"file": "Notes/x.md", "line": 6,\
             "column": 9}},
                {"symbol": "g", "description": "g + 1", "sourceLocation": {"file": "Other.swift", "line": 2, "column":\
             1}},
                {"symbol": "main", "description": "main + 201", "sourceLocation": {"file": "Notes/x.md", "line": 13,\
             "column": 1}}]}]}
            """
        let report = CrashReport(text: "", backtrace: Data(log.utf8), notePath: "Notes/x.md", programModule: "main")
        XCTAssertEqual(report.noteFrames.map { "\($0.function)@\($0.line):\($0.column)" }, ["f(_:)@6:9", "main@13:1"])
        XCTAssertEqual(report.faultDescription, "Illegal instruction")
    }
}

extension CrashReportTests {
    func testAProgramThatDidNotTrapKeepsItsFatalErrorLines() {
        let text = "Fatal error: this is a line the cell printed\n"
        let report = CrashReport(
            text: text, backtrace: nil, notePath: "Notes/x.md", programModule: "main", trapped: false)
        XCTAssertEqual(report.printedBefore, text)
        XCTAssertNil(report.message)
    }
}
