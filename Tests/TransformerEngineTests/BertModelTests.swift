// BertModel and SentenceEncoder against Hugging Face: hidden states, attention, embeddings, loading errors.

import Foundation
import XCTest
@testable import TransformerEngine

final class BertModelTests: XCTestCase {
    private func golden() throws -> GoldenData { try GoldenData("bert/bert.safetensors") }

    private func ids(_ t: Tensor) -> [[Int]] {
        (0..<t.shape[0]).map { b in (0..<t.shape[1]).map { Int(t.scalar(at: [b, $0])) } }
    }

    func testHiddenStatesAndAttentionOfEveryLayerMatchAPaddedBatch() throws {
        let encoder = try BertTestModel.encoder(), golden = try golden()
        let out = encoder.model(ids(golden["batch.ids"]), mask: ids(golden["batch.mask"]), keepingAttention: true)
        XCTAssertEqual(out.hiddenStates.count, 7)
        let picks = ids(golden["batch.rows"])
        for (layer, hidden) in out.hiddenStates.enumerated() {
            let rows = (0..<picks.count).map { b in
                let sentence = hidden.sliced(b..<b + 1).squeezed(axis: 0)
                return Tensor.stack(picks[b].map { sentence.sliced($0..<$0 + 1).squeezed(axis: 0) })
            }
            assertClose(Tensor.stack(rows), golden["hidden.\(layer)"], "hidden state \(layer)")
        }
        // The third sentence is padded: its first word's row must give the padding exactly nothing.
        for (layer, weights) in out.attentions.enumerated() {
            let row = weights.sliced(2..<3).squeezed(axis: 0).sliced(1..<2, axis: 1).squeezed(axis: 1)
            assertClose(row, golden["attention.padded.\(layer)"], "padded attention \(layer)")
            XCTAssertEqual(row.sliced(11..<15, axis: 1).sum().item, 0, "layer \(layer) attends to padding")
        }
    }

    func testAttentionOfEveryLayerAndHeadMatches() throws {
        let encoder = try BertTestModel.encoder(), golden = try golden()
        let layers = encoder.attention("The animal didn't cross the street because it was too tired")
        XCTAssertEqual(layers.count, 6)
        let rows = golden["attention.rows"].scalars.map(Int.init)
        for (layer, weights) in layers.enumerated() {
            XCTAssertEqual(weights.shape, [12, 15, 15])
            let picked = Tensor.stack(rows.map { weights.sliced($0..<$0 + 1, axis: 1).squeezed(axis: 1) }, axis: 1)
            assertClose(picked, golden["attention.\(layer)"], "attention \(layer)")
        }
    }

    func testSentenceEmbeddingsMatchSentenceTransformers() throws {
        let encoder = try BertTestModel.encoder(), golden = try golden()
        let texts = [
            "A man is playing a guitar.", "A man plays the guitar on stage.", "A woman is slicing an onion.",
            "今天天气很好。", "Café au lait, s'il vous plaît. 🍕",
        ]
        let e = encoder.embed(texts)
        assertClose(e, golden["embeddings"], "embeddings")
        let similarity = Tensor.matmul(e, e, transposeA: false, transposeB: true)
        XCTAssertGreaterThan(similarity.scalar(at: [0, 1]), similarity.scalar(at: [0, 2]), "paraphrases are closer")
    }

    func testLoadingErrorsNameTheFileAndTheTensor() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bert-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = BertConfiguration(vocabularySize: 4, hiddenSize: 2, layers: 1, heads: 1, intermediateSize: 3,
            maxPositions: 5)
        var tensors: [String: Tensor] = [:]
        for name in BertWeights.names(for: config) { tensors[name] = Tensor.zeros([1]) }
        let file = folder.appendingPathComponent("model.safetensors")

        try SafeTensors.save(tensors, to: file)
        XCTAssertThrowsError(try BertModel(configuration: config, weightsAt: file)) { error in
            XCTAssertEqual("\(error)",
                "\(file.path): tensor \"embeddings.word_embeddings.weight\" has shape [1], expected [4, 2]")
        }
        tensors["encoder.layer.0.attention.self.query.weight"] = nil
        try SafeTensors.save(tensors, to: file)
        XCTAssertThrowsError(try BertModel(configuration: config, weightsAt: file)) { error in
            XCTAssertEqual("\(error)",
                "\(file.path): tensor \"encoder.layer.0.attention.self.query.weight\" is missing")
        }
        XCTAssertThrowsError(try SentenceEncoder(contentsOf: folder.appendingPathComponent("nowhere"))) { error in
            XCTAssertTrue(
                "\(error)".hasSuffix("run scripts/fetch-models.sh to fetch all-MiniLM-L6-v2 into Notes/models/"),
                "\(error)")
        }
    }
}
