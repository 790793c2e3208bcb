// Viridis: a perceptually uniform colour map, from dark purple (low) through teal to yellow (high).

/// A colour as 8-bit sRGB channels.
struct RGB: Equatable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8

    /// `#rrggbb`, lower-case.
    var hex: String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 7) { out in
            digits.withUTF8Buffer { digit in
                out[0] = UInt8(ascii: "#")
                for (i, channel) in [red, green, blue].enumerated() {
                    out[1 + 2 * i] = digit[Int(channel >> 4)]
                    out[2 + 2 * i] = digit[Int(channel & 0xF)]
                }
            }
            return 7
        }
    }
}

/// The viridis colour map, sampled from eleven anchors and interpolated linearly between them.
///
/// Viridis keeps lightness rising steadily from low to high values, so a heatmap reads the
/// same in greyscale and to readers with the common forms of colour blindness, and both ends
/// stay distinct on light and dark page backgrounds.
enum ColorMap {
    /// Viridis at 0, 0.1, …, 1.
    static let anchors: [RGB] = [
        RGB(red: 0x44, green: 0x01, blue: 0x54), RGB(red: 0x48, green: 0x24, blue: 0x75),
        RGB(red: 0x41, green: 0x44, blue: 0x87), RGB(red: 0x35, green: 0x5f, blue: 0x8d),
        RGB(red: 0x2a, green: 0x78, blue: 0x8e), RGB(red: 0x21, green: 0x91, blue: 0x8c),
        RGB(red: 0x22, green: 0xa8, blue: 0x84), RGB(red: 0x44, green: 0xbf, blue: 0x70),
        RGB(red: 0x7a, green: 0xd1, blue: 0x51), RGB(red: 0xbd, green: 0xdf, blue: 0x26),
        RGB(red: 0xfd, green: 0xe7, blue: 0x25),
    ]

    /// The colour at `t` in `0...1` (clamped).
    static func color(at t: Double) -> RGB {
        let clamped = t.isNaN ? 0 : min(1, max(0, t))
        let position = clamped * Double(anchors.count - 1)
        let lower = min(anchors.count - 2, Int(position))
        let fraction = position - Double(lower)
        let a = anchors[lower], b = anchors[lower + 1]
        func mix(_ x: UInt8, _ y: UInt8) -> UInt8 {
            UInt8((Double(x) + (Double(y) - Double(x)) * fraction).rounded(.toNearestOrAwayFromZero))
        }
        return RGB(red: mix(a.red, b.red), green: mix(a.green, b.green), blue: mix(a.blue, b.blue))
    }
}
