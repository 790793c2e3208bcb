// engine-bench: sgemm GFLOPS, GPT train-step and forward times, peak memory; PyTorch/numpy peers in the same run.
//
// Run: swift run -c release --scratch-path .build-engine engine-bench [--quick] [--sgemm-only]
// Every measurement is one JSON line on stdout.

import Foundation
import TransformerEngine

// MARK: - Configuration

let arguments = CommandLine.arguments
let quick = arguments.contains("--quick")
let threads = EngineThreads.count

/// The three GPT configurations of issue 3 (vocab, context, d, heads, layers, batch).
struct BenchConfig {
    let name: String
    let gpt: GPT.Config
    let batch: Int
}

let configs = [
    BenchConfig(name: "micro", gpt: .init(vocabSize: 96, contextLength: 32, dModel: 32, heads: 2, layers: 2), batch: 8),
    BenchConfig(name: "tiny", gpt: .init(vocabSize: 256, contextLength: 64, dModel: 128, heads: 4, layers: 4), batch: 16),
    BenchConfig(name: "small", gpt: .init(vocabSize: 512, contextLength: 128, dModel: 256, heads: 8, layers: 6), batch: 8),
]

/// A model, a fixed batch and an optimizer, ready for timed steps.
struct GPTWorkload {
    let model: GPT
    let inputs: [[Int]]
    let targets: [[Int]]
    let optimizer: Adam

    init(_ config: BenchConfig) {
        var generator = RandomGenerator(seed: 0)
        model = GPT(config: config.gpt, using: &generator)
        let context = config.gpt.contextLength, vocab = config.gpt.vocabSize
        inputs = (0..<config.batch).map { _ in (0..<context).map { _ in generator.nextInt(below: vocab) } }
        targets = (0..<config.batch).map { _ in (0..<context).map { _ in generator.nextInt(below: vocab) } }
        optimizer = AdamW(learningRate: 1e-3)
    }

    func trainStep() {
        model.zeroGrad()
        model.loss(inputs, targets: targets).backward()
        optimizer.step(model)
    }

    func forward() { _ = withoutGrad { model(inputs) } }
}

// A profiling aid: `--steps NAME N` runs N train steps of one configuration and exits.
if let flag = arguments.firstIndex(of: "--steps"), arguments.count > flag + 2,
   let config = configs.first(where: { $0.name == arguments[flag + 1] }), let steps = Int(arguments[flag + 2])
{
    let workload = GPTWorkload(config)
    for _ in 0..<steps { workload.trainStep() }
    exit(0)
}

// MARK: - Machine

// Other work on the machine skews every figure below, ours and the peers' alike; say how busy it was.
if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8).split(separator: " ").first.flatMap({ Double($0) }),
   !arguments.contains("--memory-child")
{
    report(["bench": "machine", "threads": threads, "cores": ProcessInfo.processInfo.activeProcessorCount, "loadavg_1m": load])
}

// MARK: - Memory child

// The peak-memory figure comes from a fresh process that only runs tiny train steps.
if arguments.contains("--memory-child") {
    let workload = GPTWorkload(configs[1])
    for _ in 0..<3 { workload.trainStep() }
    print(peakResidentMegabytes() ?? -1)
    exit(0)
}

// MARK: - sgemm

var sgemmRates: [Int: Double] = [:]
for n in [256, 512, 1024] {
    var generator = RandomGenerator(seed: UInt64(n))
    let a = Tensor.randn([n, n], using: &generator), b = Tensor.randn([n, n], using: &generator)
    // A product of n = 256 takes well under a millisecond: many repeats, so that a burst of other
    // work on a shared machine moves the median of neither side.
    let repeats = quick ? 3 : [256: 101, 512: 31, 1024: 11][n]!
    let seconds = medianSeconds(repeats: repeats) { _ = withoutGrad { a.matmul(b) } }
    let gflops = 2 * Double(n * n * n) / seconds / 1e9
    sgemmRates[n] = gflops
    let peer = runPython(numpyMatmulScript, arguments: [String(n), String(repeats)], threads: threads).flatMap(Double.init)
    report([
        "bench": "sgemm", "n": n, "threads": threads, "gflops": gflops,
        "numpy_gflops": peer ?? Double.nan, "ratio_to_numpy": peer.map { gflops / $0 } ?? Double.nan,
    ])
}

if arguments.contains("--sgemm-only") { exit(0) }

// MARK: - GPT

