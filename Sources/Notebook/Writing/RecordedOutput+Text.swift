// The one normalisation between a cell's printed text and the text its output block records.

extension RecordedOutput {
    /// The text an `output` block records for `printed`, and so what parsing it back gives:
    /// `\r\n` and lone `\r` become `\n` (a bare `\r` would end a line in Markdown), NUL becomes
    /// U+FFFD (as cmark reads it), and one final `\n` is dropped (the block's last line ends
    /// with one anyway). `check` compares recordings with this form of a fresh output.
    public static func recordable(_ printed: String) -> String {
        var text = printed.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
        if text.contains("\0") { text = text.replacingAll("\0", with: "\u{FFFD}") }
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

extension String {
    /// This text with every `target` replaced by `replacement`, matched scalar by scalar so
    /// that `\r\n` (one Character in Swift) is matched as two scalars.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.unicodeScalars)
        let scalars = Array(unicodeScalars)
        guard !pattern.isEmpty, scalars.count >= pattern.count else { return self }
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if i + pattern.count <= scalars.count && scalars[i..<i + pattern.count].elementsEqual(pattern) {
                result.append(contentsOf: replacement.unicodeScalars)
                i += pattern.count
            } else {
                result.append(scalars[i])
                i += 1
            }
        }
        return String(result)
    }
}
