// Saving tensors as safetensors and loading them back: exact values, fixed bytes.

import Foundation
import TransformerEngine
import XCTest

final class SafeTensorsRoundTripTests: XCTestCase {
    func testSaveThenLoadGivesBackEveryBit() throws {
        let tensors: [String: Tensor] = [
            "weight": Tensor(shape: [2, 3], scalars: [1, -2, 0.1, .infinity, -0.0, .nan]),
            "scalar": Tensor(shape: [], scalars: [3.5]),
            "empty": Tensor(shape: [0, 5], scalars: []),
            "层.权重": Tensor(shape: [1, 1, 2], scalars: [0x1p-149, .greatestFiniteMagnitude]),
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("round-trip-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try SafeTensors.save(tensors, to: url, metadata: ["epoch": "3"])
        let contents = try SafeTensors.contents(of: url)
        XCTAssertEqual(Set(contents.tensors.keys), Set(tensors.keys))
        for (name, tensor) in tensors {
            XCTAssertEqual(contents.tensors[name]?.shape, tensor.shape, name)
            XCTAssertEqual(contents.tensors[name]?.scalars.map(\.bitPattern), tensor.scalars.map(\.bitPattern), name)
        }
        XCTAssertEqual(contents.metadata, ["epoch": "3"])
    }

    func testTheBytesAreFixedAndFollowTheFormat() throws {
        let data = try SafeTensors.data(for: ["b": Tensor([2]), "a": Tensor(shape: [], scalars: [1])])
        let header = #"{"a":{"dtype":"F32","shape":[],"data_offsets":[0,4]},"#
            + #""b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#
        let padded = header + String(repeating: " ", count: (8 - header.utf8.count % 8) % 8)
        var expected = Data()
        withUnsafeBytes(of: UInt64(padded.utf8.count).littleEndian) { expected.append(contentsOf: $0) }
        expected.append(contentsOf: padded.utf8)
        expected.append(contentsOf: [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40])  // 1.0, 2.0 little-endian
        XCTAssertEqual(data, expected)
        XCTAssertEqual(padded.utf8.count % 8, 0)
    }

    func testMetadataComesFirstWithSortedKeys() throws {
        let data = try SafeTensors.data(for: ["x": Tensor([1])], metadata: ["z": "last", "a": "first \"quoted\""])
        let header = String(decoding: data.dropFirst(8).prefix(60), as: UTF8.self)
        XCTAssertTrue(header.hasPrefix(#"{"__metadata__":{"a":"first \"quoted\"","z":"last"},"x":"#), header)
    }

    func testSameTensorsSameBytesWhateverTheInsertionOrder() throws {
        var forward: [String: Tensor] = [:]
        var backward: [String: Tensor] = [:]
        let names = (0..<50).map { "layer\($0).weight" }
        for name in names { forward[name] = Tensor([Float(name.count)]) }
        for name in names.reversed() { backward[name] = Tensor([Float(name.count)]) }
        XCTAssertEqual(try SafeTensors.data(for: forward), try SafeTensors.data(for: backward))
    }

    func testLoadsFromASliceOfLargerData() throws {
        let file = try SafeTensors.data(for: ["w": Tensor([1.5, -2])])
        let container = Data([9, 9, 9]) + file + Data([7])
        let slice = container[3..<(3 + file.count)]
        XCTAssertEqual(try SafeTensors.load(data: slice)["w"]?.scalars, [1.5, -2])
    }

    func testMetadataIsAReservedName() {
        XCTAssertThrowsError(try SafeTensors.data(for: ["__metadata__": Tensor([1])], file: "m.safetensors")) { error in
            XCTAssertEqual(
                "\(error)",
                #"m.safetensors: tensor "__metadata__": "__metadata__" is reserved for the file's metadata "#
                    + #"and cannot name a tensor"#)
        }
    }
}
