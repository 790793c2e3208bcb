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

    func render(into page: inout HTMLBuffer) {
        switch self {
        case .error(let error, let fallback):
            page.raw("<div class=\"cell-error\" role=\"alert\">\n<p class=\"error-title\"><strong>")
            page.text(Self.title(of: error.kind))
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
            page.raw(
                "<div class=\"cell-error\" role=\"alert\">\n<p class=\"error-title\"><strong>应当失败，却运行成功</strong> <code"
                    + " class=\"error-location\">"
            )
            page.text(location.description)
            page.raw("</code></p>\n<p class=\"error-message\">这个单元标了 <code>fails</code>，但运行时没有出错。</p>\n</div>\n")
        case .notRun(let failedCell):
            let id = CellView.id(ofCell: failedCell)
            page.raw("<p class=\"cell-not-run\">没有运行：前面的单元 <a href=\"#\(id)\">[\(failedCell + 1)]</a> 出错了。</p>\n")
        }
    }

    /// The heading of an error box, in the reader's words.
    static func title(of kind: CellError.Kind) -> String {
        switch kind {
        case .compile: return "编译错误"
        case .trap: return "运行时崩溃"
        case .exit: return "程序非正常退出"
        case .timeLimit: return "超过时间限制"
        case .memoryLimit: return "超过内存限制"
        case .outputLimit: return "输出过多"
        case .uncaughtError: return "未捕获的错误"
        case .internalError: return "litbook 内部错误"
        }
    }
}
