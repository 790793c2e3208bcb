// The bytes of one HTML page as it is written: markup appended as is, text appended escaped.

/// A growing UTF-8 byte buffer for one page, with escaping for text and attribute values.
///
/// Pages are built from bytes rather than `String` concatenation because rendering a
/// thousand notes is dominated by copying text; bytes are appended once and never re-encoded.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: - Markup

    /// Appends markup written by litbook itself, unescaped.
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends bytes that are already valid HTML.
    mutating func raw<Bytes: Sequence>(bytes more: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: more)
    }

    // MARK: - Text

    /// Appends `text` so that it reads as written, in element content or a double-quoted attribute.
    ///
    /// `& < > "` become entities. Characters HTML forbids in a document are made visible
    /// instead of breaking validity: C0 controls become their Unicode control pictures
    /// (ESC shows as `␛`), C1 controls and noncharacters become U+FFFD. O(n) in UTF-8 bytes.
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    /// Appends the escaped bytes of `utf8`, which must be whole UTF-8 sequences.
    mutating func text(utf8: UnsafeBufferPointer<UInt8>) {
        appendEscaped(utf8)
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = utf8.count
        var runStart = 0
        // Copies the run of bytes that needed no escaping in one go.
        func flush(_ buffer: inout [UInt8], upTo end: Int) {
            if end > runStart { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
        }
        while i < n {
            let byte = utf8[i]
            if byte >= 0x20 && byte < 0x7F && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22 {
                i += 1
                continue
            }
            if byte >= 0x80 {
                let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if Self.isForbiddenMultiByte(utf8, at: i, width: width) {
                    flush(&bytes, upTo: i)
                    bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
                    runStart = i + width
                }
                i += width
                continue
            }
            flush(&bytes, upTo: i)
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x09, 0x0A, 0x0D: bytes.append(byte)
            case 0x7F: bytes.append(contentsOf: [0xE2, 0x90, 0xA1])  // ␡
            default: bytes.append(contentsOf: [0xE2, 0x90, 0x80 + byte])  // U+2400 + byte: ␀ … ␟
            }
            i += 1
            runStart = i
        }
        flush(&bytes, upTo: n)
    }

    /// Whether the sequence at `i` is a C1 control or a Unicode noncharacter, which HTML forbids.
    private static func isForbiddenMultiByte(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int, width: Int) -> Bool {
        guard i + width <= utf8.count else { return false }
        switch width {
        case 2:
            return utf8[i] == 0xC2 && utf8[i + 1] < 0xA0  // U+0080 … U+009F
        case 3:
            if utf8[i] != 0xEF { return false }
            if utf8[i + 1] == 0xB7 { return utf8[i + 2] >= 0x90 && utf8[i + 2] <= 0xAF }  // U+FDD0 … U+FDEF
            return utf8[i + 1] == 0xBF && utf8[i + 2] >= 0xBE  // U+FFFE, U+FFFF
        default:
            return utf8[i + 1] & 0x0F == 0x0F && utf8[i + 2] == 0xBF && utf8[i + 3] >= 0xBE  // U+nFFFE, U+nFFFF
        }
    }
}
