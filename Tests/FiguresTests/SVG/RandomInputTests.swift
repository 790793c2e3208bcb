// Hundreds of random, awkward figures: none may crash a renderer, and every SVG must stay well-formed.

import XCTest
@testable import Figures

final class RandomInputTests: XCTestCase {
    /// A small deterministic generator, so a failure reproduces.
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
        mutating func value() -> Double {
            let awkward: [Double] = [
                0, -0.0, 1, -1, .nan, .infinity, -.infinity, 1e308, -1e308, .leastNonzeroMagnitude, 1e-9, 123456789.125,
                0.5,
            ]
            return next(3) == 0 ? awkward[next(awkward.count)] : Double(next(2001) - 1000) / 100
        }
        mutating func label() -> String {
            let labels = ["我", "<b>", "&", "", " ", "\n", "自然语言处理模型的注意力", "x", "\u{1B}", "😀", "e\u{301}"]
            return labels[next(labels.count)]
        }
    }

    func testRandomFiguresNeverCrashAndStayWellFormed() {
        var random = Generator(state: 2024)
        var sample: [String] = []
        for index in 0..<200 {
            let rows = random.next(6), columns = random.next(6)
            let values = (0..<rows).map { _ in
                (0..<(random.next(4) == 0 ? random.next(7) : columns)).map { _ in random.value() }
            }
            let rowLabels = (0..<random.next(8)).map { _ in random.label() }
            let columnLabels = (0..<random.next(8)).map { _ in random.label() }
            let heatmap = Heatmap(
                title: random.next(2) == 0 ? nil : random.label(), rowLabels: rowLabels, columnLabels: columnLabels,
                values: values)
            let figures: [Figure] = [
                .heatmap(heatmap),
                .heatmapGrid(
                    HeatmapGrid(
                        title: random.label(), panels: [heatmap, heatmap], columns: random.next(4),
                        sharedScale: random.next(2) == 0)),
                .attentionLines(AttentionLines(queryTokens: rowLabels, keyTokens: columnLabels, weights: values)),
                .lineChart(
                    LineChart(
                        title: random.label(), xLabel: random.label(), yLabel: nil,
                        series: values.map {
                            .init(
                                name: random.label(), x: random.next(2) == 0 ? [] : $0.map { _ in random.value() },
                                y: $0)
                        })),
                .table(
                    Table(
                        title: nil, header: columnLabels,
                        rows: values.map { $0.map { NumberFormatting.fixed($0, decimals: 2) } })),
            ]
            for figure in figures {
                XCTAssertFalse(figure.text.isEmpty, "every figure has a text form")
                let svg = figure.svg(idPrefix: "r\(index)")
                XCTAssertTrue(svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>"))
                if index % 40 == 0 { sample.append(svg) }
            }
        }
        for (i, svg) in sample.enumerated() { assertValidSVG(svg, "random sample \(i)") }
    }
}
