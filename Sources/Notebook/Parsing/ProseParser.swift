// cmark's tree plus what plain CommonMark lacks: formulas, pipe tables, and warnings for unsafe links.

import MathML

/// Parses the Markdown of a note into blocks with formulas and tables in place.
///
/// cmark parses the text once; when the prose holds formulas, it parses it again with each
/// formula's TeX masked (see `MathSpans`), so that Markdown never reads TeX. Tables are found
/// on the lines of the paragraphs cmark found, and their cells parsed by cmark one by one.
struct ProseParser {
    let lines: NoteLines
    let path: String
    /// The note's text as cmark reads it, given the lines to replace.
    let markdown: ([Int: [UInt8]]) -> String
    private(set) var problems: [NoteProblem] = []
    /// Every link of the prose with its place.
    private(set) var links: [LinkPlace] = []
    private var masked: [Int: [UInt8]] = [:]
    private var placeholders = MathPlaceholders(spans: [])

    init(lines: NoteLines, path: String, markdown: @escaping ([Int: [UInt8]]) -> String) {
        self.lines = lines
        self.path = path
        self.markdown = markdown
    }

    mutating func parse() -> [Block] {
        let plain = CmarkConverter.blocks(from: markdown([:]), lines: lines)
        var blocks = plain
        if lines.bytes.contains(UInt8(ascii: "$")) {
            var regions: [MathSpans.Region] = []
            Self.collectRegions(plain, into: &regions)
            let spans = MathSpans(lines: lines, regions: regions)
            if !spans.spans.isEmpty {
                masked = spans.maskedLines()
                placeholders = MathPlaceholders(spans: spans.spans)
                blocks = CmarkConverter.blocks(from: markdown(masked), lines: lines)
            }
        }
        return finish(blocks)
    }

    /// Paragraphs and headings, where formulas may be.
    private static func collectRegions(_ blocks: [Block], into regions: inout [MathSpans.Region]) {
        for block in blocks {
            switch block {
            case .paragraph(_, let range), .heading(_, _, let range):
                regions.append(.init(start: range.start, lastLine: range.end.line))
            case .blockQuote(let children, _):
                collectRegions(children, into: &regions)
            case .list(let list, _):
                for item in list.items { collectRegions(item, into: &regions) }
            default:
                break
            }
        }
    }

    // MARK: - Finishing the tree

    private mutating func finish(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        for block in blocks {
            switch block {
            case .paragraph(let inlines, let range):
                result += paragraphOrTable(inlines, range: range)
            case .heading(let level, let inlines, let range):
                let content = placeholders.restore(inlines)
                check(content, in: range)
                result.append(.heading(level: level, content: content, range: range))
            case .blockQuote(let children, let range):
                result.append(.blockQuote(finish(children), range: range))
            case .list(var list, let range):
                list.items = list.items.map { finish($0) }
                result.append(.list(list, range: range))
            case .codeBlock(let info, let literal, let range) where info.split(separator: " ").first == "math":
                let tex = literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
                let starts = (0..<max(1, tex.split(separator: "\n", omittingEmptySubsequences: false).count)).map {
                    SourcePosition(line: range.start.line + 1 + $0, column: range.start.column)
                }
                let formula = Formula(tex: tex, display: true, lineStarts: starts)
                check(formula)
                result.append(.math(formula, range: range))
            case .html(let html, let range):
                result.append(.html(placeholders.restore(html), range: range))
            default:
                result.append(block)
            }
        }
        return result
    }

