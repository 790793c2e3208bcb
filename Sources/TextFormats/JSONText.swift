// JSON string literals written by hand, so that files and indexes have fixed bytes whatever an encoder's options.

/// The one JSON string writer: the search index of the site and the engine's tokenizer and
/// safetensors files.
///
/// `"` and `\` are escaped; LF, CR and tab as `\n`, `\r`, `\t`; every other control character
/// below U+0020 as `\u00XX`. Everything else, Chinese included, is written as itself in UTF-8,
/// so files stay readable.
public enum JSONText {
    /// Appends `text` as a quoted JSON string to `out`. With `scriptSafe`, `<` is written as
    /// `\u003c` too, so `</script>` can never end a script, and U+2028 and U+2029, which old
    /// JavaScript engines reject in strings, as escapes. Works on UTF-8 bytes, O(n).
    public static func appendString(_ text: String, to out: inout [UInt8], scriptSafe: Bool = false) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                let escape: String?
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<") where scriptSafe: escape = "\\u003c"
                case 0xE2
                where scriptSafe && i + 2 < utf8.count && utf8[i + 1] == 0x80
                    && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    escape = utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                case 0..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                default: escape = nil
                }
                guard let escape else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                out.append(contentsOf: escape.utf8)
                i += byte == 0xE2 ? 3 : 1
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `text` as a quoted JSON string, by the rule of `appendString`.
    public static func string(_ text: String, scriptSafe: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendString(text, to: &out, scriptSafe: scriptSafe)
        return String(decoding: out, as: UTF8.self)
    }
}
