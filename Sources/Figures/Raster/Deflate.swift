// Deflate compression with fixed Huffman codes, tuned to images: repeats of the pixel to the left or the row above.

/// Compresses bytes into a raw deflate stream (RFC 1951) using one block of fixed Huffman codes.
///
/// The matcher only looks at two distances: 1 (a run of one palette index) and `rowLength`
/// (the scanline above). An upscaled heatmap is made of exactly those repeats, so this
/// compresses it about as well as a general compressor, in a few dozen lines and deterministically.
enum Deflate {
    static func compress(_ data: [UInt8], rowLength: Int) -> [UInt8] {
        var writer = BitWriter()
        writer.write(bits: 1, count: 1)   // BFINAL: the only block
        writer.write(bits: 1, count: 2)   // BTYPE 01: fixed Huffman codes
        var i = 0
        while i < data.count {
            var best = (length: 0, distance: 0)
            for distance in [1, rowLength] where distance > 0 && distance <= i && distance <= 32768 {
                var length = 0
                while length < 258 && i + length < data.count && data[i + length] == data[i + length - distance] {
                    length += 1
                }
                if length > best.length { best = (length, distance) }
            }
            if best.length >= 3 {
                writeLength(best.length, to: &writer)
                writeDistance(best.distance, to: &writer)
                i += best.length
            } else {
                writeLiteral(Int(data[i]), to: &writer)
                i += 1
            }
        }
        writeLiteral(256, to: &writer)   // end of block
        return writer.finish()
    }

    // MARK: - Fixed codes (RFC 1951 §3.2.6)

    private static func writeLiteral(_ symbol: Int, to writer: inout BitWriter) {
        switch symbol {
        case 0...143: writer.writeCode(0x30 + symbol, length: 8)
        case 144...255: writer.writeCode(0x190 + symbol - 144, length: 9)
        case 256...279: writer.writeCode(symbol - 256, length: 7)
        default: writer.writeCode(0xC0 + symbol - 280, length: 8)
        }
    }

    private static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                      35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                          3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                        257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                        8193, 12289, 16385, 24577]

    private static func writeLength(_ length: Int, to writer: inout BitWriter) {
        let index = lengthBases.lastIndex { $0 <= length }!
        writeLiteral(257 + index, to: &writer)
        writer.write(bits: UInt32(length - lengthBases[index]), count: lengthExtraBits[index])
    }

    private static func writeDistance(_ distance: Int, to writer: inout BitWriter) {
        let index = distanceBases.lastIndex { $0 <= distance }!
        writer.writeCode(index, length: 5)
        writer.write(bits: UInt32(distance - distanceBases[index]), count: max(0, index / 2 - 1))
    }
}

/// Packs bits least-significant first, as deflate requires.
struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt32 = 0
    private var used = 0

    /// Writes the low `count` bits of `bits`, least significant first (extra bits, header fields).
    mutating func write(bits: UInt32, count: Int) {
        for k in 0..<count {
            buffer |= ((bits >> UInt32(k)) & 1) << UInt32(used)
            used += 1
            if used == 8 { bytes.append(UInt8(buffer)); buffer = 0; used = 0 }
        }
    }

    /// Writes a Huffman code most significant bit first, as deflate stores codes.
    mutating func writeCode(_ code: Int, length: Int) {
        for k in stride(from: length - 1, through: 0, by: -1) { write(bits: UInt32((code >> k) & 1), count: 1) }
    }

    /// The bytes written, the last one padded with zero bits.
    mutating func finish() -> [UInt8] {
        if used > 0 { bytes.append(UInt8(buffer)); buffer = 0; used = 0 }
        return bytes
    }
}
