// Runs numpy / PyTorch on the same shapes in a child process, when /usr/bin/python3 has them.

import Foundation

// MARK: - Python peer

/// A `/usr/bin/python3 -c script arguments` process whose stdout is piped to us, or nil when
/// there is no such Python. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed for the child
/// only, so OpenBLAS picks its best kernel for this CPU; the BLAS and OpenMP thread counts are
/// `threads`.
private func pythonProcess(_ script: String, arguments: [String], threads: Int) -> (Process, Pipe)? {
    let python = "/usr/bin/python3"
    guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_CORETYPE"] = nil
    environment["OPENBLAS_L2_SIZE"] = nil
    for key in ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"] { environment[key] = String(threads) }
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    return (process, output)
}

/// Runs `script` with `/usr/bin/python3` and returns its stdout, or nil when Python or its
/// modules are missing.
func runPython(_ script: String, arguments: [String], threads: Int) -> String? {
    guard let (process, output) = pythonProcess(script, arguments: arguments, threads: threads) else { return nil }
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A PyTorch process that stays up and runs timed steps on request, so that its steps and ours
/// can alternate in short rounds: this machine's speed changes within seconds, and a ratio of
/// two batches run next to each other compares like with like.
final class TorchPeer {
    private let process: Process
    private let requests = Pipe()
    private let replies: FileHandle
    private var pending = Data()

    /// Starts `torchGPTPeerScript` for one configuration; nil when Python or PyTorch is missing.
    init?(arguments: [String], threads: Int) {
        guard let (process, output) = pythonProcess(torchGPTPeerScript, arguments: arguments, threads: threads)
        else { return nil }
        self.process = process
        replies = output.fileHandleForReading
        process.standardInput = requests
        do { try process.run() } catch { return nil }
        guard readLine() == "ready" else {
            process.terminate()
            return nil
        }
    }

    /// The seconds of each of `steps` train steps (or forward passes), run now after `warmup`
    /// untimed ones; nil if the peer has gone.
    func times(_ what: String, steps: Int, warmup: Int) -> [Double]? {
        requests.fileHandleForWriting.write(Data("\(what) \(steps) \(warmup)\n".utf8))
        let times = readLine()?.split(separator: " ").compactMap { Double($0) }
        return times?.count == steps ? times : nil
    }

    /// Asks the peer to exit and waits for it.
    func close() {
        try? requests.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// One line of the peer's output without its newline; nil at end of output.
    private func readLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            let chunk = replies.availableData
            if chunk.isEmpty { return nil }
            pending.append(chunk)
        }
    }
}

/// numpy float32 matmul: prints GFLOPS for n×n·n×n (median of repeats).
let numpyMatmulScript = """
import sys, time, numpy as np
n = int(sys.argv[1]); reps = int(sys.argv[2])
rng = np.random.default_rng(0)
a = rng.standard_normal((n, n), dtype=np.float32); b = rng.standard_normal((n, n), dtype=np.float32)
for _ in range(3): a @ b
ts = []
for _ in range(reps):
    t = time.perf_counter(); a @ b; ts.append(time.perf_counter() - t)
ts.sort(); print(2 * n ** 3 / ts[len(ts) // 2] / 1e9)
"""

/// PyTorch GPT with the benchmark's architecture, as a `TorchPeer`: warms up, prints "ready",
/// then answers each request line "train N W" or "forward N W" with the seconds of N runs
/// after W untimed ones.
let torchGPTPeerScript = """
import sys, time, math, torch, torch.nn as nn, torch.nn.functional as F
V, T, D, H, L, B, threads = map(int, sys.argv[1:8])
torch.set_num_threads(threads); torch.manual_seed(0)
class Block(nn.Module):
    def __init__(s):
        super().__init__()
        s.n1 = nn.LayerNorm(D); s.q = nn.Linear(D, D); s.k = nn.Linear(D, D); s.v = nn.Linear(D, D); s.o = nn.Linear(D, D)
        s.n2 = nn.LayerNorm(D); s.f1 = nn.Linear(D, 4 * D); s.f2 = nn.Linear(4 * D, D)
    def forward(s, x, mask):
        b, t, d = x.shape; h = s.n1(x)
        q = s.q(h).view(b, t, H, d // H).transpose(1, 2); k = s.k(h).view(b, t, H, d // H).transpose(1, 2)
        v = s.v(h).view(b, t, H, d // H).transpose(1, 2)
        w = torch.softmax((q @ k.transpose(-1, -2) / math.sqrt(d // H)).masked_fill(mask == 0, float('-inf')), -1)
        x = x + s.o((w @ v).transpose(1, 2).reshape(b, t, d))
        return x + s.f2(F.gelu(s.f1(s.n2(x)), approximate='tanh'))
class GPT(nn.Module):
    def __init__(s):
        super().__init__()
        s.wte = nn.Embedding(V, D); s.wpe = nn.Embedding(T, D); s.blocks = nn.ModuleList([Block() for _ in range(L)])
        s.n = nn.LayerNorm(D); s.head = nn.Linear(D, V, bias=False)
    def forward(s, ids):
        x = s.wte(ids) + s.wpe.weight[:ids.shape[1]]; mask = torch.tril(torch.ones(ids.shape[1], ids.shape[1]))
        for blk in s.blocks: x = blk(x, mask)
        return s.head(s.n(x))
m = GPT(); opt = torch.optim.AdamW(m.parameters(), lr=1e-3)
ids = torch.randint(0, V, (B, T)); tg = torch.randint(0, V, (B, T))
def train():
    opt.zero_grad(set_to_none=True); loss = F.cross_entropy(m(ids).view(-1, V), tg.view(-1)); loss.backward(); opt.step()
def fwd():
    with torch.no_grad(): m(ids)
for _ in range(3): train(); fwd()
print("ready", flush=True)
while True:
    line = sys.stdin.readline()
    if not line: break
    what, n, w = line.split(); f = train if what == "train" else fwd; ts = []
    for _ in range(int(w)): f()
    for _ in range(int(n)):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    print(" ".join(repr(x) for x in ts), flush=True)
"""
