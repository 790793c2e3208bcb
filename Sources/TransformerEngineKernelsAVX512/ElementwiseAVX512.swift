// GELU compiled for AVX-512 (skylake-avx512), sixteen floats per instruction.
//
// The arithmetic is Kernels/Lanes' (the same files, linked into this module), so results match
// the baseline and AVX2 builds bit for bit. These kernels are chains of some forty dependent
// operations per vector (the exponential), and the CPU keeps only so many waiting operations in
// flight; a 16-lane operation carries twice the work of an 8-lane one through the same window.

#if arch(x86_64)

/// out[i] = GELU(x[i]) (tanh form) for i < count, keeping each tanh term in `tanh` when given
/// (see `gelu(_:into:keepingTanh:count:)`). `out` may be `x`. O(count).
@inline(never)
public func avx512GELU(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, keepingTanh tanh: UnsafeMutablePointer<Float>?,
    count: Int
) {
    gelu(x, into: out, keepingTanh: tanh, count: count)
}

#endif