    /// A paragraph, or the table (and the paragraph before it) its lines make.
    private mutating func paragraphOrTable(_ inlines: [Inline], range: SourceRange) -> [Block] {
        let mayBeTable = range.lines.count > 1 && range.lines.contains { lines.content($0).contains(UInt8(ascii: "|")) }
        guard mayBeTable else {
            let content = placeholders.restore(inlines)
            check(content, in: range)
            return [.paragraph(content, range: range)]
        }
        let width = range.start.column - 1
        let rawLines = range.lines.map { number -> [UInt8] in
            let content = masked[number].map { $0[...] } ?? lines.content(number)
            let skip = number == range.start.line ? width : MathSpans.prefixLength(content, width: width)
            return Array(content.dropFirst(skip))
        }
        guard let found = TableFinder.find(rawLines) else {
            let content = placeholders.restore(inlines)
            check(content, in: range)
            return [.paragraph(content, range: range)]
        }
        var blocks: [Block] = []
        if !found.leadingLines.isEmpty {
            let text = found.leadingLines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
            let content = placeholders.restore(Self.inlines(of: text))
            let end = SourcePosition(
                line: range.start.line + found.leadingLines.count - 1, column: max(1, found.leadingLines.last!.count))
            check(content, in: range)
            blocks.append(.paragraph(content, range: SourceRange(start: range.start, end: end)))
        }
        var cells = Self.cellInlines(found.header + found.rows.flatMap { $0 }).map { placeholders.restore($0) }[...]
        let header = Array(cells.prefix(found.header.count))
        cells = cells.dropFirst(found.header.count)
        var rows: [[[Inline]]] = []
        for row in found.rows {
            rows.append(Array(cells.prefix(row.count)))
            cells = cells.dropFirst(row.count)
        }
        let table = Table(alignments: found.alignments, header: header, rows: rows)
        for content in table.header + table.rows.flatMap({ $0 }) { check(content, in: range) }
        let start = SourcePosition(line: range.start.line + found.leadingLines.count, column: range.start.column)
        blocks.append(.table(table, range: SourceRange(start: start, end: range.end)))
        return blocks
    }

    /// The inlines cmark finds in `text` as the content of one paragraph.
    private static func inlines(of text: String) -> [Inline] {
        guard !text.isEmpty, case .paragraph(let content, _)? = CmarkConverter.blocks(from: text).first
        else { return text.isEmpty ? [] : [.text(text)] }
        return content
    }

    /// The inlines of each cell of a table, parsed by cmark in one document: one paragraph a
    /// cell, blank lines between. Each cell's text starts with a no-break space, so that `- x`,
    /// `# x` or `1. x` in a cell stay text and every cell is one paragraph; the space is Unicode
    /// white space, so emphasis at the cell's start opens as at a line's start.
    private static func cellInlines(_ cells: [[UInt8]]) -> [[Inline]] {
        var text: [UInt8] = []
        for cell in cells { text += [0xC2, 0xA0] + cell + [0x0A, 0x0A] }
        let paragraphs = CmarkConverter.blocks(from: String(decoding: text, as: UTF8.self)).map { block -> [Inline] in
            guard case .paragraph(var content, _) = block else { return [] }
            if case .text(let first)? = content.first, first.hasPrefix("\u{A0}") {
                let rest = String(first.dropFirst())
                if rest.isEmpty { content.removeFirst() } else { content[0] = .text(rest) }
            }
            return content
        }
        guard paragraphs.count == cells.count else {
            // Not expected (every cell is one line of text); parse the cells one by one then.
            return cells.map { cell in Self.cellInlines([cell]).first ?? [] }
        }
        return paragraphs
    }

    // MARK: - Problems

    /// Warnings for formulas that do not parse and links that are not safe to write; the links' places.
    private mutating func check(_ inlines: [Inline], in range: SourceRange) {
        for inline in inlines {
            switch inline {
            case .math(let formula): check(formula)
            case .emphasis(let content), .strong(let content): check(content, in: range)
            case .link(let url, _, let content), .image(let url, _, let content):
                let place = position(of: url, in: range)
                if !URLSafety.isSafe(url) {
                    problems.append(.warning("unsafe link address '\(url)' is not written into the page",
                                             path: path, line: place.line, column: place.column))
                } else if case .link = inline {
                    links.append(LinkPlace(destination: url, line: place.line, column: place.column))
                }
                check(content, in: range)
            default:
                break
            }
        }
    }

    private mutating func check(_ formula: Formula) {
        guard case .failure(let error) = MathML.render(formula.tex, display: formula.display) else { return }
        let place = formula.position(ofByte: error.offset)
        problems.append(
            .warning(
                "\(error.message); the formula is shown as TeX", path: path, line: place.line, column: place.column))
    }

    /// Where `url` is written in the lines of `range` (its block's start when it is not found as written).
    private func position(of url: String, in range: SourceRange) -> SourcePosition {
        let needle = Array(url.utf8)
        guard !needle.isEmpty else { return range.start }
        for number in range.lines where number <= lines.count {
            let content = Array(lines.content(number))
            guard content.count >= needle.count else { continue }
            for start in 0...(content.count - needle.count)
            where content[start..<(start + needle.count)].elementsEqual(needle) {
                return SourcePosition(line: number, column: start + 1)
            }
        }
        return range.start
    }
}
