// Tests the GitHub Actions workflow commands: format, and escaping of messages and properties.

import XCTest
import Runner
@testable import Check

final class GitHubAnnotationsTests: XCTestCase {
    func testAChangedOutputAnnotatesTheRecordingWithItsDiff() {
        let cell = NoteChecker.check(CheckFixtures.note, against: CheckFixtures.run).cells[1]
        XCTAssertEqual(GitHubAnnotations.annotation(for: cell),
                       "::error file=Notes/01-注意力.md,line=17,title=litbook check::"
                       + "recorded output differs (cell at line 13)%0A--- recorded%0A+++ this run%0A"
                       + "@@ -1 +1 @@%0A-weights 0.25%0A+weights 0.75")
    }

    func testAFailedCellCarriesItsColumn() {
        let cell = NoteChecker.check(CheckFixtures.note, against: CheckFixtures.run).cells[5]
        XCTAssertTrue(GitHubAnnotations.annotation(for: cell)
            .hasPrefix("::error file=Notes/01-注意力.md,line=38,col=9,title=litbook check::cell failed: "))
    }

    func testEveryAnnotationIsOneLineAndTheSummaryIsLast() {
        let report = CheckReport(notes: [NoteChecker.check(CheckFixtures.note, against: CheckFixtures.run)])
        let lines = GitHubAnnotations.render(report).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines[0..<3].allSatisfy { $0.hasPrefix("::error file=") })
        XCTAssertEqual(lines[3], "2 passed, 3 failed")
        XCTAssertEqual(lines[4], "")
    }

    func testProblemsReadingNotesAreAnnotatedFirst() {
        let report = CheckReport(notes: [], problems: [
            .error("unknown cell option 'hiden'", path: "Notes/a.md", line: 5, column: 10),
            .warning("unknown front matter key 'titel'", path: "Notes/a.md", line: 2),
            .error("no such file or folder", path: "Notes/missing.md", line: 0),
        ])
        XCTAssertEqual(GitHubAnnotations.render(report), """
            ::error file=Notes/a.md,line=5,col=10,title=litbook check::unknown cell option 'hiden'
            ::warning file=Notes/a.md,line=2,title=litbook check::unknown front matter key 'titel'
            ::error file=Notes/missing.md,title=litbook check::no such file or folder
            0 passed, 0 failed

            """)
    }

    func testEscaping() {
        let rows: [(String, String, String)] = [
            ("100%", "100%25", "100%25"),
            ("a\nb", "a%0Ab", "a%0Ab"),
            ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
            ("x: 1, y", "x: 1, y", "x%3A 1%2C y"),
            ("%0A", "%250A", "%250A"),
            ("注意力", "注意力", "注意力"),
        ]
        for (text, data, property) in rows {
            XCTAssertEqual(GitHubAnnotations.escapeData(text), data, text)
            XCTAssertEqual(GitHubAnnotations.escapeProperty(text), property, text)
        }
    }

    func testAPathWithACommaStaysOneProperty() {
        let cell = CellCheck(
            notePath: "Notes/a,b:c.md", cellIndex: 0, cellLine: 3, recordingLine: nil,
            outcome: .unexpectedlyPassed)
        XCTAssertEqual(
            GitHubAnnotations.annotation(for: cell),
            "::error file=Notes/a%2Cb%3Ac.md,line=3,title=litbook check::cell is marked 'fails' but ran without an"
                + " error"
        )
    }
}
