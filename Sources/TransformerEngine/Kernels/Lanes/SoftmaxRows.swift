// Softmax, its backward and cross-entropy's probabilities over rows, with row maxima and exponentials.
//
// Compiled into TransformerEngine and, through symbolic links, into TransformerEngineKernelsAVX2
// and TransformerEngineKernelsAVX512 (see LaneLoops.swift).

// MARK: - Maxima and exponentials

/// out[i] = e^(x[i] − peak) for i in 0..<count, eight at a time. `out` may be `x`. O(count).
///
/// Written out rather than as `mapLanes` with a closure: the optimizer left that closure (the
/// whole exponential) as a call per eight lanes, with the lanes passed through memory.
@inline(__always)
func exponentials(_ x: UnsafePointer<Float>, minus peak: Float, into out: UnsafeMutablePointer<Float>, count: Int) {
    let shift = WideLanes(repeating: peak)
    let width = WideLanes.scalarCount, whole = count / width * width
    var i = 0
    while i < whole {
        let value = fastExp(UnsafeRawPointer(x + i).loadUnaligned(as: WideLanes.self) - shift)
        UnsafeMutableRawPointer(out + i).storeBytes(of: value, as: WideLanes.self)
        i += width
    }
    if whole < count {
        let rest = count - whole
        storeWideLanes(fastExp(loadWideLanes(x + whole, count: rest) - shift), to: out + whole, count: rest)
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

// MARK: - Softmax rows

/// Softmax of the first n floats of `rows` rows `rowStride` apart: per row the max, exponentials
/// eight at a time, their sum in index order, the scale; the row's floats from n to `rowStride`
/// become 0 (what softmax gives entries of −∞ there). A row that is all −∞ gives zeros. `out`
/// may be `x`. O(rows·rowStride).
@inline(__always)
func softmaxRows(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int, rowStride: Int
) {
    var first = 0
    while first < rows {
        let live = Swift.min(8, rows - first)
        let x = x + first * rowStride, out = out + first * rowStride
        var peaks = Lanes()
        for i in 0..<live {
            let peak = maximum(x + i * rowStride, count: n)
            peaks[i] = peak
            if peak == -.infinity {
                (out + i * rowStride).update(repeating: 0, count: n)
            } else {
                exponentials(x + i * rowStride, minus: peak, into: out + i * rowStride, count: n)
            }
            if rowStride > n { (out + i * rowStride + n).update(repeating: 0, count: rowStride - n) }
        }
        let totals = rowSums(live: live, count: n) { i, j in out[i &* rowStride &+ j] }
        for i in 0..<live where peaks[i] != -.infinity {
            let inverse = Lanes(repeating: 1 / totals[i])
            mapLanes(out + i * rowStride, into: out + i * rowStride, count: n) { $0 * inverse }
        }
        first += 8
    }
}

/// Softmax's gradient for the first n floats of `rows` rows `rowStride` apart, dx = y ⊙ (g − Σ g⊙y),
/// each sum in index order; the floats from n to `rowStride` become 0 (y is 0 there). `out` may be
/// `g`. O(rows·rowStride).
@inline(__always)
func softmaxBackwardRows(
    _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int,
    rowStride: Int
) {
    var first = 0
    while first < rows {
        let live = Swift.min(8, rows - first)
        let g = g + first * rowStride, y = y + first * rowStride, out = out + first * rowStride
        let dots = rowSums(live: live, count: n) { i, j in g[i &* rowStride &+ j] * y[i &* rowStride &+ j] }
        for i in 0..<live {
            let shared = Lanes(repeating: dots[i])
            zipLanes(g + i * rowStride, y + i * rowStride, into: out + i * rowStride, count: n) { g, y in
                y * (g - shared)
            }
            if rowStride > n { (out + i * rowStride + n).update(repeating: 0, count: rowStride - n) }
        }
        first += 8
    }
}

/// Cross-entropy's probabilities for `rows` rows of logits, out = exp(x − max) / Σ with each sum in
/// index order. Stores each row's max and sum, from which its loss is (max − x[target]) + log Σ.
/// O(rows·n).
@inline(__always)
func crossEntropyRows(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int,
    peaks: UnsafeMutablePointer<Float>, sums: UnsafeMutablePointer<Float>
) {
    var first = 0
    while first < rows {
        let live = Swift.min(8, rows - first)
        let x = x + first * n, out = out + first * n
        for i in 0..<live {
            let peak = maximum(x + i * n, count: n)
            peaks[first + i] = peak
            exponentials(x + i * n, minus: peak, into: out + i * n, count: n)
        }
        let totals = rowSums(live: live, count: n) { i, j in out[i &* n &+ j] }
        for i in 0..<live {
            sums[first + i] = totals[i]
            let divisor = Lanes(repeating: totals[i])
            mapLanes(out + i * n, into: out + i * n, count: n) { $0 / divisor }
        }
        first += 8
    }
}
