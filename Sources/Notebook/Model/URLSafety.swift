// Which link and image URLs may be written into a page: cmark's safe-mode rule.

/// Decides whether a URL from a note may become an `href` or `src`.
///
/// `javascript:`, `vbscript:`, `file:` and `data:` URLs run script or reach the reader's disk
/// when clicked or loaded; only `data:` images in PNG, GIF, JPEG and WebP are harmless. The
/// rule is cmark's (`_scan_dangerous_url`), with the scheme compared after the spaces and
/// control characters browsers skip.
public enum URLSafety {
    /// Whether `url` is safe to write as a link or image address.
    public static func isSafe(_ url: String) -> Bool {
        let trimmed = url.unicodeScalars.drop(while: { $0.value <= 0x20 })
        let lowered = String(String.UnicodeScalarView(trimmed.prefix(20))).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lowered.hasPrefix(scheme) { return false }
        guard lowered.hasPrefix("data:") else { return true }
        return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains {
            lowered.hasPrefix($0)
        }
    }
}
