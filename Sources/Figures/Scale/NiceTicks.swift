// Axis ticks at round numbers: steps of 1, 2 or 5 times a power of ten.

/// Tick positions a reader can read at a glance.
enum NiceTicks {
    /// About `count` ticks inside `low...high`, spaced 1, 2 or 5 × 10^k apart.
    ///
    /// An empty or one-point range gives that one point. Labels come from `label(_:step:)`
    /// so every tick shows the same number of decimals.
    static func ticks(from low: Double, to high: Double, count: Int = 5) -> (values: [Double], step: Double) {
        guard low.isFinite, high.isFinite else { return ([], 1) }
        guard high > low else { return ([low], 1) }
        let step = niceStep((high - low) / Double(max(1, count - 1)))
        // Ranges near the limits of Double (a span that overflows, a step below the resolution)
        // get their ends as ticks rather than a stride that never ends.
        guard step.isFinite, step > 0, (high - low).isFinite, (high - low) / step <= Double(4 * count) else {
            return ([low, high], high - low)
        }
        let first = (low / step).rounded(.up)
        let last = (high / step).rounded(.down)
        guard first <= last else { return ([low, high], high - low) }
        return (stride(from: first, through: last, by: 1).map { $0 * step }, step)
    }

    /// The 1, 2 or 5 × 10^k nearest `raw`, so the tick count stays close to the one asked for.
    static func niceStep(_ raw: Double) -> Double {
        let exponent = NumberFormatting.decimalExponent(raw)
        let base = NumberFormatting.pow10(exponent)
        let ratio = raw / base   // in 1..<10
        if ratio < 1.5 { return base }
        if ratio < 3 { return 2 * base }
        if ratio < 7 { return 5 * base }
        return 10 * base
    }

    /// `value` with as many decimals as `step` needs, so `0.2, 0.4` rather than `0.2000000001`.
    static func label(_ value: Double, step: Double) -> String {
        let magnitude = max(abs(value), step)
        if magnitude >= 1e6 || step < 1e-6 { return NumberFormatting.scientific(value, significantDigits: 3) }
        let decimals = max(0, -NumberFormatting.decimalExponent(step))
        return NumberFormatting.fixed(value, decimals: min(decimals, 12))
    }
}
