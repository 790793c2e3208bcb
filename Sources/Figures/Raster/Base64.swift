// Base64 without Foundation, for `data:` URIs inside SVG.

enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// `bytes` in standard Base64 with `=` padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(group >> 18)])
            out.append(alphabet[Int((group >> 12) & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int((group >> 6) & 63)] : "=")
            out.append(i + 2 < bytes.count ? alphabet[Int(group & 63)] : "=")
            i += 3
        }
        return out
    }
}
