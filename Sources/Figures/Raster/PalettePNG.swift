// A minimal PNG encoder for palette images: how a large heatmap's cells fit in a few kilobytes of SVG.

/// Encodes an image of palette indices as a PNG file (colour type 3, 8 bits per pixel).
///
/// The pixel data is compressed by `Deflate`, which finds the repeats an upscaled heatmap is
/// made of; the encoder is short, exact and byte-for-byte deterministic.
enum PalettePNG {
    /// The PNG bytes of a `width`×`height` image; `pixels` holds one palette index per pixel, row by row.
    ///
    /// - Parameters:
    ///   - palette: up to 256 colours.
    ///   - transparentIndex: a palette index drawn fully transparent, if any.
    static func encode(
        width: Int, height: Int, pixels: [UInt8], palette: [RGB], transparentIndex: UInt8? = nil
    ) -> [UInt8] {
        precondition(
            pixels.count == width * height, "PalettePNG: \(pixels.count) pixels for a \(width)×\(height) image")
        precondition(
            !palette.isEmpty && palette.count <= 256, "PalettePNG: \(palette.count) palette colours, need 1...256")
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        header += [8, 3, 0, 0, 0]   // bit depth, colour type "palette", deflate, adaptive filters, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("PLTE", palette.flatMap { [$0.red, $0.green, $0.blue] }, to: &png)
        if let transparentIndex, Int(transparentIndex) < palette.count {
            var alpha = [UInt8](repeating: 255, count: palette.count)
            alpha[Int(transparentIndex)] = 0
            appendChunk("tRNS", alpha, to: &png)
        }
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            scanlines.append(0)   // filter type "none"
            scanlines += pixels[(row * width)..<((row + 1) * width)]
        }
        appendChunk("IDAT", zlib(scanlines, rowLength: width + 1), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    // MARK: - Containers

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += bigEndian(UInt32(data.count))
        png += typeBytes
        png += data
        png += bigEndian(CRC32.checksum(typeBytes + data))
    }

    /// A zlib stream (RFC 1950) around the deflated `data`.
    static func zlib(_ data: [UInt8], rowLength: Int) -> [UInt8] {
        [0x78, 0x01] + Deflate.compress(data, rowLength: rowLength) + bigEndian(adler32(data))
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}

/// The CRC-32 PNG chunks end with (polynomial 0xEDB88320, reflected).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
