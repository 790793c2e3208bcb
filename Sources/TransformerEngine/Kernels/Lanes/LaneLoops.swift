// Lanes and the loops over them shared by every kernel: loads, stores, maps and row sums in blocks of eight.
//
// The files of Kernels/Lanes are compiled three times: into TransformerEngine for baseline x86-64
// (or any CPU), and, through symbolic links, into TransformerEngineKernelsAVX2 with `-target-cpu
// haswell`, where Lanes is one AVX register, and into TransformerEngineKernelsAVX512 with
// `-target-cpu skylake-avx512`, where the streaming loops of GELU and the exponentials take
// sixteen lanes (`WideLanes`, defined per module). The copies are internal to their modules; the
// engine calls a module's public entry points (through `KernelTable`) only on CPUs that have its
// features, and gets the same bits: every lane runs plain Float arithmetic in a fixed order.

// MARK: - Lanes

/// Eight floats processed together: one AVX register, two SSE or NEON registers.
///
/// Each lane runs exactly the scalar arithmetic (multiply and add stay separate, Swift never
/// fuses them), so a value computed in lane 3 has the same bits as one computed alone.
typealias Lanes = SIMD8<Float>

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

/// The first `count` (≤ WideLanes.scalarCount) floats at `p` in wide lanes, zeros after them.
@inline(__always)
func loadWideLanes(_ p: UnsafePointer<Float>, count: Int) -> WideLanes {
    if count >= WideLanes.scalarCount { return UnsafeRawPointer(p).loadUnaligned(as: WideLanes.self) }
    var lanes = WideLanes()
    for i in 0..<count { lanes[i] = p[i] }
    return lanes
}

/// Writes the first `count` (≤ WideLanes.scalarCount) wide lanes of `lanes` to `p`.
@inline(__always)
func storeWideLanes(_ lanes: WideLanes, to p: UnsafeMutablePointer<Float>, count: Int) {
    if count >= WideLanes.scalarCount {
        UnsafeMutableRawPointer(p).storeBytes(of: lanes, as: WideLanes.self)
        return
    }
    for i in 0..<count { p[i] = lanes[i] }
}

/// out[i] = f(x[i]) for i in 0..<count, eight at a time. `out` may be `x`. O(count).
///
/// Whole blocks of eight are loaded and stored as vectors; the last partial block goes through
/// `loadLanes`/`storeLanes` in a separate call of `f`, so the main loop stays plain vector code.
@inline(__always)
func mapLanes(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int, _ f: (Lanes) -> Lanes
) {
    let whole = count / 8 * 8
    var i = 0
    while i < whole {
        let value = f(UnsafeRawPointer(x + i).loadUnaligned(as: Lanes.self))
        UnsafeMutableRawPointer(out + i).storeBytes(of: value, as: Lanes.self)
        i += 8
    }
    if whole < count {
        storeLanes(f(loadLanes(x + whole, count: count - whole)), to: out + whole, count: count - whole)
    }
}

/// out[i] = f(x[i], y[i]) for i in 0..<count, eight at a time. `out` may be `x` or `y`. O(count).
@inline(__always)
func zipLanes(
    _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int,
    _ f: (Lanes, Lanes) -> Lanes
) {
    let whole = count / 8 * 8
    var i = 0
    while i < whole {
        let value = f(
            UnsafeRawPointer(x + i).loadUnaligned(as: Lanes.self),
                UnsafeRawPointer(y + i).loadUnaligned(as: Lanes.self))
        UnsafeMutableRawPointer(out + i).storeBytes(of: value, as: Lanes.self)
        i += 8
    }
    if whole < count {
        let rest = count - whole
        storeLanes(f(loadLanes(x + whole, count: rest), loadLanes(y + whole, count: rest)), to: out + whole,
            count: rest)
    }
}

// MARK: - Rows in blocks of eight

/// Lane i holds Σ_j term(i, j) over j = 0..<n, added in index order in `Sum` (Float, or Double
/// for layer norm's mean and variance), for the rows i < `live` of a block (lanes from `live` on
/// are 0). O(live·n).
///
/// Each row's sum is the same chain of additions as a loop over that row alone, so the bits are
/// the same. A full block runs its eight chains side by side: a row's next addition waits for its
/// previous one, and eight rows at once fill that wait. Row sums of 32 to 96 values waiting on
/// each other had been most of the time of softmax, cross-entropy and layer norm at these sizes.
/// Callers index the block with wrapping arithmetic (`i &* n &+ j`, in bounds by construction):
/// with checked arithmetic on every term, layer norm's row kernels took a third longer.
@inline(__always)
func rowSums<Sum: BinaryFloatingPoint & SIMDScalar>(
    live: Int, count n: Int, _ term: (_ row: Int, _ j: Int) -> Sum
) -> SIMD8<Sum> {
    guard live == 8 else {
        var sums = SIMD8<Sum>()
        for i in 0..<live {
            var sum: Sum = 0
            for j in 0..<n { sum += term(i, j) }
            sums[i] = sum
        }
        return sums
    }
    var s0: Sum = 0, s1: Sum = 0, s2: Sum = 0, s3: Sum = 0
    var s4: Sum = 0, s5: Sum = 0, s6: Sum = 0, s7: Sum = 0
    for j in 0..<n {
        s0 += term(0, j)
        s1 += term(1, j)
        s2 += term(2, j)
        s3 += term(3, j)
        s4 += term(4, j)
        s5 += term(5, j)
        s6 += term(6, j)
        s7 += term(7, j)
    }
    return SIMD8<Sum>(s0, s1, s2, s3, s4, s5, s6, s7)
}
