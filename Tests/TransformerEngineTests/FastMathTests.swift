// The engine's own exp and tanh against libm.

import Foundation
import XCTest
@testable import TransformerEngine

final class FastMathTests: XCTestCase {
    /// The engine's own eˣ against libm over the range softmax uses, and exact zero for −∞.
    func testFastExpIsWithinFourUlpOfLibm() {
        var worst: Float = 0
        var x: Float = -87
        while x < 88 {
            let exact = Foundation.exp(Double(x))
            let error = abs(Double(fastExp(x)) - exact) / exact
            worst = max(worst, Float(error))
            x += 0.0137
        }
        XCTAssertLessThan(worst, 4 * Float.ulpOfOne, "worst relative error \(worst)")
        XCTAssertEqual(fastExp(-.infinity), 0)
        XCTAssertEqual(fastExp(0), 1)
    }

    func testFastTanhIsCloseToLibm() {
        for x in stride(from: Float(-9), through: 9, by: 0.01) {
            XCTAssertEqual(fastTanh(x), Foundation.tanh(x), accuracy: 2e-7, "x = \(x)")
        }
    }
}
