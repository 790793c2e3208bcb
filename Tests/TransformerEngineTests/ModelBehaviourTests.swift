// Behaviour a note relies on: attention stages, masks, KV-cached generation, training, determinism.

import XCTest
@testable import TransformerEngine

final class ModelBehaviourTests: XCTestCase {
    let tinyConfig = GPT.Config(vocabSize: 11, contextLength: 8, dModel: 16, heads: 2, layers: 2)

    func testAttentionStagesHaveOneMapPerHeadAndRowsSumToOne() {
        var g = RandomGenerator(seed: 0)
        let attention = MultiHeadAttention(dModel: 8, heads: 2, using: &g)
        let x = Tensor.randn([1, 4, 8], using: &g)
        let (out, stages) = attention.withStages(x, mask: Tensor.causalMask(4))
        XCTAssertEqual(out.shape, [1, 4, 8])
        XCTAssertEqual(stages.weights.shape, [1, 2, 4, 4])
        XCTAssertEqual(stages.output.shape, [1, 2, 4, 4])
        for head in 0..<2 {
            let w = stages.weights(head: head)
            for row in 0..<4 {
                XCTAssertEqual(w[row].sum().item, 1, accuracy: 1e-5)
                for column in (row + 1)..<4 where column < 4 {
                    XCTAssertEqual(w.scalar(at: [row, column]), 0, "a query attended a later key")
                }
            }
        }
        XCTAssertEqual(stages.masked.scalar(at: [0, 0, 0, 3]), -.infinity)
        XCTAssertEqual(stages.scaled.scalar(at: [0, 1, 2, 1]), stages.scores.scalar(at: [0, 1, 2, 1]) / 2,
            accuracy: 1e-6)
    }

    func testPaddingMaskBlocksPaddedKeys() {
        var g = RandomGenerator(seed: 1)
        let attention = MultiHeadAttention(dModel: 4, heads: 1, using: &g)
        let mask = Tensor.paddingMask([[5, 6, 0]], padID: 0)
        let (_, stages) = attention.withStages(Tensor.randn([1, 3, 4], using: &g), mask: mask)
        for row in 0..<3 { XCTAssertEqual(stages.weights.scalar(at: [0, 0, row, 2]), 0) }
    }

    func testCachedGenerationEqualsFullForwardGreedy() {
        var g = RandomGenerator(seed: 2)
        let model = GPT(config: tinyConfig, using: &g)
        var sampler = RandomGenerator(seed: 0)
        let generated = model.generate(prompt: [1, 2, 3], maxNewTokens: 9, sampling: .greedy, using: &sampler)
        var expected = [1, 2, 3]
        for _ in 0..<9 { expected.append(model.nextTokenLogits(expected).argmax()) }
        XCTAssertEqual(generated, expected)
    }

    func testSeededSamplingRepeats() {
        var g = RandomGenerator(seed: 3)
        let model = GPT(config: tinyConfig, using: &g)
        var first = RandomGenerator(seed: 42), second = RandomGenerator(seed: 42)
        let a = model.generate(prompt: [4], maxNewTokens: 6, sampling: .topK(3, temperature: 0.8), using: &first)
        let b = model.generate(prompt: [4], maxNewTokens: 6, sampling: .topK(3, temperature: 0.8), using: &second)
        XCTAssertEqual(a, b)
        var third = RandomGenerator(seed: 42)
        let c = model.generate(prompt: [4], maxNewTokens: 6, sampling: .topP(0.9), using: &third)
        XCTAssertEqual(c.count, 7)
        XCTAssertTrue(c.allSatisfy { (0..<11).contains($0) })
    }

    func testTrainingLowersTheLossAndIsReproducible() {
        let stream = Array(repeating: [1, 2, 3, 4, 5, 6, 7], count: 12).flatMap { $0 }
        func run() -> [Float] {
            var g = RandomGenerator(seed: 5)
            let model = GPT(config: tinyConfig, using: &g)
            return model.train(
                tokens: stream, steps: 30, batchSize: 4, optimizer: AdamW(learningRate: 1e-2),
                schedule: .warmupCosine(peak: 1e-2, warmupSteps: 5, totalSteps: 30), clipNorm: 1, using: &g)
        }
        let losses = run()
        XCTAssertLessThan(losses.last!, losses.first! * 0.5, "loss history \(losses)")
        XCTAssertEqual(run(), losses)
    }

    func testEncoderDecoderGivesTargetLogits() {
        var g = RandomGenerator(seed: 6)
        let model = Transformer(config: .init(sourceVocabSize: 9, targetVocabSize: 7, dModel: 8, heads: 2, layers: 1),
            using: &g)
        let logits = model(source: [[1, 2, 3, 0]], target: [[1, 4]], padID: 0)
        XCTAssertEqual(logits.shape, [1, 2, 7])
        XCTAssertTrue(model.parameters.contains { $0.name == "decoder.layers.0.crossAttention.query.weight" })
    }

