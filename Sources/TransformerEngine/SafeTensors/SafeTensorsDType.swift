// The element types litbook reads from safetensors, and their conversion to Float.

import Foundation

// MARK: - SafeTensorsDType

/// A safetensors dtype litbook can read. Every one is converted to `Float` on loading.
public enum SafeTensorsDType: String, Sendable, CaseIterable {
    /// IEEE 754 single precision, 4 bytes.
    case float32 = "F32"
    /// IEEE 754 half precision, 2 bytes: 5 exponent bits, 10 fraction bits.
    case float16 = "F16"
    /// bfloat16, 2 bytes: the top half of a Float32 (8 exponent bits, 7 fraction bits).
    case bfloat16 = "BF16"

    /// Bytes per element.
    public var byteWidth: Int {
        switch self {
        case .float32: 4
        case .float16, .bfloat16: 2
        }
    }

    /// Reads `count` little-endian elements starting at `offset` in `bytes`. Exact: every
    /// F16 and BF16 value, subnormals, infinities and NaN included, is a Float.
    func floats(in bytes: UnsafeRawBufferPointer, offset: Int, count: Int) -> [Float] {
        switch self {
        case .float32 where Self.hostIsLittleEndian:
            // The file's bytes are already the host's Floats: copy them in one go.
            return [Float](unsafeUninitializedCapacity: count) { floats, initialized in
                UnsafeMutableRawBufferPointer(floats).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 4 * count]))
                initialized = count
            }
        case .float32:
            return (0..<count).map {
                Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * $0,
                    as: UInt32.self)))
            }
        case .float16:
            return (0..<count).map {
                Self.float(half: UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 2 * $0,
                    as: UInt16.self)))
            }
        case .bfloat16:
            return (0..<count).map {
                let bits = UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 2 * $0, as: UInt16.self))
                return Float(bitPattern: UInt32(bits) << 16)
            }
        }
    }

    /// Whether this machine stores numbers little-endian, as safetensors files do.
    static let hostIsLittleEndian = UInt16(1).littleEndian == 1

    /// The Float equal to an IEEE half-precision bit pattern. Written out rather than using
    /// `Float16`, which some platforms (macOS on Intel) lack.
    static func float(half bits: UInt16) -> Float {
        let sign: UInt32 = UInt32(bits >> 15) << 31
        let exponent = UInt32(bits >> 10) & 0x1F
        let fraction = UInt32(bits) & 0x3FF
        switch exponent {
        case 0:
            // Zero or subnormal: fraction × 2⁻²⁴, exact in Float.
            let magnitude = Float(fraction) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        case 0x1F:
            // Infinity or NaN, payload kept.
            return Float(bitPattern: sign | 0x7F80_0000 | fraction << 13)
        default:
            return Float(bitPattern: sign | (exponent + 127 - 15) << 23 | fraction << 13)
        }
    }
}
