// Workflow commands that make GitHub Actions annotate the note lines a check failed on.

import Notebook

/// Renders a check report as GitHub Actions workflow commands:
/// `::error file=Notes/x.md,line=14,title=…::message%0Adiff`.
public enum GitHubAnnotations {
    /// One annotation per problem reading a note, per reported cell (`::error`, `::warning`
    /// for a warning, `::notice` for an accepted update) and per failure outside the cells;
    /// notices and the summary line as plain text, the summary last.
    public static func render(_ report: CheckReport) -> String {
        var out = ""
        for problem in report.problems {
            out += annotation(for: problem) + "\n"
        }
        for cell in report.cellsToReport {
            out += annotation(for: cell) + "\n"
        }
        out += report.notices.map { $0 + "\n" }.joined()
        for failure in report.otherFailures {
            out += annotation(for: failure) + "\n"
        }
        return out + report.summary + "\n"
    }

    /// The workflow command for one cell; the message carries the diff or error detail.
    public static func annotation(for cell: CellCheck) -> String {
        let command = TextReport.severity(of: cell) == "note" ? "notice" : "error"
        var properties = [("file", cell.location.path), ("line", String(cell.location.line))]
        if let column = cell.location.column { properties.append(("col", String(column))) }
        properties.append(("title", "litbook check"))
        var message = cell.message
        if !cell.detail.isEmpty {
            message += "\n" + (cell.detail.hasSuffix("\n") ? String(cell.detail.dropLast()) : cell.detail)
        }
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command) \(list)::\(escapeData(message))"
    }

    /// The workflow command for a problem in a note; a problem about a whole file has no line.
    public static func annotation(for problem: NoteProblem) -> String {
        var properties = [("file", problem.path)]
        if problem.line > 0 { properties.append(("line", String(problem.line))) }
        if let column = problem.column, problem.line > 0 { properties.append(("col", String(column))) }
        properties.append(("title", "litbook check"))
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(problem.severity.rawValue) \(list)::\(escapeData(problem.message))"
    }

    // MARK: - Escaping, as the runner reads workflow commands

    /// A message: `%`, CR and LF are percent-encoded so the command stays on one line.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value: as a message, and also `:` and `,`, which end a property.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
