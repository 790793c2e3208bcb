// The shared fixture of the Site tests: Chinese notes with cells, outputs, figures and failures.

import Figures
import Notebook
import Runner
@testable import Site

/// Notes and runs the tests render, and helpers to look into the result.
enum SiteFixture {
    static let attentionText = """
    ---
    title: 自注意力
    ---
    # 自注意力

    自注意力让每个词元看见句子里的其他词元。这是 Transformer
    的核心：先算出 `Q·Kᵀ`，再做 softmax。

    ## 缩放点积注意力

    下面的单元计算一个小例子。

    ```swift
    let scores = [1.0, 2.0, 3.0]
    print("分数: \\(scores)")
    ```

    ```output
    分数: [1.0, 2.0, 3.0]
    ```

    ### 为什么要除以 √d

    方差会随维度增长。

    ```swift hidden
    print("<script>alert(1)</script>")
    ```

    ## 缩放点积注意力

    同名的小节要有不同的锚点。

    ```swift norun
    let 不运行 = true
    ```

    ```swift fails
    let x: Int = "文字"
    ```

    ```output
    cannot convert value of type 'String' to specified type 'Int'
    ```

    见[下一篇](01-词元.md#分词)和[外部链接](https://example.org/a?b=1&c=2)。

    <div class="raw">原样的 HTML</div>

    <!-- 作者的备注 -->
    """

    static let tokensText = """
    # 词元 <script>

    把文字切成**词元**。

    ## 分词

    ```swift
    print(1)
    ```
    """

    static var attention: Note { NoteParser.parse(path: "Notes/02-自注意力.md", text: attentionText).note }
    static var tokens: Note { NoteParser.parse(path: "Notes/01-词元.md", text: tokensText).note }

    static let heatmap = Figure.heatmap(Heatmap(
        title: "注意力权重", rowLabels: ["我", "爱", "你"], columnLabels: ["我", "爱", "你"],
        values: [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.3, 0.5]]))

    /// A run of `attention`: a text and a figure, the hidden cell printing markup, the expected failure.
    static var attentionRun: NoteRun {
        let error = CellError(
            kind: .compile, message: "cannot convert value of type 'String' to specified type 'Int'",
            location: NoteLocation(path: "Notes/02-自注意力.md", line: 35, column: 14))
        return NoteRun(
            notePath: "Notes/02-自注意力.md",
            cells: [
                CellRun(
                    cellIndex: 0, status: .passed,
                    items: [.text("分数: [1.0, 2.0, 3.0]\n"), .figure(heatmap), .figure(heatmap)]),
                CellRun(cellIndex: 1, status: .passed, items: [.text("<script>alert(1)</script>\n")]),
                CellRun(cellIndex: 2, status: .skipped, items: []),
                CellRun(cellIndex: 3, status: .failedAsExpected(error), items: []),
            ], fromCache: false)
    }

    /// The whole fixture site, with runs.
    static func site() -> SiteFiles {
        SiteRenderer().render([SiteNote(note: attention, run: attentionRun), SiteNote(note: tokens)])
    }

    static func page(_ files: SiteFiles, _ path: String) -> String {
        String(decoding: files[path] ?? [], as: UTF8.self)
    }
}
