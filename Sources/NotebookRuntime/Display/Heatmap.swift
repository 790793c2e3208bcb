// `heatmap`: a matrix drawn as coloured cells with row and column labels.

import Figures
import TransformerEngine

/// Draws `values` (a `[rows, columns]` tensor) as a heatmap under the cell.
///
/// Labels default to `0, 1, 2, …`; given labels must match the shape, or the cell stops with
/// `heatmap: 5 row labels for 4 rows`. `-inf` cells (masked scores) are drawn hatched.
/// Up to 16×16 cells, the page prints each value in its cell with `digits` decimals (2 unless given);
/// `rowAxis` and `colAxis` title what the rows and columns stand for (`"query ↓"`, `"key →"`).
public func heatmap(_ values: Tensor, rows: [String]? = nil, cols: [String]? = nil, title: String? = nil,
                    rowAxis: String? = nil, colAxis: String? = nil, digits: Int? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    displayOrStop(file: file, line: line) {
        try HeatmapFigures.heatmap(Matrices.rows(of: values, in: "heatmap"), rows: rows, cols: cols, title: title,
                                   axes: (rowAxis, colAxis), digits: digits)
    }
}

/// Draws a matrix given as rows of `Double`s.
public func heatmap(_ values: [[Double]], rows: [String]? = nil, cols: [String]? = nil, title: String? = nil,
                    rowAxis: String? = nil, colAxis: String? = nil, digits: Int? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    displayOrStop(file: file, line: line) {
        try HeatmapFigures.heatmap(
            values, rows: rows, cols: cols, title: title, axes: (rowAxis, colAxis), digits: digits)
    }
}

/// Draws a matrix given as rows of `Float`s.
///
/// Disfavoured so that a literal like `heatmap([[1, 2], [3, 4]])` picks the `Double` version.
@_disfavoredOverload
public func heatmap(_ values: [[Float]], rows: [String]? = nil, cols: [String]? = nil, title: String? = nil,
                    rowAxis: String? = nil, colAxis: String? = nil, digits: Int? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    displayOrStop(file: file, line: line) {
        try HeatmapFigures.heatmap(
            Matrices.rows(of: values), rows: rows, cols: cols, title: title, axes: (rowAxis, colAxis), digits: digits)
    }
}

/// Draws several matrices side by side as small multiples, `columns` to a row on wide pages (they wrap on phones).
///
/// Each panel has its own colour scale unless `sharedScale` is true, and the figure says which:
/// share the scale when the same colour should mean the same value in every panel.
/// Every matrix must have the shape of the first; `titles` names the panels.
public func heatmaps(_ matrices: [Tensor], titles: [String]? = nil, rows: [String]? = nil, cols: [String]? = nil,
                     title: String? = nil, columns: Int = 4, sharedScale: Bool = false, digits: Int? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    displayOrStop(file: file, line: line) {
        try HeatmapFigures.grid(
            matrices.map { try Matrices.rows(of: $0, in: "heatmaps") }, titles: titles, rows: rows, cols: cols,
            title: title, columns: columns, sharedScale: sharedScale, digits: digits)
    }
}

/// Builds heatmap figures after checking their shape; what the public functions display.
enum HeatmapFigures {
    static func heatmap(_ values: [[Double]], rows: [String]?, cols: [String]?, title: String?,
                        axes: (rows: String?, cols: String?) = (nil, nil), digits: Int? = nil) throws -> Figure {
        .heatmap(try panel(values, rows: rows, cols: cols, title: title, axes: axes, digits: digits, in: "heatmap"))
    }

    static func grid(_ matrices: [[[Double]]], titles: [String]?, rows: [String]?, cols: [String]?, title: String?,
                     columns: Int, sharedScale: Bool, digits: Int?) throws -> Figure {
        if let titles, titles.count != matrices.count {
            throw DisplayInputError("heatmaps: \(titles.count) titles for \(matrices.count) matrices")
        }
        let shape = (matrices.first?.count ?? 0, matrices.first?.first?.count ?? 0)
        if let bad = matrices.firstIndex(where: { ($0.count, $0.first?.count ?? 0) != shape }) {
            throw DisplayInputError("heatmaps: matrix 0 is \(shape.0)×\(shape.1) but matrix \(bad) is "
                + "\(matrices[bad].count)×\(matrices[bad].first?.count ?? 0)")
        }
        let panels = try matrices.enumerated().map { i, values in
            try panel(
                values, rows: rows, cols: cols, title: titles?[i] ?? "\(i)", axes: (nil, nil), digits: digits,
                in: "heatmaps")
        }
        return .heatmapGrid(
            HeatmapGrid(title: title, panels: panels, columns: max(1, columns), sharedScale: sharedScale))
    }

    /// One checked heatmap: rectangular values, labels that match, digits a cell can print.
    static func panel(_ values: [[Double]], rows: [String]?, cols: [String]?, title: String?,
                      axes: (rows: String?, cols: String?), digits: Int?, in function: String) throws -> Heatmap {
        try Matrices.checkRectangular(values, in: function)
        if let digits, !(0...6).contains(digits) {
            throw DisplayInputError("\(function): digits must be in 0...6, got \(digits)")
        }
        let columns = values.first?.count ?? (cols?.count ?? 0)
        let rowLabels = try Matrices.labels(rows, count: values.count, what: "row labels", for: "rows", in: function)
        let columnLabels = try Matrices.labels(
            cols, count: columns, what: "column labels", for: "columns", in: function)
        return Heatmap(
            title: title, rowLabels: rowLabels, columnLabels: columnLabels, values: values,
            rowAxis: axes.rows, columnAxis: axes.cols, digits: digits)
    }
}