// The matmul bound uses the median of the three sgemm rates: one noisy size cannot move it far.
let boundRate = sgemmRates.values.sorted()[sgemmRates.count / 2]
for config in configs {
    let workload = GPTWorkload(config)
    // Our steps and PyTorch's alternate in rounds (ours first in even rounds, PyTorch's first in
    // odd ones): this machine's speed swings within seconds, and two batches run next to each
    // other see the same machine. The ratio is the median of the rounds' ratios; the pooled
    // medians of all steps are printed too. Each side starts its round with untimed steps: a
    // process that sat idle while the other ran takes its first step or two here at up to 1.5×
    // its usual time. A micro step takes about a millisecond, so many steps per round.
    let (rounds, steps, warmup) = quick ? (1, 3, 1) : (config.name == "micro" ? (10, 40, 2) : (5, 2, 1))
    let g = config.gpt
    let peerArguments = [g.vocabSize, g.contextLength, g.dModel, g.heads, g.layers, config.batch, threads].map(String.init)
    let peer = TorchPeer(arguments: peerArguments, threads: threads)
    var ours = (train: [[Double]](), forward: [[Double]]())
    var theirs = (train: [[Double]](), forward: [[Double]]())
    for round in 0..<rounds {
        for side in round % 2 == 0 ? [0, 1] : [1, 0] {
            if side == 0 {
                ours.train.append(secondsOfRuns(warmup: warmup, repeats: steps) { workload.trainStep() })
                ours.forward.append(secondsOfRuns(warmup: warmup, repeats: steps) { workload.forward() })
            } else if let peer, let train = peer.times("train", steps: steps, warmup: warmup),
                      let forward = peer.times("forward", steps: steps, warmup: warmup) {
                theirs.train.append(train)
                theirs.forward.append(forward)
            }
        }
    }
    peer?.close()
    let tokens = config.batch * config.gpt.contextLength
    // 6 × parameters × tokens FLOPs for forward + backward, at the measured sgemm rate.
    let bound = 6 * Double(workload.model.parameterCount) * Double(tokens) / (boundRate * 1e9)
    let train = median(ours.train.flatMap { $0 }), forward = median(ours.forward.flatMap { $0 })
    let paired = theirs.train.count == rounds
    let torchTrain = paired ? median(theirs.train.flatMap { $0 }) : .nan
    let torchForward = paired ? median(theirs.forward.flatMap { $0 }) : .nan
    /// The median over rounds of PyTorch's median step over ours.
    func roundRatio(_ peer: [[Double]], _ own: [[Double]]) -> Double {
        paired ? median(zip(peer, own).map { median($0) / median($1) }) : .nan
    }
    report([
        "bench": "gpt", "config": config.name, "threads": threads, "parameters": workload.model.parameterCount,
        "train_ms": train * 1000, "forward_ms": forward * 1000,
        "torch_train_ms": torchTrain * 1000, "torch_forward_ms": torchForward * 1000,
        "speedup_train": roundRatio(theirs.train, ours.train), "speedup_forward": roundRatio(theirs.forward, ours.forward),
        "speedup_train_pooled": torchTrain / train, "speedup_forward_pooled": torchForward / forward,
        "rounds": rounds, "steps_per_round": steps, "warmup_per_round": warmup,
        "matmul_bound_ms": bound * 1000, "times_bound": train / bound,
    ])
}

// MARK: - Generation

// 64 new tokens with the micro model: KV cache versus a full forward pass per token.
do {
    var generator = RandomGenerator(seed: 1)
    let model = GPT(config: .init(vocabSize: 96, contextLength: 128, dModel: 32, heads: 2, layers: 2), using: &generator)
    let prompt = [1, 2, 3, 4]
    let newTokens = 64
    let cached = medianSeconds(repeats: quick ? 3 : 9) {
        var sampler = RandomGenerator(seed: 0)
        _ = model.generate(prompt: prompt, maxNewTokens: newTokens, sampling: .greedy, using: &sampler)
    }
    let uncached = medianSeconds(repeats: quick ? 3 : 9) {
        var tokens = prompt
        for _ in 0..<newTokens { tokens.append(model.nextTokenLogits(tokens).argmax()) }
    }
    report([
        "bench": "generate", "config": "micro", "new_tokens": newTokens, "threads": threads,
        "cached_ms": cached * 1000, "full_forward_ms": uncached * 1000, "speedup": uncached / cached,
    ])
}

// 64 target tokens from the micro-sized encoder-decoder: cached decoder steps versus the whole
// decoder over the target for every token.
do {
    var generator = RandomGenerator(seed: 2)
    let model = Transformer(
        config: .init(sourceVocabSize: 96, targetVocabSize: 96, dModel: 32, heads: 2, layers: 2, maxLength: 128),
        using: &generator)
    let source = (0..<32).map { _ in generator.nextInt(below: 96) }
    let newTokens = 64
    let cached = medianSeconds(repeats: quick ? 3 : 9) {
        _ = model.greedyDecode(source, start: 1, end: -1, maxLength: newTokens + 1)
    }
    let uncached = medianSeconds(repeats: quick ? 3 : 9) {
        withoutGrad {
            let memory = model.encode([source])
            var target = [1]
            for _ in 0..<newTokens {
                let hidden = model.decoder(
                    model.embed([target], with: model.targetEmbedding), memory: memory,
                    targetMask: Tensor.causalMask(target.count))
                target.append(model.generator(hidden.sliced((target.count - 1)..<target.count, axis: 1)).argmax())
            }
        }
    }
    report([
        "bench": "translate", "config": "micro", "new_tokens": newTokens, "threads": threads,
        "cached_ms": cached * 1000, "full_decoder_ms": uncached * 1000, "speedup": uncached / cached,
    ])
}

// MARK: - Peak memory

let child = Process()
child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
child.arguments = ["--memory-child"]
let pipe = Pipe()
child.standardOutput = pipe
if (try? child.run()) != nil {
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    report(["bench": "memory", "config": "tiny", "what": "train step peak RSS", "peak_rss_mb": Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan])
}
