// The bytes of one HTML page as it is written: markup appended as is, text appended escaped.

import TextFormats

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
    /// instead of breaking validity, by the rule of `ControlCharacters`: C0 controls become
    /// their Unicode control pictures (ESC shows as `␛`), C1 controls and noncharacters
    /// become U+FFFD. O(n) in UTF-8 bytes.
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    /// Appends the escaped bytes of `utf8`, which must be whole UTF-8 sequences.
    mutating func text(utf8: UnsafeBufferPointer<UInt8>) {
        appendEscaped(utf8)
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        HTMLText.appendEscaped(utf8, to: &bytes)
    }
}
