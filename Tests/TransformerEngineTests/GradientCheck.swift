// A finite-difference gradient checker shared by the op tests.

import XCTest
@testable import TransformerEngine

/// Checks autograd gradients of `f` (reduced to a scalar by a fixed random projection)
/// against central differences, for every input. Differences are taken in Float with
/// step `h` and compared with a tolerance scaled by the gradient's size.
func assertGradientsMatchFiniteDifferences(
    _ inputs: [Tensor], h: Float = 1e-2, tolerance: Float = 2e-2,
    file: StaticString = #filePath, line: UInt = #line,
    _ f: ([Tensor]) -> Tensor
) {
    var generator = RandomGenerator(seed: 99)
    let probeShape = withoutGrad { f(inputs).shape }
    let projection = Tensor.randn(probeShape, using: &generator)
    func objective(_ values: [Tensor]) -> Double {
        let out = withoutGrad { f(values) }
        return zip(out.scalars, projection.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }
    let tracked = inputs.map { $0.requiringGrad() }
    (f(tracked) * projection).sum().backward()
    for (index, input) in inputs.enumerated() {
        guard let analytic = tracked[index].grad else {
            XCTFail("input \(index) got no gradient", file: file, line: line)
            continue
        }
        XCTAssertEqual(analytic.shape, input.shape, file: file, line: line)
        for position in 0..<input.count {
            var plus = inputs, minus = inputs
            plus[index].scalars[position] += h
            minus[index].scalars[position] -= h
            let numeric = Float((objective(plus) - objective(minus)) / Double(2 * h))
            let exact = analytic.scalars[position]
            let allowed = tolerance * Swift.max(1, abs(numeric), abs(exact))
            if abs(numeric - exact) > allowed {
                XCTFail(
                    "input \(index) element \(position): autograd \(exact), finite difference \(numeric)",
                    file: file, line: line)
                return
            }
        }
    }
}
