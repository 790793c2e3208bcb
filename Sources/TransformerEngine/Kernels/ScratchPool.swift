// Reusable scratch buffers for GEMM's packed panels, so small products do not hit malloc and page faults.

import Foundation

// MARK: - Pool

/// A few float buffers kept between GEMM calls.
///
/// Packing buffers are a few hundred KB at most in the engine's usual shapes; allocating and
/// freeing them on every call made glibc hand memory back to the kernel and fault it in again.
/// Buffers up to `largestKept` floats are kept for reuse (at most `maximumKept` of them);
/// larger ones are plain allocations. Contents are never read before being written.
enum ScratchPool {
    /// Largest buffer kept (1 Mi floats = 4 MB).
    private static let largestKept = 1 << 20
    /// How many idle buffers are kept.
    private static let maximumKept = 8

    private static let lock = NSLock()
    nonisolated(unsafe) private static var idle: [(pointer: UnsafeMutablePointer<Float>, capacity: Int)] = []

    /// Runs `body` with a buffer of at least `count` floats (uninitialized), then keeps it for reuse.
    static func withBuffer<Result>(count: Int, _ body: (UnsafeMutablePointer<Float>) -> Result) -> Result {
        guard count <= largestKept else {
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: count)
            defer { buffer.deallocate() }
            return body(buffer)
        }
        let buffer = take(count)
        defer { give(buffer) }
        return body(buffer.pointer)
    }

    // MARK: - Taking and giving back

    /// The smallest idle buffer that fits, else a new one of exactly `count` floats.
    private static func take(_ count: Int) -> (pointer: UnsafeMutablePointer<Float>, capacity: Int) {
        lock.lock()
        defer { lock.unlock() }
        var best: Int?
        for (index, buffer) in idle.enumerated() where buffer.capacity >= count {
            if best == nil || buffer.capacity < idle[best!].capacity { best = index }
        }
        if let best { return idle.remove(at: best) }
        return (UnsafeMutablePointer<Float>.allocate(capacity: count), count)
    }

    /// Keeps `buffer` for later, dropping the smallest idle one when the pool is full.
    private static func give(_ buffer: (pointer: UnsafeMutablePointer<Float>, capacity: Int)) {
        lock.lock()
        defer { lock.unlock() }
        idle.append(buffer)
        if idle.count > maximumKept, let smallest = idle.indices.min(by: { idle[$0].capacity < idle[$1].capacity }) {
            idle.remove(at: smallest).pointer.deallocate()
        }
    }
}
