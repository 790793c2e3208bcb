// Worker threads over a fixed partition of work, so results never depend on the thread count.

import Foundation
import Synchronization

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
/// `body` must write only to memory owned by its chunk; which thread runs a chunk never
/// changes what the chunk computes. A call made while another is running (from a chunk, or
/// from a second user thread) runs its chunks in order on the calling thread.
func parallelChunks(_ chunks: Int, _ body: (Int) -> Void) {
    parallelChunks(chunks) { chunk, _ in body(chunk) }
}

/// Like `parallelChunks(_:_:)`, with `body(chunk, slot)`: `slot` (below `EngineThreads.count`)
/// is the same for all chunks one thread runs, and no two threads share it, so a chunk may use
/// per-slot scratch memory.
func parallelChunks(_ chunks: Int, slotted body: (Int, Int) -> Void) {
    let threads = min(EngineThreads.count, chunks)
    if threads <= 1 || !WorkerPool.shared.tryRun(chunks: chunks, threads: threads, body) {
        for chunk in 0..<chunks { body(chunk, 0) }
    }
}

// MARK: - Worker pool

/// Threads that stay alive between products and wait for the next one.
///
/// Waking a sleeping thread takes tens of microseconds, longer than a whole product of a small
/// model (DispatchQueue.concurrentPerform was slower than one thread below ~100 µs of work).
/// So a worker that finished a job watches for the next one for a short while (`spinTime`)
/// before it sleeps on its semaphore; a train step keeps its workers awake, an idle process
/// does not burn a core.
///
/// Chunks are taken from one shared word (the caller from the front, workers from the back), and
/// the caller waits only for workers that joined the job before it ran out of chunks: on a busy
/// machine a worker that is not scheduled in time costs nothing, the caller does its share.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()

    /// How long a worker keeps looking for the next job before it sleeps.
    private static let spinTime: UInt64 = 200_000  // nanoseconds

    /// One call's work. Workers read `body` under `lock`; it is cleared before the call returns.
    private final class Job: @unchecked Sendable {
        let generation: Int
        let chunks: Int
        let threads: Int
        /// The CPU the caller ran on when it posted the job (nil when unknown).
        let callerCPU: Int?
        var body: ((Int, Int) -> Void)?
        /// Chunks taken so far: from the front (the caller, ascending) in the low 32 bits, from
        /// the back (workers, descending) above them. One word, so the two ends never overlap.
        let taken = Atomic<Int>(0)
        /// Bit 0: closed (no worker may join any more); above it, twice the workers inside.
        let state = Atomic<Int>(0)

        init(generation: Int, chunks: Int, threads: Int, body: @escaping (Int, Int) -> Void) {
            self.generation = generation
            self.chunks = chunks
            self.threads = threads
            self.callerCPU = CPUPlacement.current()
            self.body = body
        }

        /// Runs chunks until none is left: the caller (slot 0) from the front, workers from the
        /// back. With two threads each ends up with one contiguous run of chunks, so consecutive
        /// ops over the same rows tend to give a thread the rows it wrote last (they are in its
        /// cache), while a late or slow thread still just takes fewer chunks.
        func runChunks(_ body: (Int, Int) -> Void, slot: Int) {
            let fromFront = slot == 0
            var current = taken.load(ordering: .relaxed)
            while true {
                let front = current & 0xFFFF_FFFF, back = current >> 32
                guard front + back < chunks else { return }
                let (exchanged, original) = taken.compareExchange(
                    expected: current, desired: current + (fromFront ? 1 : 1 << 32), ordering: .relaxed)
                guard exchanged else {
                    current = original
                    continue
                }
                body(fromFront ? front : chunks - 1 - back, slot)
                current = taken.load(ordering: .relaxed)
            }
        }

        /// Enters the job unless it is closed.
        func join() -> Bool {
            var current = state.load(ordering: .acquiring)
            while current & 1 == 0 {
                let (exchanged, original) = state.compareExchange(
                    expected: current, desired: current + 2, ordering: .acquiringAndReleasing)
                if exchanged { return true }
                current = original
            }
            return false
        }
    }

    /// One background thread and how to wake it.
    private final class Worker: @unchecked Sendable {
        let index: Int
        let wake = DispatchSemaphore(value: 0)
        /// 1 while the worker sleeps (or is about to) on `wake`.
        let sleeping = Atomic<Int>(0)
        /// The CPUs the worker may run on, as it started; set and read by the worker only.
        nonisolated(unsafe) var allowedCPUs: [UInt64]?
        init(index: Int) { self.index = index }
    }

    /// Bumped once per job, after `current` is set; workers compare it with the last job they saw.
    private let generation = Atomic<Int>(0)
    /// 1 while a job runs: later callers run their chunks themselves.
    private let busy = Atomic<Int>(0)
    private let lock = NSLock()
    nonisolated(unsafe) private var current: Job?
    /// Touched only by the caller holding `busy`.
    nonisolated(unsafe) private var workers: [Worker] = []

    /// Runs `body` over `chunks` with up to `threads` threads (the caller is slot 0) and returns
    /// true, or returns false at once when the pool is already running a job.
    func tryRun(chunks: Int, threads: Int, _ body: (Int, Int) -> Void) -> Bool {
        guard busy.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged else { return false }
        defer { busy.store(0, ordering: .releasing) }
        while workers.count < threads - 1 { startWorker() }
        withoutActuallyEscaping(body) { body in
            let job = Job(
                generation: generation.load(ordering: .relaxed) + 1, chunks: chunks, threads: threads, body: body)
            lock.withLock { current = job }
            generation.add(1, ordering: .sequentiallyConsistent)
            for worker in workers.prefix(threads - 1)
            where worker.sleeping.exchange(0, ordering: .sequentiallyConsistent) == 1 {
                worker.wake.signal()
            }
            job.runChunks(body, slot: 0)
            // No chunk is left to start: close the job, wait for the workers inside it.
            job.state.bitwiseOr(1, ordering: .acquiringAndReleasing)
            while job.state.load(ordering: .acquiring) != 1 {}
            lock.withLock { job.body = nil }
        }
        return true
    }

    // MARK: - Workers

    private func startWorker() {
        let worker = Worker(index: workers.count + 1)
        workers.append(worker)
        let seen = generation.load(ordering: .acquiring)
        let thread = Thread { [self] in self.serve(worker, seen: seen) }
        thread.name = "litbook-engine-\(worker.index)"
        thread.start()
    }

    /// The worker loop: wait for a new job, help with its chunks when the job wants this worker.
    private func serve(_ worker: Worker, seen: Int) -> Never {
        var seen = seen
        worker.allowedCPUs = CPUPlacement.allowed()
        while true {
            waitForJob(worker, after: seen)
            guard let job = lock.withLock({ current }), job.generation != seen else { continue }
            seen = job.generation
            guard worker.index < job.threads, job.join() else { continue }
            // Woken onto the caller's CPU, the two would share one core: move to another (see CPUPlacement).
            if let callerCPU = job.callerCPU, let allowed = worker.allowedCPUs, CPUPlacement.current() == callerCPU {
                CPUPlacement.leave(cpu: callerCPU, allowed: allowed)
            }
            run(job, slot: worker.index)
            job.state.subtract(2, ordering: .releasing)
        }
    }

    /// Runs chunks of `job`; the body is released before the worker leaves the job.
    private func run(_ job: Job, slot: Int) {
        guard let body = lock.withLock({ job.body }) else { return }
        job.runChunks(body, slot: slot)
    }

    /// Spins for `spinTime` while `generation` is `seen`, then sleeps until a caller signals.
    private func waitForJob(_ worker: Worker, after seen: Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        var polls = 0
        while generation.load(ordering: .acquiring) == seen {
            polls += 1
            if polls % 1024 == 0 && DispatchTime.now().uptimeNanoseconds - start > Self.spinTime { break }
        }
        while true {
            worker.sleeping.store(1, ordering: .sequentiallyConsistent)
            if generation.load(ordering: .sequentiallyConsistent) != seen {
                // A job arrived meanwhile. If its caller already took the flag, it signals: consume that.
                if worker.sleeping.exchange(0, ordering: .sequentiallyConsistent) == 0 { worker.wake.wait() }
                return
            }
            worker.wake.wait()
        }
    }
}
