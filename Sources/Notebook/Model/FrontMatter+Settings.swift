// The front matter keys litbook knows, and the typed reading of the one the Notebook layer owns.

extension FrontMatter {
    /// The keys litbook reads; any other key gets a warning so that a typo does not go unnoticed.
    ///
    /// `title`, `order` and `lang` are the site's, `timeout`, `memory` and `output-limit` the runner's
    /// (read and checked by `Runner.NoteSettings`), `tolerance` is `check`'s.
    public static let knownKeys = ["title", "order", "lang", "timeout", "memory", "output-limit", "tolerance"]

    /// `lang:` the language the note is written in, e.g. `en`, for its page's `<html lang>`;
    /// `nil` when absent or not a language tag.
    public var language: String? { self["lang"].flatMap { Self.isLanguageTag($0) ? $0 : nil } }

    /// Whether `text` has the form of a BCP 47 language tag: letters, digits and hyphens,
    /// starting with a letter (`en`, `zh-CN`, `zh-Hans`).
    public static func isLanguageTag(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first),
              !text.hasSuffix("-") else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }

    /// `tolerance:` the relative tolerance for numbers when `check` compares this note's outputs.
    public var tolerance: Double? { self["tolerance"].flatMap(Self.tolerance) }

    /// Reads a finite, non-negative number, as `tolerance` values are written (`1e-3`).
    public static func tolerance(_ text: String) -> Double? {
        guard let number = Double(text), number.isFinite, number >= 0 else { return nil }
        return number
    }
}
