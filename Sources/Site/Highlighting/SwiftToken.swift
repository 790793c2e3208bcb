// The kinds of Swift source a reader sees in colour, and where each piece lies in a cell's code.

/// A highlighted stretch of Swift source. Stretches not covered by a token are plain
/// (identifiers, operators, punctuation, whitespace).
struct SwiftToken: Hashable {
    enum Kind: Hashable, CaseIterable {
        case keyword
        /// A capitalised identifier: `Tensor`, `Int`, `String`.
        case type
        /// A string literal's text, quotes included; interpolated code is tokenised as code.
        case string
        /// The `\(` and `)` around an interpolation.
        case interpolation
        case number
        case comment
        /// `@MainActor`, `@discardableResult`.
        case attribute
        /// `#if`, `#sourceLocation`, `#file`.
        case directive

        /// The CSS class the page uses for this kind.
        var cssClass: String {
            switch self {
            case .keyword: return "kw"
            case .type: return "ty"
            case .string: return "str"
            case .interpolation: return "interp"
            case .number: return "num"
            case .comment: return "com"
            case .attribute: return "attr"
            case .directive: return "dir"
            }
        }
    }

    var kind: Kind
    /// Byte offsets into the source's UTF-8.
    var range: Range<Int>
}
