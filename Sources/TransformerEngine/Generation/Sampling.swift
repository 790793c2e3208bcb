// How the next token is chosen from logits: greedy, temperature, top-k, top-p (nucleus).

import Foundation

// MARK: - Sampling

/// A rule for picking the next token from a row of logits.
public enum Sampling: Sendable, Equatable {
    /// The most likely token (first on ties); draws nothing from the generator.
    case greedy
    /// Sample from softmax(logits / temperature).
    case temperature(Float)
    /// Sample among the k most likely tokens.
    case topK(Int, temperature: Float = 1)
    /// Sample among the smallest set of most likely tokens whose probability reaches p.
    case topP(Float, temperature: Float = 1)

    /// Picks a token id from `logits` [vocab]. Exactly one uniform draw unless greedy.
    public func pick(from logits: [Float], using generator: inout RandomGenerator) -> Int {
        switch self {
        case .greedy:
            return Tensor(logits).argmax()
        case .temperature(let t):
            return Sampling.draw(Sampling.probabilities(logits, temperature: t, keep: Array(logits.indices)),
                using: &generator)
        case .topK(let k, let t):
            let kept = Array(Sampling.ranked(logits).prefix(Swift.max(1, k)))
            return Sampling.draw(Sampling.probabilities(logits, temperature: t, keep: kept), using: &generator)
        case .topP(let p, let t):
            let order = Sampling.ranked(logits)
            let all = Sampling.probabilities(logits, temperature: t, keep: order)
            var kept: [Int] = []
            var mass: Float = 0
            for id in order {
                kept.append(id)
                mass += all.first { $0.id == id }!.probability
                if mass >= p { break }
            }
            return Sampling.draw(Sampling.probabilities(logits, temperature: t, keep: kept), using: &generator)
        }
    }

    // MARK: - Helpers

    /// Token ids by descending logit, ties by ascending id (a total order: deterministic).
    static func ranked(_ logits: [Float]) -> [Int] {
        logits.indices.sorted { logits[$0] != logits[$1] ? logits[$0] > logits[$1] : $0 < $1 }
    }

    /// softmax(logits / t) restricted to `keep`, in `keep`'s order.
    static func probabilities(_ logits: [Float], temperature: Float, keep: [Int]) -> [(id: Int, probability: Float)] {
        precondition(temperature > 0, "Sampling: temperature \(temperature) must be positive (use .greedy for 0)")
        let peak = keep.map { logits[$0] }.max() ?? 0
        let weights = keep.map { Foundation.exp((logits[$0] - peak) / temperature) }
        let total = weights.reduce(0, +)
        return zip(keep, weights).map { ($0, $1 / total) }
    }

    /// One uniform draw mapped through the cumulative distribution.
    static func draw(_ distribution: [(id: Int, probability: Float)], using generator: inout RandomGenerator) -> Int {
        let u = generator.nextUniform()
        var cumulative: Float = 0
        for entry in distribution {
            cumulative += entry.probability
            if u < cumulative { return entry.id }
        }
        return distribution.last!.id
    }
}
