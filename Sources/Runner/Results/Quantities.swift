// Sizes and durations written the way messages and the README write them: `64 MB`, `2 s`.

/// Human-readable limits for messages.
enum Quantities {
    /// `bytes` in the largest binary unit that divides it: `2 GB`, `64 MB`, `512 KB`, `1000 bytes`.
    static func size(_ bytes: Int) -> String {
        for (unit, scale) in [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)] where bytes >= scale {
            if bytes % scale == 0 { return "\(bytes / scale) \(unit)" }
            if bytes >= scale * 10 { return "\((Double(bytes) / Double(scale) * 10).rounded() / 10) \(unit)" }
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// `seconds` as `2 s`, `1.5 s` or `500 ms`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        let rounded = (seconds * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) s" : "\(rounded) s"
    }
}
