// Text on a coloured cell: relative luminance, contrast ratios
// (WCAG 2), and the text colour a cell's value is printed in.

extension RGB {
    static let black = RGB(red: 0, green: 0, blue: 0)
    static let white = RGB(red: 255, green: 255, blue: 255)

    /// Relative luminance as WCAG 2 defines it: sRGB channels linearised, weighted for the eye.
    var luminance: Double {
        let linear = Self.linearChannel
        return 0.2126 * linear[Int(red)] + 0.7152 * linear[Int(green)] + 0.0722 * linear[Int(blue)]
    }

    /// Each 8-bit sRGB channel value linearised, worked out once: every printed cell asks for two contrasts.
    private static let linearChannel: [Double] = (0...255).map { channel in
        let c = Double(channel) / 255
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055).power(2.4)
    }

    /// The contrast ratio of two colours, from 1:1 (the same) to 21:1 (black on white).
    func contrast(with other: RGB) -> Double {
        let a = luminance, b = other.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Black or white, whichever stands out more on this colour; for any colour that is at least 4.58:1.
    var textColor: RGB {
        contrast(with: .black) >= contrast(with: .white) ? .black : .white
    }
}

private extension Double {
    /// `self` raised to `exponent` for `self` in `0...1`, through
    /// `exp(log)` done by hand so Figures needs no libm import.
    func power(_ exponent: Double) -> Double {
        guard self > 0 else { return 0 }
        return Double.exponential(exponent * Double.logarithm(self))
    }

    /// Natural logarithm by argument reduction to `[0.5, 1)` and the atanh series.
    static func logarithm(_ x: Double) -> Double {
        let reduced = x.significand / 2, exponent = Double(x.exponent + 1)
        let z = (reduced - 1) / (reduced + 1), z2 = z * z
        var term = z, sum = 0.0
        for k in stride(from: 1.0, through: 41, by: 2) { sum += term / k; term *= z2 }
        return 2 * sum + exponent * 0.693147180559945309417232121458
    }

    /// e^x by halving until small, a Taylor series, then squaring back.
    static func exponential(_ x: Double) -> Double {
        var halvings = 0, y = x
        while abs(y) > 0.01 { y /= 2; halvings += 1 }
        var term = 1.0, sum = 1.0
        for k in 1...12 { term *= y / Double(k); sum += term }
        for _ in 0..<halvings { sum *= sum }
        return sum
    }
}
