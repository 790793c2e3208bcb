// One cell on its page: highlighted code, its output (text and figures) under it, and how it ended.

import Figures
import Notebook
import NoteResults

/// Renders a cell with what running it produced, or with its recorded output when the site was built without running.
struct CellView {
    var cell: Cell
    var notePath: String
    /// The run of this cell; `nil` when the site shows recorded
    /// outputs (`--no-exec`), or the runner reported nothing for it.
    var run: CellRun?
    /// The book folds every cell's code (`fold-code = true` in `litbook.toml`), as if each had `fold`.
    var foldsAllCode = false
    /// The number the page gives this cell's first figure: figures are numbered through a page, `图 1` first.
    var firstFigureNumber = 1
    /// The language of the page's own words (badges, messages).
    var text = UIText.chinese

    /// The id of cell `index` on its page: `cell-1` for the first cell, as a reader counts.
    static func id(ofCell index: Int) -> String { "cell-\(index + 1)" }

    func render(into page: inout HTMLBuffer) {
        let id = Self.id(ofCell: cell.index)
        let showsCode = !cell.options.hidden
        let badges = self.badges
        let outputs = self.outputs
        let ending = self.ending
        if !showsCode && outputs.isEmpty && ending == nil { return }

        let folds = showsCode && (cell.options.fold || foldsAllCode)
        page.raw(
            "<div class=\"cell\(showsCode ? "" : " cell-hidden")\(folds ? " cell-folded" : "")"
                + "\(ending?.isAlert == true ? " cell-failed" : "")\" id=\"\(id)\">\n"
        )
        if showsCode {
            // A folded cell keeps its number and badges in the `<summary>`, so the reader sees
            // which cell it is without opening it; a cell that failed opens, its code is the story.
            if folds {
                page.raw(
                    ending?.isAlert == true ? "<details class=\"cell-fold\" open>" : "<details class=\"cell-fold\">")
            }
            page.raw(folds ? "<summary class=\"cell-head\">" : "<div class=\"cell-head\">")
            page.raw("<span class=\"cell-number\">[\(cell.index + 1)]</span>")
            for badge in badges {
                page.raw("<span class=\"badge badge-\(badge.style)\">\(badge.label)</span>")
            }
            page.raw(folds ? "<span class=\"fold-label\">\(text.showCode)</span></summary>\n" : "</div>\n")
            page.raw("<pre class=\"code\"><code class=\"language-swift\">")
            SwiftHighlighter.append(
                cell.source.hasSuffix("\n") ? String(cell.source.dropLast()) : cell.source, to: &page)
            page.raw("</code></pre>\n")
            if folds { page.raw("</details>\n") }
        }
        if !outputs.isEmpty {
            page.raw("<div class=\"cell-output\">\n")
            var figureNumber = 0, numbered = 0
            for output in outputs {
                switch output {
                case .text(let text):
                    page.raw(
                        cell.options.wrap ? "<pre class=\"output-text output-wrap\">" : "<pre class=\"output-text\">")
                    page.text(text)
                    page.raw("</pre>\n")
                case .figure(let figure):
                    figureNumber += 1
                    FigureView(figure: figure, idPrefix: "\(id)-figure-\(figureNumber)",
                               number: figure.isNumbered ? firstFigureNumber + numbered : nil, text: text)
                        .render(into: &page)
                    if figure.isNumbered { numbered += 1 }
                case .expectedError(let error):
                    page.raw("<pre class=\"output-text output-expected-error\">")
                    page.text(error.message)
                    page.raw("</pre>\n")
                }
            }
            page.raw("</div>\n")
        }
        if let ending {
            ending.render(into: &page, text: text)
        }
        page.raw("</div>\n")
    }

    // MARK: - What the cell shows

    /// How many numbered figures this cell shows, so the page can number the next cell's figures.
    var numberedFigureCount: Int {
        outputs.reduce(0) { count, output in
            if case .figure(let figure) = output, figure.isNumbered { return count + 1 }
            return count
        }
    }

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
        if cell.options.norun { badges.append(Badge(label: text.noRun, style: "muted")) }
        if cell.options.fails { badges.append(Badge(label: text.expectedToFail, style: "expected")) }
        switch run?.status {
        case .notRun? where !cell.options.norun: badges.append(Badge(label: text.notRun, style: "muted"))
        case .failed?, .unexpectedlyPassed?: badges.append(Badge(label: text.failed, style: "error"))
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
