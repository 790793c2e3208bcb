// The rich fixture note shared by the tests: a realistic study note with every kind of block.

/// A study note on self-attention, as an author would write it: front matter, Chinese prose,
/// headings, links, raw HTML, cells with options and recorded outputs, a cell in a list and one
/// in a block quote. Line numbers are listed in `StudyNote.Lines` so tests can name them.
enum StudyNote {
    static let path = "Notes/01-自注意力.md"

    /// Lines of interest in `text` (1-based).
    enum Lines {
        static let title = 6
        static let firstCell = 10          // ```swift
        static let firstCellEnd = 13
        static let firstOutput = 15        // ```output
        static let firstOutputEnd = 17
        static let htmlBlock = 21
        static let hiddenCell = 23         // ```swift hidden tolerance=1e-3
        static let hiddenCellEnd = 25
        static let listCell = 30           // ```swift inside item 1 of the list
        static let listCellEnd = 32
        static let listOutput = 33
        static let listOutputEnd = 35
        static let quoteCell = 39          // > ```swift norun
        static let quoteCellEnd = 41
        static let failingCell = 47        // ```swift fails
        static let failingOutput = 51
        static let last = 53
    }

    static let text = """
    ---
    title: 自注意力：从零开始
    order: 1
    tolerance: 1e-4
    ---
    # 自注意力（Self-Attention）

    每个词都会“看”一眼句子里的其他词。参见 [Attention Is All You Need](https://arxiv.org/abs/1706.03762 "论文")。

    ```swift
    let x = Tensor([1, 2, 3])
    print(x.sum())
    ```

    ```output
    6.0
    ```

    ## 缩放点积

    <div class="note">注意：除以 √d 是为了稳定梯度。</div>

    ```swift hidden tolerance=1e-3
    print(softmax([1.0, 2.0]))
    ```

    步骤如下：

    1. 计算 *查询* 与 **键** 的点积：
       ```swift
       print("分数")
       ```
       ```output
       分数
       ```
    2. 归一化。

    > 小提示：
    > ```swift norun
    > while true {}
    > ```

    ---

    下面这个单元应当失败：

    ```swift fails
    fatalError("故意的")
    ```

    ```output
    Fatal error: 故意的
    ```
    """ + "\n"
}
