// The end of a cell that did not finish well: an error, clearly marked, or a note that it did not run.

import NoteResults

/// How a cell's box ends when its run was not a success.
enum CellEnding {
    case error(CellError, fallbackLocation: NoteLocation)
    /// A `fails` cell that ran without an error.
    case unexpectedlyPassed(location: NoteLocation)
    case notRun(afterFailureOf: Int)

    /// Whether the ending is an error the reader must notice (marked with `role="alert"`).
    var isAlert: Bool {
        if case .notRun = self { return false }
        return true
    }

    /// Writes the ending in `text`'s language.
    func render(into page: inout HTMLBuffer, text: UIText = .chinese) {
        switch self {
        case .error(let error, let fallback):
            page.raw("<div class=\"cell-error\" role=\"alert\">\n<p class=\"error-title\"><strong>")
            page.text(text.errorTitle(error.kind))
            page.raw("</strong> <code class=\"error-location\">")
            page.text((error.location ?? fallback).description)
            page.raw("</code></p>\n<p class=\"error-message\">")
            page.text(error.message)
            page.raw("</p>\n")
            if !error.detail.isEmpty {
                page.raw("<pre class=\"error-detail\">")
                page.text(error.detail.hasSuffix("\n") ? String(error.detail.dropLast()) : error.detail)
                page.raw("</pre>\n")
            }
            page.raw("</div>\n")
        case .unexpectedlyPassed(let location):
            page.raw("<div class=\"cell-error\" role=\"alert\">\n<p class=\"error-title\"><strong>")
            page.text(text.unexpectedlyPassed)
            page.raw("</strong> <code class=\"error-location\">")
            page.text(location.description)
            page.raw("</code></p>\n<p class=\"error-message\">")
            page.raw(text.unexpectedlyPassedMessage("<code>fails</code>"))
            page.raw("</p>\n</div>\n")
        case .notRun(let failedCell):
            let id = CellView.id(ofCell: failedCell)
            page.raw("<p class=\"cell-not-run\">")
            page.raw(text.notRunAfter("<a href=\"#\(id)\">[\(failedCell + 1)]</a>"))
            page.raw("</p>\n")
        }
    }
}
