// Reading safetensors files written from PyTorch tensors: exact F32, F16 and BF16 values.

import Foundation
import TransformerEngine
import XCTest

/// Loads the fixtures of scripts/golden/make_safetensors_fixtures.py; its output lists the
/// values below (hex floats are exact).
final class SafeTensorsFixtureTests: XCTestCase {
    private func fixture(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Golden/safetensors/\(name)")
    }

    /// Compares bit patterns, so -0.0 differs from 0.0 and NaN equals NaN.
    private func assertBits(_ actual: Tensor?, shape: [Int], _ expected: [Float], file: StaticString = #filePath,
        line: UInt = #line) {
        guard let actual else { return XCTFail("tensor missing", file: file, line: line) }
        XCTAssertEqual(actual.shape, shape, file: file, line: line)
        XCTAssertEqual(actual.scalars.map(\.bitPattern), expected.map(\.bitPattern), "\(actual.scalars)", file: file,
            line: line)
    }

    func testReadsFloat32ExactlyFollowingTheOffsets() throws {
        let contents = try SafeTensors.contents(of: fixture("f32.safetensors"))
        XCTAssertEqual(contents.tensors.keys.sorted(), ["empty", "matrix", "scalar"])
        assertBits(contents.tensors["scalar"], shape: [], [42])
        assertBits(contents.tensors["matrix"], shape: [2, 3], [0, 1, -2.5, 0x1.99999ap-4, 0x1.fffffep127, 0x1p-149])
        assertBits(contents.tensors["empty"], shape: [0, 4], [])
        XCTAssertEqual(contents.metadata, ["format": "pt", "source": "make_safetensors_fixtures.py"])
        XCTAssertEqual(contents.dtypes["matrix"], .float32)
    }

    func testReadsFloat16IncludingSubnormalsInfinitiesAndNaN() throws {
        let tensors = try SafeTensors.load(from: fixture("f16.safetensors"))
        let half = try XCTUnwrap(tensors["half"])
        // 0.1 and 1/3 as PyTorch rounded them to half precision; NaN's payload is PyTorch's 0x7E00.
        let expected: [Float] = [
            0, -0.0, 1, -2, 0x1.998p-4, 0x1.554p-2, .infinity, -.infinity, Float(bitPattern: 0x7FC0_0000),
            65504, 0x1p-24, 0x1p-14,
        ]
        assertBits(half, shape: [12], expected)
    }

    func testReadsBFloat16IncludingSubnormals() throws {
        let tensors = try SafeTensors.load(from: fixture("bf16.safetensors"))
        let expected: [Float] = [
            0, -0.0, 1, -2, 0x1.9ap-4, 0x1.56p-2, .infinity, -.infinity, Float(bitPattern: 0x7FC0_0000),
            0x1.92p1, 0x1.2cp126, 0x1p-133,
        ]
        assertBits(tensors["brain"], shape: [3, 4], expected)
    }

    func testReadsAFileMixingAllThreeDTypes() throws {
        let contents = try SafeTensors.contents(of: fixture("mixed.safetensors"))
        XCTAssertEqual(contents.dtypes, ["a.weight": .float32, "b.weight": .float16, "c.bias": .bfloat16])
        assertBits(contents.tensors["a.weight"], shape: [2], [0x1.99999ap-4, -3])
        assertBits(contents.tensors["b.weight"], shape: [2, 2], [1, 0x1.998p-4, -0x1.998p-4, 2])
        assertBits(contents.tensors["c.bias"], shape: [3], [0.5, -0.25, 0x1.9ap-4])
        XCTAssertEqual(contents.metadata, ["step": "7"])
    }

    func testReadsAFileFromTheOfficialWriter() throws {
        let contents = try SafeTensors.contents(of: fixture("written-by-safetensors.safetensors"))
        assertBits(contents.tensors["h.weight"], shape: [2, 2], [0x1.998p-4, -0.5, 2, 0x1.554p-2])
        assertBits(contents.tensors["b.bias"], shape: [3], [0x1.9ap-4, -7, 0x1p-133])
        assertBits(contents.tensors["f.gain"], shape: [2, 1, 1], [0x1.99999ap-4, -2])
        XCTAssertEqual(contents.metadata, ["framework": "pt"])
    }

    /// The Python script checks with the `safetensors` package that PyTorch reads this file.
    /// If the writer changes on purpose, the failure says where the new bytes are.
    func testWritesTheBytesPyTorchWasCheckedToRead() throws {
        let written = try SafeTensors.data(for: SafeTensorsSample.tensors, metadata: SafeTensorsSample.metadata)
        guard written != (try Data(contentsOf: fixture("written-by-litbook.safetensors"))) else { return }
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent("written-by-litbook.safetensors")
        try written.write(to: actual)
        XCTFail("""
            SafeTensors.save no longer writes the bytes of Golden/safetensors/written-by-litbook.safetensors.
            If that is intended, copy \(actual.path) there and run scripts/golden/make_safetensors_fixtures.py
            with the safetensors package installed, which checks that PyTorch reads it.
            """)
    }
}

// MARK: - Sample

/// Tensors whose litbook-written file is kept as a fixture for PyTorch to read.
enum SafeTensorsSample {
    static let tensors: [String: Tensor] = [
        "wte": Tensor(shape: [3, 2], scalars: [0.5, -1, 0.1, 2, -0.0, 0x1p-149]),
        "ln.bias": Tensor(shape: [2], scalars: [0.25, -0.75]),
        "注意力.scale": Tensor(shape: [], scalars: [8]),
    ]
    static let metadata = ["format": "pt", "written by": "litbook"]
}
