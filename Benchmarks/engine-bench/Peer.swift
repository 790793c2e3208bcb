// The peers of the engine bench: PyTorch 2 from .venv-peer,
// PyTorch 1.13 and numpy from /usr/bin/python3, as child processes.

import Foundation

// MARK: - Finding the peers

/// A Python interpreter with PyTorch, named in the figures by PyTorch's major version.
struct PeerPython {
    /// "torch2" or "torch1": the prefix of this peer's keys in the JSON lines.
    let name: String
    let path: String
    let torchVersion: String
}

/// The PyTorch peers this machine has, newest first: the venv of `scripts/peer-venv.sh`
/// (`$LITBOOK_PEER_PYTHON`, else `.venv-peer/bin/python` under the current directory), then
/// Debian's `python3-torch` under `/usr/bin/python3`. A Python without PyTorch is left out.
func findTorchPeers(threads: Int) -> [PeerPython] {
    let venv = ProcessInfo.processInfo.environment["LITBOOK_PEER_PYTHON"]
        ?? FileManager.default.currentDirectoryPath + "/.venv-peer/bin/python"
    var peers: [PeerPython] = []
    for path in [venv, "/usr/bin/python3"] {
        guard let version = runPython("import torch; print(torch.__version__)", python: path, threads: threads),
              let major = version.first, major.isNumber,
              !peers.contains(where: { $0.torchVersion == version })
        else { continue }
        peers.append(PeerPython(name: "torch\(major)", path: path, torchVersion: version))
    }
    return peers
}

// MARK: - Python processes

/// A `python -c script arguments` process whose stdout is piped to us, or nil when there is no
/// such Python. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed for the child only, so
/// OpenBLAS picks its best kernel for this CPU; the BLAS and OpenMP thread counts are `threads`.
private func pythonProcess(_ script: String, python: String, arguments: [String], threads: Int) -> (Process, Pipe)? {
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

/// Runs `script` with `python` and returns its stdout, or nil when Python or its modules are missing.
func runPython(
    _ script: String, python: String = "/usr/bin/python3", arguments: [String] = [], threads: Int
) -> String? {
    guard let (process, output) = pythonProcess(script, python: python, arguments: arguments, threads: threads)
    else { return nil }
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

// MARK: - A peer that stays up

/// A PyTorch process that stays up and runs timed work on request, so that its runs and ours
/// can alternate in short rounds: this machine's speed changes within seconds, and a ratio of
/// two batches run next to each other compares like with like.
final class TorchPeer {
    let python: PeerPython
    private let process: Process
    private let requests = Pipe()
    private let replies: FileHandle
    private var pending = Data()

    /// Starts `torchPeerScript`: with `gpt` (vocab, context, d, heads, layers, batch) it builds that
    /// model and answers "train" and "forward"; it always answers "matmul". Nil when it fails.
    init?(_ python: PeerPython, threads: Int, gpt: [Int] = []) {
        self.python = python
        let arguments = ([threads] + gpt).map(String.init)
        guard
            let (process, output) = pythonProcess(
                torchPeerScript, python: python.path, arguments: arguments, threads: threads)
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

    /// The seconds of each of `steps` train steps, forward passes or n×n products ("train",
    /// "forward", "matmul"), run now after `warmup` untimed ones; nil if the peer has gone.
    func times(_ what: String, steps: Int, warmup: Int, size: Int = 0) -> [Double]? {
        requests.fileHandleForWriting.write(Data("\(what) \(steps) \(warmup) \(size)\n".utf8))
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

// MARK: - Scripts

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

/// The `TorchPeer` script: the bench's GPT in PyTorch when given its configuration, and n×n
/// float32 products. Warms up, prints "ready", then answers each request line "WHAT N W SIZE"
/// with the seconds of N runs after W untimed ones.
let torchPeerScript = """
import sys, time, math, torch, torch.nn as nn, torch.nn.functional as F
threads = int(sys.argv[1]); torch.set_num_threads(threads); torch.manual_seed(0)
tasks = {}
if len(sys.argv) > 2:
    V, T, D, H, L, B = map(int, sys.argv[2:8])
    class Block(nn.Module):
        def __init__(s):
            super().__init__()
            s.n1 = nn.LayerNorm(D); s.q = nn.Linear(D, D); s.k = nn.Linear(D, D); s.v = nn.Linear(D, D)
            s.o = nn.Linear(D, D); s.n2 = nn.LayerNorm(D); s.f1 = nn.Linear(D, 4 * D); s.f2 = nn.Linear(4 * D, D)
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
            s.wte = nn.Embedding(V, D); s.wpe = nn.Embedding(T, D); s.blocks = nn.ModuleList([Block() for _ in\
 range(L)])
            s.n = nn.LayerNorm(D); s.head = nn.Linear(D, V, bias=False)
        def forward(s, ids):
            x = s.wte(ids) + s.wpe.weight[:ids.shape[1]]; mask = torch.tril(torch.ones(ids.shape[1], ids.shape[1]))
            for blk in s.blocks: x = blk(x, mask)
            return s.head(s.n(x))
    m = GPT(); opt = torch.optim.AdamW(m.parameters(), lr=1e-3)
    ids = torch.randint(0, V, (B, T)); tg = torch.randint(0, V, (B, T))
    def train():
        opt.zero_grad(set_to_none=True); loss = F.cross_entropy(m(ids).view(-1, V), tg.view(-1)); loss.backward();\
 opt.step()
    def fwd():
        with torch.no_grad(): m(ids)
    for _ in range(3): train(); fwd()
    tasks = {"train": train, "forward": fwd}
matrices = {}
def product(n):
    if n not in matrices: matrices[n] = (torch.randn(n, n), torch.randn(n, n))
    a, b = matrices[n]
    return lambda: torch.mm(a, b)
print("ready", flush=True)
while True:
    line = sys.stdin.readline()
    if not line: break
    what, n, w, size = line.split(); f = product(int(size)) if what == "matmul" else tasks[what]; ts = []
    for _ in range(int(w)): f()
    for _ in range(int(n)):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    print(" ".join(repr(x) for x in ts), flush=True)
"""
