// The words of a page's own furniture (navigation, badges, messages) in the language of its notes.

import NoteResults

/// What litbook itself writes on a page: in Chinese for notes in Chinese, in English for any other
/// language, so the English manual reads `Source:` and `On this page`, not `源文件：` and `本篇目录`.
/// The page scripts (`reader.js`, `search.js`) choose their words the same way, from `<html lang>`.
enum UIText: Sendable {
    case chinese
    case english

    /// Chinese for a language tag whose primary subtag is `zh`, English for any other.
    init(language: String) {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        self = primary == "zh" ? .chinese : .english
    }

    private func pick(_ chinese: String, _ english: String) -> String {
        self == .chinese ? chinese : english
    }

    // MARK: Layout

    var skipToContent: String { pick("跳到正文", "Skip to content") }
    var searchPlaceholder: String { pick("搜索笔记", "Search") }
    var searchLabel: String { pick("搜索笔记（正文、代码和输出）", "Search the pages (prose, code and outputs)") }
    var themeSystem: String { pick("主题：跟随系统", "Theme: system") }
    var generatedBy: String { pick("由 litbook 生成。", "Made with litbook.") }

    // MARK: Index

    func noteCount(_ count: Int) -> String {
        pick("共 \(count) 篇笔记。", count == 1 ? "1 page." : "\(count) pages.")
    }

    var cellsRan: String {
        pick("笔记里的 Swift 代码都在生成网站时运行过，页面上的输出和图就是运行的结果。",
             "The Swift code on these pages ran when the site was built: the outputs and figures are what it made.")
    }

    var cellsNotRun: String {
        pick("这次生成没有运行代码，页面上显示的是笔记里记录的输出。",
             "The code did not run for this build: the pages show the outputs recorded in the notes.")
    }

    var manual: String { pick("litbook 使用手册 (manual)", "The litbook manual") }

    // MARK: Note pages

    var bookContents: String { pick("全书目录", "All pages") }
    var contentsTitle: String { pick("目录", "Contents") }
    var source: String { pick("源文件：", "Source: ") }
    var onThisPage: String { pick("本篇目录", "On this page") }
    var noteHasErrors: String { pick("这篇笔记有错误", "This page has errors") }
    var noteHasWarnings: String { pick("这篇笔记有警告", "This page has warnings") }
    var error: String { pick("错误", "error") }
    var warning: String { pick("警告", "warning") }
    var pagerLabel: String { pick("上一篇和下一篇", "Previous and next page") }
    var previous: String { pick("← 上一篇", "← Previous") }
    var next: String { pick("下一篇 →", "Next →") }
    var sectionLink: String { pick("本节链接", "Link to this section") }
    var figure: String { pick("图", "Figure") }
    var captionSeparator: String { pick("：", ": ") }

    // MARK: Cells

    var showCode: String { pick("显示代码", "Show code") }
    var noRun: String { pick("不运行", "not run") }
    var expectedToFail: String { pick("预期失败", "expected to fail") }
    var notRun: String { pick("未运行", "did not run") }
    var failed: String { pick("出错", "failed") }
    var unexpectedlyPassed: String { pick("应当失败，却运行成功", "Expected to fail, but it ran") }

    /// The message under a cell marked `fails` that ran without an error; `fails` is markup (the option as code).
    func unexpectedlyPassedMessage(_ fails: String) -> String {
        pick("这个单元标了 \(fails)，但运行时没有出错。", "This cell is marked \(fails), but it ran without an error.")
    }

    /// The line under a cell that did not run; `link` is markup (a link to the cell that failed).
    func notRunAfter(_ link: String) -> String {
        pick("没有运行：前面的单元 \(link) 出错了。", "Did not run: cell \(link) above failed.")
    }

    func errorTitle(_ kind: CellError.Kind) -> String {
        switch kind {
        case .compile: pick("编译错误", "Compile error")
        case .trap: pick("运行时崩溃", "Crashed")
        case .exit: pick("程序非正常退出", "Exited abnormally")
        case .timeLimit: pick("超过时间限制", "Time limit exceeded")
        case .memoryLimit: pick("超过内存限制", "Memory limit exceeded")
        case .outputLimit: pick("输出过多", "Too much output")
        case .uncaughtError: pick("未捕获的错误", "Uncaught error")
        case .internalError: pick("litbook 内部错误", "litbook internal error")
        }
    }
}
