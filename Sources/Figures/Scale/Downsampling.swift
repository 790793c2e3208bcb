// Shrinks a matrix too large to draw cell by cell: each drawn cell is the mean of a block.

extension LabeledMatrix {
    /// This matrix with at most `maxSide` rows and columns, blocks averaged, and the block sizes used.
    ///
    /// A block's value is the mean of its finite values; a block with none keeps a non-finite
    /// value (`-inf` before `inf` before NaN), so a fully masked region still reads as masked.
    /// Each block is labelled by its first row or column.
    func downsampled(maxSide: Int) -> (matrix: LabeledMatrix, rowBlock: Int, columnBlock: Int) {
        let rowBlock = max(1, (rowCount + maxSide - 1) / maxSide)
        let columnBlock = max(1, (columnCount + maxSide - 1) / maxSide)
        if rowBlock == 1 && columnBlock == 1 { return (self, 1, 1) }
        let rowStarts = Array(stride(from: 0, to: rowCount, by: rowBlock))
        let columnStarts = Array(stride(from: 0, to: columnCount, by: columnBlock))
        let values = rowStarts.map { r0 in
            columnStarts.map { c0 in
                blockValue(rows: r0..<min(rowCount, r0 + rowBlock), columns: c0..<min(columnCount, c0 + columnBlock))
            }
        }
        var shrunk = self
        shrunk.rowLabels = rowStarts.map { rowLabels[$0] }
        shrunk.columnLabels = columnStarts.map { columnLabels[$0] }
        shrunk.values = values
        return (shrunk, rowBlock, columnBlock)
    }

    private func blockValue(rows: Range<Int>, columns: Range<Int>) -> Double {
        var sum = 0.0, count = 0
        var sawNegativeInfinity = false, sawPositiveInfinity = false
        for r in rows {
            for c in columns {
                let v = values[r][c]
                if v.isFinite { sum += v; count += 1 }
                else if v == -.infinity { sawNegativeInfinity = true }
                else if v == .infinity { sawPositiveInfinity = true }
            }
        }
        if count > 0 { return sum / Double(count) }
        return sawNegativeInfinity ? -.infinity : sawPositiveInfinity ? .infinity : .nan
    }
}
