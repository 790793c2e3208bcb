// `plot`: line charts of loss curves, schedules and other series.

import Figures
import TransformerEngine

/// Plots one series against its index (0, 1, 2, …).
public func plot(
    _ ys: [Double], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
    file: StaticString = #filePath, line: UInt = #line
) {
    displayOrStop(file: file, line: line) {
        try PlotFigures.chart(x: nil, series: [(yLabel ?? "y", ys)], title: title, xLabel: xLabel, yLabel: yLabel)
    }
}

/// Plots one series of `Float`s against its index.
///
/// Disfavoured so that a literal like `plot([1, 2, 3])` picks the `Double` version.
@_disfavoredOverload
public func plot(_ ys: [Float], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    plot(ys.map(NumberFormatting.decimalValue), title: title, xLabel: xLabel, yLabel: yLabel, file: file, line: line)
}

/// Plots a 1-d tensor against its index.
public func plot(_ ys: Tensor, title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    displayOrStop(file: file, line: line) {
        guard ys.shape.count == 1 else {
            throw DisplayInputError("plot: a tensor to plot must be 1-d, got shape \(ys.shape)")
        }
        return try PlotFigures.chart(
            x: nil, series: [(yLabel ?? "y", ys.scalars.map(NumberFormatting.decimalValue))],
            title: title, xLabel: xLabel, yLabel: yLabel)
    }
}

/// Plots several named series on shared axes, each against its index, with a legend.
public func plot(
    series: [(name: String, values: [Double])], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
    file: StaticString = #filePath, line: UInt = #line
) {
    displayOrStop(file: file, line: line) {
        try PlotFigures.chart(x: nil, series: series, title: title, xLabel: xLabel, yLabel: yLabel)
    }
}

/// Plots several named series against shared `x` values; every series must have one value per `x`.
public func plot(
    x: [Double], series: [(name: String, values: [Double])], title: String? = nil,
    xLabel: String? = nil, yLabel: String? = nil,
    file: StaticString = #filePath, line: UInt = #line
) {
    displayOrStop(file: file, line: line) {
        try PlotFigures.chart(x: x, series: series, title: title, xLabel: xLabel, yLabel: yLabel)
    }
}

/// Builds line charts after checking that x and y counts agree.
enum PlotFigures {
    static func chart(x: [Double]?, series: [(name: String, values: [Double])], title: String?,
                      xLabel: String?, yLabel: String?) throws -> Figure {
        if let x {
            for s in series where s.values.count != x.count {
                throw DisplayInputError(
                    "plot: \(x.count) x values but series \"\(s.name)\" has \(s.values.count) values")
            }
        }
        return .lineChart(LineChart(title: title, xLabel: xLabel, yLabel: yLabel,
                                    series: series.map { LineChart.Series(name: $0.name, x: x ?? [], y: $0.values) }))
    }
}
