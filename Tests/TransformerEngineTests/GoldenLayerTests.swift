// Layers, ops and losses against PyTorch: outputs and gradients within 1e-4 of the tensor's scale.

import XCTest
@testable import TransformerEngine

final class GoldenLayerTests: XCTestCase {
    var golden: GoldenData!

    override func setUpWithError() throws { golden = try GoldenData("layers.safetensors") }

    /// Backpropagates sum(y ⊙ R) with PyTorch's R and returns nothing; gradients land on leaves.
    func backward(_ y: Tensor, projection: String) { (y * golden[projection]).sum().backward() }

    func testLinear() {
        var g = RandomGenerator(seed: 0)
        let layer = Linear(4, 5, using: &g)
        try! layer.load(golden.group("linear."))
        let x = golden["linear.x"].requiringGrad()
        let y = layer(x)
        assertClose(y, golden["linear.y"], "linear output")
        backward(y, projection: "linear.r")
        assertClose(x.grad, golden["grad.linear.x"], "linear dx")
        assertClose(layer.weight.grad, golden["grad.linear.weight"], "linear dW")
        assertClose(layer.bias!.grad, golden["grad.linear.bias"], "linear db")
    }

    func testLayerNorm() {
        let norm = LayerNorm(8)
        try! norm.load(golden.group("norm."))
        let x = golden["norm.x"].requiringGrad()
        let y = norm(x)
        assertClose(y, golden["norm.y"], "layer norm output")
        backward(y, projection: "norm.r")
        assertClose(x.grad, golden["grad.norm.x"], "layer norm dx")
        assertClose(norm.weight.grad, golden["grad.norm.weight"], "layer norm dγ")
        assertClose(norm.bias.grad, golden["grad.norm.bias"], "layer norm dβ")
    }

    func testSoftmaxLogSoftmaxAndGELU() {
        let functions: [(String, (Tensor) -> Tensor)] = [
            ("softmax", { $0.softmax() }), ("logsoftmax", { $0.logSoftmax() }), ("gelu", { $0.gelu() }),
        ]
        for (name, f) in functions {
            let x = golden["\(name).x"].requiringGrad()
            let y = f(x)
            assertClose(y, golden["\(name).y"], "\(name) output")
            backward(y, projection: "\(name).r")
            assertClose(x.grad, golden["grad.\(name).x"], "\(name) dx")
        }
    }

    func testCrossEntropyIgnoresPadding() {
        let logits = golden["ce.logits"].requiringGrad()
        let loss = crossEntropy(logits, targets: golden["ce.targets"].integers, ignoreIndex: -100)
        assertClose(loss, golden["ce.loss"], "cross-entropy")
        loss.backward()
        assertClose(logits.grad, golden["grad.ce.logits"], "cross-entropy dlogits")
    }

    func testCausalSelfAttention() {
        checkAttention("self", keyValue: nil, mask: Tensor.causalMask(5))
    }

    func testCrossAttentionWithPaddingMask() {
        checkAttention("cross", keyValue: "cross.memory", mask: golden["cross.mask"])
    }

    func checkAttention(_ name: String, keyValue: String?, mask: Tensor) {
        var g = RandomGenerator(seed: 0)
        let attention = MultiHeadAttention(dModel: 8, heads: 2, using: &g)
        try! attention.load(golden.group("\(name)."))
        let x = golden["\(name).x"].requiringGrad()
        let memory = keyValue.map { golden[$0].requiringGrad() }
        let (y, stages) = attention.withStages(x, keyValue: memory, mask: mask)
        assertClose(y, golden["\(name).y"], "\(name)-attention output")
        assertClose(stages.weights, golden["\(name).weights"], "\(name)-attention weights")
        backward(y, projection: "\(name).r")
        assertClose(x.grad, golden["grad.\(name).x"], "\(name)-attention dx")
        if let memory { assertClose(memory.grad, golden["grad.cross.memory"], "cross-attention dmemory") }
        for (parameter, tensor) in attention.parameters {
            assertClose(tensor.grad, golden["grad.\(name).\(parameter)"], "\(name)-attention d\(parameter)")
        }
    }
}
