// Numbers print the same on every machine: fixed decimals, no negative zero, named non-finite values.

import XCTest
@testable import Figures

final class NumberFormattingTests: XCTestCase {
    func testFixedDecimals() {
        let cases: [(Double, Int, String)] = [
            (0, 4, "0.0000"),
            (1, 4, "1.0000"),
            (-1, 4, "-1.0000"),
            (0.25, 1, "0.3"),          // half away from zero
            (-0.25, 1, "-0.3"),
            (3.14159, 2, "3.14"),
            (2.5, 0, "3"),
            (-0.00001, 4, "0.0000"),   // rounds to zero: no "-0.0000" for check to trip on
            (-0.0, 4, "0.0000"),
            (123456.789, 2, "123456.79"),
            (0.1, 4, "0.1000"),
            (.nan, 4, "nan"),
            (.infinity, 4, "inf"),
            (-.infinity, 4, "-inf"),
            (1e20, 4, "1.0000e+20"),
            (-2.5e16, 2, "-2.50e+16"),
        ]
        for (value, decimals, expected) in cases {
            XCTAssertEqual(
                NumberFormatting.fixed(value, decimals: decimals), expected, "fixed(\(value), decimals: \(decimals))")
        }
    }

    func testScientificCarriesIntoTheExponent() {
        XCTAssertEqual(NumberFormatting.scientific(9.9996, significantDigits: 4), "1.000e+01")
        XCTAssertEqual(NumberFormatting.scientific(0.00012345, significantDigits: 3), "1.23e-04")
        XCTAssertEqual(NumberFormatting.scientific(1000, significantDigits: 2), "1.0e+03")
        XCTAssertEqual(NumberFormatting.scientific(0, significantDigits: 3), "0.00e+00")
    }

    func testCompactDropsTrailingZerosAndSwitchesToScientificForTinyValues() {
        XCTAssertEqual(NumberFormatting.compact(0.5), "0.5")
        XCTAssertEqual(NumberFormatting.compact(2), "2")
        XCTAssertEqual(NumberFormatting.compact(0.00003), "3.00e-05")
        XCTAssertEqual(NumberFormatting.compact(-1.23456), "-1.2346")
        XCTAssertEqual(NumberFormatting.compact(5e6), "5.00e+06")
    }

    func testFloatsBecomeTheirShortestDecimal() {
        XCTAssertEqual(NumberFormatting.decimalValue(of: Float(0.1)), 0.1)
        XCTAssertEqual(NumberFormatting.decimalValue(of: -Float.infinity), -.infinity)
        XCTAssertTrue(NumberFormatting.decimalValue(of: Float.nan).isNaN)
    }
}

final class NumberFormattingExtremesTests: XCTestCase {
    func testTheEndsOfDoubleFormatWithoutOverflow() {
        XCTAssertEqual(NumberFormatting.compact(.leastNonzeroMagnitude), "4.94e-324")
        XCTAssertEqual(NumberFormatting.fixed(1e308, decimals: 2), "1.00e+308")
        XCTAssertEqual(NumberFormatting.fixed(-Double.greatestFiniteMagnitude, decimals: 1), "-1.8e+308")
        XCTAssertEqual(NumberFormatting.fixed(Double.leastNormalMagnitude, decimals: 4), "0.0000")
    }

    /// SVG coordinates: at most two decimals, no trailing zeros, no minus zero — `fixed` with two
    /// decimals, trimmed — on whole, half, tiny, negative and random values.
    func testSVGCoordinatesAreFixedWithTwoDecimalsTrimmed() {
        func reference(_ value: Double) -> String {
            var text = NumberFormatting.fixed(value, decimals: 2)
            while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text == "-0" ? "0" : text
        }
        var state: UInt64 = 7
        let random = (0..<20_000).map { _ -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) / Double(UInt64(1) << 53) - 0.5) * 2_000
        }
        let chosen: [Double] = [0, -0.0, 0.004, -0.004, 0.005, -0.005, 0.1, 0.25, -0.25, 1.005, 2.675, 10, -10, 99.995,
                                 123.456, -123.456, 0.07, 5.5, 1e8 + 0.5]
        for value in chosen + random {
            XCTAssertEqual(SVGDocument.number(value), reference(value), "\(value)")
        }
    }
}
