// The one rule for characters an output format cannot carry: made visible, never dropped, never passed through.

/// What litbook writes in place of a character that XML 1.0 or HTML forbids in a document.
///
/// The rule, the same in every format litbook writes (HTML pages, SVG figures, JUnit reports):
/// - a C0 control other than tab, LF and CR, and DEL, becomes its Unicode control picture
///   (U+2400 + its code, so ESC shows as `␛`; DEL as `␡`), so a reader sees which it was;
/// - a C1 control (U+0080 – U+009F) or a noncharacter (U+FDD0 – U+FDEF, U+nFFFE, U+nFFFF)
///   becomes U+FFFD, the replacement character.
///
/// JSON can carry every character, so the JSON writer escapes control characters instead
/// (`JSONText`).
public enum ControlCharacters {
    /// The scalar written in place of `scalar`, or `nil` when `scalar` may be written as it is.
    /// Tab, LF and CR are allowed here; each format decides how it writes them.
    @inline(__always)
    public static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value < 0x20 {
            return value == 0x09 || value == 0x0A || value == 0x0D ? nil : Unicode.Scalar(0x2400 + value)!
        }
        if value < 0x7F { return nil }
        if value == 0x7F { return "\u{2421}" }
        if value < 0xA0 { return "\u{FFFD}" }
        if (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE { return "\u{FFFD}" }
        return nil
    }
}
