// Lets the site be written until `serve` stops, and never after: Ctrl-C may come in the middle of a rebuild.

import Foundation

/// Serialises writes of the site with its removal.
///
/// A note's run ends when Ctrl-C kills its program, and its rebuild would then write the
/// temporary folder again after it was removed. Writes happen under the gate's lock, and
/// closing the gate takes that lock: once closed, nothing writes any more.
final class WriteGate: @unchecked Sendable {
    private let lock = NSLock()
    private var closed = false

    /// Runs `write` unless the gate is closed; returns whether it ran.
    func write(_ write: () throws -> Void) rethrows -> Bool {
        try lock.withLock {
            guard !closed else { return false }
            try write()
            return true
        }
    }

    /// Waits for a write in progress, closes the gate, then runs `last`.
    func close(then last: () -> Void) {
        lock.withLock {
            closed = true
            last()
        }
    }
}
