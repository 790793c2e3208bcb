// Reproduces micrograd's README example with the tensor autograd on one-element tensors.

import XCTest
@testable import TransformerEngine

final class MicrogradTests: XCTestCase {
    /// micrograd README: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773.
    func testReadmeExpressionMatchesMicrograd() {
        let a = Tensor(scalar: -4).requiringGrad()
        let b = Tensor(scalar: 2).requiringGrad()
        var c = a + b
        var d = a * b + b.pow(3)
        c = c + c + 1
        c = c + 1 + c + (-a)
        d = d + d * 2 + (b + a).relu()
        d = d + 3 * d + (b - a).relu()
        let e = c - d
        let f = e.pow(2)
        var g = f / 2.0
        g = g + 10.0 / f
        g.backward()
        XCTAssertEqual(g.item, 24.7041, accuracy: 1e-4)
        XCTAssertEqual(a.grad!.item, 138.8338, accuracy: 1e-3)
        XCTAssertEqual(b.grad!.item, 645.5773, accuracy: 1e-3)
    }

    func testGradientsAccumulateAcrossBackwardCalls() {
        let x = Tensor([1, 2, 3]).requiringGrad()
        (x * x).sum().backward()
        (x * x).sum().backward()
        XCTAssertEqual(x.grad!.scalars, [4, 8, 12])
        // Gradients add in place, yet a gradient read earlier keeps its values (copy on write).
        let held = x.grad!
        (x * x).sum().backward()
        XCTAssertEqual(held.scalars, [4, 8, 12])
        XCTAssertEqual(x.grad!.scalars, [6, 12, 18])
        x.zeroGrad()
        XCTAssertNil(x.grad)
    }

    func testNoGradModeRecordsNothing() {
        let x = Tensor([1, 2]).requiringGrad()
        let y = withoutGrad { x * 3 }
        XCTAssertFalse(y.requiresGrad)
        XCTAssertTrue((x * 3).requiresGrad)
    }
}
