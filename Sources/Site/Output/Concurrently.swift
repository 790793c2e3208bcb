// Rendering pages on every core: pages are independent, and their bytes do not depend on the order they are made in.

import Dispatch

/// Runs independent work items concurrently.
enum Concurrently {
    /// `[body(0), body(1), …, body(count - 1)]`, computed on all cores; the result is in index order.
    static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let shared = slots  // each iteration writes only its own slot
        DispatchQueue.concurrentPerform(iterations: count) { index in
            shared[index] = body(index)
        }
        return slots.map { $0! }
    }
}
