// Compares a cell's recorded output with the output of this run: text exactly, numbers within a tolerance.

/// Whether a new output still matches a recorded one.
public enum OutputComparison {
    /// True when `new` has the same text as `recorded` between its numbers, and each number
    /// matches the recorded one at the same place within `tolerance`.
    ///
    /// A number that became text, or text that became a number, is a mismatch; `nan`
    /// matches only `nan`.
    ///
    /// Complexity: O(*n*) in the length of both texts.
    public static func matches(recorded: String, new: String, tolerance: Tolerance) -> Bool {
        if recorded == new { return true }
        return matches(recordedTokens: OutputTokenizer.tokens(of: recorded),
                       newTokens: OutputTokenizer.tokens(of: new), tolerance: tolerance)
    }

    /// `matches(recorded:new:tolerance:)` on outputs already split into tokens.
    public static func matches(recordedTokens old: [OutputToken], newTokens now: [OutputToken],
                               tolerance: Tolerance) -> Bool {
        guard old.count == now.count else { return false }
        for (a, b) in zip(old, now) {
            switch (a, b) {
            case (.text(let x), .text(let y)):
                if x != y { return false }
            case (.number(let x), .number(let y)):
                if !tolerance.matches(recorded: x, new: y) { return false }
            default:
                return false
            }
        }
        return true
    }
}
