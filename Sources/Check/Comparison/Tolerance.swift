// How far a printed number may move before `check` calls it a change.

import Notebook

/// The tolerance `check` applies to the decimal numbers of one cell's output.
///
/// Integers (`42`, `-3`) always match exactly: they are counts, shapes, indices and token
/// ids, and float noise never moves them. A decimal number matches when it differs from the
/// recorded one by at most one unit in the recording's last printed digit, or, when the note
/// or the cell sets one, by the relative tolerance times the recorded value, whichever is larger.
public struct Tolerance: Hashable, Sendable, CustomStringConvertible {
    /// A relative tolerance, e.g. `1e-3` for 0.1 %; nil for the default (one unit in the last digit).
    public var relative: Double?

    public init(relative: Double? = nil) {
        precondition(relative.map { $0 >= 0 && $0.isFinite } ?? true, "a tolerance is finite and not negative")
        self.relative = relative
    }

    /// One unit in the last printed digit.
    public static let lastDigit = Tolerance()

    public var description: String {
        relative.map { "relative tolerance \($0)" } ?? "one unit in the last printed digit"
    }

    // MARK: - Matching

    /// Whether `new` matches the recorded number `recorded`.
    public func matches(recorded: PrintedNumber, new: PrintedNumber) -> Bool {
        switch (recorded.kind, new.kind) {
        case (.notANumber, _), (_, .notANumber):
            return recorded.kind == new.kind
        case (.infinity, _), (_, .infinity):
            return recorded.value == new.value
        case (.integer, .integer):
            // Beyond 2^53 doubles skip integers; long integers (ids, hashes) compare as written.
            let exact = 9_007_199_254_740_992.0
            if abs(recorded.value) < exact && abs(new.value) < exact { return recorded.value == new.value }
            return recorded.text == new.text
        default:
            let allowed = max(recorded.kind == .decimal ? recorded.lastDigitUnit : 0,
                              (relative ?? 0) * abs(recorded.value))
            // Decimal digits are not exact in binary: 0.1236 - 0.1235 is a hair above 0.0001.
            return abs(recorded.value - new.value) <= allowed * (1 + 1e-9)
        }
    }
}

// MARK: - Where a cell's tolerance comes from

extension Tolerance {
    /// The tolerance for `cell`: its `tolerance=` option, else the note's front matter
    /// `tolerance:`, else one unit in the last printed digit.
    ///
    /// The parser reports a `tolerance` that is not a non-negative number as a problem in the
    /// note, so an unreadable value never reaches here as anything but nil.
    public static func forCell(_ cell: Cell, in note: Note) -> Tolerance {
        Tolerance(relative: cell.options.tolerance ?? note.frontMatter.tolerance)
    }
}
