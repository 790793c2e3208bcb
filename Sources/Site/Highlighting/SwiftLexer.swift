// A small Swift lexer for highlighting: enough of the grammar to colour teaching code correctly.

/// Splits Swift source into highlighted tokens.
///
/// It knows what changes the meaning of the bytes after it: comments (nested block comments
/// too), string literals (multi-line, raw `#"…"#`, interpolation `\(…)` holding code with its
/// own strings), numbers, attributes and `#` directives. It never fails: unterminated
/// literals end at the end of the line (single-line strings) or of the source. O(n).
struct SwiftLexer {
    private let source: [UInt8]
    private var position = 0
    private var tokens: [SwiftToken] = []

    /// The highlighted tokens of `code`, in order, with byte ranges into `code.utf8`.
    static func tokens(in code: String) -> [SwiftToken] {
        var lexer = SwiftLexer(source: Array(code.utf8))
        lexer.lexCode(insideInterpolation: false)
        return lexer.tokens
    }

    private init(source: [UInt8]) {
        self.source = source
    }

    // MARK: - Code

    /// Lexes code up to the end, or inside an interpolation up to its unbalanced `)`.
    private mutating func lexCode(insideInterpolation: Bool) {
        var parenDepth = 0
        while position < source.count {
            let byte = source[position]
            switch byte {
            case ascii("("):
                parenDepth += 1
                position += 1
            case ascii(")"):
                if insideInterpolation && parenDepth == 0 { return }
                parenDepth -= 1
                position += 1
            case ascii("/") where peek(1) == ascii("/"):
                lexLineComment()
            case ascii("/") where peek(1) == ascii("*"):
                lexBlockComment()
            case ascii("\""):
                lexString(start: position, hashes: 0)
            case ascii("#"):
                lexHash()
            case ascii("@") where isIdentifierStart(peek(1)):
                let start = position
                position += 1
                skipIdentifier()
                emit(.attribute, start..<position)
            case ascii("`"):
                skipBacktickIdentifier()
            case ascii("0")...ascii("9"):
                lexNumber()
            default:
                if isIdentifierStart(byte) {
                    lexIdentifier()
                } else {
                    position += 1
                }
            }
        }
    }

    private mutating func lexIdentifier() {
        let start = position
        skipIdentifier()
        let word = source[start..<position]
        if SwiftKeywords.contains(word) {
            emit(.keyword, start..<position)
        } else if let first = word.first, first >= ascii("A") && first <= ascii("Z") {
            emit(.type, start..<position)
        }
    }

    private mutating func skipIdentifier() {
        while position < source.count && isIdentifierContinue(source[position]) { position += 1 }
    }

    /// `` `class` `` is an ordinary identifier: plain, even when it spells a keyword.
    private mutating func skipBacktickIdentifier() {
        position += 1
        while position < source.count && source[position] != ascii("`") && source[position] != ascii("\n") {
            position += 1
        }
        if position < source.count && source[position] == ascii("`") { position += 1 }
    }

    /// `#"raw"#`, `#if`, `#sourceLocation(…)`, or a lone `#`.
    private mutating func lexHash() {
        let start = position
        var hashes = 0
        while peek(hashes) == ascii("#") { hashes += 1 }
        if peek(hashes) == ascii("\"") {
            position += hashes
            lexString(start: start, hashes: hashes)
        } else if hashes == 1 && isIdentifierStart(peek(1)) {
            position += 1
            skipIdentifier()
            emit(.directive, start..<position)
        } else {
            position += hashes
        }
    }

    // MARK: - Comments

    private mutating func lexLineComment() {
        let start = position
        while position < source.count && source[position] != ascii("\n") { position += 1 }
        emit(.comment, start..<position)
    }

    /// Block comments nest in Swift: `/* a /* b */ still comment */`.
    private mutating func lexBlockComment() {
        let start = position
        var depth = 0
        while position < source.count {
            if source[position] == ascii("/") && peek(1) == ascii("*") {
                depth += 1
                position += 2
            } else if source[position] == ascii("*") && peek(1) == ascii("/") {
                depth -= 1
                position += 2
                if depth == 0 { break }
            } else {
                position += 1
            }
        }
        emit(.comment, start..<position)
    }

