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
}
