// The words the highlighter colours as keywords.

/// Swift's keywords, plus the contextual ones that teaching code uses as keywords. `get` and
/// `set` are left out: outside accessors they are ordinary names.
enum SwiftKeywords {
    private static let words = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for",
        "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "as", "Any", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        "async", "await", "some", "any", "actor", "nonisolated", "mutating", "nonmutating", "override",
        "final", "lazy", "weak", "unowned", "convenience", "required", "indirect", "willSet", "didSet",
        "consuming", "borrowing", "sending",
    ]

    /// The keywords packed into 16 bytes each: looking an identifier up allocates nothing,
    /// which matters because every identifier of every cell is looked up.
    private static let packed: Set<Packed> = Set(words.map { Packed(Array($0.utf8)[...])! })

    static func contains(_ word: ArraySlice<UInt8>) -> Bool {
        guard let key = Packed(word) else { return false }
        return packed.contains(key)
    }

    /// Up to 16 bytes of a word, zero-padded.
    private struct Packed: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init?(_ word: ArraySlice<UInt8>) {
            guard word.count <= 16 else { return nil }
            for (i, byte) in word.enumerated() {
                if i < 8 { low |= UInt64(byte) << (8 * UInt64(i)) } else { high |= UInt64(byte) << (8 * UInt64(i - 8)) }
            }
        }
    }
}
