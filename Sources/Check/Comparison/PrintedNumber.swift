// A number as a cell printed it: its value and how precisely it was printed.

/// A number found in a cell's output, e.g. `-0.1235`, `1e-05`, `1.2E+3`, `42`, `nan` or `-inf`.
///
/// `check` compares numbers by value, within a tolerance that depends on how many digits
/// the recording printed, so the printed precision is kept next to the value.
public struct PrintedNumber: Hashable, Sendable {
    /// How the number was written.
    public enum Kind: Hashable, Sendable {
        /// Digits only, e.g. `42` or `-3`: counts, shapes, indices, token ids.
        case integer
        /// With a decimal point or an exponent, e.g. `0.1235` or `1e-05`.
        case decimal
        case notANumber
        case infinity
    }

    /// The characters as printed, sign included.
    public var text: String
    public var kind: Kind
    /// The value; `nan` for `.notANumber`, `±infinity` for `.infinity`.
    public var value: Double
    /// One unit in the last printed digit: `0.0001` for `0.1235`, `100` for `1.2E+3`,
    /// `1` for `42`, `0` for non-finite values.
    public var lastDigitUnit: Double

    public init(text: String, kind: Kind, value: Double, lastDigitUnit: Double) {
        self.text = text
        self.kind = kind
        self.value = value
        self.lastDigitUnit = lastDigitUnit
    }

    /// `text` read as one whole number, as `check` would find it in an output; nil when
    /// `text` is not exactly one number.
    public init?(reading text: String) {
        let tokens = OutputTokenizer.tokens(of: text)
        guard tokens.count == 1, case .number(let number) = tokens[0] else { return nil }
        self = number
    }
}
