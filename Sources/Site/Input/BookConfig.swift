// The book config `litbook.toml` next to the notes: site title, source repository, fold-all-code.

import Foundation
import Notebook

/// Reads `litbook.toml`, a small TOML file of top-level `key = value` lines:
///
/// ```toml
/// title = "Transformer 学习笔记"
/// repository = "https://github.com/owner/notes"
/// branch = "main"          # the branch source links point at; "main" when left out
/// fold-code = true         # every cell's code starts folded, as if each had `fold`
/// language = "en"          # the notes' language, for <html lang>; "zh-CN" when left out
/// ```
///
/// Hand-written rather than a TOML library: the file has five keys of two types, and a
/// reader of this size gives messages in our `file:line:col` form and costs no C++ build.
/// Strings are basic (`"…"`, with `\"`, `\\`, `\n`, `\t`, `\u`) or literal (`'…'`); `#` starts
/// a comment. Anything else (tables, arrays, unknown keys) is reported and left out; every
/// good line is still used.
public enum BookConfig {
    /// The file name litbook looks for in the folder that holds the notes.
    public static let fileName = "litbook.toml"

    /// The site options of the book whose notes are `notePaths`: read from `litbook.toml` in the
    /// notes' common folder, or the defaults when there is none.
    public static func load(forNotes notePaths: [String]) -> (options: SiteOptions, problems: [NoteProblem]) {
        let path = configPath(forNotes: notePaths)
        guard FileManager.default.fileExists(atPath: path) else { return (SiteOptions(), []) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            return (SiteOptions(), [.error("cannot read the book config (not UTF-8 text?)", path: path, line: 0)])
        }
        return parse(text, path: path)
    }

    /// Where the config of the notes at `notePaths` lives: `litbook.toml` in the deepest folder holding them all.
    static func configPath(forNotes notePaths: [String]) -> String {
        let folders = notePaths.map {
            NotePaths.folder(of: NotePaths.normalized($0)).split(separator: "/", omittingEmptySubsequences: false)
        }
        guard var common = folders.first else { return fileName }
        for folder in folders.dropFirst() {
            common = zip(common, folder).prefix { $0 == $1 }.map(\.0)
        }
        let folder = common.joined(separator: "/")
        return folder.isEmpty
            ? (notePaths.first?.hasPrefix("/") == true ? "/" : "") + fileName : folder + "/" + fileName
    }

