// Figures a reader can read: values printed in small heatmaps in a colour that stands out, both ends of every colour
// bar, frames, no text under 11 px.

import Foundation
import XCTest
@testable import Figures

final class SVGLegibilityTests: XCTestCase {
    // MARK: - Contrast

    func testEveryColourOfTheMapGetsATextColourOfAtLeast4Point5To1() {
        var worst = (ratio: Double.infinity, t: 0.0)
        for step in 0...10_000 {
            let t = Double(step) / 10_000
            let cell = ColorMap.color(at: t)
            let ratio = cell.contrast(with: cell.textColor)
            if ratio < worst.ratio { worst = (ratio, t) }
        }
        XCTAssertGreaterThanOrEqual(worst.ratio, 4.5, "text on the colour at \(worst.t) has contrast \(worst.ratio):1")
        for color in SVGHeatmapPanel.palette {
            XCTAssertGreaterThanOrEqual(color.contrast(with: color.textColor), 4.5, color.hex)
        }
    }

    func testContrastRatiosMatchWCAGReferenceValues() {
        XCTAssertEqual(RGB.black.contrast(with: .white), 21, accuracy: 0.01)
        XCTAssertEqual(RGB(red: 0x77, green: 0x77, blue: 0x77).contrast(with: .white), 4.48, accuracy: 0.01)
        XCTAssertEqual(ColorMap.color(at: 0).textColor, .white, "white on viridis' dark purple")
        XCTAssertEqual(ColorMap.color(at: 1).textColor, .black, "black on viridis' yellow")
    }

    // MARK: - Values in the cells

    /// The printed values of a figure's first panel, in reading order.
    private func printedValues(_ svg: String) -> [String] {
        guard let start = svg.range(of: "<g class=\"hm-values\"") else { return [] }
        let rest = svg[start.upperBound...]
        let body = rest[..<rest.range(of: "</g>")!.lowerBound]
        return body.components(separatedBy: "</text>").dropLast().map {
            String($0[$0.range(of: ">", options: .backwards)!.upperBound...])
        }
    }

    func testSmallHeatmapPrintsEveryValueWithTwoDecimalsByDefault() {
        let svg = Figure.heatmap(Fixtures.attention).svg(idPrefix: "a")
        let values = printedValues(svg)
        XCTAssertEqual(values.count, 25)
        XCTAssertEqual(Array(values.prefix(6)), ["1.00", "0.00", "0.00", "0.00", "0.00", "0.30"])
        XCTAssertTrue(svg.contains("fill=\"#000000\">1.00</text>"), "black on the yellow of the largest value")
        XCTAssertTrue(svg.contains("fill=\"#ffffff\">0.00</text>"), "white on the dark purple of the smallest")
    }

    func testDigitsMinusSignsInfinityAndNaN() {
        let heatmap = Heatmap(
            rowLabels: ["a", "b"], columnLabels: ["x", "y"], values: [[-0.25, -.infinity], [.nan, 0.125]], digits: 3)
        XCTAssertEqual(printedValues(Figure.heatmap(heatmap).svg(idPrefix: "d")), ["−0.250", "−∞", "NaN", "0.125"])
        var two = heatmap
        two.digits = nil
        XCTAssertEqual(printedValues(Figure.heatmap(two).svg(idPrefix: "d")), ["−0.25", "−∞", "NaN", "0.13"])
    }

    func testCellsAreLargeEnoughToHoldTheirValue() {
        let svg = Figure.heatmap(Fixtures.attention).svg(idPrefix: "a")
        XCTAssertTrue(svg.contains("width=\"40\" height=\"40\""), "40 px cells")
        let wide = Heatmap(rowLabels: ["a"], columnLabels: ["x"], values: [[-12345.5]], digits: 2)
        let svgWide = Figure.heatmap(wide).svg(idPrefix: "w")
        let expected = Int((SVGHeatmapPanel.textWidth("−12345.50") + 8).rounded(.up))
        XCTAssertTrue(svgWide.contains("width=\"\(expected)\" height=\"\(expected)\""), "a long value widens its cells")
    }

    func testLargerHeatmapsKeepShadesAndSayHowToReadAValue() {
        let svg = Figure.heatmap(Fixtures.labelled(Fixtures.noise(rows: 17, columns: 17))).svg(idPrefix: "l")
        XCTAssertTrue(printedValues(svg).isEmpty)
        XCTAssertTrue(svg.contains("point at or tap a cell to read it"))
        XCTAssertTrue(svg.contains("<title>tok3 → tok4: "), "each cell still has its value for hover")
    }

