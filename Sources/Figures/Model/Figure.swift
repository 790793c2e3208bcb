// What a cell can draw, as data: the runtime records it, the site draws it as SVG, check compares its text form.

/// A figure a cell displayed. Pure data; `text` and `svg(idPrefix:)` render it.
public enum Figure: Hashable, Sendable, Codable {
    case heatmap(Heatmap)
    /// Several heatmaps side by side: the heads of a layer, or the stages of one head.
    case heatmapGrid(HeatmapGrid)
    /// Token-to-token lines weighted by attention, like BertViz's head view.
    case attentionLines(AttentionLines)
    case lineChart(LineChart)
    case table(Table)
}

/// A matrix of values with row and column labels.
public struct Heatmap: Hashable, Sendable, Codable {
    public var title: String?
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// Row-major: `values[r][c]`.
    public var values: [[Double]]
    /// What the rows stand for, drawn along the row labels (`query ↓`); `nil` draws no axis title.
    public var rowAxis: String?
    /// What the columns stand for, drawn above the column labels (`key →`).
    public var columnAxis: String?
    /// Decimals of the values printed in the cells of a small heatmap; `nil` means `defaultDigits`.
    public var digits: Int?

    /// Decimals printed in the cells when a figure does not ask for others.
    public static let defaultDigits = 2

    public init(title: String? = nil, rowLabels: [String], columnLabels: [String], values: [[Double]],
                rowAxis: String? = nil, columnAxis: String? = nil, digits: Int? = nil) {
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.rowAxis = rowAxis
        self.columnAxis = columnAxis
        self.digits = digits
    }
}

/// Small multiples sharing one colour scale when `sharedScale` is true.
public struct HeatmapGrid: Hashable, Sendable, Codable {
    public var title: String?
    public var panels: [Heatmap]
    /// Panels per row of the grid.
    public var columns: Int
    public var sharedScale: Bool

    public init(title: String? = nil, panels: [Heatmap], columns: Int, sharedScale: Bool) {
        self.title = title
        self.panels = panels
        self.columns = columns
        self.sharedScale = sharedScale
    }
}

/// Attention from each query token (left) to each key token (right).
public struct AttentionLines: Hashable, Sendable, Codable {
    public var title: String?
    public var queryTokens: [String]
    public var keyTokens: [String]
    /// `weights[q][k]`, each row normally summing to 1.
    public var weights: [[Double]]

    public init(title: String? = nil, queryTokens: [String], keyTokens: [String], weights: [[Double]]) {
        self.title = title
        self.queryTokens = queryTokens
        self.keyTokens = keyTokens
        self.weights = weights
    }
}

/// One or more series on shared axes: loss curves, schedules, positional-encoding dimensions.
public struct LineChart: Hashable, Sendable, Codable {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var series: [Series]

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    public struct Series: Hashable, Sendable, Codable {
        public var name: String
        public var x: [Double]
        public var y: [Double]

        public init(name: String, x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }
    }
}

/// Rows of cells under a header.
public struct Table: Hashable, Sendable, Codable {
    public var title: String?
    public var header: [String]
    public var rows: [[String]]

    public init(title: String? = nil, header: [String], rows: [[String]]) {
        self.title = title
        self.header = header
        self.rows = rows
    }
}
