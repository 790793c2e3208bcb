// The lines of a note's text as byte ranges, numbered the way cmark numbers them.

/// A note's text cut into lines, each with its exact bytes and line ending.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as in CommonMark, so line `n` here is line `n` in
/// cmark's source positions. A UTF-8 byte order mark is not part of line 1's content (cmark does
/// not see it either) but stays in `bytes`, so copying byte ranges keeps it.
struct NoteLines {
    /// One line: `bytes[start..<contentEnd]` is its content, `bytes[contentEnd..<end]` its ending.
    struct Line {
        var start: Int
        var contentEnd: Int
        var end: Int

        var hasEnding: Bool { end > contentEnd }
    }

    /// The whole text, BOM and all.
    let bytes: [UInt8]
    /// Lines in order; `lines[0]` is line 1. A text ending with a line ending has no empty last line.
    let lines: [Line]
    /// Whether the text starts with a UTF-8 byte order mark.
    let hasByteOrderMark: Bool

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Cuts `bytes` into lines. Complexity: O(n) in the number of bytes.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        hasByteOrderMark = bytes.starts(with: Self.byteOrderMark)
        var lines: [Line] = []
        var start = hasByteOrderMark ? Self.byteOrderMark.count : 0
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\n"):
                lines.append(Line(start: start, contentEnd: i, end: i + 1))
                i += 1
                start = i
            case UInt8(ascii: "\r"):
                let end = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") ? i + 2 : i + 1
                lines.append(Line(start: start, contentEnd: i, end: end))
                i = end
                start = i
            default:
                i += 1
            }
        }
        if start < bytes.count || lines.isEmpty {
            lines.append(Line(start: start, contentEnd: bytes.count, end: bytes.count))
        }
        self.lines = lines
    }

    var count: Int { lines.count }

    /// Line `number` (1-based).
    func line(_ number: Int) -> Line {
        precondition(number >= 1 && number <= lines.count, "line \(number) is outside the note (1...\(lines.count))")
        return lines[number - 1]
    }

    /// The content bytes of line `number`, without its ending.
    func content(_ number: Int) -> ArraySlice<UInt8> {
        let line = line(number)
        return bytes[line.start..<line.contentEnd]
    }

    /// The ending of line `number` (`\n`, `\r\n`, `\r`, or empty for a last line without one).
    func ending(_ number: Int) -> ArraySlice<UInt8> {
        let line = line(number)
        return bytes[line.contentEnd..<line.end]
    }

    /// The line holding byte `offset`, for messages about a byte (such as invalid UTF-8).
    func lineNumber(ofByte offset: Int) -> Int {
        var low = 0, high = lines.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lines[mid].start <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Whether line `number` holds only spaces and tabs.
    func isBlank(_ number: Int) -> Bool {
        content(number).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
