// Splits a cell's output into numbers and the text between them, the units `check` compares.

/// A piece of a cell's output: a number, or the text between numbers.
public enum OutputToken: Hashable, Sendable {
    case text(String)
    case number(PrintedNumber)
}

/// Finds the numbers in a cell's output.
///
/// A number is `-`? digits (`.` digits)? (`e`|`E` `+`|`-`? digits)?, or `nan`, `inf`,
/// `infinity` (any case, optionally after `-`). To keep identifiers and versions text, a
/// number does not start right after a letter, digit, `_` or `.` (`float32`, `x1`, `v1.2`),
/// and a `-` is a sign only where it cannot be a minus between operands (`2-3` is
/// `2`, `-`, `3`; `[-1` holds `-1`). A number followed by `.` and a digit (`1.2.3`) or by
/// `_` (`3_000`) is text.
public enum OutputTokenizer {
    /// The tokens of `text`, in order; adjacent text is merged, so tokens alternate.
    ///
    /// Complexity: O(*n*) in the length of `text`.
    public static func tokens(of text: String) -> [OutputToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [OutputToken] = []
        var textStart = 0
        var i = 0
        while i < scalars.count {
            if let (number, end) = number(in: scalars, at: i) {
                if textStart < i { tokens.append(.text(string(scalars[textStart..<i]))) }
                tokens.append(.number(number))
                i = end
                textStart = end
            } else {
                i += 1
            }
        }
        if textStart < scalars.count { tokens.append(.text(string(scalars[textStart...]))) }
        return tokens
    }

    // MARK: - Scanning

    /// The number starting at `start` and the index just past it, if one starts there.
    private static func number(in c: [Unicode.Scalar], at start: Int) -> (PrintedNumber, Int)? {
        let first = c[start]
        guard first == "-" || isDigit(first) || startsNamedValue(first) else { return nil }
        if start > 0, isWordCharacter(c[start - 1]) || c[start - 1] == "." { return nil }
        var i = start
        if first == "-" {
            // After a closing bracket a `-` is a minus between operands, not a sign.
            if start > 0, c[start - 1] == ")" || c[start - 1] == "]" { return nil }
            i += 1
        }
        guard i < c.count else { return nil }
        if let end = namedValueEnd(in: c, at: i) {
            let text = string(c[start..<end])
            let named: PrintedNumber = c[i] == "n" || c[i] == "N"
                ? PrintedNumber(text: text, kind: .notANumber, value: .nan, lastDigitUnit: 0)
                : PrintedNumber(
                    text: text, kind: .infinity, value: first == "-" ? -.infinity : .infinity, lastDigitUnit: 0)
            return (named, end)
        }
        guard isDigit(c[i]) else { return nil }
        i = digitsEnd(in: c, from: i)
        var fractionDigits = 0
        var exponent = 0
        var decimal = false
        if i + 1 < c.count, c[i] == ".", isDigit(c[i + 1]) {
            let end = digitsEnd(in: c, from: i + 1)
            fractionDigits = end - i - 1
            decimal = true
            i = end
        }
        if i < c.count, c[i] == "e" || c[i] == "E" {
            var j = i + 1
            let negativeExponent = j < c.count && c[j] == "-"
            if j < c.count, c[j] == "+" || c[j] == "-" { j += 1 }
            if j < c.count, isDigit(c[j]) {
                let end = digitsEnd(in: c, from: j)
                // Six digits are more than any Double exponent; more would only overflow.
                let magnitude = c[j..<min(end, j + 6)].reduce(0) { $0 * 10 + Int($1.value - 0x30) }
                exponent = negativeExponent ? -magnitude : magnitude
                decimal = true
                i = end
            }
        }
        // Versions (`1.2.3`) and digit groups (`3_000`) stay text as a whole.
        if i + 1 < c.count, c[i] == ".", isDigit(c[i + 1]) { return nil }
        if i < c.count, c[i] == "_" { return nil }
        let text = string(c[start..<i])
        guard let value = Double(text) else { return nil }
        return (PrintedNumber(text: text, kind: decimal ? .decimal : .integer, value: value,
                              lastDigitUnit: powerOfTen(exponent - fractionDigits)), i)
    }

    /// 10ⁿ, exact for the exponents printed numbers use (and 0 or infinity beyond a Double's range).
    private static func powerOfTen(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(abs(n), 400) { result *= 10 }
        return n >= 0 ? result : 1 / result
    }

    private static func startsNamedValue(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "n" || scalar == "N" || scalar == "i" || scalar == "I"
    }

    /// The end of `nan`, `inf` or `infinity` at `i` (any case), when the word stands alone there.
    private static func namedValueEnd(in c: [Unicode.Scalar], at i: Int) -> Int? {
        guard startsNamedValue(c[i]) else { return nil }
        for name in ["infinity", "inf", "nan"] {
            let end = i + name.unicodeScalars.count
            guard end <= c.count else { continue }
            let same = zip(c[i..<end], name.unicodeScalars).allSatisfy { a, b in
                a == b || (a.value >= 0x41 && a.value <= 0x5A && a.value + 0x20 == b.value)
            }
            if same, end == c.count || !isWordCharacter(c[end]) { return end }
        }
        return nil
    }

    private static func digitsEnd(in c: [Unicode.Scalar], from i: Int) -> Int {
        var j = i
        while j < c.count, isDigit(c[j]) { j += 1 }
        return j
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
