// The vector width of the streaming elementwise loops in Kernels/Lanes: eight lanes in this module.
//
// This file is compiled into TransformerEngine and, through a symbolic link, into
// TransformerEngineKernelsAVX2; TransformerEngineKernelsAVX512 has its own with sixteen lanes.

/// The lanes GELU and the exponentials stream through: one AVX register, two SSE or NEON ones.
typealias WideLanes = SIMD8<Float>
/// WideLanes' bit patterns as unsigned integers (for building powers of two).
typealias WideBits = SIMD8<UInt32>
