// Write-back on many generated notes: every mix of containers, fences, line endings and outputs.

import XCTest
@testable import Notebook

final class WriteBackFuzzTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so a failure names a seed that reproduces it.
    private struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// A note built from random pieces; each piece is a list of lines without endings.
    private func note(_ g: inout Generator) -> String {
        let prose = [
            "自注意力让每个词看见其他词。", "Plain prose with `code` and *emphasis*.", "trailing spaces  ", "\ttab\tinside", "# 标题",
            "## Heading",
        ]
        let code = ["let x = 1", "print(x)", "", "  indented", "\tlet 名字 = \"值\""]
        var pieces: [[String]] = []
        for _ in 0..<(1 + g.below(8)) {
            let fenceChar = g.pick(["`", "~"])
            let fence = String(repeating: fenceChar, count: 3 + g.below(2))
            let indent = String(repeating: " ", count: g.below(3))
            var cell = [indent + fence + g.pick(["swift", "swift hidden", "swift norun", "swift tolerance=1e-3"])]
            cell += (0..<g.below(3)).map { _ in indent + g.pick(code) }
            cell.append(indent + fence)
            if g.below(2) == 0 {
                if g.below(2) == 0 { cell.append("") }
                cell +=
                    [indent + fence + "output"] + (0..<g.below(3)).map { _ in indent + g.pick(["old", "0.5", ""]) } + [
                        indent + fence
                    ]
            }
            switch g.below(5) {
            case 0: // in a list item
                let marker = g.pick(["- ", "1. ", "* "])
                let pad = String(repeating: " ", count: marker.count)
                pieces.append(["\(marker)item"] + cell.map { $0.isEmpty ? "" : pad + $0 })
            case 1: // in a block quote
                pieces.append(["> 提示"] + cell.map { $0.isEmpty ? ">" : "> " + $0 })
            default:
                pieces.append(cell)
            }
            if g.below(2) == 0 { pieces.append([g.pick(prose)]) }
            if g.below(2) == 0 { pieces.append([""]) }
        }
        let ending = g.pick(["\n", "\r\n"])
        var text = (g.below(4) == 0 ? "\u{FEFF}" : "") + pieces.joined().joined(separator: ending)
        if g.below(3) > 0 { text += ending }
        return text
    }

    func testGeneratedNotesRoundTrip() {
        let outputs: [String?] = [nil, "", "1", "a\nb", "```\nx", "  缩进  \n\n末尾", "\tt"]
        for seed in 0..<400 {
            var g = Generator(state: UInt64(seed))
            let text = note(&g)
            let note = NoteParser.parse(path: "n.md", text: text).note
            let lines = NoteLines(text)
            var chosen: [Int: String?] = [:]
            for cell in note.cells where g.below(4) > 0 { chosen[cell.index] = g.pick(outputs) }
            let rewritten = OutputWriter.rewrite(note, outputs: chosen)
            let reparsed = NoteParser.parse(path: "n.md", text: rewritten).note
            let context = "seed \(seed): \(text.debugDescription)"
            XCTAssertEqual(reparsed.cells.map(\.source), note.cells.map(\.source), context)
            XCTAssertEqual(reparsed.cells.map(\.options), note.cells.map(\.options), context)
            for cell in note.cells {
                let expected: String?
                if let output = chosen[cell.index], CellCollector.isClosed(cell, in: lines) {
                    expected = output.map(RecordedOutput.recordable)
                } else {
                    expected = cell.output?.text
                }
                XCTAssertEqual(reparsed.cells[cell.index].output?.text, expected, "cell \(cell.index), \(context)")
            }
            XCTAssertEqual(
                Array(OutputWriter.rewrite(reparsed, outputs: chosen).utf8), Array(rewritten.utf8),
                "not idempotent: \(context)")
            let removeAll = Dictionary(uniqueKeysWithValues: note.cells.indices.map { ($0, String?.none) })
            XCTAssertEqual(
                Array(OutputWriter.rewrite(reparsed, outputs: removeAll).utf8),
                Array(OutputWriter.rewrite(note, outputs: removeAll).utf8),
                "bytes outside output blocks changed: \(context)")
        }
    }
}
