// Finds GitHub Flavored Markdown pipe tables on the lines of cmark's paragraphs.

/// Reads a paragraph's lines as a pipe table: a header row, a delimiter row of `---` cells
/// with `:` for alignment, then body rows until the paragraph ends (at a blank line or
/// another block, as cmark decided). Cells are split at `|` not escaped as `\|`.
enum TableFinder {
    /// A table's rows as the text of their cells, not yet parsed as Markdown.
    struct Found {
        /// Lines of the paragraph before the header row: they stay a paragraph.
        var leadingLines: [[UInt8]]
        var alignments: [Table.Alignment]
        var header: [[UInt8]]
        var rows: [[[UInt8]]]
    }

    /// The table in `lines` (a paragraph's lines without container prefixes), if they hold one.
    /// Complexity: O(n) in the bytes of the lines.
    static func find(_ lines: [[UInt8]]) -> Found? {
        guard lines.count >= 2, lines.contains(where: { $0.contains(UInt8(ascii: "|")) }) else { return nil }
        for headerIndex in 0..<(lines.count - 1) {
            guard let alignments = delimiterRow(lines[headerIndex + 1]) else { continue }
            let header = cells(lines[headerIndex])
            guard header.count == alignments.count,
                  lines[headerIndex].contains(UInt8(ascii: "|")) || lines[headerIndex + 1].contains(UInt8(ascii: "|"))
            else { continue }
            let rows = lines[(headerIndex + 2)...].map { line -> [[UInt8]] in
                var row = Array(cells(line).prefix(header.count))
                while row.count < header.count { row.append([]) }
                return row
            }
            return Found(leadingLines: Array(lines[..<headerIndex]), alignments: alignments, header: header, rows: rows)
        }
        return nil
    }

    /// The alignments of a delimiter row (`| :--- | ---: |`), or nil when the line is not one.
    static func delimiterRow(_ line: [UInt8]) -> [Table.Alignment]? {
        let parts = cells(line)
        guard !parts.isEmpty else { return nil }
        var alignments: [Table.Alignment] = []
        for part in parts {
            let colonLeft = part.first == UInt8(ascii: ":"),
                colonRight = part.count > 1 && part.last == UInt8(ascii: ":")
            let dashes = part.dropFirst(colonLeft ? 1 : 0).dropLast(colonRight ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            alignments.append(colonLeft && colonRight ? .center : colonLeft ? .left : colonRight ? .right : .none)
        }
        return alignments
    }

    /// The trimmed cells of a row, without its outer pipes; `\|` in a cell becomes `|`.
    static func cells(_ line: [UInt8]) -> [[UInt8]] {
        var row = trimmed(line[...])
        if row.first == UInt8(ascii: "|") { row = row.dropFirst() }
        if row.last == UInt8(ascii: "|")
            && !(row.count >= 2 && row[row.index(row.endIndex, offsetBy: -2)] == UInt8(ascii: "\\"))
        {
            row = row.dropLast()
        }
        var result: [[UInt8]] = []
        var cell: [UInt8] = []
        var i = row.startIndex
        while i < row.endIndex {
            let byte = row[i]
            if byte == UInt8(ascii: "\\") && i + 1 < row.endIndex && row[i + 1] == UInt8(ascii: "|") {
                cell.append(UInt8(ascii: "|"))
                i += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                result.append(Array(trimmed(cell[...])))
                cell = []
            } else {
                cell.append(byte)
            }
            i += 1
        }
        result.append(Array(trimmed(cell[...])))
        return result
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (b: UInt8) in b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return bytes[first...last]
    }
}
