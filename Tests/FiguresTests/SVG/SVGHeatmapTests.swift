// Heatmap SVG: values on hover as the text form prints them, masked
// cells hatched, accessible, bounded in size, and byte-for-byte stable.

import XCTest
@testable import Figures

final class SVGHeatmapTests: XCTestCase {
    func testSnapshots() {
        assertSnapshot(Figure.heatmap(Fixtures.attention).svg(idPrefix: "attn"), named: "heatmap-attention.svg")
        assertSnapshot(Figure.heatmapGrid(Fixtures.heads).svg(idPrefix: "heads"), named: "grid-heads.svg")
    }

    func testEachCellCarriesItsValueOnHover() {
        let svg = Figure.heatmap(Fixtures.attention).svg(idPrefix: "a")
        XCTAssertTrue(svg.contains("<title>自然 → 爱: 0.2000</title>"))
        XCTAssertTrue(svg.contains("<title>语言 → 我: 0.0500</title>"))
        let cells = svg.components(separatedBy: "<rect x=").count - 1
        XCTAssertGreaterThanOrEqual(cells, 25)
    }

    func testMaskedCellsAreHatchedAndExplained() {
        let svg = Figure.heatmap(Fixtures.maskedScores).svg(idPrefix: "m")
        XCTAssertTrue(svg.contains("fill=\"url(#m-masked)\"><title>我 → 爱: -inf (masked)</title>"))
        XCTAssertTrue(svg.contains(">masked (−∞)</text>"))
        XCTAssertTrue(svg.contains("<pattern id=\"m-masked\""))
    }

    func testAccessibleNameAndDescription() {
        let svg = Figure.heatmap(Fixtures.attention).svg(idPrefix: "acc")
        XCTAssertTrue(
            svg.hasPrefix(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"acc-title acc-desc\""))
        XCTAssertTrue(svg.contains("<title id=\"acc-title\">注意力权重 attention</title>"))
        XCTAssertTrue(
            svg.contains(
                "<desc id=\"acc-desc\" lang=\"en\">注意力权重 attention: heatmap of 5 rows by 5 columns."
                    + " Rows: 我, 爱, 自然, 语言, 处理."))
        XCTAssertTrue(svg.contains("fill=\"currentColor\""), "text takes the page's colour, for dark themes")
    }

    func testIdsArePrefixedAndUniqueSoFiguresCanShareAPage() throws {
        let first = Figure.heatmapGrid(Fixtures.heads).svg(idPrefix: "note-3")
        let second = Figure.heatmapGrid(Fixtures.heads).svg(idPrefix: "note-4")
        let idPattern = try NSRegularExpression(pattern: " id=\"([^\"]+)\"")
        func ids(_ svg: String) -> [String] {
            idPattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map {
                String(svg[Range($0.range(at: 1), in: svg)!])
            }
        }
        XCTAssertEqual(Set(ids(first)).count, ids(first).count, "duplicate ids")
        XCTAssertTrue(ids(first).allSatisfy { $0.hasPrefix("note-3-") })
        XCTAssertTrue(Set(ids(first)).isDisjoint(with: ids(second)))
        XCTAssertTrue(Figure.heatmap(Fixtures.attention).svg(idPrefix: "9 <bad>").contains("id=\"f9__bad_-title\""))
    }

    func testSameInputGivesSameBytes() {
        let figure = Figure.heatmap(Fixtures.labelled(Fixtures.noise(rows: 64, columns: 64)))
        XCTAssertEqual(figure.svg(idPrefix: "d"), figure.svg(idPrefix: "d"))
    }

    func test64By64HeatmapStaysUnder60KB() {
        let svg = Figure.heatmap(Fixtures.labelled(Fixtures.noise(rows: 64, columns: 64), title: "64×64")).svg(
            idPrefix: "big")
        print("64×64 noise heatmap SVG: \(svg.utf8.count) bytes")
        XCTAssertLessThanOrEqual(svg.utf8.count, 60 * 1024)
        XCTAssertTrue(svg.contains("<title>tok5: "), "rows still show their values on hover")
    }

    func testHugeHeatmapsAreAveragedDownAndSaySo() {
        let svg = Figure.heatmap(Fixtures.labelled(Fixtures.noise(rows: 256, columns: 256))).svg(idPrefix: "huge")
        XCTAssertLessThanOrEqual(svg.utf8.count, 60 * 1024)
        XCTAssertTrue(svg.contains("256×256 shown as 64×64, each cell the mean of 4×4"))
    }

    func testEmptyHeatmapSaysWhy() {
        let svg = Figure.heatmap(Heatmap(title: "空", rowLabels: [], columnLabels: [], values: [])).svg(idPrefix: "e")
        XCTAssertTrue(svg.contains("(empty heatmap: 0 rows × 0 columns)"))
    }
}
