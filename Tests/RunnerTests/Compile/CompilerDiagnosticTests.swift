// Reading the compiler's messages, and showing them with the note's own lines.

@testable import Runner
import XCTest

final class CompilerDiagnosticTests: XCTestCase {
    func testHeadersAreReadWithTheirExcerpts() {
        let output = """
            Notes/y.md:4:9: error: value of type '[Int]' has no member 'cnt'
            print(a.cnt)
                  ~ ^~~
            /tmp/x/main.swift:13:1: error: extraneous '}' at top level
            }
            ^
            C:\\notes\\z.md:2:3: warning: variable 'x' was never used
            error: link command failed with exit code 1
            """
        let (diagnostics, unattributed) = CompilerDiagnostic.parse(output)
        XCTAssertEqual(
            diagnostics.map { "\($0.file)|\($0.line)|\($0.column)|\($0.severity)|\($0.message)|\($0.excerpt.count)" },
            [
                "Notes/y.md|4|9|error|value of type '[Int]' has no member 'cnt'|2",
                "/tmp/x/main.swift|13|1|error|extraneous '}' at top level|2",
                "C:\\notes\\z.md|2|3|warning|variable 'x' was never used|0",
            ])
        XCTAssertEqual(unattributed, ["error: link command failed with exit code 1"])
    }

    func testTheExcerptShowsTheNotesLineWithItsNumber() {
        let diagnostic = CompilerDiagnostic(file: "Notes/y.md", line: 4, column: 9, severity: "error",
                                            message: "value of type '[Int]' has no member 'cnt'",
                                            excerpt: ["print(a.cnt)", "      ~ ^~~"])
        let note: [Substring] = ["# 标题", "```swift", "let a = [1, 2, 3]", "print(a.cnt)", "```"]
        XCTAssertEqual(diagnostic.rendered(noteLines: note), """
            Notes/y.md:4:9: error: value of type '[Int]' has no member 'cnt'
               4 | print(a.cnt)
                 |       ~ ^~~
            """)
    }
}
