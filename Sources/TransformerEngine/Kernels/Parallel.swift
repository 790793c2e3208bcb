// Worker threads over a fixed partition of work, so results never depend on the thread count.

import Dispatch
import Foundation

// MARK: - Threads

/// How many threads the kernels use.
///
/// Work is always cut into the same chunks whatever this number is; threads only decide
/// who computes which chunk, so 1 thread or N give identical bits.
public enum EngineThreads {
    nonisolated(unsafe) private static var configured: Int?

    /// The thread count: `set(_:)` if called, else `LITBOOK_THREADS`, else the core count.
    public static var count: Int {
        if let configured { return configured }
        if let text = ProcessInfo.processInfo.environment["LITBOOK_THREADS"], let value = Int(text), value > 0 {
            configured = value
            return value
        }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        configured = cores
        return cores
    }

    /// Sets the number of threads kernels use (at least 1).
    public static func set(_ threads: Int) {
        precondition(threads >= 1, "EngineThreads.set needs at least 1 thread, got \(threads)")
        configured = threads
    }
}

// MARK: - Running chunks

/// Calls `body(chunk)` for every chunk in `0..<chunks`, spread over the engine's threads.
///
/// Worker `w` takes chunks `w, w + T, w + 2T…`: a static schedule, no shared counter.
/// `body` must write only to memory owned by its chunk.
func parallelChunks(_ chunks: Int, _ body: (Int) -> Void) {
    let threads = min(EngineThreads.count, chunks)
    if threads <= 1 {
        for chunk in 0..<chunks { body(chunk) }
        return
    }
    withoutActuallyEscaping(body) { body in
        let task = ChunkTask(body: body)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var chunk = worker
            while chunk < chunks {
                task.body(chunk)
                chunk += threads
            }
        }
    }
}

/// Carries a chunk body into worker threads; sound because each chunk writes only its own memory.
private struct ChunkTask: @unchecked Sendable {
    let body: (Int) -> Void
}
