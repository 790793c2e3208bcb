// The colour bar beside a heatmap: the colour map as a gradient, with round-number ticks on its scale.

/// A vertical colour bar, low values at the bottom.
struct SVGColorBar {
    static let barWidth = 10.0

    let scale: ValueScale
    let height: Double
    let ticks: [(value: Double, label: String)]

    init(scale: ValueScale, height: Double) {
        self.scale = scale
        self.height = height
        if scale.isFlat {
            ticks = [(scale.minimum, NumberFormatting.compact(scale.minimum))]
        } else {
            // Ask for more ticks until at least two fall inside the range, so the scale is readable.
            var wanted = max(4, Int(height / 50) + 1)
            var (values, step) = NiceTicks.ticks(from: scale.minimum, to: scale.maximum, count: wanted)
            while values.count < 2 && wanted < 64 {
                wanted *= 2
                (values, step) = NiceTicks.ticks(from: scale.minimum, to: scale.maximum, count: wanted)
            }
            ticks = values.map { ($0, NiceTicks.label($0, step: step)) }
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
                             ("fill", fill), ("stroke", "currentColor"), ("stroke-opacity", "0.4")])
        doc.open("g", [("font-size", "10")])
        for tick in ticks {
            let t: Double
            if case .finite(let position) = scale.position(of: tick.value) { t = position } else { t = 0.5 }
            let ty = y + height * (1 - t)
            doc.element("path", [("d", "M\(n(x + Self.barWidth)) \(n(ty))h3"), ("stroke", "currentColor")])
            doc.text(tick.label, x: x + Self.barWidth + 5, y: ty + 3.5)
        }
        doc.close("g")
    }
}
