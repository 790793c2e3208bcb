// The range a heatmap's colours or shades span, and where a value falls in it.

/// Maps values onto `0...1` between the smallest and largest finite value.
///
/// Non-finite values sit outside the scale: `-inf` is how a masked attention score reads,
/// and it must show as "masked", not as the darkest colour. When every finite value is
/// equal, every value maps to the middle of the scale so a uniform matrix reads as uniform.
struct ValueScale: Equatable {
    var minimum: Double
    var maximum: Double

    /// Where a value falls: a position on the scale, or one of the non-finite kinds.
    enum Position: Equatable {
        case finite(Double)
        case negativeInfinity, positiveInfinity, notANumber
    }

    /// The scale spanning the finite values of `values`, or `nil` when there are none.
    init?<S: Sequence>(spanning values: S) where S.Element == Double {
        var low = Double.infinity
        var high = -Double.infinity
        for value in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        guard low <= high else { return nil }
        minimum = low
        maximum = high
    }

    init(minimum: Double, maximum: Double) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Whether every finite value is the same.
    var isFlat: Bool { maximum - minimum <= 0 || !(maximum - minimum).isFinite }

    /// Where `value` falls on this scale.
    func position(of value: Double) -> Position {
        if value.isNaN { return .notANumber }
        if value == .infinity { return .positiveInfinity }
        if value == -.infinity { return .negativeInfinity }
        if isFlat { return .finite(0.5) }
        return .finite(min(1, max(0, (value - minimum) / (maximum - minimum))))
    }
}

extension ValueScale {
    /// This scale with both ends rounded as text forms print them.
    func rounded(decimals: Int) -> ValueScale {
        ValueScale(minimum: NumberFormatting.rounded(minimum, decimals: decimals),
                   maximum: NumberFormatting.rounded(maximum, decimals: decimals))
    }

    /// The scale of several matrices together, for small multiples that share one colour bar.
    init?(spanning matrices: [[[Double]]]) {
        self.init(spanning: matrices.lazy.flatMap { $0.lazy.flatMap { $0 } })
    }
}
