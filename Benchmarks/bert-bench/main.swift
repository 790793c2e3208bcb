// bert-bench: all-MiniLM-L6-v2 in the engine vs PyTorch +
// transformers in the same run: speed, load time, tokens, errors.
//
// Run from the repository root after scripts/fetch-models.sh and scripts/peer-venv.sh:
//   swift run -c release bert-bench [--rounds N]
// Prints one JSON line per figure and appends the run's line to Benchmarks/results/bert-bench.jsonl.

import BenchmarkResults
import Foundation
import TransformerEngine

// MARK: - Setup

let arguments = CommandLine.arguments
let rounds = arguments.firstIndex(of: "--rounds").flatMap { Int(arguments[$0 + 1]) } ?? 5
let peerThreads = 2
let modelFolder = URL(fileURLWithPath: "Notes/models/all-MiniLM-L6-v2")
let goldenTokens = URL(fileURLWithPath: "Tests/TransformerEngineTests/Golden/bert/tokens.json")

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bert-bench: \(message)\n".utf8))
    exit(1)
}

/// 64 sentences of 14 to 16 tokens, the same for every run.
let batch: [String] = {
    var sentences: [String] = []
    for subject in ["The young student", "My older brother", "A tired engineer", "Our new neighbour"] {
        for verb in ["reads", "writes"] {
            for thing in ["long letters", "short stories"] {
                for place in ["quiet library", "busy kitchen"] {
                    for time in ["morning", "evening"] {
                        sentences.append("\(subject) \(verb) \(thing) in the \(place) every \(time).")
                    }
                }
            }
        }
    }
    return sentences
}()

// MARK: - Loading

var loadTimes: [Double] = []
var loaded: SentenceEncoder?
for _ in 0..<3 {
    let start = DispatchTime.now().uptimeNanoseconds
    do { loaded = try SentenceEncoder(contentsOf: modelFolder) } catch { fail("\(error)") }
    loadTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
let encoder = loaded!
let loadSeconds = loadTimes.sorted()[1]
report(["bench": "load", "seconds": loadSeconds])

// MARK: - Peer

let set = ((try? JSONSerialization.jsonObject(with: Data(contentsOf: goldenTokens))) as? [[String: Any]])?
    .compactMap { $0["text"] as? String } ?? []
guard !set.isEmpty else { fail("cannot read the sentence set \(goldenTokens.path)") }
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
    "bert-bench-\(ProcessInfo.processInfo.processIdentifier)")
try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
let inputs = scratch.appendingPathComponent("inputs.json"),
    tensorsFile = scratch.appendingPathComponent("reference.safetensors")
try! JSONSerialization.data(withJSONObject: ["set": set, "batch": batch]).write(to: inputs)
let python = FileManager.default.currentDirectoryPath + "/.venv-peer/bin/python"
guard let peer = TorchBertPeer(python: python, model: modelFolder.path, threads: peerThreads,
                               inputs: inputs.path, tensorsOut: tensorsFile.path)
else { fail("no PyTorch peer: run scripts/peer-venv.sh first (it makes .venv-peer)") }
let reference = (try? SafeTensors.load(from: tensorsFile)) ?? [:]

// MARK: - Tokens

let ours = set.map { encoder.tokenizer.encode($0) }
let slowIDs = peer.hello["slow"] as? [[Int]] ?? [], fastIDs = peer.hello["fast"] as? [[Int]] ?? []
let sameAsSlow = zip(ours, slowIDs).filter { $0.0 == $0.1 }.count
let sameAsFast = zip(ours, fastIDs).filter { $0.0 == $0.1 }.count
report([
    "bench": "tokens", "sentences": set.count, "identical_BertTokenizer": sameAsSlow,
    "identical_BertTokenizerFast": sameAsFast,
])

// MARK: - Errors

/// max |ours − theirs| / max |theirs| over one tensor.
func relativeError(_ ours: Tensor, _ theirs: Tensor?) -> Double {
    guard let theirs, theirs.shape == ours.shape else { return .infinity }
    let scale = theirs.scalars.map(abs).max() ?? 1
    let worst = zip(ours.scalars, theirs.scalars).map { abs($0 - $1) }.max() ?? 0
    return Double(worst / max(scale, 1e-12))
}
let padded = encoder.tokenizer.encodeBatch(batch)
let run = encoder.model(padded.ids, mask: padded.mask)
let hiddenError = run.hiddenStates.enumerated().map { relativeError($1, reference["hidden.\($0)"]) }.max() ?? .infinity
let attentionError =
    encoder.attention(batch[0]).enumerated().map { relativeError($1, reference["attention.\($0)"]) }.max() ?? .infinity
let embeddingError = relativeError(encoder.embed(batch), reference["embeddings"])
report(["bench": "errors", "hidden_states": hiddenError, "attention": attentionError, "embeddings": embeddingError])

// MARK: - Speed

var oursTimes: [Double] = [], theirTimes: [Double] = []
for _ in 0..<2 { _ = encoder.embed(batch) }
for _ in 0..<rounds {
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = encoder.embed(batch)
        oursTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    theirTimes += peer.times(steps: 3, warmup: 0) ?? []
}
peer.close()
let oursMedian = median(oursTimes), theirMedian = median(theirTimes)
let tokens = padded.ids.count * (padded.ids.first?.count ?? 0)
report([
    "bench": "embed64", "tokens": tokens, "ours_s": oursMedian, "torch_s": theirMedian,
    "speedup": theirMedian / oursMedian,
])

// MARK: - Results file

let load = BenchmarkMachine.loadAverage() ?? -1
let cpu = BenchmarkMachine.cpuModel()
let line: [String: Any] = [
    "date": ISO8601DateFormatter().string(from: Date()), "commit": BenchmarkMachine.currentCommit() ?? "unknown",
    "cpu": cpu, "loadavg_1m": load, "engine_threads": EngineThreads.count, "torch_threads": peerThreads,
    "torch": peer.hello["torch"] ?? "", "transformers": peer.hello["transformers"] ?? "",
    "load_s": loadSeconds, "torch_load_s": peer.hello["load_s"] ?? -1,
    "embed64_ours_s": oursMedian, "embed64_torch_s": theirMedian, "embed64_speedup": theirMedian / oursMedian,
    "embed64_tokens": tokens, "sentences": set.count, "tokens_identical": sameAsSlow,
    "tokens_identical_fast": sameAsFast,
    "max_rel_error_hidden": hiddenError, "max_rel_error_attention": attentionError,
    "max_rel_error_embeddings": embeddingError,
]
let json = try! JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
_ = ResultsFile.append(
    String(decoding: json, as: UTF8.self), to: "Benchmarks/results/bert-bench.jsonl", bench: "bert-bench")
print(String(decoding: json, as: UTF8.self))
