// A unified diff of a recorded output against a new one, as `check` prints it under a mismatch.

/// Renders a unified diff (`--- recorded`, `+++ this run`, `@@ -a,b +c,d @@` hunks).
///
/// Lines that match within the tolerance count as unchanged, so a diff shows the real
/// changes and not the float noise around them; unchanged lines print as recorded.
public struct UnifiedDiff: Sendable {
    /// Lines of unchanged context around each change.
    public var contextLines: Int
    public var tolerance: Tolerance

    public init(tolerance: Tolerance = .lastDigit, contextLines: Int = 3) {
        precondition(contextLines >= 0, "context lines cannot be negative")
        self.tolerance = tolerance
        self.contextLines = contextLines
    }

    /// The diff of `recorded` against `new`, lines ending in `\n`; empty when they match.
    public func render(recorded: String, new: String,
                       oldLabel: String = "recorded", newLabel: String = "this run") -> String {
        let old = Self.lines(of: recorded)
        let now = Self.lines(of: new)
        let oldTokens = old.map(OutputTokenizer.tokens(of:))
        let newTokens = now.map(OutputTokenizer.tokens(of:))
        // Small integer ids make the common answers cheap: the same line, or lines whose text
        // between numbers differs and so can never match.
        var ids = LineIDs()
        let oldExact = old.map { ids.id(exact: $0) }, newExact = now.map { ids.id(exact: $0) }
        let oldShape = oldTokens.map { ids.id(shape: $0) }, newShape = newTokens.map { ids.id(shape: $0) }
        let edits = LineDiff.edits(oldCount: old.count, newCount: now.count) { i, j in
            if oldExact[i] == newExact[j] { return true }
            guard oldShape[i] == newShape[j] else { return false }
            return OutputComparison.matches(recordedTokens: oldTokens[i], newTokens: newTokens[j], tolerance: tolerance)
        }
        let hunks = Self.hunks(of: edits, context: contextLines)
        guard !hunks.isEmpty else { return "" }
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks {
            out += hunk.header + "\n"
            for edit in hunk.edits {
                switch edit {
                case .kept(let i, _): out += " " + old[i] + "\n"
                case .removed(let i): out += "-" + old[i] + "\n"
                case .inserted(let j): out += "+" + now[j] + "\n"
                }
            }
        }
        return out
    }

    /// The lines of an output; an empty output has none.
    static func lines(of text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: - Line ids

    /// Numbers lines by their text, and by their shape: the text between their numbers.
    struct LineIDs {
        private var exact: [String: Int] = [:]
        private var shapes: [[String]: Int] = [:]

        mutating func id(exact line: String) -> Int {
            if let id = exact[line] { return id }
            exact[line] = exact.count
            return exact.count - 1
        }

        /// Lines that can match within a tolerance have the same shape (their text tokens, with
        /// an empty string where each number stands).
        mutating func id(shape tokens: [OutputToken]) -> Int {
            let shape = tokens.map { token -> String in
                if case .text(let text) = token { return text }
                return ""
            }
            if let id = shapes[shape] { return id }
            shapes[shape] = shapes.count
            return shapes.count - 1
        }
    }

    // MARK: - Hunks

    struct Hunk {
        var edits: [LineEdit]
        /// Old and new lines before the hunk.
        var oldBefore: Int
        var newBefore: Int

        /// `@@ -start,count +start,count @@`, 1-based; a side with no lines names the line before it.
        var header: String {
            let oldCount = edits.filter { if case .inserted = $0 { return false } else { return true } }.count
            let newCount = edits.filter { if case .removed = $0 { return false } else { return true } }.count
            return "@@ -\(Self.range(oldBefore, oldCount)) +\(Self.range(newBefore, newCount)) @@"
        }

        private static func range(_ before: Int, _ count: Int) -> String {
            switch count {
            case 0: return "\(before),0"
            case 1: return "\(before + 1)"
            default: return "\(before + 1),\(count)"
            }
        }
    }

    /// Groups the changes with `context` kept lines around them; changes closer than
    /// twice the context share a hunk.
    static func hunks(of edits: [LineEdit], context: Int) -> [Hunk] {
        let changed = edits.indices.filter { if case .kept = edits[$0] { return false } else { return true } }
        guard let first = changed.first else { return [] }
        var ranges: [ClosedRange<Int>] = []
        var current = max(0, first - context)...min(edits.count - 1, first + context)
        for index in changed.dropFirst() {
            let lower = max(0, index - context)
            if lower <= current.upperBound + 1 {
                current = current.lowerBound...min(edits.count - 1, index + context)
            } else {
                ranges.append(current)
                current = lower...min(edits.count - 1, index + context)
            }
        }
        ranges.append(current)
        return ranges.map { range in
            let before = edits[..<range.lowerBound]
            return Hunk(edits: Array(edits[range]),
                        oldBefore: before.filter { if case .inserted = $0 { return false } else { return true } }.count,
                        newBefore: before.filter { if case .removed = $0 { return false } else { return true } }.count)
        }
    }
}
