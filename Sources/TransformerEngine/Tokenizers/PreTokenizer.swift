// Pre-tokenisation: cutting text into words before byte-pair merges are learned or applied.

// MARK: - PreTokenizer

/// Cuts text into words so that byte-pair merges never cross a word boundary.
///
/// The rule, close to GPT-2's: a word is a run of letters (with their combining marks), a run
/// of digits, or a run of other symbols (punctuation, emoji), each optionally preceded by one
/// space; whitespace runs are words of their own, except that a single space right before a
/// word joins that word. So `" the cat"` is `" the"`, `" cat"`, and Chinese text, which has no
/// spaces, is cut at punctuation: `"自注意力，是核心。"` is `"自注意力"`, `"，"`, `"是核心"`, `"。"`.
///
/// Concatenating the words gives back the text exactly, byte for byte.
enum PreTokenizer {
    /// What kind of character a scalar is, for the purpose of cutting words.
    private enum Kind: Equatable {
        case letter, digit, whitespace, other
    }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        if scalar.properties.isWhitespace { return .whitespace }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark:
            return .letter
        case .decimalNumber, .letterNumber, .otherNumber:
            return .digit
        default:
            return .other
        }
    }

    /// The words of `text`, as UTF-8 byte arrays. O(text length).
    static func words<Bytes: Collection<UInt8>>(in bytes: Bytes) -> [ArraySlice<UInt8>] {
        let bytes = Array(bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        // (byte offset, kind) for every scalar, so words can be cut at byte offsets.
        var scalars: [(offset: Int, kind: Kind, isSpace: Bool)] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append((offset, kind(of: scalar), scalar == " "))
            offset += UTF8.width(scalar)
        }
        var words: [ArraySlice<UInt8>] = []
        var start = 0  // index into `scalars` of the current word's first scalar
        while start < scalars.count {
            let end: Int
            if scalars[start].kind == .whitespace {
                var spacesEnd = start
                while spacesEnd < scalars.count, scalars[spacesEnd].kind == .whitespace { spacesEnd += 1 }
                if spacesEnd < scalars.count, scalars[spacesEnd - 1].isSpace {
                    // A single space right before a word belongs to that word.
                    end = spacesEnd - start == 1 ? runEnd(from: spacesEnd, in: scalars) : spacesEnd - 1
                } else {
                    end = spacesEnd
                }
            } else {
                end = runEnd(from: start, in: scalars)
            }
            let endOffset = end < scalars.count ? scalars[end].offset : bytes.count
            words.append(bytes[scalars[start].offset..<endOffset])
            start = end
        }
        return words
    }

    /// The end of the run of same-kind (non-whitespace) scalars starting at `start`.
    private static func runEnd(from start: Int, in scalars: [(offset: Int, kind: Kind, isSpace: Bool)]) -> Int {
        var end = start + 1
        while end < scalars.count, scalars[end].kind == scalars[start].kind { end += 1 }
        return end
    }
}
