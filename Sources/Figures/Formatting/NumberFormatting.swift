// Locale-free number formatting: the same Double gives the same characters on every machine.

/// Formats numbers the way figures print them: fixed decimals, no locale, named non-finite values.
public enum NumberFormatting {
    /// How a non-finite value reads in text forms and in SVG tooltips.
    public static let notANumber = "nan"
    public static let positiveInfinity = "inf"
    public static let negativeInfinity = "-inf"

    /// `value` with exactly `decimals` digits after the point, rounded half away from zero.
    ///
    /// `-0.0` and values that round to zero print without a minus sign, so `check`
    /// never sees `-0.0000` against `0.0000`. Non-finite values print as `nan`, `inf`, `-inf`.
    /// Magnitudes of 1e15 and more use scientific notation.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        precondition(decimals >= 0 && decimals <= 12, "fixed: decimals must be in 0...12, got \(decimals)")
        if value.isNaN { return notANumber }
        if value.isInfinite { return value > 0 ? positiveInfinity : negativeInfinity }
        let scale = power10(decimals)
        // Beyond 2^63 units the integer path would overflow; such numbers read better in scientific form anyway.
        if abs(value) >= 1e15 || abs(value) * scale >= 9e18 {
            return scientific(value, significantDigits: decimals + 1)
        }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let units = UInt64(scaled)
        if units == 0 { return decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals) }
        // The digits of `units`, with the point `decimals` digits from the right and at least one
        // digit before it, written straight into the string (figures print thousands of these).
        var digitCount = 1
        var rest = units / 10
        while rest > 0 { digitCount += 1; rest /= 10 }
        let negative = value < 0
        let length = (negative ? 1 : 0) + max(digitCount, decimals + 1) + (decimals > 0 ? 1 : 0)
        return String(unsafeUninitializedCapacity: length) { out in
            var remaining = units
            var index = length - 1
            for position in 0..<max(digitCount, decimals + 1) {
                if decimals > 0 && position == decimals {
                    out[index] = UInt8(ascii: ".")
                    index -= 1
                }
                out[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                index -= 1
            }
            if negative { out[0] = UInt8(ascii: "-") }
            return length
        }
    }

    /// `value` as `d.ddde±XX` with `significantDigits` digits in the mantissa.
    public static func scientific(_ value: Double, significantDigits: Int) -> String {
        precondition(significantDigits >= 1 && significantDigits <= 13,
                     "scientific: significantDigits must be in 1...13, got \(significantDigits)")
        if value.isNaN { return notANumber }
        if value.isInfinite { return value > 0 ? positiveInfinity : negativeInfinity }
        if value == 0 { return fixed(0, decimals: significantDigits - 1) + "e+00" }
        var exponent = decimalExponent(abs(value))
        var mantissa = scaled(abs(value), byPowerOfTen: -exponent)
        // Rounding the mantissa can carry into a new digit (9.9996 → 10.000).
        let rounded = (mantissa * power10(significantDigits - 1)).rounded(.toNearestOrAwayFromZero)
        if rounded >= power10(significantDigits) {
            exponent += 1; mantissa = scaled(abs(value), byPowerOfTen: -exponent)
        }
        let body = fixed(mantissa, decimals: significantDigits - 1)
        let sign = exponent < 0 ? "-" : "+"
        let expDigits = String(abs(exponent))
        return (value < 0 ? "-" : "") + body + "e" + sign + (expDigits.count < 2 ? "0" : "") + expDigits
    }

    /// A short form for axis ticks and colour-bar labels: up to `decimals` decimals, trailing zeros dropped.
    public static func compact(_ value: Double, maxDecimals: Int = 4) -> String {
        if !value.isFinite { return fixed(value, decimals: 0) }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-4) {
            return scientific(value, significantDigits: 3)
        }
        var text = fixed(value, decimals: maxDecimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `value` rounded to `decimals` places as `fixed` prints it, for glyphs that must agree with the printed numbers.
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite, abs(value) < 1e15 else { return value }
        let scale = power10(decimals)
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    /// The `Double` nearest the shortest decimal that reads back as
    /// `value`: `Float(0.1)` becomes `0.1`, not `0.10000000149011612`.
    ///
    /// Figures store `Double`s; tensors hold `Float`s. Converting through the shortest decimal
    /// keeps hover titles and records as short and exact as the `Float` itself.
    public static func decimalValue(of value: Float) -> Double {
        guard value.isFinite else { return value.isNaN ? .nan : (value > 0 ? .infinity : -.infinity) }
        return Double(value.description) ?? Double(value)
    }

    // MARK: - Powers of ten, exact and without libm

    /// 10^n for n ≥ 0 by repeated squaring: exact up to 10^22, and O(log n) beyond.
    static func power10(_ n: Int) -> Double {
        var result = 1.0, base = 10.0, exponent = n
        while exponent > 0 {
            if exponent & 1 == 1 { result *= base }
            base *= base
            exponent >>= 1
        }
        return result
    }

    /// `value` × 10^n in steps that neither overflow nor underflow for any finite `value` and its exponent.
    static func scaled(_ value: Double, byPowerOfTen n: Int) -> Double {
        n >= 0
            ? value * power10(min(n, 300)) * power10(max(0, n - 300))
            : value / power10(min(-n, 300)) / power10(max(0, -n - 300))
    }

    /// 10^n for any n; negative powers divide in two steps so 10^-320 stays a (subnormal) number, not 0.
    static func pow10(_ n: Int) -> Double {
        n >= 0 ? power10(n) : 1 / power10(min(-n, 300)) / power10(max(0, -n - 300))
    }

    /// The `e` with `10^e <= magnitude < 10^(e+1)`, found by comparison
    /// so it is exact at powers of ten; 0 for 0 and non-finite input.
    static func decimalExponent(_ magnitude: Double) -> Int {
        guard magnitude.isFinite && magnitude > 0 else { return 0 }
        // Start from the binary exponent (log10(2) ≈ 0.30103), then correct by comparison.
        var e = Int((Double(magnitude.exponent) * 0.30103).rounded(.down))
        while magnitude >= pow10(e + 1) { e += 1 }
        while magnitude < pow10(e) { e -= 1 }
        return e
    }
}
