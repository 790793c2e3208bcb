// Reads the `---` … `---` block of `key: value` lines that may open a note.

/// Reads a note's front matter and says which lines it took, so that the parser can hand
/// cmark the rest with the same line numbers.
enum FrontMatterParser {
    struct Result {
        var frontMatter = FrontMatter()
        /// The lines the front matter occupies, both `---` lines included; nil when there is none.
        var lines: ClosedRange<Int>?
        var problems: [NoteProblem] = []
    }

    /// Reads front matter at the top of `lines`. Complexity: O(size of the front matter).
    static func parse(_ lines: NoteLines, path: String) -> Result {
        var result = Result()
        guard isFence(lines, 1) else { return result }
        guard lines.count >= 2, let closing = (2...lines.count).first(where: { isFence(lines, $0) }) else {
            result.problems.append(.error("front matter opened with '---' is never closed with '---'",
                                          path: path, line: 1, column: 1))
            return result
        }
        result.lines = 1...closing
        for number in 2..<closing {
            let text = String(decoding: lines.content(number), as: UTF8.self)
            let trimmed = text.trimmingWhitespace
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":"),
                  case let key = trimmed[..<colon].trimmingWhitespace, isKey(key)
            else {
                result.problems.append(.error("front matter line is not 'key: value': '\(trimmed)'",
                                              path: path, line: number, column: 1))
                continue
            }
            let value = unquoted(trimmed[trimmed.index(after: colon)...].trimmingWhitespace)
            let column = text.utf8.count - text.drop(while: { $0 == " " || $0 == "\t" }).utf8.count + 1
            result.problems += FrontMatterSettings.problems(key: key, value: value, path: path,
                                                           line: number, column: column)
            if result.frontMatter[key] != nil {
                result.problems.append(.warning("front matter key '\(key)' is given twice; the last one counts",
                                                path: path, line: number, column: column))
            }
            result.frontMatter.entries.append((key: key, value: value))
        }
        return result
    }

    // MARK: - Lines and values

    private static func isFence(_ lines: NoteLines, _ number: Int) -> Bool {
        let content = lines.content(number)
        let trimmed = content.reversed().drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        return Array(trimmed.reversed()) == Array("---".utf8)
    }

    private static func isKey(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    /// `"x"` and `'x'` become `x`, so that titles with a colon can be quoted.
    private static func unquoted(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
