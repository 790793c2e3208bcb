// The error thrown when a safetensors file cannot be read or written.

// MARK: - SafeTensorsError

/// A safetensors file that cannot be read (or tensors that cannot be written), naming the
/// file, the tensor when there is one, and what is wrong:
/// `model.safetensors: tensor "wte": unsupported dtype "I64"; litbook reads F32, F16 and BF16`.
public struct SafeTensorsError: Error, CustomStringConvertible, Equatable {
    /// What is wrong.
    public enum Reason: Equatable, Sendable {
        /// The file is shorter than the 8 bytes that give the header's length.
        case truncated(fileSize: Int)
        /// The header's stated length runs past the end of the file.
        case headerLengthTooBig(headerLength: UInt64, fileSize: Int)
        /// The header is not a JSON object of the expected form.
        case badHeader(String)
        /// The tensor's dtype is not one litbook reads.
        case unsupportedDType(String)
        /// The tensor's `data_offsets` are reversed or run past the data.
        case offsetsOutOfRange(begin: Int, end: Int, dataSize: Int)
        /// The tensor's bytes overlap another tensor's.
        case overlapping(other: String)
        /// The tensor's byte range does not hold exactly its shape's elements.
        case byteCountMismatch(shape: [Int], dtype: String, expected: Int, actual: Int)
        /// The tensor cannot be saved under this name.
        case reservedName
    }

    /// The file's path, or `<data>` when reading from bytes.
    public let file: String
    /// The tensor concerned, if the problem is one tensor's.
    public let tensor: String?
    public let reason: Reason

    public init(file: String, tensor: String? = nil, reason: Reason) {
        self.file = file
        self.tensor = tensor
        self.reason = reason
    }

    public var description: String {
        let place = tensor.map { "\(file): tensor \($0.jsonLiteral)" } ?? file
        return "\(place): \(message)"
    }

    private var message: String {
        switch reason {
        case .truncated(let fileSize):
            return "truncated: the file has \(fileSize) bytes, fewer than the 8 that give the header length"
        case .headerLengthTooBig(let headerLength, let fileSize):
            return "header length \(headerLength) is too big: "
                + "the file has only \(fileSize - 8) bytes after the 8-byte length"
        case .badHeader(let detail):
            return "bad JSON header: \(detail)"
        case .unsupportedDType(let dtype):
            return "unsupported dtype \(dtype.jsonLiteral); litbook reads F32, F16 and BF16"
        case .offsetsOutOfRange(let begin, let end, let dataSize):
            return "data_offsets [\(begin), \(end)] are out of range: the data section has \(dataSize) bytes"
        case .overlapping(let other):
            return "bytes overlap those of tensor \(other.jsonLiteral)"
        case .byteCountMismatch(let shape, let dtype, let expected, let actual):
            return "shape \(shape) of \(dtype) needs \(expected) bytes, but data_offsets give \(actual)"
        case .reservedName:
            return "\"__metadata__\" is reserved for the file's metadata and cannot name a tensor"
        }
    }
}
