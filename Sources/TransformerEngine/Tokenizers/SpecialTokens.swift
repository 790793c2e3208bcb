// Special tokens: their ids, and finding them inside text.

// MARK: - SpecialTokens

/// The special tokens of a tokenizer, such as `<pad>`, `<bos>`, `<eos>` and `<unk>`.
///
/// They take consecutive ids starting at `firstID`, in the order given, after the ordinary
/// vocabulary, so adding a special token never renumbers ordinary tokens.
public struct SpecialTokens: Sendable, Equatable {
    /// The usual four: padding, beginning and end of sequence, unknown.
    public static let standard = ["<pad>", "<bos>", "<eos>", "<unk>"]

    /// The tokens' texts, in id order.
    public let tokens: [String]

    /// The id of `tokens[0]`.
    public let firstID: Int

    /// The tokens' UTF-8 bytes, longest first so that `<eos>` wins over a token `<e`.
    private let byLength: [(bytes: [UInt8], id: Int)]

    /// Creates special tokens with ids `firstID ..< firstID + tokens.count`.
    ///
    /// - Precondition: tokens are non-empty and distinct.
    public init(_ tokens: [String], firstID: Int) {
        for (index, token) in tokens.enumerated() {
            precondition(!token.isEmpty, "a special token cannot be the empty string")
            precondition(
                !tokens[..<index].contains(token), "special token '\(token)' is listed twice in \(tokens)")
        }
        self.tokens = tokens
        self.firstID = firstID
        self.byLength = tokens.enumerated()
            .map { (bytes: Array($0.element.utf8), id: firstID + $0.offset) }
            .sorted { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.id < $1.id }
    }

    /// How many special tokens there are.
    public var count: Int { tokens.count }

    /// The id of `token`, or nil if it is not a special token.
    public func id(of token: String) -> Int? {
        tokens.firstIndex(of: token).map { firstID + $0 }
    }

    /// The text of the special token with this id, or nil if `id` is not special.
    public func token(for id: Int) -> String? {
        let index = id - firstID
        return tokens.indices.contains(index) ? tokens[index] : nil
    }

    public static func == (lhs: SpecialTokens, rhs: SpecialTokens) -> Bool {
        lhs.tokens == rhs.tokens && lhs.firstID == rhs.firstID
    }

    // MARK: - Splitting text

    /// A stretch of input: ordinary text, or one special token.
    enum Segment: Equatable {
        case text(ArraySlice<UInt8>)
        case special(Int)
    }

    /// Splits UTF-8 `bytes` into ordinary text and special tokens, scanning left to right and
    /// taking the longest special token that starts at each position. O(bytes × tokens).
    ///
    /// Matching on bytes is safe: a UTF-8 needle can only match a UTF-8 haystack at a
    /// character boundary, so every text segment is itself valid UTF-8.
    func split(_ bytes: [UInt8], recognizing: Bool) -> [Segment] {
        guard recognizing, !tokens.isEmpty else { return bytes.isEmpty ? [] : [.text(bytes[...])] }
        var segments: [Segment] = []
        var textStart = 0
        var position = 0
        while position < bytes.count {
            guard let match = byLength.first(where: { bytes.hasPrefix($0.bytes, at: position) }) else {
                position += 1
                continue
            }
            if textStart < position { segments.append(.text(bytes[textStart..<position])) }
            segments.append(.special(match.id))
            position += match.bytes.count
            textStart = position
        }
        if textStart < bytes.count { segments.append(.text(bytes[textStart...])) }
        return segments
    }
}

// MARK: - Byte matching

extension Array where Element == UInt8 {
    /// Whether `prefix` occurs in the array starting at `position`.
    fileprivate func hasPrefix(_ prefix: [UInt8], at position: Int) -> Bool {
        guard count - position >= prefix.count else { return false }
        for offset in prefix.indices where self[position + offset] != prefix[offset] { return false }
        return true
    }
}