    // MARK: - Strings

    /// Lexes a string literal whose opening quote is at `position`, preceded by `hashes` `#`s from `start`.
    private mutating func lexString(start: Int, hashes: Int) {
        let multiline = peek(1) == ascii("\"") && peek(2) == ascii("\"")
        position += multiline ? 3 : 1
        var segmentStart = start
        while position < source.count {
            let byte = source[position]
            if byte == ascii("\n") && !multiline { break }
            if byte == ascii("\\") && hashesFollow(from: position + 1, count: hashes) {
                let afterHashes = position + 1 + hashes
                if afterHashes < source.count && source[afterHashes] == ascii("(") {
                    emit(.string, segmentStart..<position)
                    emit(.interpolation, position..<afterHashes + 1)
                    position = afterHashes + 1
                    lexCode(insideInterpolation: true)
                    if position < source.count {  // the closing `)`
                        emit(.interpolation, position..<position + 1)
                        position += 1
                    }
                    segmentStart = position
                } else {
                    position = min(afterHashes + 1, source.count)  // the escaped character
                }
                continue
            }
            if byte == ascii("\"") {
                let quotes = multiline ? 3 : 1
                if (0..<quotes).allSatisfy({ peek($0) == ascii("\"") })
                    && hashesFollow(from: position + quotes, count: hashes)
                {
                    position += quotes + hashes
                    break
                }
            }
            position += 1
        }
        emit(.string, segmentStart..<position)
    }

    private func hashesFollow(from index: Int, count: Int) -> Bool {
        guard index + count <= source.count else { return false }
        return source[index..<index + count].allSatisfy { $0 == ascii("#") }
    }

    // MARK: - Numbers

    /// `42`, `1_000`, `3.14`, `1e-3`, `0x1F`, `0b1010`, `0o17`; `1...5` leaves the range operator alone.
    private mutating func lexNumber() {
        let start = position
        if source[position] == ascii("0"), let radix = peek(1),
            radix == ascii("x") || radix == ascii("b") || radix == ascii("o")
        {
            position += 2
            while position < source.count && (isHexDigit(source[position]) || source[position] == ascii("_")) {
                position += 1
            }
            emit(.number, start..<position)
            return
        }
        skipDigits()
        if peek(0) == ascii("."), let next = peek(1), isDigit(next) {
            position += 1
            skipDigits()
        }
        if let e = peek(0), e == ascii("e") || e == ascii("E") {
            let sign = peek(1) == ascii("+") || peek(1) == ascii("-") ? 1 : 0
            if let digit = peek(1 + sign), isDigit(digit) {
                position += 1 + sign
                skipDigits()
            }
        }
        emit(.number, start..<position)
    }

    private mutating func skipDigits() {
        while position < source.count && (isDigit(source[position]) || source[position] == ascii("_")) { position += 1 }
    }

    // MARK: - Bytes

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < source.count ? source[position + offset] : nil
    }

    private mutating func emit(_ kind: SwiftToken.Kind, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let last = tokens.last, last.kind == kind, last.range.upperBound == range.lowerBound {
            tokens[tokens.count - 1].range = last.range.lowerBound..<range.upperBound
        } else {
            tokens.append(SwiftToken(kind: kind, range: range))
        }
    }
}

// MARK: - Character classes

private func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }

private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

private func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20 >= ascii("a") && byte | 0x20 <= ascii("f"))
}

/// Letters, `_`, `$` (for `$0`) and every non-ASCII byte: Swift identifiers may be Chinese.
private func isIdentifierStart(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return (byte | 0x20 >= ascii("a") && byte | 0x20 <= ascii("z")) || byte == ascii("_") || byte == ascii("$")
        || byte >= 0x80
}

private func isIdentifierContinue(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte)
}