    func testParameterNamesAreStableAndDotted() {
        var g = RandomGenerator(seed: 7)
        let names = GPT(config: tinyConfig, using: &g).parameters.map(\.name)
        XCTAssertEqual(names.first, "tokenEmbedding.weight")
        XCTAssertTrue(names.contains("blocks.1.attention.query.weight"))
        XCTAssertTrue(names.contains("blocks.0.feedForward.linear2.bias"))
        XCTAssertEqual(names.last, "head.weight")
    }

    /// The name-free walk (optimizers, zeroGrad) meets the parameters in `visitParameters` order,
    /// and a walk by name inside it (of another model: a model's parameters are being accessed
    /// during its own walk) still gets whole dotted names.
    func testParameterWalkWithoutNamesKeepsOrderAndNestedNames() {
        var g = RandomGenerator(seed: 7)
        let model = GPT(config: tinyConfig, using: &g), other = GPT(config: tinyConfig, using: &g)
        let named = model.parameters
        var walked: [Tensor] = []
        var namesInside: [String] = []
        model.forEachParameter { tensor in
            walked.append(tensor)
            if walked.count == 3 { namesInside = other.parameters.map(\.name) }
        }
        XCTAssertEqual(walked, named.map(\.tensor))
        XCTAssertEqual(namesInside, named.map(\.name))
        XCTAssertEqual(model.parameters.map(\.name), named.map(\.name))
    }

    /// Optimizer state follows each parameter's position from step to step: two SGD steps with
    /// momentum give PyTorch's v₂ = μ·g + g for a constant gradient, per parameter.
    func testMomentumIsKeptPerParameter() {
        var g = RandomGenerator(seed: 3)
        let layer = Linear(2, 2, using: &g)
        let before = layer.parameters.map(\.tensor.scalars)
        let optimizer = SGD(learningRate: 0.1, momentum: 0.5)
        for _ in 0..<2 {
            layer.zeroGrad()
            (layer(Tensor([[1, 2]])) * Tensor([[1, -1]])).sum().backward()
            optimizer.step(layer)
        }
        layer.zeroGrad()
        (layer(Tensor([[1, 2]])) * Tensor([[1, -1]])).sum().backward()
        for ((_, tensor), start) in zip(layer.parameters, before) {
            let gradient = tensor.grad!.scalars
            for i in 0..<start.count {
                // p₂ = p₀ − lr·g − lr·(μ·g + g)
                let expected = start[i] - 0.1 * gradient[i] - 0.1 * (0.5 * gradient[i] + gradient[i])
                XCTAssertEqual(tensor.scalars[i], expected, accuracy: 1e-6)
            }
        }
    }

    func testSchedulesFollowTheirFormulas() {
        let cosine = LearningRateSchedule.warmupCosine(peak: 1, warmupSteps: 10, totalSteps: 110)
        XCTAssertEqual(cosine.rate(at: 4), 0.5, accuracy: 1e-6)
        XCTAssertEqual(cosine.rate(at: 60), 0.5, accuracy: 1e-6)
        XCTAssertEqual(cosine.rate(at: 110), 0)
        let paper = LearningRateSchedule.transformer(dModel: 512, warmupSteps: 4000)
        XCTAssertEqual(paper.rate(at: 3999), Float(1 / (512.0.squareRoot() * 4000.0.squareRoot())), accuracy: 1e-9)
        XCTAssertLessThan(paper.rate(at: 10_000), paper.rate(at: 3999))
    }

    func testClippingBoundsTheGlobalNorm() {
        var g = RandomGenerator(seed: 8)
        let layer = Linear(3, 2, using: &g)
        (layer(Tensor.randn([4, 3], using: &g)) * 100).sum().backward()
        let before = clipGradNorm(layer, maxNorm: 1)
        XCTAssertGreaterThan(before, 1)
        XCTAssertEqual(clipGradNorm(layer, maxNorm: 1), 1, accuracy: 1e-4)
    }

    /// `Linear` runs as one op (the bias added to each block of the product on the thread that
    /// computed it; dx, dW and the bias gradient in one region, the bias gradient 32 columns at a
    /// time); its output and gradients must be the bits of matmul followed by `+`.
    func testLinearGivesTheBitsOfMatmulPlusBias() {
        var g = RandomGenerator(seed: 12)
        // (rows, in, out): micro sizes, wider than one AVX2 block, deeper than one GEMM panel, empty ones.
        for (rows, inFeatures, outFeatures) in [(256, 32, 96), (37, 20, 130), (16, 300, 24), (0, 8, 8), (5, 0, 3)] {
            let layer = Linear(inFeatures, outFeatures, using: &g)
            let x = Tensor.randn([rows, inFeatures], using: &g).requiringGrad()
            let upstream = Tensor.randn([rows, outFeatures], using: &g)
            let fused = layer(x)
            (fused * upstream).sum().backward()
            let fusedGrads = [x.grad, layer.weight.grad, layer.bias!.grad].map { $0?.scalars.map(\.bitPattern) }
            x.zeroGrad()
            layer.zeroGrad()
            let plain = x.matmul(layer.weight.transposed()) + layer.bias!
            (plain * upstream).sum().backward()
            let plainGrads = [x.grad, layer.weight.grad, layer.bias!.grad].map { $0?.scalars.map(\.bitPattern) }
            XCTAssertEqual(fused.shape, plain.shape)
            XCTAssertEqual(fused.scalars.map(\.bitPattern), plain.scalars.map(\.bitPattern),
                "\(rows)×\(inFeatures)→\(outFeatures)")
            XCTAssertEqual(fusedGrads, plainGrads, "gradients \(rows)×\(inFeatures)→\(outFeatures)")
        }
    }

