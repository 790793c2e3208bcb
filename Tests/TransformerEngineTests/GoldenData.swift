// Loads the PyTorch golden tensors (Golden/*.safetensors, written by scripts/golden/make_golden.py).

import Foundation
import XCTest
@testable import TransformerEngine

/// One golden file: tensors by name.
struct GoldenData {
    let tensors: [String: Tensor]

    init(_ file: String) throws {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Golden", withExtension: nil))
        tensors = try SafeTensors.load(from: folder.appendingPathComponent(file))
    }

    subscript(name: String) -> Tensor {
        guard let tensor = tensors[name] else { preconditionFailure("golden tensor '\(name)' is missing") }
        return tensor
    }

    /// The tensors whose names start with `prefix`, with the prefix removed.
    func group(_ prefix: String) -> [String: Tensor] {
        Dictionary(uniqueKeysWithValues: tensors.compactMap { name, tensor in
            name.hasPrefix(prefix) ? (String(name.dropFirst(prefix.count)), tensor) : nil
        })
    }
}

/// Asserts `actual` matches PyTorch's `expected`: same shape and every element within
/// `tolerance` × the largest magnitude in `expected` (a relative tolerance on the tensor's scale),
/// with the scale floored at 0.01 so tensors that are exactly zero in exact arithmetic (the key
/// bias gradient: softmax ignores a per-row shift) compare their float rounding noise absolutely.
func assertClose(
    _ actual: Tensor?, _ expected: Tensor, tolerance: Float = 1e-4, _ what: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    guard let actual else { return XCTFail("\(what): no value", file: file, line: line) }
    XCTAssertEqual(actual.shape, expected.shape, what, file: file, line: line)
    let scale = expected.scalars.map(abs).max() ?? 1
    var worst: Float = 0
    for (a, e) in zip(actual.scalars, expected.scalars) where !(a == e) { worst = max(worst, abs(a - e)) }
    XCTAssertLessThanOrEqual(worst, tolerance * max(scale, 1e-2), "\(what): worst difference \(worst), scale \(scale)",
        file: file, line: line)
}
