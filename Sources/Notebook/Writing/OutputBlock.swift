// Renders the lines of an `output` block: a fence long enough for its text, the container prefix on every line.

/// The bytes of one `output` fenced block, ready to put in a note.
struct OutputBlock {
    /// What goes before each line: the container's `> ` and indentation, as on the cell's fence line.
    var prefix: [UInt8]
    /// The note's line ending next to the block (`\n` or `\r\n`).
    var lineEnding: [UInt8]
    /// The recordable text (see `RecordedOutput.recordable`).
    var text: String

    /// The block's lines without line endings: opening fence, text lines, closing fence.
    ///
    /// The fence is backticks, three or one more than the longest run of backticks in the text,
    /// so no line of the text can close it. Empty text lines get the prefix without its trailing
    /// spaces, so that no trailing whitespace is invented.
    var lines: [[UInt8]] {
        let fence = [UInt8](repeating: UInt8(ascii: "`"), count: max(3, longestBacktickRun + 1))
        let body: [[UInt8]] = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.isEmpty ? blankPrefix : prefix + Array(line.utf8) }
        return [prefix + fence + Array("output".utf8)] + body + [prefix + fence]
    }

    /// The block as bytes: its lines joined by the line ending, without a final one.
    var joined: [UInt8] {
        var bytes: [UInt8] = []
        for (number, line) in lines.enumerated() {
            if number > 0 { bytes += lineEnding }
            bytes += line
        }
        return bytes
    }

    /// The prefix of a blank line in the same container: `>` in a quote, nothing in a list.
    var blankPrefix: [UInt8] {
        Array(prefix.reversed().drop(while: FenceLine.isSpace).reversed())
    }

    private var longestBacktickRun: Int {
        var longest = 0, run = 0
        for byte in text.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
