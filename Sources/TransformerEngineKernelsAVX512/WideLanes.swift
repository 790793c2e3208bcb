// The vector width of the streaming elementwise loops in Kernels/Lanes: sixteen lanes in this module.

/// The lanes GELU and the exponentials stream through: one AVX-512 register. Each lane runs the
/// same scalar arithmetic as in the eight-lane builds, so every value has the same bits.
typealias WideLanes = SIMD16<Float>
/// WideLanes' bit patterns as unsigned integers (for building powers of two).
typealias WideBits = SIMD16<UInt32>
