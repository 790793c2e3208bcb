// The files `litbook init` writes: a sample note (its outputs recorded by litbook), a .gitignore, a CI workflow.

/// The files of a new book, by path inside the book's folder.
enum BookTemplate {
    struct File {
        var path: String
        var text: String
    }

    static let files = [
        File(path: "Notes/01-first-note.md", text: sampleNote),
        File(path: ".gitignore", text: gitignore),
        File(path: ".github/workflows/notes.yml", text: workflow),
    ]

    /// A short note whose cells run against the engine; its output blocks were written by
    /// `litbook check --update`, so a new book passes `litbook check` as it is.
    static let sampleNote = #"""
    ---
    title: 第一篇笔记
    order: 1
    ---

    # 第一篇笔记

    这是一篇 litbook 笔记：Markdown 正文，加上真正运行的 Swift 代码块。每个代码块下面的
    `output` 块是它的输出，由 `litbook check --update` 写入；`litbook check` 检查它们是否仍然一致。
    改一改下面的代码，保存，`litbook serve` 打开的页面会自动更新。

    ## 三个词的向量

    ```swift
    let tokens = ["我", "爱", "学习"]
    var generator = RandomGenerator(seed: 7)
    let x = Tensor.randn([tokens.count, 4], using: &generator)
    show(x)
    ```

    ```output
    tensor([[ 0.9885, -1.8643,  0.0039, -0.5293],
            [-0.4590,  0.4528,  1.5447, -1.9063],
            [-0.9498,  0.0639,  1.1741, -0.8156]], shape: [3, 4])
    ```

    ## 它们彼此有多相关

    点积越大，两个向量越相关。softmax 把每一行变成加起来等于 1 的权重：这就是注意力权重。

    ```swift
    let scores = x.matmul(x.transposed()) / Float(2)
    let weights = softmax(scores, axis: -1)
    heatmap(weights, rows: tokens, cols: tokens, title: "注意力权重")
    ```

    ```output
    注意力权重
                我        爱      学习
    我    █ 0.8694    0.0708    0.0598
    爱      0.0266  █ 0.7651  ░ 0.2083
    学习    0.0616  ▓ 0.5712  ▒ 0.3673
    ```

    """#

    static let gitignore = """
    # litbook's cache of cell results: rebuilt on demand, machine-specific.
    .litbook-cache/
    # Pretrained models downloaded for notes.
    models/
    # A site built locally (CI publishes its own).
    Site/
    Site.tmp*/
    .build/

    """

    /// The steps both jobs of the workflow begin with: the book's files, then litbook built from source.
    private static let checkoutAndBuildSteps = [
        "      - uses: actions/checkout@v4",
        "      - name: Build litbook",
        "        run: |",
        "          apt-get update && apt-get install -y --no-install-recommends git libcmark-dev",
        "          git clone --depth 1 \"$LITBOOK_REPOSITORY\" /opt/litbook",
        "          swift build -c release --package-path /opt/litbook --product litbook",
    ].joined(separator: "\n")

    /// Checks the notes in two shards (GitHub annotations at the notes' lines, a JUnit report
    /// per shard) and publishes the site to GitHub Pages from `main`.
    static let workflow = #"""
    # Checks every note's recorded outputs on each push and pull request, and publishes the site from main.
    # Set the repository variable LITBOOK_REPOSITORY to the git URL litbook is built from.
    name: notes

    on:
      push:
      pull_request:

    permissions:
      contents: read

    env:
      LITBOOK_REPOSITORY: ${{ vars.LITBOOK_REPOSITORY }}

    jobs:
      check:
        runs-on: ubuntu-24.04
        container: swift:6.1-noble
        strategy:
          fail-fast: false
          matrix:
            shard: [1, 2]
        steps:
    \#(checkoutAndBuildSteps)
          - uses: actions/cache@v4
            with:
              path: .litbook-cache
              key: litbook-cache-${{ matrix.shard }}-${{ hashFiles('Notes/**') }}
              restore-keys: litbook-cache-${{ matrix.shard }}-
          - name: Check shard ${{ matrix.shard }} of 2
            run: >
              /opt/litbook/.build/release/litbook check Notes --shard ${{ matrix.shard }}/2
              --format github --junit junit-${{ matrix.shard }}.xml
          - uses: actions/upload-artifact@v4
            if: always()
            with:
              name: junit-${{ matrix.shard }}
              path: junit-${{ matrix.shard }}.xml

      publish:
        needs: check
        if: github.event_name == 'push' && github.ref == 'refs/heads/main'
        runs-on: ubuntu-24.04
        container: swift:6.1-noble
        permissions:
          contents: read
          pages: write
          id-token: write
        environment:
          name: github-pages
          url: ${{ steps.deploy.outputs.page_url }}
        steps:
    \#(checkoutAndBuildSteps)
          - name: Build the site
            run: /opt/litbook/.build/release/litbook build Notes --out Site
          - uses: actions/upload-pages-artifact@v3
            with:
              path: Site
          - id: deploy
            uses: actions/deploy-pages@v4

    """#
}
