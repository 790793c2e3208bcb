// Colour map, ticks and value scale: the pieces every figure's colours and axes rest on.

import XCTest
@testable import Figures

final class ScaleTests: XCTestCase {
    func testColorMapEndsAtViridisAnchorsAndGetsSteadilyLighter() {
        XCTAssertEqual(ColorMap.color(at: 0).hex, "#440154")
        XCTAssertEqual(ColorMap.color(at: 1).hex, "#fde725")
        XCTAssertEqual(ColorMap.color(at: 0.5).hex, "#21918c")
        XCTAssertEqual(ColorMap.color(at: -3), ColorMap.color(at: 0), "clamped below")
        XCTAssertEqual(ColorMap.color(at: .nan), ColorMap.color(at: 0))
        // Perceptual uniformity, checked the way a reader sees it: lightness rises at every step.
        let lightness = (0...50).map { relativeLuminance(ColorMap.color(at: Double($0) / 50)) }
        for (a, b) in zip(lightness, lightness.dropFirst()) { XCTAssertLessThan(a, b) }
    }

    private func relativeLuminance(_ color: RGB) -> Double {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }

    func testNiceTicksStepBy1_2_5() {
        let cases: [(Double, Double, [Double])] = [
            (0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]),
            (0.03, 0.97, [0.2, 0.4, 0.6, 0.8]),
            (-3, 7, [-2, 0, 2, 4, 6]),
            (0, 1000, [0, 200, 400, 600, 800, 1000]),
            (5, 5, [5]),
        ]
        for (low, high, expected) in cases {
            let ticks = NiceTicks.ticks(from: low, to: high).values
            XCTAssertEqual(ticks.count, expected.count, "ticks(\(low), \(high)) = \(ticks)")
            for (tick, want) in zip(ticks, expected) { XCTAssertEqual(tick, want, accuracy: 1e-12) }
        }
        XCTAssertEqual(NiceTicks.label(0.6000000000000001, step: 0.2), "0.6")
        XCTAssertEqual(NiceTicks.label(400, step: 200), "400")
    }

    func testScaleIgnoresNonFiniteValuesAndCentresFlatMatrices() {
        let scale = ValueScale(spanning: [1, -.infinity, 3, .nan])
        XCTAssertEqual(scale, ValueScale(minimum: 1, maximum: 3))
        XCTAssertEqual(scale?.position(of: 2), .finite(0.5))
        XCTAssertEqual(scale?.position(of: -.infinity), .negativeInfinity)
        XCTAssertEqual(ValueScale(spanning: [4, 4, 4])?.position(of: 4), .finite(0.5))
        XCTAssertNil(ValueScale(spanning: [Double.nan, -.infinity]))
    }
}
