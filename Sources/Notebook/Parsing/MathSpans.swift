// Finds `$…$` and `$$…$$` in the raw lines of paragraphs and headings, by Pandoc's dollar rules.

/// The formulas of a note's prose, and the text cmark parses in their place.
///
/// Formulas are found in the raw text, before cmark's inline parser runs, because TeX is full of
/// what Markdown reads as markup (`\{` is an escape, `_` and `*` make emphasis, `\\` a line
/// break). The text cmark then parses has each formula's TeX replaced by a placeholder that no
/// inline rule touches: `$` U+0001 *index* U+0002 `$`, with U+0003 on every further line a
/// formula covers, so lines and block structure stay as they were.
struct MathSpans {
    /// A paragraph or heading: its first line from `start`, and the lines after it.
    struct Region {
        var start: SourcePosition
        var lastLine: Int
    }

    /// One formula and where its dollars are.
    struct Span {
        var formula: Formula
        /// The opening dollars' first byte and the closing dollars' first byte.
        var open: SourcePosition
        var close: SourcePosition
        /// How many bytes at the start of a continuation line may belong to the containers.
        var containerWidth: Int
        var delimiter: String { formula.display ? "$$" : "$" }
    }

    static let placeholderStart: Unicode.Scalar = "\u{1}"
    static let placeholderEnd: Unicode.Scalar = "\u{2}"
    static let continuation: Unicode.Scalar = "\u{3}"

    private(set) var spans: [Span] = []
    let lines: NoteLines

    /// Finds the formulas of `regions`. Complexity: O(n) in the bytes of the regions, plus the
    /// search for a closing backtick run of each code span.
    init(lines: NoteLines, regions: [Region]) {
        self.lines = lines
        for region in regions { scan(region) }
    }

    // MARK: - Scanning

    /// A region's bytes with `\n` between lines, and where each byte is in the note.
    private struct Flat {
        var bytes: [UInt8] = []
        var places: [SourcePosition] = []
    }

    private func flatten(_ region: Region) -> Flat {
        var flat = Flat()
        for number in region.start.line...region.lastLine {
            let content = lines.content(number)
            let skip = number == region.start.line
                ? region.start.column - 1 : Self.prefixLength(content, width: region.start.column - 1)
            if number > region.start.line {
                flat.bytes.append(UInt8(ascii: "\n"))
                flat.places.append(SourcePosition(line: number - 1, column: lines.content(number - 1).count + 1))
            }
            for (offset, byte) in content.dropFirst(skip).enumerated() {
                flat.bytes.append(byte)
                flat.places.append(SourcePosition(line: number, column: skip + offset + 1))
            }
        }
        return flat
    }

