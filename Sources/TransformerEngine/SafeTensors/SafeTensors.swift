// Saving and loading tensors in the safetensors format, so weights move between litbook and PyTorch.

import Foundation

// MARK: - SafeTensors

/// The safetensors file format of Hugging Face: named tensors in one file, readable by
/// PyTorch (`safetensors.torch.load_file`) and written by it (`save_file`).
/// ```swift
/// try SafeTensors.save(["wte": model.wte, "wpe": model.wpe], to: url, metadata: ["step": "100"])
/// let weights = try SafeTensors.load(from: url)  // ["wpe": Tensor, "wte": Tensor]
/// ```
/// litbook writes F32 and reads F32, F16 and BF16, converting to Float exactly.
public enum SafeTensors {
    /// What a file holds: its tensors, each tensor's stored dtype, and its metadata.
    public struct Contents: Sendable {
        public var tensors: [String: Tensor]
        /// The dtype each tensor had in the file, before conversion to Float.
        public var dtypes: [String: SafeTensorsDType]
        public var metadata: [String: String]
    }

    // MARK: - Loading

    /// The tensors of the safetensors file at `url`, converted to Float.
    ///
    /// - Throws: `SafeTensorsError` naming the file (and tensor) if the file is malformed or
    ///   holds a dtype other than F32, F16 and BF16; Foundation's error if it cannot be read.
    public static func load(from url: URL) throws -> [String: Tensor] {
        try contents(of: Data(contentsOf: url), file: url.path).tensors
    }

    /// The tensors of a safetensors file already in memory; `file` names it in errors.
    public static func load(data: Data, file: String = "<data>") throws -> [String: Tensor] {
        try contents(of: data, file: file).tensors
    }

    /// Everything the file at `url` holds: tensors, their stored dtypes, metadata.
    public static func contents(of url: URL) throws -> Contents {
        try contents(of: Data(contentsOf: url), file: url.path)
    }

    /// Everything a safetensors file in memory holds. O(file size).
    public static func contents(of data: Data, file: String = "<data>") throws -> Contents {
        try data.withUnsafeBytes { bytes in
            let header = try SafeTensorsHeader(of: bytes, file: file)
            var contents = Contents(tensors: [:], dtypes: [:], metadata: header.metadata)
            for entry in header.entries {
                let count = (entry.end - entry.begin) / entry.dtype.byteWidth
                let scalars = entry.dtype.floats(in: bytes, offset: header.dataStart + entry.begin, count: count)
                contents.tensors[entry.name] = Tensor(shape: entry.shape, scalars: scalars)
                contents.dtypes[entry.name] = entry.dtype
            }
            return contents
        }
    }

    // MARK: - Saving

    /// Writes `tensors` as F32 to `url`, replacing any file there.
    ///
    /// The bytes depend only on the tensors and metadata: tensors are stored in the order of
    /// their names' UTF-8 bytes, the JSON header has no spaces, and it is padded with spaces
    /// to a multiple of 8 bytes so the data starts 8-byte aligned.
    ///
    /// - Throws: `SafeTensorsError` for a tensor named `__metadata__`; Foundation's error if
    ///   the file cannot be written.
    public static func save(_ tensors: [String: Tensor], to url: URL, metadata: [String: String] = [:]) throws {
        try data(for: tensors, metadata: metadata, file: url.path).write(to: url, options: .atomic)
    }

    /// The bytes of a safetensors file holding `tensors` as F32; see `save(_:to:metadata:)`.
    public static func data(for tensors: [String: Tensor], metadata: [String: String] = [:],
        file: String = "<data>") throws -> Data {
        if tensors[SafeTensorsHeader.metadataKey] != nil {
            throw SafeTensorsError(file: file, tensor: SafeTensorsHeader.metadataKey, reason: .reservedName)
        }
        let names = tensors.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var fields: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            let entries = pairs.map { "\($0.key.jsonLiteral):\($0.value.jsonLiteral)" }
            fields.append("\"__metadata__\":{" + entries.joined(separator: ",") + "}")
        }
        var offset = 0
        for name in names {
            let tensor = tensors[name]!
            let end = offset + 4 * tensor.scalars.count
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            fields.append(
                "\(name.jsonLiteral):{\"dtype\":\"F32\",\"shape\":[\(shape)],"
                    + "\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array(("{" + fields.joined(separator: ",") + "}").utf8)
        header += repeatElement(UInt8(ascii: " "), count: (8 - header.count % 8) % 8)

        var data = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header)
        for name in names {
            let scalars = tensors[name]!.scalars
            if SafeTensorsDType.hostIsLittleEndian {
                scalars.withUnsafeBytes { data.append(contentsOf: $0) }
            } else {
                scalars.map { $0.bitPattern.littleEndian }.withUnsafeBytes { data.append(contentsOf: $0) }
            }
        }
        return data
    }
}
