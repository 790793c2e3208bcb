// Reads note files from disk and parses them.

import Foundation

/// Reads and parses notes.
public enum NoteLoader {
    /// Reads each path as UTF-8 and parses it, in the order given. A file that cannot be read or
    /// is not valid UTF-8 gives a problem (invalid UTF-8 at the line and column of its first bad
    /// byte) and no note; the other files are still loaded.
    public static func load(_ paths: [String]) -> (notes: [Note], problems: [NoteProblem]) {
        var notes: [Note] = []
        var problems: [NoteProblem] = []
        for path in paths {
            switch read(path) {
            case .success(let text):
                let parsed = NoteParser.parse(path: path, text: text)
                notes.append(parsed.note)
                problems += parsed.problems
            case .failure(let problem):
                problems.append(problem)
            }
        }
        return (notes, problems)
    }

    /// The text of the file at `path`, exactly as on disk, or the problem that stops reading it.
    public static func read(_ path: String) -> Result<String, NoteProblem> {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            return .failure(.error(exists ? "cannot read the file" : "no such file", path: path, line: 0))
        }
        return decode([UInt8](data), path: path)
    }

    /// `bytes` as a String, or a problem pointing at the first byte that is not valid UTF-8.
    static func decode(_ bytes: [UInt8], path: String) -> Result<String, NoteProblem> {
        if let offset = firstInvalidUTF8Byte(in: bytes) {
            let lines = NoteLines(bytes: bytes)
            let line = lines.lineNumber(ofByte: offset)
            let column = offset - lines.line(line).start + 1
            return .failure(
                .error(
                    "the file is not valid UTF-8 (byte \(offset) is"
                        + " 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                    path: path, line: line, column: column))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8Byte(in bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