    func testHoverShowsTheValueAsTheTextFormPrintsIt() {
        let svg = Figure.heatmap(Fixtures.labelled([[0.010783634148538113, -.infinity]])).svg(idPrefix: "h")
        XCTAssertTrue(svg.contains("<title>tok0 → tok0: 0.0108</title>"), "four decimals, not the raw double")
        XCTAssertTrue(svg.contains("<title>tok0 → tok1: -inf (masked)</title>"))
    }

    // MARK: - Colour scales

    func testColourBarShowsBothEndValues() {
        func ticks(_ heatmap: Heatmap) -> [String] {
            let svg = Figure.heatmap(heatmap).svg(idPrefix: "m")
            let group = svg.components(separatedBy: "<g class=\"hm-ticks\">")[1].components(separatedBy: "</g>")[0]
            return group.components(separatedBy: "</text>").dropLast().map {
                String($0[$0.range(of: ">", options: .backwards)!.upperBound...])
            }
        }
        let masked = ticks(Fixtures.maskedScores)
        XCTAssertEqual(masked.first, "−1.00", "the lowest value at the bottom end")
        XCTAssertEqual(masked.last, "1.00", "the highest at the top end")
        XCTAssertEqual(ticks(Fixtures.attention).first, "0.00")
    }

    func testEveryPlotAreaHasAFrame() {
        XCTAssertTrue(Figure.heatmap(Fixtures.attention).svg(idPrefix: "a").contains("<rect class=\"hm-frame\""))
        XCTAssertEqual(
            Figure.heatmapGrid(Fixtures.heads).svg(idPrefix: "g").components(separatedBy: "class=\"hm-frame\"").count
                - 1, 4)
        XCTAssertTrue(Figure.lineChart(Fixtures.lossCurves).svg(idPrefix: "c").contains("<rect class=\"plot-frame\""))
    }

    func testGridsSayWhichPanelsShareAScale() {
        XCTAssertTrue(
            Figure.heatmapGrid(Fixtures.heads).svg(idPrefix: "g").contains(">one colour scale for all panels"))
        var own = Fixtures.heads
        own.sharedScale = false
        XCTAssertTrue(Figure.heatmapGrid(own).svg(idPrefix: "g").contains(">each panel has its own colour scale"))
    }

    func testAxisTitlesSayWhichSideIsTheQuery() {
        var heatmap = Fixtures.attention
        heatmap.rowAxis = "query ↓"
        heatmap.columnAxis = "key →"
        let svg = Figure.heatmap(heatmap).svg(idPrefix: "q")
        XCTAssertTrue(svg.contains("text-anchor=\"end\">query ↓</text>"))
        XCTAssertTrue(svg.contains("text-anchor=\"middle\">key →</text>"), "centred over the columns")
    }

    // MARK: - Pages

    func testGridsOnAPageAreOneSVGPerPanelSoTheyWrap() {
        let html = Figure.heatmapGrid(Fixtures.heads).html(idPrefix: "h")
        XCTAssertTrue(html.hasPrefix("<p class=\"figure-note\">one colour scale for all panels"))
        let widths = html.components(separatedBy: "<svg ").dropFirst().map { svg -> Int in
            Int(svg.components(separatedBy: "width=\"")[1].prefix { $0.isNumber })!
        }
        let rowLimit = Int(html.components(separatedBy: "style=\"max-width:")[1].prefix { $0.isNumber })!
        XCTAssertGreaterThanOrEqual(rowLimit, widths[0] + widths[1] + 16, "two panels (columns: 2) fit on a row")
        XCTAssertLessThan(rowLimit, widths[0] + widths[1] + widths[2] + 32, "a third does not")
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 5, "four panels and the shared colour bar")
        XCTAssertFalse(html.contains(">第 0 层的注意力头</text>"), "the page's caption shows the grid title")
        XCTAssertTrue(html.contains(">头 0</text>"), "panel titles stay")
    }

    func testNoTextIsSetBelow11PxAndNothingShrinksTheFigure() throws {
        let sizes = try NSRegularExpression(pattern: "font-size=\"([0-9.]+)\"")
        for (name, figure) in SVGValidityTests.figures {
            for markup in [figure.svg(idPrefix: "s"), figure.html(idPrefix: "s")] {
                for match in sizes.matches(in: markup, range: NSRange(markup.startIndex..., in: markup)) {
                    let size = Double(markup[Range(match.range(at: 1), in: markup)!])!
                    XCTAssertGreaterThanOrEqual(size, 11, "\(name) sets text at \(size) px")
                }
                XCTAssertFalse(markup.contains("max-width:100%"), "\(name) would shrink on narrow pages")
            }
        }
    }
}
