// One message of the compiler, read from its output, and shown again with the note's own lines.

/// A compiler message: `file:line:col: severity: text`, and the excerpt lines under it.
struct CompilerDiagnostic: Hashable, Sendable {
    var file: String
    var line: Int
    var column: Int
    /// `error`, `warning`, `note` or `remark`.
    var severity: String
    var message: String
    /// The lines printed under the header: the source line, then the caret line and fix-its.
    var excerpt: [String]

    /// Reads the compiler's `-diagnostic-style llvm` output. Lines that are not part of a
    /// diagnostic (linker messages, say) come back in `unattributed`.
    static func parse(_ output: String) -> (diagnostics: [CompilerDiagnostic], unattributed: [String]) {
        var diagnostics: [CompilerDiagnostic] = []
        var unattributed: [String] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let diagnostic = header(line) {
                diagnostics.append(diagnostic)
            } else if !diagnostics.isEmpty, !line.isEmpty, !line.hasPrefix("error:") {
                diagnostics[diagnostics.count - 1].excerpt.append(String(line))
            } else if !line.isEmpty {
                unattributed.append(String(line))
            }
        }
        return (diagnostics, unattributed)
    }

    /// `path:12:5: error: message` read into a diagnostic without excerpt; nil for any other line.
    private static func header(_ line: Substring) -> CompilerDiagnostic? {
        for severity in ["error", "warning", "note", "remark"] {
            guard let marker = line.range(of: ": \(severity): ") else { continue }
            let location = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard location.count >= 3, let lineNumber = Int(location[location.count - 2]),
                  let column = Int(location[location.count - 1]) else { continue }
            let file = location.dropLast(2).joined(separator: ":")
            return CompilerDiagnostic(file: file, line: lineNumber, column: column, severity: severity,
                                      message: String(line[marker.upperBound...]), excerpt: [])
        }
        return nil
    }

    /// The diagnostic as the compiler would print it, with the excerpt's source line taken
    /// from `noteLines` (the note's own lines) and numbered as in the note:
    ///
    /// ```
    /// Notes/x.md:4:9: error: value of type '[Int]' has no member 'cnt'
    ///     4 | print(a.cnt)
    ///       |       ~ ^~~
    /// ```
    func rendered(noteLines: [Substring]) -> String {
        var out = "\(file):\(line):\(column): \(severity): \(message)"
        guard line >= 1, line <= noteLines.count else { return out }
        let number = String(line)
        let gutter = String(repeating: " ", count: max(4, number.count))
        let padded = String(repeating: " ", count: gutter.count - number.count) + number
        out += "\n\(padded) | \(noteLines[line - 1])"
        for marker in excerpt.dropFirst() {
            out += "\n\(gutter) | \(marker)"
        }
        return out
    }
}
