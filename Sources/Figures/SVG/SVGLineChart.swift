// A line chart in SVG: axes with round-number ticks, axis labels, one line per series and a legend.

import TextFormats

/// Renders `LineChart` figures as SVG.
///
/// A series without x values is plotted against its index. Non-finite points break the
/// line. Series longer than `maxDrawnPoints` are reduced to the minimum and maximum of
/// each of `maxDrawnPoints / 2` buckets, which keeps spikes visible and the SVG bounded.
enum SVGLineChart {
    static let plotWidth = 560.0
    static let plotHeight = 280.0
    static let maxDrawnPoints = 1200
    /// Small series get a dot per point with its exact value on hover.
    static let maxMarkedPoints = 100

    static func render(_ chart: LineChart, idPrefix: String, drawsTitle: Bool = true) -> String {
        var doc = SVGDocument(idPrefix: idPrefix)
        let title = chart.title ?? "Line chart"
        let series = chart.series.map(points)
        let all = series.joined()
        guard let yScale = ValueScale(spanning: all.map(\.y)), let xScale = ValueScale(spanning: all.map(\.x)) else {
            return SVGHeatmap.emptyFigure(&doc, title: title, message: "no finite points to plot")
        }
        let (yRange, yTicks, yStep) = axis(yScale)
        let (xRange, xTicks, xStep) = axis(xScale)
        let yLabels = yTicks.map { NiceTicks.label($0, step: yStep) }
        let margin = 8.0
        let drawnTitle = drawsTitle ? chart.title : nil
        let titleHeight = drawnTitle == nil ? 0.0 : 24
        let legendHeight = chart.series.count > 1 ? 20.0 : 0
        let left = margin + (chart.yLabel == nil ? 0 : 18) + (yLabels.map(SVGHeatmapPanel.textWidth).max() ?? 0) + 8
        let top = margin + titleHeight + legendHeight + 6
        let bottom = top + plotHeight
        let right = left + plotWidth
        let n = SVGDocument.number
        func px(_ x: Double) -> Double { left + (x - xRange.lower) / (xRange.upper - xRange.lower) * plotWidth }
        func py(_ y: Double) -> Double { bottom - (y - yRange.lower) / (yRange.upper - yRange.lower) * plotHeight }

        if let chartTitle = drawnTitle {
            doc.text(chartTitle, x: margin, y: margin + 15, [("font-size", "14"), ("font-weight", "bold")])
        }
        // Grid lines and ticks.
        doc.open("g", [("stroke", "currentColor"), ("stroke-opacity", "0.15"), ("fill", "none")])
        var grid = ""
        for y in yTicks { grid += "M\(n(left)) \(n(py(y)))H\(n(right))" }
        for x in xTicks { grid += "M\(n(px(x))) \(n(top))V\(n(bottom))" }
        doc.element("path", [("d", grid)])
        doc.close("g")
        doc.element(
            "rect",
            [
                ("class", "plot-frame"), ("x", n(left)), ("y", n(top)), ("width", n(plotWidth)),
                ("height", n(plotHeight)),
                ("fill", "none"), ("stroke", "currentColor"), ("stroke-opacity", "0.6"),
            ])
        doc.open("g")
        for (y, label) in zip(yTicks, yLabels) {
            doc.text(label, x: left - 5, y: py(y) + 3.5, [("text-anchor", "end")])
        }
        for x in xTicks {
            doc.text(NiceTicks.label(x, step: xStep), x: px(x), y: bottom + 14, [("text-anchor", "middle")])
        }
        doc.close("g")
        if let xLabel = chart.xLabel {
            doc.text(xLabel, x: left + plotWidth / 2, y: bottom + 32, [("text-anchor", "middle")])
        }
        if let yLabel = chart.yLabel {
            doc.element("text", [("transform", "translate(\(n(margin + 11)) \(n(top + plotHeight / 2))) rotate(-90)"),
                                 ("text-anchor", "middle")], content: XMLText.content(VisibleLabel.spelledOut(yLabel)))
        }
        // Series.
        for (i, points) in series.enumerated() {
            let drawn = reduced(points)
            var d = ""
            var penDown = false
            for p in drawn {
                guard p.x.isFinite && p.y.isFinite else { penDown = false; continue }
                d += (penDown ? "L" : "M") + n(px(p.x)) + " " + n(py(p.y))
                penDown = true
            }
            let name = VisibleLabel.spelledOut(chart.series[i].name)
            doc.open("g", [("stroke", SeriesStyle.color(i)), ("fill", SeriesStyle.color(i))])
            var attributes = [("d", d), ("fill", "none"), ("stroke-width", "1.8"), ("stroke-linejoin", "round")]
            if !SeriesStyle.dash(i).isEmpty { attributes.append(("stroke-dasharray", SeriesStyle.dash(i))) }
            doc.element("path", attributes, content: SVGDocument.title(name))
            if points.count <= maxMarkedPoints {
                for p in points where p.x.isFinite && p.y.isFinite {
                    doc.raw(
                        "<circle cx=\"\(n(px(p.x)))\" cy=\"\(n(py(p.y)))\" r=\"2.5\" stroke=\"none\">"
                            + SVGDocument.title(
                                name + " (" + NumberFormatting.compact(p.x) + ", " + SVGHeatmapPanel.exact(p.y) + ")")
                            + "</circle>")
                }
            }
            doc.close("g")
        }
        // Legend, above the plot, only when there is more than one series.
        if chart.series.count > 1 {
            var x = left
            let y = margin + titleHeight + 10
            for (i, s) in chart.series.enumerated() {
                var attributes = [
                    ("d", "M\(n(x)) \(n(y))h18"), ("stroke", SeriesStyle.color(i)), ("stroke-width", "2.5"),
                ]
                if !SeriesStyle.dash(i).isEmpty { attributes.append(("stroke-dasharray", SeriesStyle.dash(i))) }
                doc.element("path", attributes)
                let name = VisibleLabel.make(s.name, maxWidth: 24)
                doc.text(name, x: x + 22, y: y + 4)
                x += 22 + SVGHeatmapPanel.textWidth(name) + 14
            }
        }
        let width = right + margin + 12
        let height = bottom + (chart.xLabel == nil ? 22 : 40) + margin
        let description =
            "Line chart" + (chart.title.map { " “" + $0 + "”" } ?? "")
            + " of \(chart.series.count) series" + (chart.xLabel.map { "; x: " + $0 } ?? "")
            + (chart.yLabel.map { "; y: " + $0 } ?? "")
            + ". " + chart.series.map(summary).joined(separator: " ")
        return doc.wrapped(width: width, height: height, title: title, description: description)
    }

