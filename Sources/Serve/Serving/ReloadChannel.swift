// The Server-Sent Events stream open pages listen to: "running" while notes run, "reload" with the pages that changed.

import FlyingFox
import FlyingSocks
import Foundation

/// Broadcasts events to every open page.
///
/// A page that connects gets the current "running" state at once, so a page opened during a
/// run shows the banner too.
final class ReloadChannel: @unchecked Sendable {
    enum Event: Equatable, Sendable {
        /// The notes being run now (empty: none).
        case running(paths: [String])
        /// Files of the site whose bytes changed.
        case reload(pages: [String])

        /// The event in the `text/event-stream` format.
        var encoded: String {
            switch self {
            case .running(let paths): return "event: running\ndata: \(Self.json(paths))\n\n"
            case .reload(let pages): return "event: reload\ndata: \(Self.json(pages))\n\n"
            }
        }

        private static func json(_ strings: [String]) -> String {
            let data =
                (try? JSONSerialization.data(withJSONObject: strings, options: [.withoutEscapingSlashes]))
                ?? Data("[]".utf8)
            return String(decoding: data, as: UTF8.self)
        }
    }

    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<Data>.Continuation] = [:]
    private var running: [String] = []
    private var closed = false

    /// Sends `event` to every open page.
    func send(_ event: Event) {
        let bytes = Data(event.encoded.utf8)
        let targets = lock.withLock { () -> [AsyncStream<Data>.Continuation] in
            if case .running(let paths) = event {
                if paths == running { return [] }
                running = paths
            }
            return Array(listeners.values)
        }
        for listener in targets { listener.yield(bytes) }
    }

    /// Ends every stream (the server is stopping).
    func close() {
        let all = lock.withLock { () -> [AsyncStream<Data>.Continuation] in
            closed = true
            defer { listeners.removeAll() }
            return Array(listeners.values)
        }
        for listener in all { listener.finish() }
    }

    /// The response for one page's `GET /_litbook/events`.
    func response() -> HTTPResponse {
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = UUID()
        let current = lock.withLock { () -> [String]? in
            if closed { return nil }
            listeners[id] = continuation
            return running
        }
        if let current {
            // A comment first, so that the client's `open` fires at once, then the state.
            continuation.yield(Data(": litbook\n\n".utf8))
            continuation.yield(Data(Event.running(paths: current).encoded.utf8))
        } else {
            continuation.finish()
        }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) }
        }
        return HTTPResponse(
            statusCode: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", HTTPHeader("Cache-Control"): "no-store"],
            body: HTTPBodySequence(from: ByteChunks(stream: stream)))
    }
}

/// An `AsyncStream` of byte chunks as the buffered byte sequence FlyingFox streams a body from.
struct ByteChunks: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(chunks: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var chunks: AsyncStream<Data>.AsyncIterator
        var pending = Data()

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> Data? {
            if pending.isEmpty {
                guard let chunk = await chunks.next() else { return nil }
                pending = chunk
            }
            let taken = pending.prefix(count)
            pending = Data(pending.dropFirst(taken.count))
            return Data(taken)
        }
    }
}
