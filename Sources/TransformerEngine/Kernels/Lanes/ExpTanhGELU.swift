// eˣ, tanh and GELU (forward and backward) in plain Float arithmetic on wide lanes: the same bits everywhere.
//
// Compiled into TransformerEngine and, through symbolic links, into TransformerEngineKernelsAVX2
// and TransformerEngineKernelsAVX512 (see LaneLoops.swift).

// MARK: - Exponential

/// eˣ to within about 2 ulp, from integer and Float arithmetic only (no libm), so softmax and
/// GELU give the same bits on Linux and macOS. O(1) per lane.
///
/// eˣ = 2ⁿ · eʳ with n = round(x / ln 2), r = x − n ln 2 (ln 2 split in two for exactness),
/// eʳ by its degree-6 Taylor polynomial on |r| ≤ ½ ln 2. Below −87.3 the result is exactly 0,
/// so masked scores (−∞) give exactly zero weight. NaN stays NaN.
@_transparent
func fastExp(_ x: WideLanes) -> WideLanes {
    let low = WideLanes(repeating: -87.3), high = WideLanes(repeating: 88.3)
    // max(x, low) then min(·, high), written so a NaN passes through as in the scalar form.
    var clamped = x.replacing(with: low, where: low .>= x)
    clamped.replace(with: high, where: high .< clamped)
    // Adding 1.5·2²³ rounds to the nearest integer, which lands in the low mantissa bits.
    let magic = WideLanes(repeating: 12_582_912)
    let shifted = clamped * 1.442_695_04 + magic
    let n = shifted - magic
    let r = (clamped - n * 0.693_145_75) - n * 1.428_606_8e-6
    var p = WideLanes(repeating: 1.0 / 720)
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    let magicBits = WideBits(repeating: Float(12_582_912).bitPattern)
    let exponent = (unsafeBitCast(shifted, to: WideBits.self) &- magicBits) &+ 127
    let scale = unsafeBitCast(exponent &<< 23, to: WideLanes.self)
    return (p * scale).replacing(with: 0, where: x .< low)
}

/// eˣ for one value: lane 0 of the vector form.
@inline(__always)
func fastExp(_ x: Float) -> Float {
    fastExp(WideLanes(repeating: x))[0]
}

/// tanh(x) = 1 − 2 / (e²ˣ + 1): absolute error below 1e-7, what GELU needs. O(1) per lane.
@_transparent
func fastTanh(_ x: WideLanes) -> WideLanes {
    1 - 2 / (fastExp(2 * x) + 1)
}

/// tanh for one value.
@inline(__always)
func fastTanh(_ x: Float) -> Float {
    fastTanh(WideLanes(repeating: x))[0]
}

// MARK: - GELU

/// The tanh approximation of GELU and its derivative, shared by forward and backward.
///
/// Both need t = tanh(√(2/π)(x + 0.044715x³)), most of their cost; forward keeps t so that
/// backward does not compute it again (the same t, so the same bits either way).
enum GELU {
    static let c: Float = 0.797_884_56  // √(2/π)
    static let a: Float = 0.044_715

    /// t = tanh(c(x + a x³)), with c(x + a x³) evaluated left to right as c·(x + ((a·x)·x)·x).
    @inline(__always)
    static func tanhOfInner(_ x: WideLanes) -> WideLanes {
        let cube: WideLanes = a * x * x * x
        return fastTanh(c * (x + cube))
    }

    /// ½x(1 + t).
    @inline(__always)
    static func value(_ x: WideLanes, tanh t: WideLanes) -> WideLanes {
        let half: WideLanes = 0.5 * x
        return half * (1 + t)
    }

    /// d GELU / dx = ½(1 + t) + ½x(1 − t²)·c·(1 + 3a x²).
    @inline(__always)
    static func derivative(_ x: WideLanes, tanh t: WideLanes) -> WideLanes {
        let slope: WideLanes = 1 - t * t
        let cubic: WideLanes = 1 + (3 * a) * x * x
        let right: WideLanes = 0.5 * x * slope * c * cubic
        let left: WideLanes = 0.5 * (1 + t)
        return left + right
    }
}

/// out[i] = GELU(x[i]), and t[i] = its tanh term for backward when `t` is given. `out` may be `x`.
/// O(count).
@inline(__always)
func gelu(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, keepingTanh t: UnsafeMutablePointer<Float>?,
    count: Int
) {
    let width = WideLanes.scalarCount, whole = count / width * width
    var i = 0
    while i < whole {
        let v = UnsafeRawPointer(x + i).loadUnaligned(as: WideLanes.self)
        let th = GELU.tanhOfInner(v)
        UnsafeMutableRawPointer(out + i).storeBytes(of: GELU.value(v, tanh: th), as: WideLanes.self)
        if let t { UnsafeMutableRawPointer(t + i).storeBytes(of: th, as: WideLanes.self) }
        i += width
    }
    if whole < count {
        let rest = count - whole
        let v = loadWideLanes(x + whole, count: rest)
        let th = GELU.tanhOfInner(v)
        storeWideLanes(GELU.value(v, tanh: th), to: out + whole, count: rest)
        if let t { storeWideLanes(th, to: t + whole, count: rest) }
    }
}

/// out[i] = g[i] · GELU′(x[i]) from the tanh terms `t` kept by forward. `out` may be `g`. O(count).
@inline(__always)
func geluBackward(
    _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, tanh t: UnsafePointer<Float>,
    into out: UnsafeMutablePointer<Float>, count: Int
) {
    let width = WideLanes.scalarCount, whole = count / width * width
    var i = 0
    while i < whole {
        let d = GELU.derivative(
            UnsafeRawPointer(x + i).loadUnaligned(as: WideLanes.self),
            tanh: UnsafeRawPointer(t + i).loadUnaligned(as: WideLanes.self))
        let value = UnsafeRawPointer(g + i).loadUnaligned(as: WideLanes.self) * d
        UnsafeMutableRawPointer(out + i).storeBytes(of: value, as: WideLanes.self)
        i += width
    }
    if whole < count {
        let rest = count - whole
        let d = GELU.derivative(loadWideLanes(x + whole, count: rest), tanh: loadWideLanes(t + whole, count: rest))
        storeWideLanes(loadWideLanes(g + whole, count: rest) * d, to: out + whole, count: rest)
    }
}
