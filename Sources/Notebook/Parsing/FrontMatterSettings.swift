// Checks front matter keys and the values the Notebook layer owns, so that a typo is reported at its line.

/// The rules for each known front matter key.
///
/// `timeout`, `memory` and `output-limit` are only known here; their values are the runner's to
/// read (`Runner.NoteSettings`), so that one place defines their units.
enum FrontMatterSettings {
    /// Problems with one `key: value` line: an unknown key warns, a malformed value is an error.
    static func problems(key: String, value: String, path: String, line: Int, column: Int) -> [NoteProblem] {
        let valueError: (String) -> [NoteProblem] = { expected in
            [
                .error(
                    "front matter '\(key)' must be \(expected), not '\(value)'", path: path, line: line, column: column)
            ]
        }
        switch key {
        case "title":
            return value.isEmpty ? valueError("a non-empty title") : []
        case "order":
            return Int(value) == nil ? valueError("a whole number such as '3'") : []
        case "lang":
            return FrontMatter.isLanguageTag(value) ? [] : valueError("a language tag such as 'en' or 'zh-CN'")
        case "tolerance":
            return FrontMatter.tolerance(value) == nil ? valueError("a non-negative number such as '1e-3'") : []
        case "timeout", "memory", "output-limit":
            return []
        default:
            return [
                .warning(
                    "unknown front matter key '\(key)' (known: \(FrontMatter.knownKeys.joined(separator: ", ")))",
                    path: path, line: line, column: column)
            ]
        }
    }
}
