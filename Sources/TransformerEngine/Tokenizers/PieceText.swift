// Printable text for token pieces, including pieces that are only part of a character.

// MARK: - Printable pieces

enum PieceText {
    /// `bytes` as printable text: valid UTF-8 as itself, every byte that is not part of a
    /// complete character as `<0xE4>`, and control characters escaped (see `printable(_:)`).
    ///
    /// A byte-level token often holds one or two of the three bytes of a Chinese character;
    /// showing them as `<0xE6><0xB3>` tells the reader exactly what the token holds.
    static func printable<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var text = ""
        var parser = Unicode.UTF8.ForwardParser()
        var remaining = bytes.makeIterator()
        var position = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &remaining) {
            case .valid(let encoded):
                text += printable(Unicode.UTF8.decode(encoded))
                position = bytes.index(position, offsetBy: encoded.count)
            case .error(let length):
                for byte in bytes[position...].prefix(length) { text += hexByte(byte) }
                position = bytes.index(position, offsetBy: length)
            case .emptyInput:
                return text
            }
        }
    }

    /// One character as printable text: newline, tab and carriage return as `\n`, `\t`, `\r`,
    /// other control characters as `<0x07>`, and everything else as itself.
    static func printable(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: return hexByte(UInt8(scalar.value))
        default: return String(scalar)
        }
    }

    /// A byte spelled `<0xE4>`: upper-case hex, always two digits.
    static func hexByte(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "<0x" + (byte < 0x10 ? "0" : "") + hex + ">"
    }
}
