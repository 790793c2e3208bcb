// Write-back on the rich fixture and tricky notes: only output blocks ever change, and again changes nothing.

import XCTest
@testable import Notebook

final class WriteBackPropertyTests: XCTestCase {
    /// Notes with every awkward byte the writer must keep.
    private let notes: [String] = [
        StudyNote.text,
        StudyNote.text.replacingAll("\n", with: "\r\n"),
        "\u{FEFF}" + StudyNote.text,
        String(StudyNote.text.dropLast()),
        "```swift\nx\n```",
        "\t- 项目\t\n\n  ```swift\n  x  \n  ```\n\n  ```output\n  y\n  ```\n末尾",
        "> ```swift\n> a\n> ```\n> ```output\n> b\n> ```",
    ]

    /// Output choices: remove, empty, text with fences, CRLF, non-ASCII, trailing spaces.
    private let choices: [String?] = [nil, "", "```\nfenced\n```", "a\r\nb\r\n", "注意力权重 0.25  ", "1\n\n2\n"]

    private func parse(_ text: String) -> Note { NoteParser.parse(path: "n.md", text: text).note }

    func testOnlyOutputBlocksChangeAndRewritingIsIdempotent() {
        for (noteNumber, text) in notes.enumerated() {
            let note = parse(text)
            let withoutOutputs = OutputWriter.rewrite(
                note, outputs: Dictionary(uniqueKeysWithValues: note.cells.indices.map { ($0, String?.none) }))
            for (choiceNumber, _) in choices.enumerated() {
                // Give each cell a different choice, rotating, so that every pair is met.
                let outputs = Dictionary(
                    uniqueKeysWithValues: note.cells.indices.map { ($0, choices[($0 + choiceNumber) % choices.count]) })
                let rewritten = OutputWriter.rewrite(note, outputs: outputs)
                let reparsed = parse(rewritten)
                let context = "note \(noteNumber), choice \(choiceNumber)"
                XCTAssertEqual(reparsed.cells.count, note.cells.count, context)
                XCTAssertEqual(reparsed.cells.map(\.source), note.cells.map(\.source), context)
                XCTAssertEqual(reparsed.cells.map(\.options), note.cells.map(\.options), context)
                XCTAssertEqual(
                    reparsed.cells.map { $0.output?.text },
                    note.cells.indices.map { outputs[$0]!.map(RecordedOutput.recordable) }, context)
                XCTAssertEqual(
                    Array(OutputWriter.rewrite(reparsed, outputs: outputs).utf8), Array(rewritten.utf8),
                    "\(context): not idempotent")
                let stripped = OutputWriter.rewrite(reparsed, outputs: outputs.mapValues { _ in nil })
                XCTAssertEqual(
                    Array(stripped.utf8), Array(withoutOutputs.utf8), "\(context): bytes outside output blocks changed")
            }
        }
    }

    func testInsertingThenRemovingGivesBackTheOriginalBytes() {
        let original = "\u{FEFF}# 标题\r\n\r\n```swift\r\nx\r\n```\r\n\r\n- ```swift\r\n  y\r\n  ```\r\n末尾  \t"
        let note = parse(original)
        let inserted = OutputWriter.rewrite(note, outputs: [0: "1", 1: "2"])
        XCTAssertNotEqual(inserted, original)
        XCTAssertEqual(
            Array(OutputWriter.rewrite(parse(inserted), outputs: [0: nil, 1: nil]).utf8), Array(original.utf8))
    }

    func testTheFixtureGetsItsOutputsAndKeepsItsProse() {
        let note = parse(StudyNote.text)
        let rewritten = OutputWriter.rewrite(
            note, outputs: [0: "6.0", 1: "[0.269, 0.731]", 2: "分数\n", 4: "Fatal error: 故意的"])
        let reparsed = parse(rewritten)
        XCTAssertEqual(reparsed.cells.map { $0.output?.text }, ["6.0", "[0.269, 0.731]", "分数", nil, "Fatal error: 故意的"])
        let added = "\n```output\n[0.269, 0.731]\n```\n"
        XCTAssertEqual(rewritten, StudyNote.text.replacingAll("print(softmax([1.0, 2.0]))\n```\n",
                                                                with: "print(softmax([1.0, 2.0]))\n```\n" + added))
        XCTAssertEqual(reparsed.frontMatter, note.frontMatter)
    }
}
