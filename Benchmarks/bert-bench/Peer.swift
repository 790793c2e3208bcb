// The PyTorch + transformers peer of bert-bench: a child process in .venv-peer that loads the same model.

import Foundation

// MARK: - TorchBertPeer

/// A Python process (the venv of `scripts/peer-venv.sh`) holding Hugging Face's BertModel and
/// tokenizers on `threads` threads. At start it writes its reference tensors and tokens; then it
/// answers "embed N W" with the seconds of N embeddings of the batch after W untimed ones, so its
/// rounds and ours can alternate.
final class TorchBertPeer {
    private let process = Process()
    private let requests = Pipe()
    private let replies: FileHandle
    private var pending = Data()
    /// The first line the peer printed: versions, load seconds, token lists.
    let hello: [String: Any]

    /// nil when the venv or its packages are missing (the reason is printed by the caller).
    init?(python: String, model: String, threads: Int, inputs: String, tensorsOut: String) {
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", torchBertPeerScript, model, String(threads), inputs, tensorsOut]
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = nil
        environment["OPENBLAS_L2_SIZE"] = nil
        for key in ["OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"] { environment[key] = String(threads) }
        environment["TOKENIZERS_PARALLELISM"] = "false"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = requests
        process.standardError = FileHandle.nullDevice
        replies = output.fileHandleForReading
        do { try process.run() } catch { return nil }
        guard let line = Self.readLine(replies, &pending),
              let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        else {
            process.terminate()
            return nil
        }
        hello = object
    }

    /// Seconds of each of `steps` timed embeddings of the batch after `warmup` untimed ones.
    func times(steps: Int, warmup: Int) -> [Double]? {
        requests.fileHandleForWriting.write(Data("embed \(steps) \(warmup)\n".utf8))
        let times = Self.readLine(replies, &pending)?.split(separator: " ").compactMap { Double($0) }
        return times?.count == steps ? times : nil
    }

    func close() {
        try? requests.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private static func readLine(_ handle: FileHandle, _ pending: inout Data) -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            pending.append(chunk)
        }
    }
}

/// The peer: argv model folder, threads, inputs JSON {"set": [...], "batch": [...]}, output
/// safetensors path. Prints one JSON line (versions, load seconds, BertTokenizer's and
/// BertTokenizerFast's ids of the set), then serves "embed N W" lines. Embedding is the
/// sentence-transformers pipeline: fast tokenizer, BertModel, mean over real tokens, L2 norm.
let torchBertPeerScript = """
import sys, json, time, torch, transformers
from safetensors.torch import save_file
model_dir, threads, inputs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
torch.set_num_threads(threads)
t = time.perf_counter()
model = transformers.BertModel.from_pretrained(model_dir, attn_implementation="eager").eval()
fast = transformers.BertTokenizerFast.from_pretrained(model_dir)
load = time.perf_counter() - t
slow = transformers.BertTokenizer.from_pretrained(model_dir)
data = json.load(open(inputs, encoding="utf-8"))
batch = data["batch"]
def embed(texts):
    enc = fast(texts, padding=True, truncation=True, max_length=256, return_tensors="pt")
    with torch.no_grad():
        h = model(**enc).last_hidden_state
    m = enc["attention_mask"].unsqueeze(-1).float()
    return torch.nn.functional.normalize((h * m).sum(1) / m.sum(1).clamp(min=1e-9), p=2, dim=1)
with torch.no_grad():
    enc = slow(batch, padding=True, return_tensors="pt")
    o = model(**enc, output_hidden_states=True, output_attentions=True)
    single = model(**slow(batch[0], return_tensors="pt"), output_attentions=True)
tensors = {"embeddings": embed(batch)}
for i, h in enumerate(o.hidden_states): tensors[f"hidden.{i}"] = h
for i, a in enumerate(single.attentions): tensors[f"attention.{i}"] = a[0]
save_file({k: v.contiguous().float() for k, v in tensors.items()}, out)
print(json.dumps({"torch": torch.__version__, "transformers": transformers.__version__, "load_s": load,
                  "slow": [slow(s)["input_ids"] for s in data["set"]], "fast": [fast(s)["input_ids"] for s in\
 data["set"]]}), flush=True)
for _ in range(2): embed(batch)
while True:
    line = sys.stdin.readline()
    if not line: break
    _, n, w = line.split(); ts = []
    for _ in range(int(w)): embed(batch)
    for _ in range(int(n)):
        t = time.perf_counter(); embed(batch); ts.append(time.perf_counter() - t)
    print(" ".join(repr(x) for x in ts), flush=True)
"""