    /// The options `text` sets; problems name `path` and the line and column.
    public static func parse(_ text: String, path: String) -> (options: SiteOptions, problems: [NoteProblem]) {
        var options = SiteOptions()
        var problems: [NoteProblem] = []
        var seen: Set<String> = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(rawLine.utf8.last == UInt8(ascii: "\r") ? rawLine.utf8.dropLast() : rawLine.utf8[...])
            var scanner = Scanner(bytes: line, path: path, line: number + 1)
            scanner.skipSpaces()
            if scanner.atEndOfLine { continue }
            do {
                let (key, keyColumn) = try scanner.key()
                scanner.skipSpaces()
                try scanner.expect(UInt8(ascii: "="), "'=' after the key '\(key)'")
                scanner.skipSpaces()
                let valueColumn = scanner.column
                let value = try scanner.value()
                scanner.skipSpaces()
                guard scanner.atEndOfLine else { throw scanner.problem("unexpected text after the value of '\(key)'") }
                if !seen.insert(key).inserted {
                    problems.append(
                        .error("key '\(key)' is given twice", path: path, line: number + 1, column: keyColumn))
                    continue
                }
                if let problem = apply(key, value, to: &options) {
                    problems.append(
                        .error(
                            problem, path: path, line: number + 1,
                            column: problem.hasPrefix("unknown") ? keyColumn : valueColumn))
                }
            } catch let problem as NoteProblem {
                problems.append(problem)
            } catch {
                preconditionFailure("the book config scanner throws only NoteProblem")
            }
        }
        return (options, problems)
    }

    private enum Value {
        case string(String)
        case bool(Bool)

        var typeName: String {
            switch self {
            case .string: return "a string"
            case .bool: return "true or false"
            }
        }
    }

    /// Sets `key` in `options`, or says why it cannot.
    private static func apply(_ key: String, _ value: Value, to options: inout SiteOptions) -> String? {
        switch (key, value) {
        case ("title", .string(let title)) where !title.isEmpty: options.title = title
        case ("repository", .string(let url)):
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                return "'repository' must be a web address starting with https://, not '\(url)'"
            }
            options.repository = url.hasSuffix("/") ? String(url.dropLast()) : url
        case ("branch", .string(let branch)) where !branch.isEmpty: options.branch = branch
        case ("fold-code", .bool(let folds)): options.foldsAllCode = folds
        case ("language", .string(let tag)) where isLanguageTag(tag): options.language = tag
        case ("language", _): return "'language' must be a language tag such as \"en\" or \"zh-CN\""
        case ("title", _), ("branch", _): return "'\(key)' must be a non-empty string"
        case ("repository", _): return "'repository' must be a string"
        case ("fold-code", _): return "'fold-code' must be true or false, not \(value.typeName)"
        default: return "unknown key '\(key)' (known: title, repository, branch, fold-code, language)"
        }
        return nil
    }

    /// `en`, `zh-CN`, `zh-Hans-CN`: letters and digits in `-`-separated parts, starting with 2–3 letters.
    private static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy {
            !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    // MARK: - Scanning one line

    private struct Scanner {
        var bytes: [UInt8]
        var path: String
        var line: Int
        var at = 0

        init(bytes: [UInt8], path: String, line: Int) {
            self.bytes = bytes
            self.path = path
            self.line = line
        }

        /// 1-based byte column of the next byte.
        var column: Int { at + 1 }
        var atEndOfLine: Bool { at == bytes.count || bytes[at] == UInt8(ascii: "#") }

        func problem(_ message: String) -> NoteProblem {
            .error(message, path: path, line: line, column: column)
        }

        mutating func skipSpaces() {
            while at < bytes.count, bytes[at] == UInt8(ascii: " ") || bytes[at] == UInt8(ascii: "\t") { at += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws {
            guard at < bytes.count, bytes[at] == byte else { throw problem("expected \(what)") }
            at += 1
        }

        /// A bare key: letters, digits, `-` and `_`.
        mutating func key() throws -> (String, Int) {
            let start = at
            if at < bytes.count, bytes[at] == UInt8(ascii: "[") {
                throw problem(
                    "tables such as '\(String(decoding: bytes[at...], as: UTF8.self))' are not used in litbook.toml;"
                        + " write top-level keys"
                )
            }
            while at < bytes.count, Self.isKeyByte(bytes[at]) { at += 1 }
            guard at > start else { throw problem("expected a key such as 'repository'") }
            return (String(decoding: bytes[start..<at], as: UTF8.self), start + 1)
        }

        static func isKeyByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): return true
            default: return false
            }
        }

        mutating func value() throws -> Value {
            guard at < bytes.count else { throw problem("expected a value: a \"string\", true or false") }
            switch bytes[at] {
            case UInt8(ascii: "\""): return .string(try basicString())
            case UInt8(ascii: "'"): return .string(try literalString())
            default:
                let start = at
                while at < bytes.count, Self.isKeyByte(bytes[at]) || bytes[at] == UInt8(ascii: ".") { at += 1 }
                let word = String(decoding: bytes[start..<at], as: UTF8.self)
                if word == "true" { return .bool(true) }
                if word == "false" { return .bool(false) }
                at = start
                throw problem("expected a value: a \"string\", true or false")
            }
        }

        mutating func literalString() throws -> String {
            let start = column
            at += 1
            let from = at
            while at < bytes.count, bytes[at] != UInt8(ascii: "'") { at += 1 }
            guard at < bytes.count else {
                throw NoteProblem.error(
                    "string opened here is not closed on its line", path: path, line: line, column: start)
            }
            defer { at += 1 }
            return String(decoding: bytes[from..<at], as: UTF8.self)
        }

        mutating func basicString() throws -> String {
            let start = column
            at += 1
            var out: [UInt8] = []
            while at < bytes.count {
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") {
                    at += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") {
                    at += 1
                    guard at < bytes.count else { break }
                    switch bytes[at] {
                    case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                    case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                    case UInt8(ascii: "u"):
                        let hex =
                            bytes.count >= at + 5 ? String(decoding: bytes[(at + 1)...(at + 4)], as: UTF8.self) : ""
                        guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                            throw problem("'\\u' needs four hex digits naming a character")
                        }
                        out += Array(String(Character(scalar)).utf8)
                        at += 4
                    default:
                        throw problem("unknown escape '\\\(String(decoding: [bytes[at]], as: UTF8.self))' in a string")
                    }
                    at += 1
                    continue
                }
                out.append(byte)
                at += 1
            }
            throw NoteProblem.error(
                "string opened here is not closed on its line", path: path, line: line, column: start)
        }
    }
}
