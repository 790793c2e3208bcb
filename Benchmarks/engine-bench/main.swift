// engine-bench: sgemm GFLOPS, GPT train-step and forward times, peak
// memory; PyTorch 2, PyTorch 1.13 and numpy peers in the same run.
//
// Run from the repository root: .build/release/engine-bench [--quick] [--sgemm-only] [--results PATH] [--no-record]
// (profiling aids: --steps CONFIG N times N train steps, --forwards CONFIG N forward passes,
// --products SIZE N products)
// Every measurement is one JSON line on stdout; a whole run (not --quick) is appended as one line to
// Benchmarks/results/engine-bench.jsonl. PyTorch 2 comes from .venv-peer (scripts/peer-venv.sh).

import BenchmarkResults
import Foundation
import TransformerEngine

// MARK: - Configuration

let arguments = CommandLine.arguments
let quick = arguments.contains("--quick")
let threads = EngineThreads.count

/// The three GPT configurations the bench times (vocab, context, d, heads, layers, batch).
struct BenchConfig {
    let name: String
    let gpt: GPT.Config
    let batch: Int
}

let configs = [
    BenchConfig(name: "micro", gpt: .init(vocabSize: 96, contextLength: 32, dModel: 32, heads: 2, layers: 2), batch: 8),
    BenchConfig(
        name: "tiny", gpt: .init(vocabSize: 256, contextLength: 64, dModel: 128, heads: 4, layers: 4), batch: 16),
    BenchConfig(
        name: "small", gpt: .init(vocabSize: 512, contextLength: 128, dModel: 256, heads: 8, layers: 6), batch: 8),
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

// Profiling aids: `--steps NAME N` runs N train steps of one configuration, `--forwards NAME N`
// N forward passes; each prints the median and exits.
for (flagName, bench) in [("--steps", "steps"), ("--forwards", "forwards")] {
    guard let flag = arguments.firstIndex(of: flagName), arguments.count > flag + 2,
        let config = configs.first(where: { $0.name == arguments[flag + 1] }), let count = Int(arguments[flag + 2])
    else { continue }
    let workload = GPTWorkload(config)
    let seconds = median(
        secondsOfRuns(warmup: 2, repeats: count) { bench == "steps" ? workload.trainStep() : workload.forward() })
    report(["bench": bench, "config": config.name, "threads": threads, "median_ms": seconds * 1e3])
    exit(0)
}

// A profiling aid: `--products SIZE N` runs N products of two SIZE×SIZE matrices and exits.
if let flag = arguments.firstIndex(of: "--products"), arguments.count > flag + 2,
   let size = Int(arguments[flag + 1]), let count = Int(arguments[flag + 2])
{
    var generator = RandomGenerator(seed: UInt64(size))
    let a = Tensor.randn([size, size], using: &generator), b = Tensor.randn([size, size], using: &generator)
    let seconds = median(secondsOfRuns(warmup: 1, repeats: count) { _ = withoutGrad { a.matmul(b) } })
    report(["bench": "products", "n": size, "threads": threads, "median_ms": seconds * 1e3,
            "gflops": 2 * Double(size * size * size) / seconds / 1e9])
    exit(0)
}

// MARK: - Machine

// Other work on the machine skews every figure below, ours and the peers' alike; say how busy it was.
let startedAt = Date()
let commitAtStart = arguments.contains("--memory-child") ? nil : BenchmarkMachine.currentCommit()
let loadAtStart = BenchmarkMachine.loadAverage()
let torchPeers = arguments.contains("--memory-child") ? [] : findTorchPeers(threads: threads)
if !arguments.contains("--memory-child") {
    report(
        ["bench": "machine", "threads": threads, "cores": ProcessInfo.processInfo.activeProcessorCount,
         "loadavg_1m": loadAtStart ?? Double.nan, "cpu": BenchmarkMachine.cpuModel()],
        extra: torchPeers.map { ($0.name, $0.torchVersion) })
    if !torchPeers.contains(where: { $0.name == "torch2" }) {
        FileHandle.standardError.write(
            Data("engine-bench: no PyTorch 2 peer; make one with scripts/peer-venv.sh\n".utf8))
    }
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

/// The median of `peer`'s round medians over `own`'s, round by round (nan when a peer round is missing).
func roundRatio(_ peer: [[Double]], _ own: [[Double]]) -> Double {
    peer.count == own.count && !own.isEmpty ? median(zip(peer, own).map { median($0) / median($1) }) : .nan
}

/// The sides of round `round`, rotated so that each side goes first in turn: side 0 is ours,
/// side i > 0 is peer i − 1.
func sideOrder(round: Int, sides: Int) -> [Int] {
    (0..<sides).map { ($0 + round) % sides }
}

var sgemmRates: [Int: Double] = [:]
let sgemmPeers = torchPeers.compactMap { TorchPeer($0, threads: threads) }
for n in [256, 512, 1024] {
    var generator = RandomGenerator(seed: UInt64(n))
    let a = Tensor.randn([n, n], using: &generator), b = Tensor.randn([n, n], using: &generator)
    // Our products and each peer's alternate in rounds, like the GPT steps below. A product of
    // n = 256 takes well under a millisecond: many per round, so that a burst of other work on
    // a shared machine moves the median of no side.
    let rounds = quick ? 1 : 5
    let repeats = quick ? 3 : [256: 21, 512: 7, 1024: 3][n]!
    var ours: [[Double]] = [], theirs = [[[Double]]](repeating: [], count: sgemmPeers.count)
    for round in 0..<rounds {
        for side in sideOrder(round: round, sides: sgemmPeers.count + 1) {
            if side == 0 {
                ours.append(secondsOfRuns(warmup: 1, repeats: repeats) { _ = withoutGrad { a.matmul(b) } })
            } else if let times = sgemmPeers[side - 1].times("matmul", steps: repeats, warmup: 1, size: n) {
                theirs[side - 1].append(times)
            }
        }
    }
    let flops = 2 * Double(n * n * n)
    let gflops = flops / median(ours.flatMap { $0 }) / 1e9
    sgemmRates[n] = gflops
    let numpy = runPython(
        numpyMatmulScript, arguments: [String(n), String(quick ? 3 : repeats * rounds)], threads: threads
    )
    .flatMap(Double.init)
    var perPeer: [(String, Any)] = []
    for (peer, times) in zip(sgemmPeers, theirs) {
        let rate = times.count == rounds ? flops / median(times.flatMap { $0 }) / 1e9 : Double.nan
        perPeer += [("\(peer.python.name)_gflops", rate), ("ratio_to_\(peer.python.name)", roundRatio(times, ours))]
    }
    report(
        ["bench": "sgemm", "n": n, "threads": threads, "gflops": gflops, "rounds": rounds, "repeats_per_round": repeats,
         "numpy_gflops": numpy ?? Double.nan, "ratio_to_numpy": numpy.map { gflops / $0 } ?? Double.nan],
        extra: perPeer)
}
sgemmPeers.forEach { $0.close() }

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
    let peers = torchPeers.compactMap {
        TorchPeer($0, threads: threads, gpt: [g.vocabSize, g.contextLength, g.dModel, g.heads, g.layers, config.batch])
    }
    var ours = (train: [[Double]](), forward: [[Double]]())
    var theirs = [(train: [[Double]], forward: [[Double]])](repeating: ([], []), count: peers.count)
    for round in 0..<rounds {
        for side in sideOrder(round: round, sides: peers.count + 1) {
            if side == 0 {
                ours.train.append(secondsOfRuns(warmup: warmup, repeats: steps) { workload.trainStep() })
                ours.forward.append(secondsOfRuns(warmup: warmup, repeats: steps) { workload.forward() })
            } else if let train = peers[side - 1].times("train", steps: steps, warmup: warmup),
                      let forward = peers[side - 1].times("forward", steps: steps, warmup: warmup) {
                theirs[side - 1].train.append(train)
                theirs[side - 1].forward.append(forward)
            }
        }
    }
    peers.forEach { $0.close() }
    let tokens = config.batch * config.gpt.contextLength
    // 6 × parameters × tokens FLOPs for forward + backward, at the measured sgemm rate.
    let bound = 6 * Double(workload.model.parameterCount) * Double(tokens) / (boundRate * 1e9)
    let train = median(ours.train.flatMap { $0 }), forward = median(ours.forward.flatMap { $0 })
    // Per peer: its pooled median times, the median over rounds of its median step over ours
    // (`speedup_train_torch2`: above 1 when we are faster), and the ratio of the pooled medians.
    var perPeer: [(String, Any)] = []
    for (peer, times) in zip(peers, theirs) {
        let paired = times.train.count == rounds
        let peerTrain = paired ? median(times.train.flatMap { $0 }) : .nan
        let peerForward = paired ? median(times.forward.flatMap { $0 }) : .nan
        let name = peer.python.name
        perPeer += [
            ("\(name)_train_ms", peerTrain * 1000), ("\(name)_forward_ms", peerForward * 1000),
            ("speedup_train_\(name)", roundRatio(times.train, ours.train)),
            ("speedup_forward_\(name)", roundRatio(times.forward, ours.forward)),
            ("speedup_train_pooled_\(name)", peerTrain / train),
            ("speedup_forward_pooled_\(name)", peerForward / forward),
        ]
    }
    report(
        ["bench": "gpt", "config": config.name, "threads": threads, "parameters": workload.model.parameterCount,
         "train_ms": train * 1000, "forward_ms": forward * 1000,
         "rounds": rounds, "steps_per_round": steps, "warmup_per_round": warmup,
         "matmul_bound_ms": bound * 1000, "times_bound": train / bound],
        extra: perPeer)
}

// MARK: - Generation

// 64 new tokens with the micro model: KV cache versus a full forward pass per token.
do {
    var generator = RandomGenerator(seed: 1)
    let model = GPT(
        config: .init(vocabSize: 96, contextLength: 128, dModel: 32, heads: 2, layers: 2), using: &generator)
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
    report([
        "bench": "memory", "config": "tiny", "what": "train step peak RSS",
        "peak_rss_mb": Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan,
    ])
}

// MARK: - Results file

// A whole run goes into the results file; --quick runs are smoke tests and do not.
if !quick && !arguments.contains("--no-record") {
    let path =
        arguments.firstIndex(of: "--results").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        ?? "Benchmarks/results/engine-bench.jsonl"
    var versions = torchPeers.map { ($0.name, $0.torchVersion) }
    if let numpy = runPython("import numpy; print(numpy.__version__)", threads: threads) {
        versions.append(("numpy", numpy))
    }
    if appendRun(
        to: path, startedAt: startedAt, commit: commitAtStart, loadAtStart: loadAtStart, threads: threads,
        peers: versions)
    {
        FileHandle.standardError.write(Data("engine-bench: appended this run to \(path)\n".utf8))
    }
}
