// Generates the benchmark's notes: about 12 KB each of Chinese
// prose, formulas, tables, Swift cells and recorded outputs.

import Foundation

/// Writes deterministic study notes into a folder (the same bytes on every run).
struct NoteGenerator {
    /// A small fixed-seed generator, so every run benchmarks the same notes.
    private var state: UInt64 = 0x5EED_0F_5175

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    private static let sentences = [
        "自注意力让每个词元都能看见句子里的其他词元，并按相关程度加权混合它们的信息。",
        "查询向量和键向量的点积衡量两个词元有多相关，除以维度的平方根可以让分数的方差保持稳定。",
        "softmax 把一行分数变成一组非负、和为一的权重，这就是注意力热力图里的每一行。",
        "多头注意力把向量切成几份，每个头学习一种不同的关注方式，最后再拼接起来投影回原来的宽度。",
        "位置编码给模型提供词元的顺序信息，否则 Transformer 对输入的排列是不敏感的。",
        "残差连接和层归一化让很深的网络也能稳定训练，梯度可以沿着捷径直接流回前面的层。",
        "语言模型每次只预测下一个词元，采样时的温度决定了输出是保守还是大胆。",
        "ChatGPT 在预训练之后还经过了指令微调和人类反馈强化学习，才学会按人的意图回答问题。",
    ]

    /// Formulas of the notes, as they appear in prose; `formulas` is what the formula bench renders.
    static let formulas = [
        "\\mathrm{Attention}(Q,K,V) = \\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V",
        "PE_{(pos,2i)} = \\sin\\left(\\frac{pos}{10000^{2i/d}}\\right)",
        "\\mathrm{LayerNorm}(x) = \\gamma \\odot \\frac{x-\\mu}{\\sqrt{\\sigma^2+\\epsilon}} + \\beta",
        "\\mathcal{L} = -\\frac{1}{N}\\sum_{t=1}^{N} \\log p_\\theta(x_t \\mid x_{<t})",
        "\\hat{m}_t = \\frac{m_t}{1-\\beta_1^t},\\quad \\theta_t = \\theta_{t-1} -"
            + " \\eta\\,\\frac{\\hat{m}_t}{\\sqrt{\\hat{v}_t}+\\epsilon}",
        "\\mathbf{W}_Q \\in \\mathbb{R}^{d \\times d_k}",
    ]

    private static let headings = ["缩放点积注意力", "多头注意力", "位置编码", "前馈网络", "残差与归一化", "采样与温度", "训练目标"]

    /// One note of about `targetBytes` bytes.
    mutating func note(number: Int, targetBytes: Int = 12_000) -> String {
        var text = "---\ntitle: 第 \(number) 篇：注意力机制笔记\n---\n# 注意力机制 \(number)\n\n"
        var cell = 0
        while text.utf8.count < targetBytes {
            text += "## \(Self.headings[next(Self.headings.count)]) \(cell + 1)\n\n"
            for _ in 0..<2 {
                for _ in 0..<(3 + next(3)) { text += Self.sentences[next(Self.sentences.count)] }
                text += "\n\n"
            }
            text += "- 要点一：`Q·Kᵀ` 的形状是 `[n, n]`。\n- 要点二：**每一行**的权重和为 1。\n\n"
            let formula = Self.formulas[next(Self.formulas.count)]
            text += "其中 $d_k$ 是键的维度，$\\sqrt{d_k}$ 让方差保持稳定：\n\n$$\n\(formula) \\qquad (\(number).\(cell))\n$$\n\n"
            text += "| 符号 | 形状 | 含义 |\n|:---|:---:|---|\n| $Q$ | `[n, d_k]` | 查询 |\n| $K$ | `[n, d_k]` | **键** |\n\n"
            cell += 1
            let size = 3 + next(4)
            text += """
            ```swift
            // 第 \(cell) 个单元：\(size) 个词元的注意力
            let scores = Tensor.random(shape: [\(size), \(size)], seed: \(number * 100 + cell))
            let weights = softmax(scores / Double(\(size)).squareRoot(), axis: -1)
            print("权重 \\(weights.shape):")
            for row in 0..<\(size) { print(weights[row].map { String(format: "%.4f", $0) }.joined(separator: " ")) }
            ```

            ```output
            权重 [\(size), \(size)]:

            """
            for _ in 0..<size {
                text += (0..<size).map { _ in String(format: "0.%04d", next(10_000)) }.joined(separator: " ") + "\n"
            }
            text += "```\n\n"
        }
        return text
    }

    /// Writes `count` notes into `folder` as `0001-注意力.md`, … and returns their paths, sorted.
    mutating func write(count: Int, into folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for number in 1...count {
            let path = folder + "/" + String(format: "%04d", number) + "-注意力.md"
            try note(number: number).write(toFile: path, atomically: false, encoding: .utf8)
            paths.append(path)
        }
        return paths
    }
}
