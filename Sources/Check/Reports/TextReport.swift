// The plain report `check` prints: each failing cell with its diff, then `N passed, N failed`.

/// Renders a check report for a terminal or a log.
public enum TextReport {
    /// The problems reading the notes, then each reported cell as `Notes/x.md:LINE: error: message`
    /// followed by its diff or error detail and an empty line, then notices and failures outside
    /// the cells; the last line is the summary.
    public static func render(_ report: CheckReport) -> String {
        var out = report.problems.map { "\($0)\n" }.joined()
        if !out.isEmpty { out += "\n" }
        for cell in report.cellsToReport {
            out += entry(for: cell)
        }
        out += report.notices.map { $0 + "\n" }.joined()
        out += report.otherFailures.map { "\($0)\n" }.joined()
        return out + report.summary + "\n"
    }

    /// The lines reporting one cell.
    public static func entry(for cell: CellCheck) -> String {
        var out = "\(cell.location): \(severity(of: cell)): \(cell.message)\n"
        if !cell.detail.isEmpty {
            out += cell.detail
            if !cell.detail.hasSuffix("\n") { out += "\n" }
        }
        return out + "\n"
    }

    /// `note` for an output `--update` accepted, `error` for a failure.
    static func severity(of cell: CellCheck) -> String {
        if case .updated = cell.outcome { return "note" }
        return "error"
    }
}