    func testRandomStreamIsFixed() {
        var g = RandomGenerator(seed: 0)
        XCTAssertEqual(g.next(), 0xE220_A839_7B1D_CDAF)
        let normals = (0..<4).map { _ in g.nextNormal() }
        var again = RandomGenerator(seed: 0)
        _ = again.next()
        XCTAssertEqual((0..<4).map { _ in again.nextNormal() }, normals)
    }
}

final class WeightFileTests: XCTestCase {
    func testSavedWeightsLoadIntoAFreshModelAndGiveTheSameLogits() throws {
        let config = GPT.Config(vocabSize: 7, contextLength: 4, dModel: 8, heads: 2, layers: 1)
        var g = RandomGenerator(seed: 1)
        let trained = GPT(config: config, using: &g)
        let fresh = GPT(config: config, using: &g)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("litbook-weights-\(UInt32.random(in: 0...UInt32.max)).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try trained.save(to: url)
        XCTAssertNotEqual(fresh.nextTokenLogits([1, 2]).scalars, trained.nextTokenLogits([1, 2]).scalars)
        try fresh.load(from: url)
        XCTAssertEqual(fresh.nextTokenLogits([1, 2]).scalars, trained.nextTokenLogits([1, 2]).scalars)
    }

    func testLoadingWrongShapesNamesTheParameter() {
        var g = RandomGenerator(seed: 2)
        let layer = Linear(3, 2, using: &g)
        XCTAssertThrowsError(try layer.load(["weight": Tensor.zeros([2, 4])])) { error in
            XCTAssertEqual(
                "\(error)", "cannot load parameters: 'weight' has shape [2, 4], expected [2, 3]; missing 'bias'")
        }
    }
}

final class TranslationTests: XCTestCase {
    /// A copy task: after a little training, greedy decoding reproduces the source.
    func testTrainedEncoderDecoderLearnsToCopy() {
        var g = RandomGenerator(seed: 4)
        let model = Transformer(
            config: .init(sourceVocabSize: 8, targetVocabSize: 8, dModel: 16, heads: 2, layers: 1, maxLength: 8),
                using: &g)
        let optimizer = Adam(learningRate: 1e-2)
        let start = 1, end = 2
        for _ in 0..<120 {
            let sources = (0..<16).map { _ in (0..<3).map { _ in 3 + g.nextInt(below: 5) } }
            let inputs = sources.map { [start] + $0 }
            let targets = sources.map { $0 + [end] }
            model.zeroGrad()
            let loss = crossEntropy(model(source: sources, target: inputs), targets: targets.flatMap { $0 })
            loss.backward()
            optimizer.step(model)
        }
        XCTAssertEqual(model.greedyDecode([5, 3, 7], start: start, end: end, maxLength: 8), [start, 5, 3, 7, end])
    }

    /// The decoder with per-layer caches, one new token per step, gives the bits the whole decoder
    /// gives for the newest position (padding mask on the source, two layers), and greedy
    /// decoding picks the tokens a full pass per step picks.
    func testCachedDecodingGivesTheFullDecodersBitsAtEveryStep() {
        var g = RandomGenerator(seed: 8)
        let model = Transformer(
            config: .init(sourceVocabSize: 12, targetVocabSize: 13, dModel: 16, heads: 2, layers: 2, maxLength: 16),
            using: &g)
        let source = [[4, 5, 6, 0, 0]]
        var expected = [1]
        withoutGrad {
            let memory = model.encode(source, padID: 0)
            let memoryMask = Tensor.paddingMask(source, padID: 0)
            var caches = [DecoderLayer.Cache](repeating: .init(), count: model.decoder.layers.count)
            for step in 0..<10 {
                let full = model.decoder(
                    model.embed([expected], with: model.targetEmbedding), memory: memory,
                    targetMask: Tensor.causalMask(expected.count), memoryMask: memoryMask)
                let newest = full.sliced((expected.count - 1)..<expected.count, axis: 1)
                let cached = model.decoder(
                    model.embed([[expected.last!]], with: model.targetEmbedding, offset: expected.count - 1),
                    memory: memory, memoryMask: memoryMask, caches: &caches)
                XCTAssertEqual(cached.scalars.map(\.bitPattern), newest.scalars.map(\.bitPattern), "step \(step)")
                expected.append(model.generator(newest).argmax())
            }
        }
        XCTAssertEqual(model.greedyDecode(source[0], start: 1, end: -1, maxLength: 11, padID: 0), expected)
    }
}
