// The PNG inside large heatmaps: checked against a small reference inflater, CRC and Base64 vectors.

import XCTest
@testable import Figures

final class PalettePNGTests: XCTestCase {
    func testDeflateRoundTripsThroughAReferenceInflater() throws {
        let row = (0..<300).map { UInt8($0 % 7) }
        let samples: [[UInt8]] = [
            [], [42], Array(repeating: 9, count: 1000),
            (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) },
            Array((0..<40).map { _ in row }.joined()),
        ]
        for sample in samples {
            let compressed = Deflate.compress(sample, rowLength: 300)
            XCTAssertEqual(try FixedHuffmanInflater.inflate(compressed), sample, "round trip of \(sample.count) bytes")
        }
        let repetitive = Deflate.compress(Array((0..<40).map { _ in row }.joined()), rowLength: 300)
        XCTAssertLessThan(repetitive.count, 1200, "repeated rows compress")
    }

    func testPNGChunksCarryCorrectChecksums() {
        XCTAssertEqual(CRC32.checksum(Array("IEND".utf8)), 0xAE42_6082)
        let png = PalettePNG.encode(
            width: 2, height: 1, pixels: [0, 1],
            palette: [RGB(red: 0, green: 0, blue: 0), RGB(red: 255, green: 0, blue: 0)])
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(png.suffix(12)), [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
        XCTAssertEqual(PalettePNG.adler32(Array("Wikipedia".utf8)), 0x11E6_0398)
    }

    func testBase64() {
        XCTAssertEqual(Base64.encode(Array("Man".utf8)), "TWFu")
        XCTAssertEqual(Base64.encode(Array("Ma".utf8)), "TWE=")
        XCTAssertEqual(Base64.encode(Array("M".utf8)), "TQ==")
        XCTAssertEqual(Base64.encode([]), "")
        XCTAssertEqual(Base64.encode([0xFB, 0xFF]), "+/8=")
    }
}

/// A reference inflater for single fixed-Huffman blocks, written from RFC 1951 independently of the encoder.
enum FixedHuffmanInflater {
    struct Malformed: Error {}

    static func inflate(_ data: [UInt8]) throws -> [UInt8] {
        var position = 0
        func bit() throws -> Int {
            guard position / 8 < data.count else { throw Malformed() }
            defer { position += 1 }
            return Int(data[position / 8] >> UInt8(position % 8)) & 1
        }
        func bits(_ n: Int) throws -> Int { var v = 0; for k in 0..<n { v |= try bit() << k }; return v }
        func huffman(_ n: Int) throws -> Int { var v = 0; for _ in 0..<n { v = v << 1 | (try bit()) }; return v }
        guard try bits(1) == 1, try bits(2) == 1 else { throw Malformed() }
        let lengthBase = [
            3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
            227, 258,
        ]
        let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        var out: [UInt8] = []
        while true {
            // Decode a literal/length symbol: 7-bit codes first, then 8, then 9.
            var code = try huffman(7)
            let symbol: Int
            if code <= 0b0010111 { symbol = 256 + code } else {
                code = code << 1 | (try bit())
                if (0x30...0xBF).contains(code) { symbol = code - 0x30 }
                else if (0xC0...0xC7).contains(code) { symbol = 280 + code - 0xC0 }
                else { code = code << 1 | (try bit()); symbol = 144 + code - 0x190 }
            }
            if symbol < 256 { out.append(UInt8(symbol)); continue }
            if symbol == 256 { return out }
            let length = lengthBase[symbol - 257] + (try bits(lengthExtra[symbol - 257]))
            let distanceCode = try huffman(5)
            var distanceBase = 1, extra = 0
            for d in 0..<distanceCode {   // walk the distance table: base grows by 2^extra each step
                distanceBase += 1 << extra
                if d >= 3 && d % 2 == 1 { extra += 1 }
            }
            let distance = distanceBase + (try bits(distanceCode < 4 ? 0 : distanceCode / 2 - 1))
            guard distance <= out.count else { throw Malformed() }
            for _ in 0..<length { out.append(out[out.count - distance]) }
        }
    }
}
