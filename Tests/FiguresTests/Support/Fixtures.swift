// The figures the tests share: CJK attention, a masked stage, large and degenerate matrices, charts and tables.

@testable import Figures

enum Fixtures {
    static let chineseTokens = ["我", "爱", "自然", "语言", "处理"]

    /// Causal attention weights over the Chinese tokens: each row sums to 1, the future masked to 0.
    static let causalWeights: [[Double]] = [
        [1, 0, 0, 0, 0],
        [0.3, 0.7, 0, 0, 0],
        [0.1, 0.2, 0.7, 0, 0],
        [0.05, 0.05, 0.1, 0.8, 0],
        [0.2, 0.2, 0.2, 0.2, 0.2],
    ]

    static var attention: Heatmap {
        Heatmap(title: "注意力权重 attention", rowLabels: chineseTokens, columnLabels: chineseTokens, values: causalWeights)
    }

    /// Masked scores: the upper triangle is `-inf`, as before a causal softmax.
    static var maskedScores: Heatmap {
        let values = (0..<5).map { (r: Int) -> [Double] in
            (0..<5).map { (c: Int) -> Double in c > r ? -Double.infinity : Double(r - c) * 0.5 - 1 }
        }
        return Heatmap(title: "masked", rowLabels: chineseTokens, columnLabels: chineseTokens, values: values)
    }

    /// Four heads over the Chinese tokens, each a different pattern.
    static var heads: HeatmapGrid {
        let panels = (0..<4).map { h in
            Heatmap(title: "头 \(h)", rowLabels: chineseTokens, columnLabels: chineseTokens,
                    values: (0..<5).map { (r: Int) -> [Double] in
                        (0..<5).map { (c: Int) -> Double in Double((r * 3 + c * (h + 1)) % 7) / 6 }
                    })
        }
        return HeatmapGrid(title: "第 0 层的注意力头", panels: panels, columns: 2, sharedScale: true)
    }

    /// A deterministic pseudo-random matrix: worst case for compact drawing, nothing repeats.
    static func noise(rows: Int, columns: Int, seed: UInt64 = 42) -> [[Double]] {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
        return (0..<rows).map { _ in (0..<columns).map { _ in (next() * 10000).rounded() / 10000 } }
    }

    static func labelled(_ values: [[Double]], title: String? = nil) -> Heatmap {
        Heatmap(title: title, rowLabels: values.indices.map { "tok\($0)" },
                columnLabels: (values.first ?? []).indices.map { "tok\($0)" }, values: values)
    }

    static var lossCurves: LineChart {
        let train = (0..<120).map { (i: Int) -> Double in 2.5 * expDecay(Double(i), 30) + 0.3 + 0.05 * Double(i % 5) }
        let validation = (0..<120).map { (i: Int) -> Double in 2.6 * expDecay(Double(i), 40) + 0.45 }
        return LineChart(title: "训练损失 loss", xLabel: "step", yLabel: "loss",
                         series: [.init(name: "train", x: [], y: train), .init(name: "验证 val", x: [], y: validation)])
    }

    /// `e^(-x/scale)` by repeated squaring of a series, to keep fixtures free of platform libm differences.
    static func expDecay(_ x: Double, _ scale: Double) -> Double {
        var term = 1.0, sum = 1.0
        let t = -x / scale / 64
        for k in 1..<20 { term *= t / Double(k); sum += term }
        var result = sum
        for _ in 0..<6 { result *= result }
        return (result * 1e6).rounded() / 1e6
    }

    static var parameters: Table {
        Table(
            title: "参数 parameters", header: ["名字", "形状", "数量"],
            rows: [
                ["wte 词嵌入", "[50257, 768]", "38597376"], ["attn", "[768, 2304]", "1769472"], ["ln_f", "[768]", "768"],
            ])
    }
}
