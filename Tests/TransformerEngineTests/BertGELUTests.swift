// BERT's erf GELU against the formula computed with libm's erf in Double.

import Foundation
import XCTest
@testable import TransformerEngine

final class BertGELUTests: XCTestCase {
    func testEveryValueMatchesTheErfFormula() {
        // -10 … 10 in steps of 0.01, plus a tail shorter than one lane block.
        let xs = (0...2002).map { Float($0 - 1000) / 100 }
        let ours = Tensor(xs).geluErf().scalars
        var worst: Double = 0
        for (x, y) in zip(xs, ours) {
            let exact = 0.5 * Double(x) * (1 + erf(Double(x) / 2.0.squareRoot()))
            worst = max(worst, abs(Double(y) - exact) / max(1, abs(exact)))
        }
        XCTAssertLessThan(worst, 1e-6, "worst difference from ½x(1 + erf(x/√2))")
    }

    func testItIsNotTheTanhForm() {
        // At x = -3 the two forms differ by about 3e-4, far more than either one's error.
        let x = Tensor([-3])
        XCTAssertEqual(Double(x.geluErf().item), 0.5 * -3 * (1 + erf(-3 / 2.0.squareRoot())), accuracy: 1e-6)
        XCTAssertGreaterThan(abs(x.geluErf().item - x.gelu().item), 1e-4)
    }
}
