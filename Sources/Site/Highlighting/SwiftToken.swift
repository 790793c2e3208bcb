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

        /// The CSS class the page uses for this kind; prefixed `tok-` so that no other markup
        /// (a table's `num` column, say) takes a syntax colour.
        var cssClass: String {
            switch self {
            case .keyword: return "tok-kw"
            case .type: return "tok-ty"
            case .string: return "tok-str"
            case .interpolation: return "tok-interp"
            case .number: return "tok-num"
            case .comment: return "tok-com"
            case .attribute: return "tok-attr"
            case .directive: return "tok-dir"
            }
        }
    }

    var kind: Kind
    /// Byte offsets into the source's UTF-8.
    var range: Range<Int>
}
