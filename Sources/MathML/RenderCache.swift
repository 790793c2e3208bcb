// Remembers the MathML of formulas already rendered: a build checks
// each formula when it reads the note and writes it into the page.

import Foundation

/// A bounded, thread-safe memo of `MathML.render` results, keyed by TeX and display mode.
///
/// `litbook build` renders each formula twice: the parser renders it to warn about TeX that
/// does not parse, and the page writes it. The second time costs a lookup. The result depends
/// only on the key, so the cache never changes an output byte.
final class RenderCache: @unchecked Sendable {
    static let shared = RenderCache()

    private struct Key: Hashable {
        var tex: String
        var display: Bool
    }

    /// Past this many entries the cache starts over, so that a long `serve` session stays small.
    private let capacity = 8192
    private var results: [Key: Result<String, TeXError>] = [:]
    private let lock = NSLock()

    func removeAll() {
        lock.lock()
        results.removeAll()
        lock.unlock()
    }

    func result(_ tex: String, display: Bool, render: () -> Result<String, TeXError>) -> Result<String, TeXError> {
        let key = Key(tex: tex, display: display)
        lock.lock()
        let known = results[key]
        lock.unlock()
        if let known { return known }
        let result = render()
        lock.lock()
        if results.count >= capacity { results.removeAll(keepingCapacity: true) }
        results[key] = result
        lock.unlock()
        return result
    }
}
