// The front matter keys litbook knows, and the typed reading of the one the Notebook layer owns.

extension FrontMatter {
    /// The keys litbook reads; any other key gets a warning so that a typo does not go unnoticed.
    ///
    /// `title` and `order` are the site's, `timeout`, `memory` and `output-limit` the runner's
    /// (read and checked by `Runner.NoteSettings`), `tolerance` is `check`'s.
    public static let knownKeys = ["title", "order", "timeout", "memory", "output-limit", "tolerance"]

    /// `tolerance:` the relative tolerance for numbers when `check` compares this note's outputs.
    public var tolerance: Double? { self["tolerance"].flatMap(Self.tolerance) }

    /// Reads a finite, non-negative number, as `tolerance` values are written (`1e-3`).
    public static func tolerance(_ text: String) -> Double? {
        guard let number = Double(text), number.isFinite, number >= 0 else { return nil }
        return number
    }
}
