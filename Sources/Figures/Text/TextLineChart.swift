// A line chart as text: one sparkline per series on a shared scale, with its minimum, maximum and last value.

enum TextLineChart {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Characters per sparkline; longer series are averaged into this many buckets.
    static let maxPoints = 60

    /// `train  █▆▄▃▂▂▁▁  min 0.1234  max 2.3456  last 0.1500`, one line per series, then the axes.
    ///
    /// All series share one vertical scale, so a lower line really is lower. Non-finite
    /// points show as a space and are left out of min and max.
    static func render(_ chart: LineChart) -> String {
        var out: [String] = []
        if let title = chart.title { out.append(VisibleLabel.spelledOut(title)) }
        guard !chart.series.isEmpty else { return (out + ["(no series to plot)"]).joined(separator: "\n") }
        // Bars follow values rounded as printed, so tiny numeric noise does not change them.
        let scale = ValueScale(spanning: chart.series.lazy.flatMap(\.y))?.rounded(decimals: TextHeatmap.decimals)
        let names = chart.series.map { VisibleLabel.make($0.name) }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        let sparkWidth = min(maxPoints, chart.series.map(\.y.count).max() ?? 0)
        for (series, name) in zip(chart.series, names) {
            var line = DisplayWidth.pad(name, to: nameWidth) + "  "
            guard !series.y.isEmpty else { out.append(line + "(no points)"); continue }
            line += DisplayWidth.pad(sparkline(bucketed(series.y), scale: scale), to: sparkWidth)
            let finite = series.y.filter(\.isFinite)
            let f = { NumberFormatting.fixed($0, decimals: TextHeatmap.decimals) }
            if let low = finite.min(), let high = finite.max() {
                line += "  min " + f(low) + "  max " + f(high)
            }
            line += "  last " + f(series.y[series.y.count - 1])
            if series.y.count > maxPoints { line += "  (\(series.y.count) points)" }
            out.append(TextHeatmap.trimmingTrailingSpaces(line))
        }
        out.append(axes(chart))
        return out.joined(separator: "\n")
    }

    /// `x: step 0 … 99 · y: loss`
    private static func axes(_ chart: LineChart) -> String {
        // A series without x values is plotted against its index.
        let xs = chart.series.flatMap { $0.x.isEmpty ? $0.y.indices.map(Double.init) : $0.x }.filter(\.isFinite)
        var parts: [String] = []
        var x = "x: " + (chart.xLabel.map { VisibleLabel.spelledOut($0) + " " } ?? "")
        if let low = xs.min(), let high = xs.max() {
            x += NumberFormatting.compact(low) + " … " + NumberFormatting.compact(high)
        }
        parts.append(TextHeatmap.trimmingTrailingSpaces(x))
        if let y = chart.yLabel { parts.append("y: " + VisibleLabel.spelledOut(y)) }
        return parts.joined(separator: " · ")
    }

    /// `values` averaged into at most `maxPoints` equal buckets (non-finite values skipped).
    static func bucketed(_ values: [Double]) -> [Double] {
        guard values.count > maxPoints else { return values }
        return (0..<maxPoints).map { b in
            let bucket = values[(b * values.count / maxPoints)..<((b + 1) * values.count / maxPoints)].filter(
                \.isFinite)
            return bucket.isEmpty ? .nan : bucket.reduce(0, +) / Double(bucket.count)
        }
    }

    static func sparkline(_ values: [Double], scale: ValueScale?) -> String {
        String(
            values.map { value -> Character in
                guard let scale,
                    case .finite(let t) = scale.position(
                        of: NumberFormatting.rounded(value, decimals: TextHeatmap.decimals))
                else {
                    return " "
                }
                return bars[min(bars.count - 1, Int(t * Double(bars.count)))]
            })
    }
}
