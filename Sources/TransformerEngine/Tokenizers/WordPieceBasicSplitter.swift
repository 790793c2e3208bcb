// BERT's basic tokenisation: clean the text, split off CJK characters and punctuation, lower-case and strip accents.

import Foundation

// MARK: - Basic splitting

/// The first stage of Hugging Face's `BertTokenizer` (its `BasicTokenizer`), rule for rule, on
/// Unicode scalars (Python's characters):
/// 1. drop NUL, U+FFFD and control characters; every whitespace character becomes a space;
/// 2. put spaces around every CJK ideograph, so each is a word of its own;
/// 3. NFC-normalise, split on whitespace;
/// 4. per word (unless it is a special token): lower-case, then NFD and drop combining marks
///    (when `lowercases`), then split off every punctuation character as its own word.
/// O(text length).
struct WordPieceBasicSplitter: Sendable {
    /// Lower-case and strip accents (an uncased model's vocabulary has neither capitals nor accents).
    let lowercases: Bool
    /// Words kept whole, such as `[CLS]`.
    let neverSplit: Set<String>

    /// The words of `text`.
    func words(_ text: String) -> [String] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
            if Self.isWhitespace(scalar) {
                cleaned.append(" ")
            } else if Self.isCJK(scalar) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        let normalized = String(cleaned).precomposedStringWithCanonicalMapping
        var words: [String] = []
        for word in Self.splitOnWhitespace(normalized) {
            if neverSplit.contains(word) {
                words.append(word)
                continue
            }
            let folded = lowercases ? Self.strippingAccents(word.lowercased()) : word
            words += Self.splitOnPunctuation(folded)
        }
        return words
    }

    // MARK: - Steps

    /// Splits on whitespace as Python's `str.split()` does on the cleaned text.
    static func splitOnWhitespace(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// NFD, then without the non-spacing marks (category Mn): "café" → "cafe".
    static func strippingAccents(_ word: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            kept.append(scalar)
        }
        return String(kept)
    }

    /// Every punctuation character a word of its own: "don't!" → "don", "'", "t", "!".
    static func splitOnPunctuation(_ word: String) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            if isPunctuation(scalar) {
                if !current.isEmpty { pieces.append(String(current)) }
                pieces.append(String(scalar))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { pieces.append(String(current)) }
        return pieces
    }

    // MARK: - Character classes (as `transformers`' `_is_whitespace`, `_is_control`, `_is_punctuation`)

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r": return true
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\r": return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned: return true
            default: return false
            }
        }
    }

    /// ASCII non-letters and non-digits count as punctuation ("$", "^", "`"), as in BERT.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    /// The CJK Unified Ideographs blocks BERT splits character by character (not Hangul or kana).
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
             0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }
}
