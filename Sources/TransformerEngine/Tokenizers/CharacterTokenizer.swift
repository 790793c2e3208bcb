// A tokenizer with one id per Unicode character (scalar) seen in a corpus.

// MARK: - CharacterTokenizer

/// One token per Unicode scalar: each Chinese character, letter, digit, space or
/// punctuation mark of the corpus gets its own id.
///
/// "Character" here means a Unicode scalar, not a Swift `Character` (grapheme cluster):
/// - it is lossless: `é` written as one scalar and as `e` + combining accent are different
///   texts and stay different, whereas Swift treats them as the same `Character`;
/// - ids do not depend on the grapheme rules of a Swift version, so they are the same everywhere;
/// - every Chinese character is a single scalar, so Chinese text gets one id per character.
/// The price: an emoji built from several scalars, such as 👍🏽, takes several ids.
///
/// Ids: the corpus's distinct scalars sorted by code point take ids `0..<characters.count`;
/// the special tokens follow. The unknown token `<unk>` is always among them (added at the
/// end if not listed), and stands for every scalar the corpus did not contain.
/// ```swift
/// let tokenizer = CharacterTokenizer(corpus: "自注意力")
/// tokenizer.encode("注意")  // [2, 1]: 力 意 注 自 sorted by code point
/// tokenizer.decode([2, 1])  // "注意"
/// ```
public struct CharacterTokenizer: Tokenizer {
    /// The token that stands for characters missing from the vocabulary.
    public static let unknownToken = "<unk>"

    /// The vocabulary's characters in id order: `characters[id]` is the character of `id`.
    public let characters: [Unicode.Scalar]

    public let specialTokens: SpecialTokens

    /// The id that characters outside the vocabulary encode to.
    public let unknownID: Int

    private let idOfCharacter: [Unicode.Scalar: Int]

    public var vocabularySize: Int { characters.count + specialTokens.count }

    // MARK: - Creating

    /// A tokenizer for every distinct character of `corpus`, plus `specialTokens`.
    ///
    /// Special tokens written in the corpus are not counted as characters.
    /// Complexity: O(n + k log k) for n characters in the corpus and k distinct ones.
    public init(corpus: String, specialTokens: [String] = SpecialTokens.standard) {
        let special = SpecialTokens(Self.withUnknown(specialTokens), firstID: 0)
        var seen = Set<Unicode.Scalar>()
        for case .text(let bytes) in special.split(Array(corpus.utf8), recognizing: true) {
            seen.formUnion(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        }
        self.init(characters: seen.sorted { $0.value < $1.value }, specialTokens: specialTokens)
    }

    /// A tokenizer with exactly these characters, in this id order, plus `specialTokens`.
    ///
    /// - Precondition: the characters are distinct.
    public init(characters: [Unicode.Scalar], specialTokens: [String] = SpecialTokens.standard) {
        var idOfCharacter: [Unicode.Scalar: Int] = [:]
        for (id, character) in characters.enumerated() {
            let previous = idOfCharacter.updateValue(id, forKey: character)
            precondition(previous == nil,
                "character U+\(String(character.value, radix: 16, uppercase: true)) is listed twice")
        }
        self.characters = characters
        self.idOfCharacter = idOfCharacter
        self.specialTokens = SpecialTokens(Self.withUnknown(specialTokens), firstID: characters.count)
        self.unknownID = self.specialTokens.id(of: Self.unknownToken)!
    }

    private static func withUnknown(_ tokens: [String]) -> [String] {
        tokens.contains(unknownToken) ? tokens : tokens + [unknownToken]
    }

    // MARK: - Encoding and decoding

    /// The ids of `text`, one per Unicode scalar or special token. O(text length).
    public func encode(_ text: String, recognizingSpecialTokens: Bool) -> [Int] {
        var ids: [Int] = []
        for segment in specialTokens.split(Array(text.utf8), recognizing: recognizingSpecialTokens) {
            switch segment {
            case .special(let id):
                ids.append(id)
            case .text(let bytes):
                for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                    ids.append(idOfCharacter[scalar] ?? unknownID)
                }
            }
        }
        return ids
    }

    /// The text of `ids`; `<unk>` decodes to its own text, since the lost character is unknown.
    public func decode(_ ids: [Int], skippingSpecialTokens: Bool) -> String {
        var text = String.UnicodeScalarView()
        for id in ids {
            checkID(id)
            if id < characters.count {
                text.append(characters[id])
            } else if !skippingSpecialTokens {
                text.append(contentsOf: specialTokens.token(for: id)!.unicodeScalars)
            }
        }
        return String(text)
    }

    /// The character of `id` (`\n` for a newline), or the special token's text.
    public func piece(for id: Int) -> String {
        checkID(id)
        return id < characters.count ? PieceText.printable(characters[id]) : specialTokens.token(for: id)!
    }
}
