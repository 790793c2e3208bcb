// Turns `swift` code blocks into cells and the `output` blocks right after them into recorded outputs.

/// Finds cells and their recorded outputs anywhere in a note's tree (lists and block quotes too).
struct CellCollector {
    let lines: NoteLines
    let path: String
    private(set) var cells: [Cell] = []
    private(set) var problems: [NoteProblem] = []

    init(lines: NoteLines, path: String) {
        self.lines = lines
        self.path = path
    }

    /// The blocks with cells and outputs in place of their code blocks; fills `cells` and `problems`.
    mutating func collect(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        result.reserveCapacity(blocks.count)
        for block in blocks {
            switch block {
            case .codeBlock(let info, let literal, let range):
                let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if words.first == "swift" {
                    result.append(.cell(index: addCell(literal: literal, range: range)))
                } else if words.first == "output" {
                    result.append(attachOutput(info: info, literal: literal, range: range, after: result.last))
                } else {
                    result.append(block)
                }
            case .blockQuote(let children, let range):
                result.append(.blockQuote(collect(children), range: range))
            case .list(var list, let range):
                list.items = list.items.map { collect($0) }
                result.append(.list(list, range: range))
            default:
                result.append(block)
            }
        }
        return result
    }

    // MARK: - Cells

    private mutating func addCell(literal: String, range: SourceRange) -> Int {
        let line = range.start.line
        let fence = FenceLine.opening(in: lines.content(line), column: range.start.column)
        let (options, optionProblems) = CellOptionsParser.parse(optionWords(on: line, fence: fence),
                                                                path: path, line: line)
        problems += optionProblems
        let (blockRange, closed) = fencedRange(cmarkRange: range, literal: literal, fence: fence)
        if !closed {
            let fenceText =
                fence.map { String(repeating: Character(Unicode.Scalar($0.character)), count: $0.length) } ?? "```"
            problems.append(
                .warning(
                    "the \(fenceText)swift fence opened here is never closed; the cell takes every line after it",
                    path: path, line: line, column: range.start.column))
        }
        var cell = Cell(index: cells.count, options: options, source: literal, range: blockRange,
                        firstCodeLine: line + 1, output: nil)
        cell.codeColumnOffset = codeColumnOffset(source: literal, firstLine: line + 1, fence: fence)
        cells.append(cell)
        return cell.index
    }

    /// The words after `swift` with their columns, read from the fence line itself so that a
    /// problem can point at the word (cmark's info string has no positions).
    private func optionWords(on line: Int, fence: FenceLine?) -> [CellOptionsParser.Word] {
        guard let fence else { return [] }
        let content = Array(lines.content(line))
        var words: [CellOptionsParser.Word] = []
        var i = fence.infoStart
        while i < content.count {
            if FenceLine.isSpace(content[i]) { i += 1; continue }
            let start = i
            while i < content.count && !FenceLine.isSpace(content[i]) { i += 1 }
            words.append(.init(text: String(decoding: content[start..<i], as: UTF8.self), column: start + 1))
        }
        return Array(words.dropFirst())
    }

    /// The bytes before the code on the first code line whose text is not blank (all the
    /// cell's lines share one container prefix); the fence's indentation when all are blank.
    private func codeColumnOffset(source: String, firstLine: Int, fence: FenceLine?) -> Int {
        for (offset, codeLine) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !codeLine.allSatisfy({ $0 == " " || $0 == "\t" }) && firstLine + offset <= lines.count {
            let noteLine = lines.content(firstLine + offset)
            let code = Array(codeLine.utf8)
            if noteLine.count >= code.count && noteLine.suffix(code.count).elementsEqual(code) {
                return noteLine.count - code.count
            }
            break
        }
        return fence?.fenceStart ?? 0
    }

    // MARK: - Recorded outputs

    private mutating func attachOutput(
        info: String, literal: String, range: SourceRange, after previous: Block?
    ) -> Block {
        let fence = FenceLine.opening(in: lines.content(range.start.line), column: range.start.column)
        let (blockRange, closed) = fencedRange(cmarkRange: range, literal: literal, fence: fence)
        guard case .cell(let index)? = previous, isClosed(cells[index]),
              onlyBlankLines(after: cells[index].range.end.line, before: range.start.line)
        else {
            problems.append(.warning("output block without a cell above it", path: path,
                                     line: range.start.line, column: range.start.column))
            return .codeBlock(info: info, literal: literal, range: range)
        }
        if !closed {
            problems.append(.warning("the output block opened here is never closed; it takes every line after it",
                                     path: path, line: range.start.line, column: range.start.column))
        }
        let text = literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
        cells[index].output = RecordedOutput(text: text, range: blockRange)
        return .recordedOutput(cell: index)
    }

    private func onlyBlankLines(after first: Int, before last: Int) -> Bool {
        guard first + 1 < last else { return true }
        return (first + 1..<last).allSatisfy { number in
            lines.content(number).allSatisfy { FenceLine.isSpace($0) || $0 == UInt8(ascii: ">") }
        }
    }

    // MARK: - Fence extents

    /// Whether `cell` ends with a closing fence (an unclosed cell cannot get an output block).
    func isClosed(_ cell: Cell) -> Bool {
        Self.isClosed(cell, in: lines)
    }

    /// Whether `cell` ends with a closing fence: its range is one line longer than its code,
    /// and that line is a fence (an unclosed cell's range ends with its last line of code).
    static func isClosed(_ cell: Cell, in lines: NoteLines) -> Bool {
        let range = cell.range
        let codeLines = cell.source.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        guard range.end.line == range.start.line + codeLines + 1, range.end.line <= lines.count,
              let fence = FenceLine.opening(in: lines.content(range.start.line), column: range.start.column)
        else { return false }
        return fence.closingFenceStart(in: lines.content(range.end.line)) != nil
    }

    /// The lines a fenced block really covers, and whether it is closed. cmark ends an unclosed
    /// block at the line that closed its container, so the end is recomputed from the content.
    private func fencedRange(
        cmarkRange: SourceRange, literal: String, fence: FenceLine?
    ) -> (SourceRange, closed: Bool) {
        let start = cmarkRange.start.line
        let contentLines = literal.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let end = min(cmarkRange.end.line, lines.count)
        if let fence, end == start + contentLines + 1, fence.closingFenceStart(in: lines.content(end)) != nil {
            return (cmarkRange, true)
        }
        let last = min(start + contentLines, lines.count)
        let lastColumn = max(1, lines.content(last).count)
        return (SourceRange(start: cmarkRange.start, end: SourcePosition(line: last, column: lastColumn)), false)
    }
}
