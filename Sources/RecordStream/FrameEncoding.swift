// The byte layout of a frame on the record channel, and how one is written.

import Foundation

/// The layout of one frame: a fixed header, then the record as JSON.
///
/// ```
/// offset  size  field
///      0     4  magic "LBR1" (format version 1)
///      4     4  payload length, little-endian UInt32
///      8     8  stdout offset, little-endian UInt64
///     16     n  payload: the record as RecordJSON
/// ```
/// The magic lets the reader tell a damaged stream from a valid one instead of decoding garbage.
public enum FrameLayout {
    public static let magic: [UInt8] = Array("LBR1".utf8)
    public static let headerSize = 16
    /// Larger frames are refused: no figure a note displays comes near this.
    public static let maximumPayloadSize = 256 << 20
}

/// Turns frames into bytes.
public struct FrameEncoder {
    private let json = RecordJSON.encoder()

    public init() {}

    /// The bytes of `frame`, header and payload.
    public func encode(_ frame: Frame) throws -> [UInt8] {
        let payload = try json.encode(frame.record)
        var bytes = FrameLayout.magic
        bytes.reserveCapacity(FrameLayout.headerSize + payload.count)
        append(UInt32(payload.count), to: &bytes)
        append(frame.outputOffset, to: &bytes)
        bytes.append(contentsOf: payload)
        return bytes
    }

    private func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
