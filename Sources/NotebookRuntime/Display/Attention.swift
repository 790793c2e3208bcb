// Attention views: every head of a layer, the stages of one head, and token-to-token lines.

import Figures
import TransformerEngine

/// Draws every head of a layer as small multiples, on one shared colour scale unless `sharedScale` is false.
///
/// - Parameters:
///   - weights: `[heads, queries, keys]` (a leading batch axis of 1 is accepted).
///   - tokens: the query tokens; also the key tokens unless `keyTokens` is given (cross-attention,
///     whose axes then read target and source).
///   - digits: decimals of the values printed in the cells of small maps (2 unless given).
public func attentionHeads(_ weights: Tensor, tokens: [String], keyTokens: [String]? = nil, title: String? = nil,
                           sharedScale: Bool = true, digits: Int? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    displayOrStop(file: file, line: line) {
        try AttentionFigures.heads(
            weights, tokens: tokens, keyTokens: keyTokens, title: title, sharedScale: sharedScale, digits: digits)
    }
}

/// Draws one head's stages side by side: scores → scaled → masked → softmax weights.
///
/// Each stage is `[queries, keys]` and has its own colour scale (the figure says so) unless
/// `sharedScale` is true. Leave `masked` out for attention without a mask (an encoder's
/// self-attention). `-inf` cells read as masked.
public func attentionStages(scores: Tensor, scaled: Tensor, masked: Tensor? = nil, weights: Tensor,
                            tokens: [String], keyTokens: [String]? = nil, title: String? = nil,
                            sharedScale: Bool = false, digits: Int? = nil,
    file: StaticString = #filePath, line: UInt = #line) {
    displayOrStop(file: file, line: line) {
        try AttentionFigures.stages(
            scores: scores, scaled: scaled, masked: masked, weights: weights,
            tokens: tokens, keyTokens: keyTokens, title: title, sharedScale: sharedScale, digits: digits)
    }
}

/// Draws lines from each query token to each key token, stronger for larger weights (BertViz's head view).
///
/// - Parameter weights: `[queries, keys]`.
public func attentionLines(
    _ weights: Tensor, queryTokens: [String], keyTokens: [String]? = nil, title: String? = nil,
    file: StaticString = #filePath, line: UInt = #line
) {
    displayOrStop(file: file, line: line) {
        try AttentionFigures.lines(weights, queryTokens: queryTokens, keyTokens: keyTokens, title: title)
    }
}

/// Builds the attention figures after checking shapes against token counts.
enum AttentionFigures {
    static func heads(_ weights: Tensor, tokens: [String], keyTokens: [String]?, title: String?,
                      sharedScale: Bool = true, digits: Int? = nil) throws -> Figure {
        var shape = weights.shape
        if shape.count == 4 && shape[0] == 1 { shape.removeFirst() }
        guard shape.count == 3 else {
            throw DisplayInputError(
                "attentionHeads: weights must have shape [heads, queries, keys], got \(weights.shape)")
        }
        let (heads, queries, keys) = (shape[0], shape[1], shape[2])
        let (queryLabels, keyLabels) = try labels(tokens, keyTokens, queries: queries, keys: keys, in: "attentionHeads")
        let axes = self.axes(crossAttention: keyTokens != nil)
        let panels = try (0..<heads).map { h in
            try HeatmapFigures.panel(
                Matrices.split(
                    Array(weights.scalars[(h * queries * keys)..<((h + 1) * queries * keys)]),
                    rows: queries, columns: keys),
                rows: queryLabels, cols: keyLabels, title: "head \(h)", axes: axes, digits: digits,
                in: "attentionHeads")
        }
        return .heatmapGrid(
            HeatmapGrid(title: title, panels: panels, columns: min(4, max(1, heads)), sharedScale: sharedScale))
    }

    static func stages(scores: Tensor, scaled: Tensor, masked: Tensor?, weights: Tensor,
                       tokens: [String], keyTokens: [String]?, title: String?,
                       sharedScale: Bool = false, digits: Int? = nil) throws -> Figure {
        var stages: [(String, Tensor)] = [("scores QKᵀ", scores), ("scaled ÷√d", scaled)]
        if let masked { stages.append(("masked", masked)) }
        stages.append(("softmax", weights))
        for (name, stage) in stages where stage.shape != scores.shape || stage.shape.count != 2 {
            throw DisplayInputError("attentionStages: every stage must be [queries, keys] like scores \(scores.shape), "
                + "but \(name.split(separator: " ")[0]) is \(stage.shape)")
        }
        let (queryLabels, keyLabels) = try labels(tokens, keyTokens, queries: scores.shape[0], keys: scores.shape[1],
                                                  in: "attentionStages")
        let axes = self.axes(crossAttention: keyTokens != nil)
        let panels = try stages.map { name, stage in
            try HeatmapFigures.panel(
                Matrices.rows(of: stage, in: "attentionStages"), rows: queryLabels, cols: keyLabels,
                title: name, axes: axes, digits: digits, in: "attentionStages")
        }
        return .heatmapGrid(HeatmapGrid(title: title, panels: panels, columns: panels.count, sharedScale: sharedScale))
    }

    static func lines(_ weights: Tensor, queryTokens: [String], keyTokens: [String]?, title: String?) throws -> Figure {
        let values = try Matrices.rows(of: weights, in: "attentionLines", argument: "weights")
        let (queryLabels, keyLabels) = try labels(
            queryTokens, keyTokens, queries: weights.shape[0], keys: weights.shape[1],
            in: "attentionLines")
        return .attentionLines(
            AttentionLines(title: title, queryTokens: queryLabels, keyTokens: keyLabels, weights: values))
    }

    /// Axis titles saying which side is the query: rows ask, columns are asked.
    static func axes(crossAttention: Bool) -> (rows: String?, cols: String?) {
        crossAttention ? ("target (query) ↓", "source (key) →") : ("query ↓", "key →")
    }

    private static func labels(_ tokens: [String], _ keyTokens: [String]?, queries: Int, keys: Int,
                               in function: String) throws -> ([String], [String]) {
        guard tokens.count == queries else {
            throw DisplayInputError("\(function): \(tokens.count) tokens for \(queries) query positions")
        }
        let keyLabels = keyTokens ?? tokens
        guard keyLabels.count == keys else {
            throw DisplayInputError(
                "\(function): \(keyLabels.count) \(keyTokens == nil ? "tokens" : "key tokens") for \(keys) key"
                    + " positions"
            )
        }
        return (tokens, keyLabels)
    }
}
