// eˣ, tanh and GELU in plain Float arithmetic on eight lanes at once: the same bits on every platform.

// MARK: - Lanes

/// Eight floats processed together: one AVX register, two SSE or NEON registers.
///
/// Each lane runs exactly the scalar arithmetic (multiply and add stay separate, Swift never
/// fuses them), so a value computed in lane 3 has the same bits as one computed alone.
typealias Lanes = SIMD8<Float>

// MARK: - Exponential

/// eˣ to within about 2 ulp, from integer and Float arithmetic only (no libm), so softmax and
/// GELU give the same bits on Linux and macOS. O(1) per lane.
///
/// eˣ = 2ⁿ · eʳ with n = round(x / ln 2), r = x − n ln 2 (ln 2 split in two for exactness),
/// eʳ by its degree-6 Taylor polynomial on |r| ≤ ½ ln 2. Below −87.3 the result is exactly 0,
/// so masked scores (−∞) give exactly zero weight. NaN stays NaN.
@inline(__always)
func fastExp(_ x: Lanes) -> Lanes {
    let low = Lanes(repeating: -87.3), high = Lanes(repeating: 88.3)
    // max(x, low) then min(·, high), written so a NaN passes through as in the scalar form.
    var clamped = x.replacing(with: low, where: low .>= x)
    clamped.replace(with: high, where: high .< clamped)
    // Adding 1.5·2²³ rounds to the nearest integer, which lands in the low mantissa bits.
    let magic = Lanes(repeating: 12_582_912)
    let shifted = clamped * 1.442_695_04 + magic
    let n = shifted - magic
    let r = (clamped - n * 0.693_145_75) - n * 1.428_606_8e-6
    var p = Lanes(repeating: 1.0 / 720)
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    let magicBits = SIMD8<UInt32>(repeating: Float(12_582_912).bitPattern)
    let exponent = (unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- magicBits) &+ 127
    let scale = unsafeBitCast(exponent &<< 23, to: Lanes.self)
    return (p * scale).replacing(with: 0, where: x .< low)
}

/// eˣ for one value: lane 0 of the eight-lane form.
@inline(__always)
func fastExp(_ x: Float) -> Float {
    fastExp(Lanes(repeating: x))[0]
}

/// tanh(x) = 1 − 2 / (e²ˣ + 1): absolute error below 1e-7, what GELU needs. O(1) per lane.
@inline(__always)
func fastTanh(_ x: Lanes) -> Lanes {
    1 - 2 / (fastExp(2 * x) + 1)
}

/// tanh for one value.
@inline(__always)
func fastTanh(_ x: Float) -> Float {
    fastTanh(Lanes(repeating: x))[0]
}

// MARK: - GELU

/// The tanh approximation of GELU and its derivative, shared by forward and backward.
enum GELU {
    static let c: Float = 0.797_884_56  // √(2/π)
    static let a: Float = 0.044_715

    /// ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
    @inline(__always)
    static func value(_ x: Lanes) -> Lanes {
        let half: Lanes = 0.5 * x
        return half * (1 + fastTanh(inner(x)))
    }

    /// d GELU / dx = ½(1 + t) + ½x(1 − t²)·c·(1 + 3a x²), t = tanh(c(x + a x³)).
    @inline(__always)
    static func derivative(_ x: Lanes) -> Lanes {
        let t = fastTanh(inner(x))
        let slope: Lanes = 1 - t * t
        let cubic: Lanes = 1 + (3 * a) * x * x
        let right: Lanes = 0.5 * x * slope * c * cubic
        let left: Lanes = 0.5 * (1 + t)
        return left + right
    }

    /// c(x + a x³), evaluated left to right as ((a·x)·x)·x.
    @inline(__always)
    private static func inner(_ x: Lanes) -> Lanes {
        let cube: Lanes = a * x * x * x
        return c * (x + cube)
    }
}

// MARK: - Loops over lanes

/// The first `count` (≤ 8) floats at `p` in lanes, zeros after them.
@inline(__always)
func loadLanes(_ p: UnsafePointer<Float>, count: Int) -> Lanes {
    if count >= 8 { return UnsafeRawPointer(p).loadUnaligned(as: Lanes.self) }
    var lanes = Lanes()
    for i in 0..<count { lanes[i] = p[i] }
    return lanes
}

/// Writes the first `count` (≤ 8) lanes of `lanes` to `p`.
@inline(__always)
func storeLanes(_ lanes: Lanes, to p: UnsafeMutablePointer<Float>, count: Int) {
    if count >= 8 {
        UnsafeMutableRawPointer(p).storeBytes(of: lanes, as: Lanes.self)
        return
    }
    for i in 0..<count { p[i] = lanes[i] }
}

/// out[i] = f(x[i]) for i in 0..<count, eight at a time. `out` may be `x`. O(count).
@inline(__always)
func mapLanes(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int, _ f: (Lanes) -> Lanes
) {
    var i = 0
    while i < count {
        let n = Swift.min(8, count - i)
        storeLanes(f(loadLanes(x + i, count: n)), to: out + i, count: n)
        i += 8
    }
}

/// out[i] = f(x[i], y[i]) for i in 0..<count, eight at a time. `out` may be `x` or `y`. O(count).
@inline(__always)
func zipLanes(
    _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int,
    _ f: (Lanes, Lanes) -> Lanes
) {
    var i = 0
    while i < count {
        let n = Swift.min(8, count - i)
        storeLanes(f(loadLanes(x + i, count: n), loadLanes(y + i, count: n)), to: out + i, count: n)
        i += 8
    }
}

/// The largest of `count` floats (−∞ for none); NaNs are skipped, as `x > peak` skips them.
@inline(__always)
func maximum(_ x: UnsafePointer<Float>, count: Int) -> Float {
    var peak = Lanes(repeating: -.infinity)
    var i = 0
    while i + 8 <= count {
        let v = UnsafeRawPointer(x + i).loadUnaligned(as: Lanes.self)
        peak.replace(with: v, where: v .> peak)
        i += 8
    }
    var result = peak.max()
    while i < count {
        if x[i] > result { result = x[i] }
        i += 1
    }
    return result
}
