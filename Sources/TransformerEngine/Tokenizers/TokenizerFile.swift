// Saving tokenizers to small JSON files with fixed bytes, and loading them back.

import Foundation

// MARK: - File format

/// The JSON shared by both tokenizer kinds:
/// ```json
/// {
///   "format": "litbook-tokenizer",
///   "version": 1,
///   "kind": "byte-pair",
///   "specialTokens": ["<pad>", "<bos>", "<eos>"],
///   "merges": [
///     [97, 97],
///     [97, 98]
///   ]
/// }
/// ```
/// A character tokenizer has `"kind": "character"` and `"characters": ["\n", " ", "中"]`
/// (16 a line) instead of merges. Files are written by hand, not by an encoder, so the same
/// tokenizer always gives the same bytes.
enum TokenizerFile {
    static let format = "litbook-tokenizer"
    static let version = 1

    /// The file's text: the common fields, then `body`, which is the kind's own field.
    static func text(kind: String, specialTokens: [String], body: String) -> String {
        """
        {
          "format": \(format.jsonLiteral),
          "version": \(version),
          "kind": \(kind.jsonLiteral),
          "specialTokens": [\(specialTokens.map(\.jsonLiteral).joined(separator: ", "))],
        \(body)
        }

        """
    }

    /// `items` as a JSON array with `perLine` items a line, indented inside the top object.
    static func array(_ name: String, _ items: [String], perLine: Int) -> String {
        guard !items.isEmpty else { return "  \(name.jsonLiteral): []" }
        let lines = stride(from: 0, to: items.count, by: perLine).map {
            "    " + items[$0..<min($0 + perLine, items.count)].joined(separator: ", ")
        }
        return "  \(name.jsonLiteral): [\n" + lines.joined(separator: ",\n") + "\n  ]"
    }

    // MARK: - Reading

    /// The file's top-level fields, after checking format, version and kind.
    static func fields(of data: Data, file: String, kind: String) throws -> [String: Any] {
        let fail = { (message: String) in TokenizerFileError(file: file, message: message) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw fail("not valid JSON (\(error.localizedDescription))")
        }
        guard let fields = object as? [String: Any] else { throw fail("expected a JSON object at the top level") }
        guard fields["format"] as? String == format else {
            throw fail("not a litbook tokenizer: \"format\" is \(quoted(fields["format"])), expected \"\(format)\"")
        }
        guard fields["version"] as? Int == version else {
            throw fail("unsupported version \(quoted(fields["version"])); this litbook reads version \(version)")
        }
        guard fields["kind"] as? String == kind else {
            throw fail("this is a \(quoted(fields["kind"])) tokenizer file, expected \"\(kind)\"")
        }
        return fields
    }

    /// The special tokens field: distinct, non-empty strings.
    static func specialTokens(in fields: [String: Any], file: String) throws -> [String] {
        guard let tokens = fields["specialTokens"] as? [String] else {
            throw TokenizerFileError(file: file,
                message: "\"specialTokens\" must be an array of strings, found \(quoted(fields["specialTokens"]))")
        }
        for (index, token) in tokens.enumerated() {
            if token.isEmpty { throw TokenizerFileError(file: file, message: "special token \(index) is empty") }
            if tokens[..<index].contains(token) {
                throw TokenizerFileError(file: file, message: "special token \(token.jsonLiteral) is listed twice")
            }
        }
        return tokens
    }

    /// A short quotation of a JSON value for an error message.
    static func quoted(_ value: Any?) -> String {
        switch value {
        case nil: return "missing"
        case let string as String: return string.jsonLiteral
        case let value?: return "\(value)"
        }
    }
}

// MARK: - Saving and loading

/// A tokenizer that saves itself as JSON text with fixed bytes and loads back from it.
public protocol TokenizerFileCoding {
    /// The tokenizer as JSON text, the same bytes every time.
    var json: String { get }
    /// Loads a tokenizer from JSON; `file` names the source in error messages.
    init(json data: Data, file: String) throws
}

