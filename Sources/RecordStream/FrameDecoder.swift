// Reads frames back from the bytes of the record channel, as they arrive.

import Foundation

/// Why the record channel could not be read to its end.
public enum FrameStreamDamage: Error, Hashable, Sendable, CustomStringConvertible {
    /// A frame header without the magic bytes at byte `at` of the stream.
    case badMagic(at: Int)
    /// A header announcing `length` bytes, more than any frame may hold.
    case oversized(at: Int, length: Int)
    /// A payload that is not a record: the decoder's message.
    case undecodable(at: Int, reason: String)
    /// The stream ended inside a frame: `bytes` bytes of it arrived.
    case truncated(at: Int, bytes: Int)

    public var description: String {
        switch self {
        case .badMagic(let at): return "record stream damaged at byte \(at): no frame header"
        case .oversized(let at, let length): return "record stream damaged at byte \(at): frame of \(length) bytes"
        case .undecodable(let at, let reason): return "record stream damaged at byte \(at): \(reason)"
        case .truncated(let at, let bytes): return "record stream cut off at byte \(at), \(bytes) bytes into a frame"
        }
    }
}

/// Accumulates the channel's bytes and hands out each complete frame once.
///
/// Feed it chunks as they are read from the pipe, in any sizes; a frame split across chunks
/// is held until its last byte arrives. Decoding stops at the first damage.
public struct FrameDecoder {
    private var buffer: [UInt8] = []
    /// Where `buffer[0]` stands in the whole stream, for messages.
    private var consumed = 0
    private let json = RecordJSON.decoder()
    /// The first damage found; once set, further bytes are ignored.
    public private(set) var damage: FrameStreamDamage?

    public init() {}

    /// Adds `bytes` and returns the frames they complete, in order.
    public mutating func feed<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [Frame] {
        guard damage == nil else { return [] }
        buffer.append(contentsOf: bytes)
        var frames: [Frame] = []
        var start = 0
        while buffer.count - start >= FrameLayout.headerSize {
            guard buffer[start..<start + 4].elementsEqual(FrameLayout.magic) else {
                damage = .badMagic(at: consumed + start)
                break
            }
            let length = Int(readInteger(UInt32.self, at: start + 4))
            guard length <= FrameLayout.maximumPayloadSize else {
                damage = .oversized(at: consumed + start, length: length)
                break
            }
            let end = start + FrameLayout.headerSize + length
            guard end <= buffer.count else { break }
            let offset = readInteger(UInt64.self, at: start + 8)
            let payload = Data(buffer[start + FrameLayout.headerSize..<end])
            do {
                frames.append(Frame(outputOffset: offset, record: try json.decode(Record.self, from: payload)))
            } catch {
                damage = .undecodable(at: consumed + start, reason: String(describing: error))
                break
            }
            start = end
        }
        buffer.removeFirst(start)
        consumed += start
        if damage != nil { buffer = [] }
        return frames
    }

    /// Call when the stream has ended: reports a frame left incomplete.
    public mutating func finish() {
        if damage == nil && !buffer.isEmpty {
            damage = .truncated(at: consumed, bytes: buffer.count)
        }
    }

    private func readInteger<T: FixedWidthInteger>(_ type: T.Type, at index: Int) -> T {
        var value = T.zero
        withUnsafeMutableBytes(of: &value) { raw in
            for i in 0..<MemoryLayout<T>.size { raw[i] = buffer[index + i] }
        }
        return T(littleEndian: value)
    }
}
