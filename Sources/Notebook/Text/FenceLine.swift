// Finds code fences (``` or ~~~) in a note's lines, byte for byte, for positions cmark does not give.

/// The opening fence of a fenced code block as written on its line.
struct FenceLine {
    /// Offset in the line's content where the fence run starts: everything before it is the
    /// container prefix (`> `, list indentation) and the fence's own indentation.
    var fenceStart: Int
    /// `` ` `` or `~`.
    var character: UInt8
    /// How many fence characters open the block; a closing fence needs at least as many.
    var length: Int
    /// Offset in the line's content where the info string's text starts (or the content's end).
    var infoStart: Int

    /// The opening fence on `content`, looked for from byte column `column` (1-based, as cmark
    /// gives a code block's start), then anywhere on the line.
    static func opening(in content: ArraySlice<UInt8>, column: Int) -> FenceLine? {
        let bytes = Array(content)
        let from = min(max(0, column - 1), bytes.count)
        guard let fenceStart = firstFenceRun(in: bytes, from: from) ?? firstFenceRun(in: bytes, from: 0) else {
            return nil
        }
        let character = bytes[fenceStart]
        var end = fenceStart
        while end < bytes.count && bytes[end] == character { end += 1 }
        var infoStart = end
        while infoStart < bytes.count && isSpace(bytes[infoStart]) { infoStart += 1 }
        return FenceLine(fenceStart: fenceStart, character: character, length: end - fenceStart, infoStart: infoStart)
    }

    /// Whether `content` is a closing fence for this opening fence: container prefix characters
    /// (spaces, tabs, `>`), at least `length` fence characters, then only spaces and tabs.
    /// Returns the offset where the closing run starts, or nil.
    func closingFenceStart(in content: ArraySlice<UInt8>) -> Int? {
        let bytes = Array(content)
        var end = bytes.count
        while end > 0 && FenceLine.isSpace(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > 0 && bytes[start - 1] == character { start -= 1 }
        guard end - start >= length else { return nil }
        let prefixIsContainer = bytes[..<start].allSatisfy { FenceLine.isSpace($0) || $0 == UInt8(ascii: ">") }
        return prefixIsContainer ? start : nil
    }

    // MARK: - Scanning

    private static func firstFenceRun(in bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") {
                var end = i
                while end < bytes.count && bytes[end] == byte { end += 1 }
                if end - i >= 3 { return i }
                i = end
            } else {
                i += 1
            }
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
