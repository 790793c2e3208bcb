// Malformed safetensors files: every problem is an error naming the file, the tensor and the cause.

import Foundation
import TransformerEngine
import XCTest

final class SafeTensorsErrorTests: XCTestCase {
    /// A file with this header text and `dataSize` zero bytes of data; `headerLength`
    /// overrides the stated length.
    private func file(_ header: String, dataSize: Int = 8, headerLength: UInt64? = nil) -> Data {
        var data = Data()
        withUnsafeBytes(of: (headerLength ?? UInt64(header.utf8.count)).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header.utf8)
        data.append(Data(count: dataSize))
        return data
    }

    private func entry(_ name: String, dtype: String = "F32", shape: String = "[2]",
        offsets: String = "[0,8]") -> String {
        #""\#(name)":{"dtype":"\#(dtype)","shape":\#(shape),"data_offsets":\#(offsets)}"#
    }

    func testEveryProblemHasItsMessage() {
        let table: [(data: Data, message: String)] = [
            (Data([1, 2, 3, 4, 5]),
             "m.safetensors: truncated: the file has 5 bytes, fewer than the 8 that give the header length"),
            (file("{}", dataSize: 10, headerLength: 1_000),
             "m.safetensors: header length 1000 is too big: the file has only 12 bytes after the 8-byte length"),
            (file("{nope"), #"m.safetensors: bad JSON header: not valid JSON, starting "{nope""#),
            (file("[1, 2]"), "m.safetensors: bad JSON header: expected a JSON object at the top level"),
            (file("{\(entry("wte", dtype: "I64"))}"),
             #"m.safetensors: tensor "wte": unsupported dtype "I64"; litbook reads F32, F16 and BF16"#),
            (file("{\(entry("wte", shape: "[16]", offsets: "[0,64]"))}"),
             #"m.safetensors: tensor "wte": data_offsets [0, 64] are out of range: the data section has 8 bytes"#),
            (file("{\(entry("wte", shape: "[0]", offsets: "[8,4]"))}"),
             #"m.safetensors: tensor "wte": data_offsets [8, 4] are out of range: the data section has 8 bytes"#),
            (file("{\(entry("a")),\(entry("b", offsets: "[4,12]"))}", dataSize: 12),
             #"m.safetensors: tensor "b": bytes overlap those of tensor "a""#),
            (file("{\(entry("wte", shape: "[3]"))}"),
             #"m.safetensors: tensor "wte": shape [3] of F32 needs 12 bytes, but data_offsets give 8"#),
            (file("{\(entry("h", dtype: "F16", shape: "[2,3]"))}", dataSize: 16),
             #"m.safetensors: tensor "h": shape [2, 3] of F16 needs 12 bytes, but data_offsets give 8"#),
            (file("{\(entry("wte", shape: "[-2]"))}"),
             #"m.safetensors: tensor "wte": bad JSON header: "shape" must be an array of non-negative integers"#),
            (file("{\(entry("wte", shape: "[true, 2]"))}"),
             #"m.safetensors: tensor "wte": bad JSON header: "shape" must be an array of non-negative integers"#),
            (file("{\(entry("wte", offsets: "[0,4,8]"))}"),
             #"m.safetensors: tensor "wte": bad JSON header: "#
                + #""data_offsets" must be two non-negative integers [begin, end]"#),
            (file(#"{"wte":{"shape":[2],"data_offsets":[0,8]}}"#),
             #"m.safetensors: tensor "wte": bad JSON header: "dtype" must be a string"#),
            (file(#"{"wte":[1]}"#),
             #"m.safetensors: tensor "wte": bad JSON header: expected an object with dtype, shape and data_offsets"#),
            (file("{\(entry("z", dtype: "I64")),\(entry("a", dtype: "U8"))}"),
             #"m.safetensors: tensor "a": unsupported dtype "U8"; litbook reads F32, F16 and BF16"#),
            (file(#"{"__metadata__":{"step":7}}"#),
             #"m.safetensors: bad JSON header: "__metadata__" must map strings to strings"#),
        ]
        for row in table {
            XCTAssertThrowsError(try SafeTensors.load(data: row.data, file: "m.safetensors"), row.message) { error in
                XCTAssertEqual("\(error)", row.message)
            }
        }
    }

    func testTheOverlapCheckIgnoresEmptyTensors() throws {
        let data = file("{\(entry("a")),\(entry("empty", shape: "[0]", offsets: "[4,4]"))}")
        let tensors = try SafeTensors.load(data: data)
        XCTAssertEqual(tensors["empty"]?.shape, [0])
    }

    func testErrorsFromAFileNameItsPath() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("short-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data([0, 0, 0]).write(to: url)
        XCTAssertThrowsError(try SafeTensors.load(from: url)) { error in
            XCTAssertEqual(error as? SafeTensorsError, SafeTensorsError(file: url.path,
                reason: .truncated(fileSize: 3)))
            XCTAssertTrue("\(error)".hasPrefix(url.path + ": truncated"))
        }
    }
}
