// Reading and checking the JSON header of a safetensors file.

import Foundation

// MARK: - Header

/// The parsed header: where each tensor's bytes are, and the free-form metadata.
///
/// A safetensors file is an 8-byte little-endian header length N, N bytes of JSON
/// `{"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, …}` with an
/// optional `"__metadata__"` object of strings, then the data section; offsets count from
/// the start of the data section.
struct SafeTensorsHeader {
    struct Entry {
        let name: String
        let dtype: SafeTensorsDType
        let shape: [Int]
        let begin: Int
        let end: Int
    }

    static let metadataKey = "__metadata__"

    /// The tensors, sorted by name.
    let entries: [Entry]
    let metadata: [String: String]
    /// Where the data section starts in the file: 8 + N.
    let dataStart: Int

    // MARK: - Parsing

    /// Parses and checks the header of `bytes`, the whole file; every offset is checked
    /// against the data section, so reading the tensors afterwards cannot go out of bounds.
    /// With `only`, the other tensors are left out unchecked (a checkpoint's I64 buffers, say).
    init(of bytes: UnsafeRawBufferPointer, file: String, only wanted: Set<String>? = nil) throws {
        guard bytes.count >= 8 else { throw SafeTensorsError(file: file, reason: .truncated(fileSize: bytes.count)) }
        let headerLength = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw SafeTensorsError(file: file, reason: .headerLengthTooBig(headerLength: headerLength,
                fileSize: bytes.count))
        }
        dataStart = 8 + Int(headerLength)
        let dataSize = bytes.count - dataStart
        let fields = try Self.jsonObject(Data(bytes[8..<dataStart]), file: file)

        var metadata: [String: String] = [:]
        var entries: [Entry] = []
        // In name order, so that a file with several problems always reports the same one first.
        for name in fields.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let value = fields[name]!
            if name == Self.metadataKey {
                guard let strings = value as? [String: String] else {
                    throw SafeTensorsError(file: file,
                        reason: .badHeader("\"__metadata__\" must map strings to strings"))
                }
                metadata = strings
            } else if wanted?.contains(name) ?? true {
                entries.append(try Self.entry(name, value, dataSize: dataSize, file: file))
            }
        }
        try Self.checkNoOverlap(entries, file: file)
        self.entries = entries
        self.metadata = metadata
    }

    private static func jsonObject(_ json: Data, file: String) throws -> [String: Any] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json)
        } catch {
            let start = String(decoding: json.prefix(40), as: UTF8.self)
            throw SafeTensorsError(file: file, reason: .badHeader("not valid JSON, starting \(start.jsonLiteral)"))
        }
        guard let fields = object as? [String: Any] else {
            throw SafeTensorsError(file: file, reason: .badHeader("expected a JSON object at the top level"))
        }
        return fields
    }

    /// One tensor's entry, checked: known dtype, offsets inside the data, sizes that agree.
    private static func entry(_ name: String, _ value: Any, dataSize: Int, file: String) throws -> Entry {
        func fail(_ reason: SafeTensorsError.Reason) -> SafeTensorsError {
            SafeTensorsError(file: file, tensor: name, reason: reason)
        }
        guard let fields = value as? [String: Any] else {
            throw fail(.badHeader("expected an object with dtype, shape and data_offsets"))
        }
        guard let dtypeName = fields["dtype"] as? String else { throw fail(.badHeader("\"dtype\" must be a string")) }
        guard let shape = JSONNumbers.naturals(fields["shape"]) else {
            throw fail(.badHeader("\"shape\" must be an array of non-negative integers"))
        }
        guard let offsets = JSONNumbers.naturals(fields["data_offsets"]), offsets.count == 2 else {
            throw fail(.badHeader("\"data_offsets\" must be two non-negative integers [begin, end]"))
        }
        guard let dtype = SafeTensorsDType(rawValue: dtypeName) else { throw fail(.unsupportedDType(dtypeName)) }
        let (begin, end) = (offsets[0], offsets[1])
        guard begin <= end, end <= dataSize else {
            throw fail(.offsetsOutOfRange(begin: begin, end: end, dataSize: dataSize))
        }
        let expected = shape.reduce(dtype.byteWidth) { product, axis in
            let (next, overflow) = product.multipliedReportingOverflow(by: axis)
            return overflow ? Int.max : next
        }
        guard expected == end - begin else {
            throw fail(.byteCountMismatch(shape: shape, dtype: dtypeName, expected: expected, actual: end - begin))
        }
        return Entry(name: name, dtype: dtype, shape: shape, begin: begin, end: end)
    }

    /// Throws if two non-empty tensors share bytes, naming both.
    private static func checkNoOverlap(_ entries: [Entry], file: String) throws {
        let byStart = entries.filter { $0.begin < $0.end }.sorted {
            ($0.begin, $0.end) != ($1.begin, $1.end)
                ? ($0.begin, $0.end) < ($1.begin, $1.end) : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
        }
        for (previous, next) in zip(byStart, byStart.dropFirst()) where next.begin < previous.end {
            throw SafeTensorsError(file: file, tensor: next.name, reason: .overlapping(other: previous.name))
        }
    }
}