    // MARK: - Data

    private struct Point { var x: Double; var y: Double }

    private static func points(_ series: LineChart.Series) -> [Point] {
        if series.x.isEmpty { return series.y.enumerated().map { Point(x: Double($0.offset), y: $0.element) } }
        return zip(series.x, series.y).map { Point(x: $0, y: $1) }
    }

    /// At most `maxDrawnPoints` points: each bucket's minimum and maximum, in their order.
    private static func reduced(_ points: [Point]) -> [Point] {
        guard points.count > maxDrawnPoints else { return points }
        let buckets = maxDrawnPoints / 2
        var out: [Point] = []
        for b in 0..<buckets {
            let bucket = points[(b * points.count / buckets)..<((b + 1) * points.count / buckets)]
            let finite = bucket.filter { $0.y.isFinite && $0.x.isFinite }
            guard let low = finite.min(by: { $0.y < $1.y }), let high = finite.max(by: { $0.y < $1.y }) else {
                out.append(Point(x: .nan, y: .nan)); continue
            }
            out += low.x <= high.x ? [low, high] : [high, low]
        }
        return out
    }

    /// The axis range, rounded out to whole ticks, and its ticks.
    private static func axis(
        _ scale: ValueScale
    ) -> (range: (lower: Double, upper: Double), ticks: [Double], step: Double) {
        var low = scale.minimum, high = scale.maximum
        if scale.isFlat {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad; high += pad
        }
        let (_, step) = NiceTicks.ticks(from: low, to: high, count: 6)
        let lower = (low / step).rounded(.down) * step
        let upper = (high / step).rounded(.up) * step
        // Extreme ranges (near ±Double.greatestFiniteMagnitude) cannot be rounded out to ticks.
        guard lower.isFinite, upper.isFinite, upper > lower, (upper - lower).isFinite, (upper - lower) / step <= 50
        else {
            return ((low, high), [low, high], max(abs(low), abs(high)))
        }
        let ticks = stride(from: 0, through: ((upper - lower) / step).rounded(), by: 1).map { lower + $0 * step }
        return ((lower, upper), ticks, step)
    }

    private static func summary(_ series: LineChart.Series) -> String {
        let finite = series.y.filter(\.isFinite)
        guard let first = finite.first, let last = finite.last, let low = finite.min(), let high = finite.max() else {
            return "\(series.name): no finite points."
        }
        let f = { NumberFormatting.fixed($0, decimals: 4) }
        return
            "\(series.name): \(series.y.count) points from \(f(first)) to \(f(last)), minimum \(f(low)), maximum"
                + " \(f(high))."
    }
}
