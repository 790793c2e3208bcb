// A seeded random generator whose streams are identical on every platform.

import Foundation

// MARK: - RandomGenerator

/// A SplitMix64 generator: 64-bit integer arithmetic only, so a seed gives the same stream
/// on every machine, in debug and release.
///
/// Used for initialisation, dropout, shuffling and sampling:
/// ```swift
/// var g = RandomGenerator(seed: 0)
/// let x = Tensor.randn([4, 8], using: &g)
/// ```
public struct RandomGenerator: RandomNumberGenerator, Sendable {
    /// The generator's whole state; copying the generator forks the stream.
    public private(set) var state: UInt64

    /// Creates a generator whose stream is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits. O(1).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    // MARK: - Floats

    /// A uniform Float in [0, 1) from the top 24 bits, exact on every platform.
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// A uniform Double in [0, 1) from the top 53 bits.
    public mutating func nextUniformDouble() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A standard normal sample (Box–Muller; one sample per two uniforms so the stream
    /// position never depends on cached state).
    public mutating func nextNormal() -> Float {
        let u1 = 1.0 - nextUniformDouble()  // (0, 1], so log is finite
        let u2 = nextUniformDouble()
        let radius = (-2.0 * Foundation.log(u1)).squareRoot()
        return Float(radius * Foundation.cos(2.0 * Double.pi * u2))
    }

    /// A uniform integer in 0..<bound without modulo bias. O(1) expected.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound, got \(bound)")
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }
}
