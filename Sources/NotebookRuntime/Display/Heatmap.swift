// `heatmap`: a matrix drawn as coloured cells with row and column labels.

import Figures
import TransformerEngine

/// Draws `values` (a `[rows, columns]` tensor) as a heatmap under the cell.
///
/// Labels default to `0, 1, 2, …`; given labels must match the shape, or the cell stops with
/// `heatmap: 5 row labels for 4 rows`. `-inf` cells (masked scores) are drawn hatched.
public func heatmap(_ values: Tensor, rows: [String]? = nil, cols: [String]? = nil, title: String? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    displayOrStop(file: file, line: line) { try HeatmapFigures.heatmap(Matrices.rows(of: values, in: "heatmap"), rows: rows, cols: cols, title: title) }
}

/// Draws a matrix given as rows of `Double`s.
public func heatmap(_ values: [[Double]], rows: [String]? = nil, cols: [String]? = nil, title: String? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    displayOrStop(file: file, line: line) { try HeatmapFigures.heatmap(values, rows: rows, cols: cols, title: title) }
}

/// Draws a matrix given as rows of `Float`s.
///
/// Disfavoured so that a literal like `heatmap([[1, 2], [3, 4]])` picks the `Double` version.
@_disfavoredOverload
public func heatmap(_ values: [[Float]], rows: [String]? = nil, cols: [String]? = nil, title: String? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    displayOrStop(file: file, line: line) { try HeatmapFigures.heatmap(Matrices.rows(of: values), rows: rows, cols: cols, title: title) }
}

/// Builds heatmap figures after checking their shape; what the public functions display.
enum HeatmapFigures {
    static func heatmap(_ values: [[Double]], rows: [String]?, cols: [String]?, title: String?) throws -> Figure {
        try Matrices.checkRectangular(values, in: "heatmap")
        let columns = values.first?.count ?? (cols?.count ?? 0)
        let rowLabels = try Matrices.labels(rows, count: values.count, what: "row labels", for: "rows", in: "heatmap")
        let columnLabels = try Matrices.labels(cols, count: columns, what: "column labels", for: "columns", in: "heatmap")
        return .heatmap(Heatmap(title: title, rowLabels: rowLabels, columnLabels: columnLabels, values: values))
    }
}
