// The Tokenizer protocol: text to token ids and back, with special tokens.

// MARK: - Tokenizer

/// Turns text into token ids for a model, and ids back into text.
///
/// Every tokenizer has a fixed vocabulary of `vocabularySize` ids. Special tokens such as
/// `<eos>` take the last ids of the vocabulary and are recognised as single tokens when their
/// text appears in the input, unless recognition is turned off:
/// ```swift
/// let tokenizer = CharacterTokenizer(corpus: "注意力机制")
/// tokenizer.encode("注意<eos>")                                   // [4, 2, 7]
/// tokenizer.encode("注意<eos>", recognizingSpecialTokens: false)  // "<", "e", … become <unk>
/// ```
public protocol Tokenizer: Sendable {
    /// How many ids there are; every id is in `0..<vocabularySize`.
    var vocabularySize: Int { get }

    /// The special tokens, which own the ids `vocabularySize - specialTokens.count ..< vocabularySize`.
    var specialTokens: SpecialTokens { get }

    /// The ids of `text`; special tokens in the text count as one id each when
    /// `recognizingSpecialTokens` is true, and as ordinary text when it is false.
    func encode(_ text: String, recognizingSpecialTokens: Bool) -> [Int]

    /// The text of `ids`, leaving out special tokens when `skippingSpecialTokens` is true.
    ///
    /// - Precondition: every id is in `0..<vocabularySize`.
    func decode(_ ids: [Int], skippingSpecialTokens: Bool) -> String

    /// A printable form of one token, for showing how text was split.
    ///
    /// - Precondition: `id` is in `0..<vocabularySize`.
    func piece(for id: Int) -> String
}

// MARK: - Conveniences

extension Tokenizer {
    /// The ids of `text`, with special tokens recognised.
    public func encode(_ text: String) -> [Int] {
        encode(text, recognizingSpecialTokens: true)
    }

    /// The text of `ids`, special tokens included as their text.
    public func decode(_ ids: [Int]) -> String {
        decode(ids, skippingSpecialTokens: false)
    }

    /// The printable pieces `text` is split into, one per id of `encode(text)`.
    public func pieces(of text: String) -> [String] {
        encode(text).map { piece(for: $0) }
    }

    /// The id of the special token spelled `token` (such as `"<eos>"`), or nil if there is none.
    public func specialTokenID(_ token: String) -> Int? {
        specialTokens.id(of: token)
    }

    /// Stops with a message naming `id` unless it is a valid id of this tokenizer.
    func checkID(_ id: Int) {
        precondition(
            (0..<vocabularySize).contains(id),
            "token id \(id) is out of range: the vocabulary has \(vocabularySize) ids (0..<\(vocabularySize))"
        )
    }
}
