// eˣ and the GELU tanh in plain Float arithmetic: vectorisable, and the same bits on every platform.

// MARK: - Exponential

/// eˣ to within about 2 ulp, from integer and Float arithmetic only (no libm), so softmax and
/// GELU give the same bits on Linux and macOS and loops over it vectorise. O(1).
///
/// eˣ = 2ⁿ · eʳ with n = round(x / ln 2), r = x − n ln 2 (ln 2 split in two for exactness),
/// eʳ by its degree-6 Taylor polynomial on |r| ≤ ½ ln 2. Below −87.3 the result is exactly 0,
/// so masked scores (−∞) give exactly zero weight.
@inline(__always)
func fastExp(_ x: Float) -> Float {
    let low: Float = -87.3, high: Float = 88.3
    let clamped = Swift.min(Swift.max(x, low), high)
    // Adding 1.5·2²³ rounds to the nearest integer, which lands in the low mantissa bits.
    let magic: Float = 12_582_912
    let shifted = clamped * 1.442_695_04 + magic
    let n = shifted - magic
    let r = (clamped - n * 0.693_145_75) - n * 1.428_606_8e-6
    var p: Float = 1.0 / 720
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    let exponent = (shifted.bitPattern &- magic.bitPattern) &+ 127
    let scale = Float(bitPattern: UInt32(truncatingIfNeeded: exponent) << 23)
    return x < low ? 0 : p * scale
}

/// tanh(x) = 1 − 2 / (e²ˣ + 1): absolute error below 1e-7, what GELU needs. O(1).
@inline(__always)
func fastTanh(_ x: Float) -> Float {
    1 - 2 / (fastExp(2 * x) + 1)
}
