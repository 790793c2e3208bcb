// GEMM's register-tile and packed-strip sizes, defined once for the engine and every kernel build.
//
// The engine packs A and B in these strips and the kernel builds read them; each size is one
// inlinable constant, so every module folds the same value into its loops.

/// Rows per packed strip of A: the height of the generic 6×8 tile and of the packed AVX2 and
/// AVX-512 tiles (a 24-row AVX-512 tile reads four strips).
@inlinable public var gemmMR: Int { 6 }

/// Columns per packed strip of B for the generic and AVX2 tiles: one SIMD8<Float>.
@inlinable public var gemmNR: Int { 8 }

/// Columns per packed strip of B for the AVX-512 tiles: one SIMD16<Float> (a ZMM register).
@inlinable public var gemmWideNR: Int { 16 }

/// Rows per strip of the AVX2 tiles that read A in place: 4×16 tiles keep eight independent
/// accumulators in one pass (the 6-row strips of packed A need two 3×16 passes, each waiting on
/// its adds).
@inlinable public var gemmInPlaceMR: Int { 4 }
