// Each kind of mistake in a note gives exactly one clear message at its place (table-driven).

import XCTest
@testable import Notebook

final class ParsingProblemTests: XCTestCase {
    /// One row: a note's text and the exact problems it must give.
    private struct Case {
        var text: String
        var problems: [String]
        var line: UInt
    }

    private func check(_ cases: [Case]) {
        for example in cases {
            let problems = NoteParser.parse(path: "Notes/x.md", text: example.text).problems
            XCTAssertEqual(problems.map(\.description), example.problems, line: example.line)
        }
    }

    func testCellOptionProblems() {
        check([
            Case(
                text: "```swift hiden\nx\n```\n",
                problems: ["Notes/x.md:1:10: error: unknown cell option 'hiden'"], line: #line),
            Case(
                text: "# T\n\n```swift hidden  bogus\nx\n```\n",
                problems: ["Notes/x.md:3:18: error: unknown cell option 'bogus'"], line: #line),
            Case(
                text: "```swift tolerance=abc\nx\n```\n",
                problems: [
                    "Notes/x.md:1:10: error: cell option 'tolerance' needs a non-negative number, as in"
                        + " 'tolerance=1e-3', not 'tolerance=abc'"
                ], line: #line),
            Case(
                text: "```swift tolerance\nx\n```\n",
                problems: [
                    "Notes/x.md:1:10: error: cell option 'tolerance' needs a non-negative number, as in"
                        + " 'tolerance=1e-3', not 'tolerance'"
                ], line: #line),
            Case(
                text: "```swift hidden=yes\nx\n```\n",
                problems: ["Notes/x.md:1:10: error: cell option 'hidden' takes no value: 'hidden=yes'"], line: #line),
            Case(
                text: "```swift norun norun\nx\n```\n",
                problems: ["Notes/x.md:1:16: warning: cell option 'norun' is given twice"], line: #line),
            Case(
                text: "```swift hidden norun\nx\n```\n",
                problems: [
                    "Notes/x.md:1:10: warning: cell options 'hidden' and 'norun' together leave nothing to show: the"
                        + " cell neither shows nor runs"
                ], line: #line),
            Case(
                text: "```swift fold=yes\nx\n```\n",
                problems: ["Notes/x.md:1:10: error: cell option 'fold' takes no value: 'fold=yes'"], line: #line),
            Case(
                text: "```swift wrap wrap\nx\n```\n",
                problems: ["Notes/x.md:1:15: warning: cell option 'wrap' is given twice"], line: #line),
            Case(
                text: "```swift hidden fold\nx\n```\n",
                problems: [
                    "Notes/x.md:1:10: warning: cell option 'fold' has no effect on a 'hidden' cell: its code is not"
                        + " shown at all"
                ], line: #line),
            Case(
                text: "- item\n\n  ```swift fials\n  x\n  ```\n",
                problems: ["Notes/x.md:3:12: error: unknown cell option 'fials'"], line: #line),
            Case(
                text: "> ```swift hidn\n> x\n> ```\n",
                problems: ["Notes/x.md:1:12: error: unknown cell option 'hidn'"], line: #line),
        ])
    }

    func testACellWithABadOptionKeepsItsOtherOptions() {
        let (note, problems) = NoteParser.parse(
            path: "Notes/x.md", text: "```swift hidden bogus tolerance=0.01\nx\n```\n")
        XCTAssertEqual(problems.map(\.severity), [.error])
        XCTAssertEqual(note.cells.first?.options,
                       CellOptions(hidden: true, tolerance: 0.01, words: ["hidden", "bogus", "tolerance=0.01"]))
    }

    func testFoldAndWrapAreReadAsOptions() {
        let (note, problems) = NoteParser.parse(path: "Notes/x.md", text: "```swift fold wrap\nx\n```\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(note.cells.first?.options, CellOptions(fold: true, wrap: true, words: ["fold", "wrap"]))
    }

    func testFenceAndOutputProblems() {
        check([
            Case(
                text: "# T\n\n```swift\nlet x = 1\n",
                problems: [
                    "Notes/x.md:3:1: warning: the ```swift fence opened here is never closed; the cell takes every line"
                        + " after it"
                ], line: #line),
            Case(
                text: "Prose.\n\n```output\n1\n```\n",
                problems: ["Notes/x.md:3:1: warning: output block without a cell above it"], line: #line),
            Case(
                text: "```swift\nx\n```\n\nProse.\n\n```output\n1\n```\n",
                problems: ["Notes/x.md:7:1: warning: output block without a cell above it"], line: #line),
            Case(
                text: "```swift\nx\n```\n```output\n1\n```\n```output\n2\n```\n",
                problems: ["Notes/x.md:7:1: warning: output block without a cell above it"], line: #line),
            Case(
                text: "```swift\nx\n```\n\n```output\n1\n",
                problems: [
                    "Notes/x.md:5:1: warning: the output block opened here is never closed; it takes every line after"
                        + " it"
                ], line: #line),
        ])
    }

    func testFrontMatterProblems() {
        check([
            Case(
                text: "---\ntitle: T\n\n# T\n",
                problems: ["Notes/x.md:1:1: error: front matter opened with '---' is never closed with '---'"],
                line: #line),
            Case(
                text: "---\ntitle T\n---\n",
                problems: ["Notes/x.md:2:1: error: front matter line is not 'key: value': 'title T'"], line: #line),
            Case(
                text: "---\norder: first\n---\n",
                problems: [
                    "Notes/x.md:2:1: error: front matter 'order' must be a whole number such as '3', not 'first'"
                ], line: #line),
            Case(
                text: "---\ntolerance: -1\n---\n",
                problems: [
                    "Notes/x.md:2:1: error: front matter 'tolerance' must be a non-negative number such as '1e-3', not"
                        + " '-1'"
                ], line: #line),
            Case(
                text: "---\nlang: en us\n---\n",
                problems: [
                    "Notes/x.md:2:1: error: front matter 'lang' must be a language tag such as 'en' or 'zh-CN', not 'en"
                        + " us'"
                ], line: #line),
            Case(text: "---\nlang: zh-Hans\n---\n", problems: [], line: #line),
            Case(
                text: "---\ntitel: T\n---\n",
                problems: [
                    "Notes/x.md:2:1: warning: unknown front matter key 'titel' (known: title, order, lang, timeout,"
                        + " memory, output-limit, tolerance)"
                ], line: #line),
            Case(
                text: "---\ntitle: A\ntitle: B\n---\n",
                problems: ["Notes/x.md:3:1: warning: front matter key 'title' is given twice; the last one counts"],
                line: #line),
        ])
    }

    func testProblemsPrintLikeCompilerDiagnostics() {
        XCTAssertEqual(NoteProblem.error("no such file or folder", path: "Notes/y.md", line: 0).description,
                       "Notes/y.md: error: no such file or folder")
        XCTAssertEqual(NoteProblem.warning("w", path: "a.md", line: 3).description, "a.md:3: warning: w")
    }
}
