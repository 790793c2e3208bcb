// The colour bar beside a heatmap: the colour map as a gradient, both end values, and round-number ticks between.

/// A vertical colour bar, low values at the bottom.
struct SVGColorBar {
    static let barWidth = 12.0
    /// Round-number ticks closer than this to an end value are left out, so labels never overlap.
    static let minimumGap = 18.0

    let scale: ValueScale
    let height: Double
    let ticks: [(value: Double, label: String)]

    /// - Parameter digits: decimals of the end values, as the cells print them.
    init(scale: ValueScale, height: Double, digits: Int = Heatmap.defaultDigits) {
        self.scale = scale
        self.height = height
        let end = { SVGHeatmapPanel.printed($0, digits: digits) }
        if scale.isFlat {
            ticks = [(scale.minimum, end(scale.minimum))]
        } else {
            let (values, step) = NiceTicks.ticks(
                from: scale.minimum, to: scale.maximum, count: max(3, Int(height / 50) + 1))
            let span = scale.maximum - scale.minimum
            let between = values.filter { v in
                min(v - scale.minimum, scale.maximum - v) / span * height >= Self.minimumGap
            }
            ticks = [(scale.minimum, end(scale.minimum))]
                + between.map { ($0, SVGHeatmapPanel.withMinusSign(NiceTicks.label($0, step: step))) }
                + [(scale.maximum, end(scale.maximum))]
        }
    }

    var width: Double {
        Self.barWidth + 8 + (ticks.map { SVGHeatmapPanel.textWidth($0.label) }.max() ?? 0)
    }

    /// The gradient every colour bar of a figure uses; defined once per figure.
    static func gradientDefinition(id: String) -> String {
        var out = "<linearGradient id=\"\(id)\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">"
        let last = ColorMap.anchors.count - 1
        for (i, color) in ColorMap.anchors.enumerated() {
            out += "<stop offset=\"\(SVGDocument.number(Double(i) / Double(last)))\" stop-color=\"\(color.hex)\"/>"
        }
        return out + "</linearGradient>"
    }

    /// Draws the bar with its top-left corner at (`x`, `y`).
    func draw(into doc: inout SVGDocument, x: Double, y: Double) {
        let n = SVGDocument.number
        let fill = scale.isFlat ? ColorMap.color(at: 0.5).hex : "url(#\(doc.id("colormap")))"
        doc.element("rect", [("x", n(x)), ("y", n(y)), ("width", n(Self.barWidth)), ("height", n(height)),
                             ("fill", fill), ("stroke", "currentColor"), ("stroke-opacity", "0.6")])
        doc.open("g", [("class", "hm-ticks")])
        for tick in ticks {
            let t: Double
            if case .finite(let position) = scale.position(of: tick.value) { t = position } else { t = 0.5 }
            let ty = y + height * (1 - t)
            doc.element("path", [("d", "M\(n(x + Self.barWidth)) \(n(ty))h3"), ("stroke", "currentColor")])
            doc.text(tick.label, x: x + Self.barWidth + 5, y: ty + 4)
        }
        doc.close("g")
    }
}
