// WordPiece, as BERT tokenises: basic splitting, then greedy longest-match sub-words with ## continuations.

import Foundation

// MARK: - WordPieceTokenizer

/// The tokenizer of BERT models, giving the same tokens as Hugging Face's `BertTokenizer`.
/// ```swift
/// let tokenizer = try WordPieceTokenizer(vocabularyAt: URL(fileURLWithPath: "models/all-MiniLM-L6-v2/vocab.txt"))
/// tokenizer.tokens("Tokenization!")   // ["[CLS]", "token", "##ization", "!", "[SEP]"]
/// ```
/// Each word from `WordPieceBasicSplitter` is cut greedily into the longest vocabulary entries
/// from its start, pieces after the first spelled with `##`; a word that cannot be cut that way,
/// or longer than `maxWordLength` characters, becomes `[UNK]`. Ids are line numbers of `vocab.txt`.
public struct WordPieceTokenizer: Sendable {
    /// The vocabulary in id order.
    public let vocabulary: [String]
    private let ids: [String: Int]
    private let splitter: WordPieceBasicSplitter
    /// Words longer than this many characters (Unicode scalars) become `[UNK]`.
    public let maxWordLength = 100

    public let unknownID: Int
    public let classID: Int
    public let separatorID: Int
    public let paddingID: Int

    /// Reads `vocab.txt` (one token per line); `lowercases` for uncased models.
    ///
    /// - Throws: `WordPieceError` when the file cannot be read or lacks a special token.
    public init(vocabularyAt url: URL, lowercases: Bool = true) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw WordPieceError(file: url.relativePath, problem: "cannot read the vocabulary file")
        }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if lines.last == "" { lines.removeLast() }
        try self.init(vocabulary: lines, lowercases: lowercases, file: url.relativePath)
    }

    /// A tokenizer over `vocabulary` (id i is entry i); `file` names it in errors.
    public init(vocabulary: [String], lowercases: Bool = true, file: String = "<vocabulary>") throws {
        self.vocabulary = vocabulary
        var ids: [String: Int] = [:]
        for (id, token) in vocabulary.enumerated() where ids[token] == nil { ids[token] = id }
        self.ids = ids
        func special(_ token: String) throws -> Int {
            guard let id = ids[token] else {
                throw WordPieceError(file: file, problem: "the vocabulary has no \(token) token")
            }
            return id
        }
        unknownID = try special("[UNK]")
        classID = try special("[CLS]")
        separatorID = try special("[SEP]")
        paddingID = try special("[PAD]")
        let specials = ["[UNK]", "[CLS]", "[SEP]", "[PAD]", "[MASK]"].filter { ids[$0] != nil }
        splitter = WordPieceBasicSplitter(lowercases: lowercases, neverSplit: Set(specials))
    }

    // MARK: - Encoding

    /// The ids of `text` with `[CLS]` before and `[SEP]` after. O(text length · longest token).
    public func encode(_ text: String) -> [Int] {
        [classID] + pieceIDs(text) + [separatorID]
    }

    /// The tokens of `text` as the vocabulary spells them, `[CLS]` and `[SEP]` included.
    public func tokens(_ text: String) -> [String] {
        encode(text).map { vocabulary[$0] }
    }

    /// The ids of `text`'s pieces alone, without `[CLS]` and `[SEP]` around them. Special
    /// tokens written in the text (`[SEP]`, `[MASK]`, exactly so spelled) are one id each, even
    /// with no space around them, as in Hugging Face.
    public func pieceIDs(_ text: String) -> [Int] {
        var ids: [Int] = []
        var rest = Substring(text)
        while let (range, id) = firstSpecialToken(in: rest) {
            ids += splitter.words(String(rest[..<range.lowerBound])).flatMap(wordPieces)
            ids.append(id)
            rest = rest[range.upperBound...]
        }
        return ids + splitter.words(String(rest)).flatMap(wordPieces)
    }

    /// The earliest special token spelled in `text` (the longest at that place), and its id.
    private func firstSpecialToken(in text: Substring) -> (Range<Substring.Index>, Int)? {
        var best: (Range<Substring.Index>, Int)?
        for token in splitter.neverSplit {
            guard let range = text.range(of: token) else { continue }
            if let current = best?.0,
               current.lowerBound < range.lowerBound || (current.lowerBound == range.lowerBound
                   && current.upperBound >= range.upperBound) {
                continue
            }
            best = (range, ids[token]!)
        }
        return best
    }

    /// The token of `id`.
    ///
    /// - Precondition: `id` is in `0..<vocabulary.count`.
    public func token(for id: Int) -> String {
        precondition(vocabulary.indices.contains(id), "WordPieceTokenizer: id \(id) is not in 0..<\(vocabulary.count)")
        return vocabulary[id]
    }

    /// Several texts as one padded batch: each `[CLS] … [SEP]`, cut to `maxLength` tokens (the
    /// last kept one `[SEP]`), padded with `[PAD]` to the longest. The mask is 1 on real tokens.
    public func encodeBatch(_ texts: [String], maxLength: Int = 512) -> WordPieceBatch {
        precondition(maxLength >= 2,
            "WordPieceTokenizer.encodeBatch: maxLength \(maxLength) leaves no room for [CLS] and [SEP]")
        let rows = texts.map { text -> [Int] in
            let pieces = pieceIDs(text)
            return [classID] + pieces.prefix(maxLength - 2) + [separatorID]
        }
        let width = rows.map(\.count).max() ?? 0
        return WordPieceBatch(
            ids: rows.map { $0 + Array(repeating: paddingID, count: width - $0.count) },
            mask: rows.map { Array(repeating: 1, count: $0.count) + Array(repeating: 0, count: width - $0.count) })
    }

    // MARK: - Greedy longest match

    /// The pieces of one word: longest vocabulary entry first, `##` on continuations; `[UNK]`
    /// for the whole word when some part matches nothing.
    private func wordPieces(_ word: String) -> [Int] {
        let scalars = Array(word.unicodeScalars)
        if scalars.count > maxWordLength { return [unknownID] }
        var pieces: [Int] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: Int?
            while start < end {
                var candidate = String(String.UnicodeScalarView(scalars[start..<end]))
                if start > 0 { candidate = "##" + candidate }
                if let id = ids[candidate] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let found else { return [unknownID] }
            pieces.append(found)
            start = end
        }
        return pieces
    }
}

// MARK: - Batches

/// Token ids of several texts padded to one length, with the mask of real tokens.
public struct WordPieceBatch: Sendable, Equatable {
    /// [texts][length] ids, `[PAD]` after each text's `[SEP]`.
    public let ids: [[Int]]
    /// [texts][length]: 1 for a real token, 0 for padding.
    public let mask: [[Int]]
}

// MARK: - Errors

/// A vocabulary that cannot be used, naming its file.
public struct WordPieceError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let problem: String
    public var description: String { "\(file): \(problem)" }
}
