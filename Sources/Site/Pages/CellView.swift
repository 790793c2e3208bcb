// One cell on its page: highlighted code, its output (text and figures) under it, and how it ended.

import Figures
import Notebook
import NoteResults

/// Renders a cell with what running it produced, or with its recorded output when the site was built without running.
struct CellView {
    var cell: Cell
    var notePath: String
    /// The run of this cell; `nil` when the site shows recorded outputs (`--no-exec`), or the runner reported nothing for it.
    var run: CellRun?

    /// The id of cell `index` on its page: `cell-1` for the first cell, as a reader counts.
    static func id(ofCell index: Int) -> String { "cell-\(index + 1)" }

    func render(into page: inout HTMLBuffer) {
        let id = Self.id(ofCell: cell.index)
        let showsCode = !cell.options.hidden
        let badges = self.badges
        let outputs = self.outputs
        let ending = self.ending
        if !showsCode && outputs.isEmpty && ending == nil { return }

        page.raw("<div class=\"cell\(showsCode ? "" : " cell-hidden")\(ending?.isAlert == true ? " cell-failed" : "")\" id=\"\(id)\">\n")
        if showsCode {
            page.raw("<div class=\"cell-head\"><span class=\"cell-number\">[\(cell.index + 1)]</span>")
            for badge in badges {
                page.raw("<span class=\"badge badge-\(badge.style)\">\(badge.label)</span>")
            }
            page.raw("</div>\n<pre class=\"code\"><code class=\"language-swift\">")
            SwiftHighlighter.append(cell.source.hasSuffix("\n") ? String(cell.source.dropLast()) : cell.source, to: &page)
            page.raw("</code></pre>\n")
        }
        if !outputs.isEmpty {
            page.raw("<div class=\"cell-output\">\n")
            var figureNumber = 0
            for output in outputs {
                switch output {
                case .text(let text):
                    page.raw("<pre class=\"output-text\">")
                    page.text(text)
                    page.raw("</pre>\n")
                case .figure(let figure):
                    figureNumber += 1
                    page.raw("<figure class=\"figure\">")
                    page.raw(figure.html(idPrefix: "\(id)-figure-\(figureNumber)"))
                    page.raw("</figure>\n")
                case .expectedError(let error):
                    page.raw("<pre class=\"output-text output-expected-error\">")
                    page.text(error.message)
                    page.raw("</pre>\n")
                }
            }
            page.raw("</div>\n")
        }
        if let ending {
            ending.render(into: &page)
        }
        page.raw("</div>\n")
    }

    // MARK: - What the cell shows

    private enum Output {
        case text(String)
        case figure(Figure)
        case expectedError(CellError)
    }

    /// Output in the order the cell produced it; consecutive text merged into one block.
    private var outputs: [Output] {
        guard let run else {
            guard let recorded = cell.output, !recorded.text.isEmpty, !cell.options.norun else { return [] }
            return [.text(recorded.text)]
        }
        var outputs: [Output] = []
        var pendingText = ""
        func flushText() {
            while pendingText.hasSuffix("\n") { pendingText.removeLast() }
            if !pendingText.isEmpty { outputs.append(.text(pendingText)) }
            pendingText = ""
        }
        for item in run.items {
            switch item {
            case .text(let text): pendingText += text
            case .figure(let figure):
                flushText()
                outputs.append(.figure(figure))
            }
        }
        flushText()
        if case .failedAsExpected(let error) = run.status { outputs.append(.expectedError(error)) }
        return outputs
    }

    private struct Badge {
        var label: String
        var style: String
    }

    private var badges: [Badge] {
        var badges: [Badge] = []
        if cell.options.norun { badges.append(Badge(label: "不运行", style: "muted")) }
        if cell.options.fails { badges.append(Badge(label: "预期失败", style: "expected")) }
        switch run?.status {
        case .notRun? where !cell.options.norun: badges.append(Badge(label: "未运行", style: "muted"))
        case .failed?, .unexpectedlyPassed?: badges.append(Badge(label: "出错", style: "error"))
        default: break
        }
        return badges
    }

    private var ending: CellEnding? {
        guard let run else { return nil }
        switch run.status {
        case .passed, .failedAsExpected, .skipped:
            return nil
        case .failed(let error):
            return .error(error, fallbackLocation: location)
        case .unexpectedlyPassed:
            return .unexpectedlyPassed(location: location)
        case .notRun where cell.options.norun:
            return nil  // it would not have run anyway
        case .notRun(let failedCell):
            return .notRun(afterFailureOf: failedCell)
        }
    }

    /// Where the cell's code starts in its note.
    private var location: NoteLocation {
        NoteLocation(path: notePath, line: cell.firstCodeLine)
    }
}
