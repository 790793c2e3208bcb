// A note's own limits, read from its front matter: `timeout`, `memory`, `output-limit`.

import Foundation
import Notebook

/// A front-matter value litbook cannot read, e.g. `timeout: soon`.
public struct NoteSettingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var key: String
    public var value: String
    /// What a valid value looks like.
    public var expected: String

    public var description: String {
        "\(path): front matter '\(key): \(value)' is not \(expected)"
    }
}

/// Reads per-note limits from front matter.
///
/// - `timeout`: seconds, or a number with `ms`, `s` or `m`: `timeout: 90s`, `timeout: 2m`.
/// - `memory`: bytes, or a number with `KB`, `MB` or `GB` (powers of 1024): `memory: 512MB`.
/// - `output-limit`: the same units as `memory`: `output-limit: 64KB`.
public enum NoteSettings {
    public static let timeoutKey = "timeout"
    public static let memoryKey = "memory"
    public static let outputLimitKey = "output-limit"

    /// `defaults` with the note's own values in place of those it sets.
    public static func limits(for note: Note, defaults: Limits) throws(NoteSettingError) -> Limits {
        var limits = defaults
        if let value = note.frontMatter[timeoutKey] {
            guard let seconds = seconds(value) else {
                throw NoteSettingError(path: note.path, key: timeoutKey, value: value,
                                       expected: "a duration such as '30s', '2m' or '500ms'")
            }
            limits.timeLimit = seconds
        }
        if let value = note.frontMatter[memoryKey] {
            guard let bytes = bytes(value) else {
                throw NoteSettingError(path: note.path, key: memoryKey, value: value,
                                       expected: "a size such as '512MB' or '2GB'")
            }
            limits.memoryLimit = bytes
        }
        if let value = note.frontMatter[outputLimitKey] {
            guard let bytes = bytes(value) else {
                throw NoteSettingError(path: note.path, key: outputLimitKey, value: value,
                                       expected: "a size such as '64KB' or '1MB'")
            }
            limits.outputLimit = bytes
        }
        return limits
    }

    // MARK: - Units

    /// Seconds in `text` ("30", "30s", "2m", "500ms"), or nil; never zero or negative.
    public static func seconds(_ text: String) -> Double? {
        let units: [(suffix: String, scale: Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        guard let (number, scale) = split(text, units: units), number > 0 else { return nil }
        return number * scale
    }

    /// Bytes in `text` ("1048576", "64KB", "512MB", "2GB", also "KiB"…), or nil; never zero.
    public static func bytes(_ text: String) -> Int? {
        let units: [(suffix: String, scale: Double)] = [
            ("KiB", kibi), ("MiB", mebi), ("GiB", gibi),
            ("KB", kibi), ("MB", mebi), ("GB", gibi), ("K", kibi), ("M", mebi), ("G", gibi), ("B", 1),
        ]
        guard let (number, scale) = split(text, units: units) else { return nil }
        let value = (number * scale).rounded()
        guard value >= 1, value < Double(Int.max / 2) else { return nil }
        return Int(value)
    }

    private static let kibi = 1024.0, mebi = kibi * 1024, gibi = mebi * 1024

    private static func split(_ text: String, units: [(suffix: String, scale: Double)]) -> (Double, Double)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            let number = trimmed.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)
            return Double(number).flatMap { $0.isFinite ? ($0, unit.scale) : nil }
        }
        return Double(trimmed).flatMap { $0.isFinite ? ($0, 1) : nil }
    }
}
