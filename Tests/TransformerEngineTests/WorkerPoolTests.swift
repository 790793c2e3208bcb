// The worker pool: every chunk runs exactly once, on any number of threads, also when calls overlap.

import Foundation
import Synchronization
import XCTest
@testable import TransformerEngine

final class WorkerPoolTests: XCTestCase {
    override func tearDown() {
        EngineThreads.set(2)
        super.tearDown()
    }

    /// Runs `parallelChunks(chunks)` and returns how often each chunk ran and the slots seen.
    private static func runs(of chunks: Int) -> (counts: [Int], slots: Set<Int>) {
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: chunks)
        counts.initialize(repeating: 0, count: chunks)
        defer { counts.deallocate() }
        let slotMask = Atomic<Int>(0)
        // Each chunk writes only its own counter; the slot goes into a shared bit mask.
        parallelChunks(chunks, slotted: { chunk, slot in
            counts[chunk] += 1
            slotMask.bitwiseOr(1 << slot, ordering: .relaxed)
        })
        let mask = slotMask.load(ordering: .relaxed)
        return (Array(UnsafeBufferPointer(start: counts, count: chunks)), Set((0..<8).filter { mask & (1 << $0) != 0 }))
    }

    func testEveryChunkRunsOnceOnOneTwoAndFourThreads() {
        for threads in [1, 2, 4] {
            EngineThreads.set(threads)
            for chunks in [1, 2, 3, 7, 64, 1000] {
                for _ in 0..<20 {
                    let (counts, slots) = Self.runs(of: chunks)
                    XCTAssertEqual(counts, [Int](repeating: 1, count: chunks), "\(chunks) chunks on \(threads) threads")
                    XCTAssertTrue(slots.allSatisfy { $0 < threads }, "slots \(slots) with \(threads) threads")
                }
            }
        }
    }

    /// A second user thread calling while the pool is busy runs its chunks itself.
    func testOverlappingCallsFromTwoThreadsEachRunEveryChunkOnce() {
        EngineThreads.set(2)
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for chunks in [2, 5, 33, 200] {
                let (counts, _) = WorkerPoolTests.runs(of: chunks)
                if counts != [Int](repeating: 1, count: chunks) { failures.add(1, ordering: .relaxed) }
            }
        }
        XCTAssertEqual(failures.load(ordering: .relaxed), 0)
    }

    /// A thread that leaves its CPU runs elsewhere at once, and only on the CPUs it was allowed.
    func testAThreadThatLeavesItsCPURunsOnAnotherAllowedOne() throws {
        let allowed = try XCTUnwrap(CPUPlacement.allowed(), "sched_getaffinity is looked up on Linux")
        let allowedCPUs = (0..<allowed.count * 64).filter { allowed[$0 / 64] & (1 << UInt64($0 % 64)) != 0 }
        try XCTSkipIf(allowedCPUs.count < 2, "one CPU: there is nowhere to move")
        let seen = Mutex<(before: Int?, after: Int?)>((nil, nil))
        // A thread of its own: its narrowed affinity ends with it.
        let thread = Thread {
            let before = CPUPlacement.current()
            if let before { CPUPlacement.leave(cpu: before, allowed: allowed) }
            let after = CPUPlacement.current()
            seen.withLock { $0 = (before, after) }
        }
        thread.start()
        while seen.withLock({ $0.after == nil }) { usleep(1_000) }
        let (before, after) = seen.withLock { $0 }
        XCTAssertNotEqual(before, after)
        XCTAssertTrue(allowedCPUs.contains(try XCTUnwrap(after)))
    }
}
