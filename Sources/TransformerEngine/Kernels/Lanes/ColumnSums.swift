// Column sums of a block of rows (a bias gradient), each column added in row order.
//
// Compiled into TransformerEngine and, through symbolic links, into TransformerEngineKernelsAVX2
// and TransformerEngineKernelsAVX512 (see LaneLoops.swift).

// MARK: - Column sums

/// sums[j] += x[r·rowStride + j] for r = 0, 1, …, rows − 1 in that order, for j in 0..<count
/// (count ≤ 32): column sums of a block of rows, e.g. a bias gradient. O(rows·count).
///
/// Each column is its own chain of additions in row order, the bits of adding one row at a time.
/// The up to four groups of eight columns run side by side: one chain alone waits on each
/// addition, four fill that wait.
@inline(__always)
func addColumns(
    _ x: UnsafePointer<Float>, rowStride: Int, rows: Int, into sums: UnsafeMutablePointer<Float>, count: Int
) {
    if count == 32 {
        var s0 = loadLanes(sums, count: 8), s1 = loadLanes(sums + 8, count: 8)
        var s2 = loadLanes(sums + 16, count: 8), s3 = loadLanes(sums + 24, count: 8)
        var row = x
        for _ in 0..<rows {
            s0 += loadLanes(row, count: 8)
            s1 += loadLanes(row + 8, count: 8)
            s2 += loadLanes(row + 16, count: 8)
            s3 += loadLanes(row + 24, count: 8)
            row += rowStride
        }
        storeLanes(s0, to: sums, count: 8)
        storeLanes(s1, to: sums + 8, count: 8)
        storeLanes(s2, to: sums + 16, count: 8)
        storeLanes(s3, to: sums + 24, count: 8)
        return
    }
    for first in stride(from: 0, to: count, by: 8) {
        let live = Swift.min(8, count - first)
        var lanes = loadLanes(sums + first, count: live)
        for r in 0..<rows { lanes += loadLanes(x + r * rowStride + first, count: live) }
        storeLanes(lanes, to: sums + first, count: live)
    }
}
