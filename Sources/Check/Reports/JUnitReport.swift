// JUnit XML for CI dashboards: one test suite per note, one test case per cell.

import Notebook
import TextFormats

/// Renders a check report as JUnit XML, the format CI servers read test results in.
///
/// Each note is a `<testsuite>` named by its path; each cell a `<testcase>` named
/// `cell N at line L` (N from 1) with `classname` the note's path. A failed cell carries a
/// `<failure>` whose `message` is the one-line verdict and whose text is the place, the
/// diff or error detail; a `norun` cell is `<skipped/>`. An error reading a note is one more
/// test case of that note's suite, named `read note`, with an `<error>`; failures outside the
/// cells (a stale site file) are cases of a last suite named `litbook`. No times are written,
/// so the same results give the same bytes.
public enum JUnitReport {
    public static func render(_ report: CheckReport) -> String {
        let errors = report.problems.filter { $0.severity == .error }
        var paths = report.notes.map(\.notePath)
        for problem in errors where !paths.contains(problem.path) { paths.append(problem.path) }
        let cellsByPath = Dictionary(report.notes.map { ($0.notePath, $0.cells) }, uniquingKeysWith: +)

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let totals = counts(report.notes.flatMap(\.cells), readingCases: Set(errors.map(\.path)).count,
                            otherFailures: report.otherFailures.count)
        out += "<testsuites name=\"litbook check\"\(totals)>\n"
        for path in paths {
            let cells = cellsByPath[path] ?? []
            let noteErrors = errors.filter { $0.path == path }
            out +=
                "  <testsuite"
                    + " name=\"\(XMLText.attribute(path))\"\(counts(cells, readingCases: noteErrors.isEmpty ? 0 : 1))>"
                    + "\n"
            if !noteErrors.isEmpty { out += readingCase(path: path, errors: noteErrors) }
            for cell in cells {
                out += testCase(cell)
            }
            out += "  </testsuite>\n"
        }
        if !report.otherFailures.isEmpty { out += otherSuite(report.otherFailures) }
        return out + "</testsuites>\n"
    }

    // MARK: - Pieces

    /// Test, failure, error and skip counts; each `read note` case is one more test, in error,
    /// and each failure outside the cells one more test, failed.
    private static func counts(_ cells: [CellCheck], readingCases: Int, otherFailures: Int = 0) -> String {
        let skipped = cells.filter { $0.outcome == .skipped }.count
        let failures = cells.filter(\.failed).count + otherFailures
        return " tests=\"\(cells.count + readingCases + otherFailures)\" failures=\"\(failures)\""
            + " errors=\"\(readingCases)\" skipped=\"\(skipped)\""
    }

    /// The suite `litbook` holding failures outside the cells: one case per stale site file or
    /// note that could not be written.
    private static func otherSuite(_ failures: [NoteProblem]) -> String {
        var out = "  <testsuite name=\"litbook\"\(counts([], readingCases: 0, otherFailures: failures.count))>\n"
        for failure in failures {
            let path = XMLText.attribute(failure.path)
            out += "    <testcase name=\"\(path)\" classname=\"litbook\" file=\"\(path)\">\n"
                + "      <failure message=\"\(XMLText.attribute(failure.message))\" type=\"failure\">"
                + XMLText.content(failure.description) + "</failure>\n"
                + "    </testcase>\n"
        }
        return out + "  </testsuite>\n"
    }

    private static func readingCase(path: String, errors: [NoteProblem]) -> String {
        let escapedPath = XMLText.attribute(path)
        return "    <testcase name=\"read note\" classname=\"\(escapedPath)\" file=\"\(escapedPath)\">\n"
            + "      <error message=\"\(XMLText.attribute(errors[0].message))\" type=\"problem\">"
            + XMLText.content(errors.map(\.description).joined(separator: "\n")) + "</error>\n"
            + "    </testcase>\n"
    }

    private static func testCase(_ cell: CellCheck) -> String {
        let path = XMLText.attribute(cell.notePath)
        let open = "    <testcase name=\"cell \(cell.cellIndex + 1) at line \(cell.cellLine)\" classname=\"\(path)\""
            + " file=\"\(path)\" line=\"\(cell.cellLine)\""
        if cell.outcome == .skipped {
            return open + ">\n      <skipped message=\"norun\"/>\n    </testcase>\n"
        }
        guard cell.failed else { return open + "/>\n" }
        var body = "\(cell.location): \(cell.message)\n" + cell.detail
        if body.hasSuffix("\n") { body.removeLast() }
        return open + ">\n"
            + "      <failure message=\"\(XMLText.attribute(cell.message))\" type=\"\(failureType(cell))\">"
            + XMLText.content(body) + "</failure>\n"
            + "    </testcase>\n"
    }

    /// A short machine-readable kind: `changed`, `unrecorded`, or the cell error's kind.
    private static func failureType(_ cell: CellCheck) -> String {
        switch cell.outcome {
        case .changed: return "changed"
        case .unrecorded: return "unrecorded"
        case .failed(let error): return error.kind.rawValue
        case .unexpectedlyPassed: return "unexpectedlyPassed"
        case .notRun: return "notRun"
        default: return "internalError"
        }
    }
}