extension TokenizerFileCoding {
    /// Writes the tokenizer to `url` as JSON.
    public func save(to url: URL) throws {
        try Data(json.utf8).write(to: url, options: .atomic)
    }

    /// Loads a tokenizer saved with `save(to:)`.
    public init(contentsOf url: URL) throws {
        try self.init(json: try Data(contentsOf: url), file: url.path)
    }
}

// MARK: - BytePairTokenizer

extension BytePairTokenizer: TokenizerFileCoding {
    /// The tokenizer as JSON text, the same bytes every time.
    public var json: String {
        TokenizerFile.text(
            kind: "byte-pair", specialTokens: specialTokens.tokens,
            body: TokenizerFile.array("merges", merges.map { "[\($0.left), \($0.right)]" }, perLine: 1))
    }

    /// Loads a tokenizer from JSON; `file` names the source in error messages.
    public init(json data: Data, file: String = "<data>") throws {
        let fields = try TokenizerFile.fields(of: data, file: file, kind: "byte-pair")
        let specialTokens = try TokenizerFile.specialTokens(in: fields, file: file)
        guard let pairs = fields["merges"] as? [Any] else {
            throw TokenizerFileError(file: file,
                message: "\"merges\" must be an array, found \(TokenizerFile.quoted(fields["merges"]))")
        }
        var merges: [Merge] = []
        var seen: [Merge: Int] = [:]
        for (rank, pair) in pairs.enumerated() {
            let id = Self.byteCount + rank
            guard let ids = JSONNumbers.naturals(pair), ids.count == 2 else {
                throw TokenizerFileError(file: file,
                    message: "merge \(rank) must be two ids [left, right], found \(TokenizerFile.quoted(pair))")
            }
            if let bad = ids.first(where: { !(0..<id).contains($0) }) {
                throw TokenizerFileError(file: file,
                    message: "merge \(rank) \(ids) uses id \(bad), which does not exist before id \(id)")
            }
            let merge = Merge(ids[0], ids[1])
            if let earlier = seen.updateValue(rank, forKey: merge) {
                throw TokenizerFileError(file: file, message: "merge \(rank) \(ids) repeats merge \(earlier)")
            }
            merges.append(merge)
        }
        self.init(merges: merges, specialTokens: specialTokens)
    }
}

// MARK: - CharacterTokenizer

extension CharacterTokenizer: TokenizerFileCoding {
    /// The tokenizer as JSON text, the same bytes every time.
    public var json: String {
        TokenizerFile.text(
            kind: "character", specialTokens: specialTokens.tokens,
            body: TokenizerFile.array("characters", characters.map { String($0).jsonLiteral }, perLine: 16))
    }

    /// Loads a tokenizer from JSON; `file` names the source in error messages.
    public init(json data: Data, file: String = "<data>") throws {
        let fields = try TokenizerFile.fields(of: data, file: file, kind: "character")
        let specialTokens = try TokenizerFile.specialTokens(in: fields, file: file)
        guard let strings = fields["characters"] as? [String] else {
            throw TokenizerFileError(
                file: file,
                message: "\"characters\" must be an array of strings, "
                    + "found \(TokenizerFile.quoted(fields["characters"]))")
        }
        var characters: [Unicode.Scalar] = []
        var seen = Set<Unicode.Scalar>()
        for (id, string) in strings.enumerated() {
            let scalars = Array(string.unicodeScalars)
            guard scalars.count == 1 else {
                throw TokenizerFileError(
                    file: file,
                    message: "character \(id) \(string.jsonLiteral) must be exactly one Unicode scalar, "
                        + "found \(scalars.count)")
            }
            guard seen.insert(scalars[0]).inserted else {
                throw TokenizerFileError(file: file, message: "character \(id) \(string.jsonLiteral) is listed twice")
            }
            characters.append(scalars[0])
        }
        self.init(characters: characters, specialTokens: specialTokens)
    }
}
