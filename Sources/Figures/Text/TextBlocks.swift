// Placing blocks of text lines side by side, as terminal small multiples.

enum TextBlocks {
    /// `blocks` in rows of at most `perRow`, side by side with `gap`
    /// spaces, fewer per row when lines would exceed `maxWidth`.
    static func arrange(_ blocks: [[String]], perRow: Int, maxWidth: Int, gap: Int = 4) -> [String] {
        guard !blocks.isEmpty else { return [] }
        let widths = blocks.map { $0.map(DisplayWidth.of).max() ?? 0 }
        var out: [String] = []
        var start = 0
        while start < blocks.count {
            // Greedily take blocks while they fit; always at least one.
            var end = start + 1
            var used = widths[start]
            while end < blocks.count && end - start < perRow && used + gap + widths[end] <= maxWidth {
                used += gap + widths[end]
                end += 1
            }
            if start > 0 { out.append("") }
            let height = blocks[start..<end].map(\.count).max() ?? 0
            for lineIndex in 0..<height {
                var line = ""
                for b in start..<end {
                    let text = lineIndex < blocks[b].count ? blocks[b][lineIndex] : ""
                    line +=
                        (b > start ? String(repeating: " ", count: gap) : "") + DisplayWidth.pad(text, to: widths[b])
                }
                out.append(TextHeatmap.trimmingTrailingSpaces(line))
            }
            start = end
        }
        return out
    }
}
