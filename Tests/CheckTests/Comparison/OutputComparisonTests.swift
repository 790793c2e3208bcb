// Table-driven tests of when a new output still matches its recording.

import XCTest
@testable import Check

final class OutputComparisonTests: XCTestCase {
    /// One row: recorded text, new text, tolerance, expected verdict, and why.
    private struct Row {
        var recorded: String
        var new: String
        var tolerance: Tolerance = .lastDigit
        var matches: Bool
        var why: String
        var line: UInt = #line
    }

    private let rows: [Row] = [
        // Last printed digit, the default.
        Row(recorded: "0.1235", new: "0.1235", matches: true, why: "identical"),
        Row(recorded: "0.1235", new: "0.1236", matches: true, why: "one unit in the last digit"),
        Row(recorded: "0.1235", new: "0.1234", matches: true, why: "one unit down"),
        Row(recorded: "0.1235", new: "0.1237", matches: false, why: "two units"),
        Row(recorded: "0.1235", new: "0.1240", matches: false, why: "five units"),
        Row(recorded: "0.1235", new: "0.12351", matches: true, why: "more digits, within a unit"),
        Row(recorded: "0.12", new: "0.1235", matches: true, why: "the recording's precision decides"),
        Row(recorded: "12.5", new: "12.6", matches: true, why: "one unit of 0.1"),
        Row(recorded: "12.5", new: "12.7", matches: false, why: "two units of 0.1"),
        Row(
            recorded: "loss 2.3026 at step 10", new: "loss 2.3027 at step 10", matches: true, why: "number inside"
                + " text"),
        // Sign.
        Row(recorded: "-0.1235", new: "-0.1236", matches: true, why: "negative, one unit"),
        Row(recorded: "-0.1235", new: "0.1235", matches: false, why: "sign flipped"),
        Row(recorded: "-0.0000", new: "0.0000", matches: true, why: "negative zero is zero"),
        Row(recorded: "0.0000", new: "-0.0001", matches: true, why: "tiny negative within a unit"),
        Row(recorded: "-0.0001", new: "0.0001", matches: false, why: "two units across zero"),
        Row(recorded: "[-1, 2]", new: "[-1, 2]", matches: true, why: "sign after a bracket"),
        Row(recorded: "x=-0.5", new: "x=-0.4", matches: true, why: "sign after '='"),
        Row(recorded: "3-1", new: "3-2", matches: false, why: "a minus between operands, integers exact"),
        // Exponent notation.
        Row(recorded: "1e-05", new: "1e-05", matches: true, why: "identical exponent"),
        Row(recorded: "1.5e-05", new: "1.6e-05", matches: true, why: "one unit of the mantissa"),
        Row(recorded: "1.5e-05", new: "1.7e-05", matches: false, why: "two units of the mantissa"),
        Row(recorded: "1.2E+3", new: "1300", matches: true, why: "unit 100, integer new side"),
        Row(recorded: "1.2E+3", new: "1.4E+3", matches: false, why: "two units of 100"),
        Row(recorded: "1.5e-05", new: "0.000015", matches: true, why: "same value in fixed notation"),
        Row(recorded: "2.0e+00", new: "2.1", matches: true, why: "unit 0.1"),
        // Integers are exact.
        Row(recorded: "shape [2, 3]", new: "shape [2, 4]", matches: false, why: "integers match exactly"),
        Row(recorded: "42", new: "43", matches: false, why: "integer, one off"),
        Row(recorded: "3", new: "3.0", matches: true, why: "the same value as a decimal"),
        Row(recorded: "-0", new: "0", matches: true, why: "integer zero with a sign"),
        Row(recorded: "12345678901234567890", new: "12345678901234567891", matches: false,
            why: "long integers compare as written, not as rounded doubles"),
        Row(recorded: "1000", new: "1001", tolerance: Tolerance(relative: 0.01), matches: false,
            why: "a relative tolerance does not loosen integers"),
        // Relative tolerance.
        Row(recorded: "0.1235", new: "0.1240", tolerance: Tolerance(relative: 0.01), matches: true, why: "within 1 %"),
        Row(recorded: "0.1235", new: "0.1260", tolerance: Tolerance(relative: 0.01), matches: false, why: "beyond 1 %"),
        Row(recorded: "0.1235", new: "0.1236", tolerance: Tolerance(relative: 0), matches: true,
            why: "a zero relative tolerance keeps the last-digit unit"),
        Row(recorded: "-250.0", new: "-251.0", tolerance: Tolerance(relative: 0.005), matches: true,
            why: "relative to the magnitude"),
        // NaN and infinity.
        Row(recorded: "nan", new: "nan", matches: true, why: "NaN matches NaN"),
        Row(recorded: "nan", new: "-nan", matches: true, why: "the sign of NaN is noise"),
        Row(recorded: "NaN", new: "nan", matches: true, why: "case of NaN"),
        Row(recorded: "nan", new: "0.0", matches: false, why: "NaN matches only NaN"),
        Row(recorded: "0.0", new: "nan", matches: false, why: "a number that became NaN"),
        Row(recorded: "inf", new: "inf", matches: true, why: "infinity"),
        Row(recorded: "-inf", new: "inf", matches: false, why: "infinity changed sign"),
        Row(recorded: "inf", new: "1e308", matches: false, why: "infinity is not a large number"),
        Row(recorded: "information", new: "information", matches: true, why: "a word starting with inf"),
        // Numbers that became text and text changes.
        Row(recorded: "value 0.5", new: "value n/a", matches: false, why: "a number that became text"),
        Row(recorded: "value n/a", new: "value 0.5", matches: false, why: "text that became a number"),
        Row(recorded: "mean 0.5", new: "Mean 0.5", matches: false, why: "text must match exactly"),
        Row(recorded: "a  0.5", new: "a 0.5", matches: false, why: "spacing is text"),
        Row(recorded: "0.5\n0.6", new: "0.5\n0.6\n0.7", matches: false, why: "an extra line"),
        Row(recorded: "", new: "", matches: true, why: "both empty"),
        Row(recorded: "", new: "0", matches: false, why: "output appeared"),
        // Identifiers and versions stay text.
        Row(recorded: "float32", new: "float16", matches: false, why: "digits inside an identifier are text"),
        Row(recorded: "v1.2.3", new: "v1.2.4", matches: false, why: "a version is text"),
        Row(recorded: "1.2.3", new: "1.3.3", matches: false, why: "a bare version is text"),
        Row(recorded: "step 1.", new: "step 1.", matches: true, why: "a full stop after a number"),
        Row(recorded: "took 0.5s", new: "took 0.6s", matches: true, why: "a unit after a number"),
        Row(recorded: "自注意力 0.25", new: "自注意力 0.26", matches: true, why: "non-ASCII text around numbers"),
    ]

    func testEveryRow() {
        for row in rows {
            XCTAssertEqual(OutputComparison.matches(recorded: row.recorded, new: row.new, tolerance: row.tolerance),
                           row.matches, "\(row.recorded.debugDescription) vs \(row.new.debugDescription): \(row.why)",
                           line: row.line)
        }
    }

    func testMatchingIsSymmetricForEqualPrecision() {
        for (a, b) in [("0.1235", "0.1236"), ("-1.50", "-1.49"), ("2.5e-3", "2.6e-3")] {
            XCTAssertTrue(OutputComparison.matches(recorded: a, new: b, tolerance: .lastDigit))
            XCTAssertTrue(OutputComparison.matches(recorded: b, new: a, tolerance: .lastDigit))
        }
    }
}
