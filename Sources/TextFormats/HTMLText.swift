// Escaping for text placed in HTML pages, on UTF-8 bytes: text shows as written and never becomes markup.

/// HTML escaping for element content and double-quoted attribute values.
public enum HTMLText {
    /// Appends the escaped bytes of `utf8`, which must be whole UTF-8 sequences, to `out`.
    ///
    /// `& < > "` become entities; tab, LF and CR stay; characters HTML forbids in a document
    /// follow the rule of `ControlCharacters` (ESC shows as `␛`, a C1 control as U+FFFD).
    /// Runs of bytes that need nothing are copied at once. O(n) in UTF-8 bytes.
    public static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
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
                if isForbiddenMultiByte(utf8, at: i, width: width) {
                    flush(&out, upTo: i)
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
                    runStart = i + width
                }
                i += width
                continue
            }
            flush(&out, upTo: i)
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x7F: out.append(contentsOf: [0xE2, 0x90, 0xA1])  // ␡
            default: out.append(contentsOf: [0xE2, 0x90, 0x80 + byte])  // U+2400 + byte: ␀ … ␟
            }
            i += 1
            runStart = i
        }
        flush(&out, upTo: n)
    }

    /// Whether the sequence at `i` is a C1 control or a noncharacter, which `ControlCharacters`
    /// replaces by U+FFFD; the byte-level form of its rule.
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
