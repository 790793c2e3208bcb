// A byte-level byte-pair-encoding (BPE) tokenizer: encoding, decoding and pieces.

// MARK: - BytePairTokenizer

/// Byte-level BPE, the tokenizer family of GPT-2 and its successors.
///
/// Text is read as UTF-8 bytes. The 256 byte values are the first 256 ids (id 228 is the byte
/// 0xE4), so every string, whatever its characters, can be encoded and decoded back exactly.
/// Each learned merge joins two adjacent tokens into a new one and takes the next id; special
/// tokens come last. Train one with `train(corpus:vocabularySize:specialTokens:)`:
/// ```swift
/// let tokenizer = BytePairTokenizer.train(corpus: text, vocabularySize: 1_000)
/// let ids = tokenizer.encode("注意力机制")
/// tokenizer.pieces(of: "注意力")  // e.g. ["注意", "<0xE5><0x8A>", "<0x9B>"]
/// tokenizer.decode(ids)            // "注意力机制"
/// ```
/// Merges never cross the word boundaries described in `PreTokenizer`.
public struct BytePairTokenizer: Tokenizer {
    /// The special tokens `train` adds unless told otherwise. There is no `<unk>`: every
    /// text is made of bytes, so nothing is ever unknown.
    public static let defaultSpecialTokens = ["<pad>", "<bos>", "<eos>"]

    /// The number of byte tokens, which take ids `0..<256`.
    public static let byteCount = 256

    /// One learned merge: the tokens `left` and `right`, adjacent, become one token.
    public struct Merge: Hashable, Sendable, CustomStringConvertible {
        public let left: Int
        public let right: Int

        public init(_ left: Int, _ right: Int) {
            self.left = left
            self.right = right
        }

        public var description: String { "(\(left), \(right))" }
    }

    /// The merges in the order learned; merge `i` creates the token with id `256 + i`.
    public let merges: [Merge]

    public let specialTokens: SpecialTokens

    /// The bytes of every ordinary (non-special) id.
    private let bytesOfID: [[UInt8]]

    /// Applies the merges to one word.
    private let merger: WordMerger

    public var vocabularySize: Int { Self.byteCount + merges.count + specialTokens.count }

    // MARK: - Creating

    /// A tokenizer applying `merges` in order, with `specialTokens` after them.
    ///
    /// - Precondition: each merge joins ids that exist before it, and no merge is repeated.
    public init(merges: [Merge], specialTokens: [String] = BytePairTokenizer.defaultSpecialTokens) {
        var bytesOfID = (0..<Self.byteCount).map { [UInt8($0)] }
        var idOfMerge: [UInt64: Int] = [:]
        for (rank, merge) in merges.enumerated() {
            let id = Self.byteCount + rank
            precondition(
                (0..<id).contains(merge.left) && (0..<id).contains(merge.right),
                "merge \(rank) (\(merge.left), \(merge.right)) uses an id that does not exist before id \(id)")
            let previous = idOfMerge.updateValue(id, forKey: Self.pairKey(merge.left, merge.right))
            precondition(
                previous == nil,
                "merge \(rank) (\(merge.left), \(merge.right)) repeats merge \((previous ?? id) - Self.byteCount)")
            bytesOfID.append(bytesOfID[merge.left] + bytesOfID[merge.right])
        }
        self.merges = merges
        self.bytesOfID = bytesOfID
        self.merger = WordMerger(idOfMerge: idOfMerge)
        self.specialTokens = SpecialTokens(specialTokens, firstID: bytesOfID.count)
    }

    // MARK: - Encoding and decoding

    /// The ids of `text`: special tokens first, then each word's bytes merged in the order the
    /// merges were learned, each merge at every place it occurs from left to right.
    /// O(w log w) per word of w bytes.
    public func encode(_ text: String, recognizingSpecialTokens: Bool) -> [Int] {
        var ids: [Int] = []
        for segment in specialTokens.split(Array(text.utf8), recognizing: recognizingSpecialTokens) {
            switch segment {
            case .special(let id):
                ids.append(id)
            case .text(let bytes):
                for word in PreTokenizer.words(in: bytes) { ids += merger.tokens(of: word) }
            }
        }
        return ids
    }

    /// The text of `ids`. Ids decode to bytes, and the bytes are read as UTF-8; a sequence
    /// that cuts a character in half (which `encode` never produces) shows U+FFFD for it.
    public func decode(_ ids: [Int], skippingSpecialTokens: Bool) -> String {
        var bytes: [UInt8] = []
        for id in ids {
            checkID(id)
            if id < bytesOfID.count {
                bytes += bytesOfID[id]
            } else if !skippingSpecialTokens {
                bytes += specialTokens.token(for: id)!.utf8
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 bytes an ordinary id stands for (empty for a special token).
    public func bytes(of id: Int) -> [UInt8] {
        checkID(id)
        return id < bytesOfID.count ? bytesOfID[id] : []
    }

    /// The token's bytes as text, with bytes that are only part of a character written as
    /// `<0xE4>`, and control characters escaped (`\n`); a special token's own text.
    public func piece(for id: Int) -> String {
        checkID(id)
        return id < bytesOfID.count ? PieceText.printable(bytesOfID[id]) : specialTokens.token(for: id)!
    }
}

// MARK: - Pairs

extension BytePairTokenizer {
    /// One number for an adjacent pair of ids, for fast dictionary keys; keys sort the way
    /// `(left, right)` pairs sort.
    static func pairKey(_ left: Int, _ right: Int) -> UInt64 {
        UInt64(left) << 32 | UInt64(right)
    }

    /// `tokens` with every occurrence of `left` followed by `right` replaced by `id`, scanning
    /// left to right so that overlapping occurrences (`a a a`) merge the leftmost first. O(n).
    static func merged(_ tokens: [Int], left: Int, right: Int, into id: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            if index + 1 < tokens.count, tokens[index] == left, tokens[index + 1] == right {
                result.append(id)
                index += 2
            } else {
                result.append(tokens[index])
                index += 1
            }
        }
        return result
    }
}