    /// How many bytes of a continuation line belong to its containers (`> ` and indentation).
    static func prefixLength(_ content: ArraySlice<UInt8>, width: Int) -> Int {
        var n = 0
        for byte in content where n < width && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: ">")) { n += 1 }
        return n
    }

    private mutating func scan(_ region: Region) {
        let hasDollar = (region.start.line...region.lastLine).contains { lines.content($0).contains(UInt8(ascii: "$")) }
        guard hasDollar else { return }
        let flat = flatten(region)
        let b = flat.bytes, n = b.count
        let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\"), backtick = UInt8(ascii: "`")
        var k = 0
        while k < n {
            let byte = b[k]
            if byte == backslash && k + 1 < n && Self.isPunctuation(b[k + 1]) { k += 2; continue }
            if byte == backtick {
                k = Self.afterCodeSpan(b, at: k)
                continue
            }
            guard byte == dollar else { k += 1; continue }
            if k + 1 < n && b[k + 1] == dollar {
                if let close = Self.closing(b, from: k + 2, display: true),
                   b[(k + 2)..<close].contains(where: { !Self.isSpace($0) }) {
                    add(flat, open: k, contentStart: k + 2, contentEnd: close, display: true, region: region)
                    k = close + 2
                } else {
                    k += 2
                }
                continue
            }
            if k + 1 < n && !Self.isSpace(b[k + 1]), let close = Self.closing(b, from: k + 1, display: false) {
                add(flat, open: k, contentStart: k + 1, contentEnd: close, display: false, region: region)
                k = close + 1
                continue
            }
            k += 1
        }
    }

    /// The index of the closing dollar(s) after `start`: `$$` for display formulas. For inline
    /// ones the next `$` closes, and only if a non-space is before it and no digit after it;
    /// otherwise the opening `$` is text (so `$5 and $6` stays text). A backslash escapes the next byte.
    private static func closing(_ b: [UInt8], from start: Int, display: Bool) -> Int? {
        var j = start
        while j < b.count {
            if b[j] == UInt8(ascii: "\\") { j += 2; continue }
            if b[j] == UInt8(ascii: "$") {
                if display {
                    if j + 1 < b.count && b[j + 1] == UInt8(ascii: "$") { return j }
                } else {
                    return j > start && !isSpace(b[j - 1]) && !(j + 1 < b.count && isDigit(b[j + 1])) ? j : nil
                }
            }
            j += 1
        }
        return nil
    }

    /// The index after the code span opened by the backtick run at `k`, or after the run when
    /// no run of the same length closes it (then the backticks are text), as CommonMark says.
    private static func afterCodeSpan(_ b: [UInt8], at k: Int) -> Int {
        let tick = UInt8(ascii: "`")
        var runEnd = k
        while runEnd < b.count && b[runEnd] == tick { runEnd += 1 }
        let length = runEnd - k
        var j = runEnd
        while j < b.count {
            guard b[j] == tick else { j += 1; continue }
            var end = j
            while end < b.count && b[end] == tick { end += 1 }
            if end - j == length { return end }
            j = end
        }
        return runEnd
    }

    private mutating func add(
        _ flat: Flat, open: Int, contentStart: Int, contentEnd: Int, display: Bool, region: Region
    ) {
        let tex = String(decoding: flat.bytes[contentStart..<contentEnd], as: UTF8.self)
        var starts = [flat.places[min(contentStart, flat.places.count - 1)]]
        for i in contentStart..<contentEnd where flat.bytes[i] == UInt8(ascii: "\n") && i + 1 < flat.places.count {
            starts.append(flat.places[i + 1])
        }
        spans.append(Span(formula: Formula(tex: tex, display: display, lineStarts: starts),
                          open: flat.places[open], close: flat.places[contentEnd],
                          containerWidth: region.start.column - 1))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    // MARK: - Masking

    /// The content of each line that holds a formula, with the formula's TeX replaced by its
    /// placeholder; lines without one are not in the result.
    func maskedLines() -> [Int: [UInt8]] {
        var result: [Int: [UInt8]] = [:]
        // Spans come in text order; each line is rebuilt from the original and the spans on it.
        var byLine: [Int: [(index: Int, span: Span)]] = [:]
        for (index, span) in spans.enumerated() {
            for line in span.open.line...span.close.line { byLine[line, default: []].append((index, span)) }
        }
        for (number, onLine) in byLine {
            let content = Array(lines.content(number))
            var out: [UInt8] = []
            var column = 1  // next byte of `content` to consider, 1-based
            for (index, span) in onLine {
                let delimiter = span.formula.display ? 2 : 1
                if span.open.line == number {
                    let contentStart = span.open.column - 1 + delimiter
                    out += content[(column - 1)..<contentStart]
                    out += [0x01] + Array(String(index).utf8) + [0x02]
                    column = span.close.line == number ? span.close.column : content.count + 1
                } else {
                    let prefix = Self.prefixLength(content[...], width: span.containerWidth)
                    out += content[(column - 1)..<max(column - 1, prefix)]
                    out.append(0x03)
                    column = span.close.line == number ? span.close.column : content.count + 1
                }
            }
            if column - 1 < content.count { out += content[(column - 1)...] }
            result[number] = out
        }
        return result
    }
}
