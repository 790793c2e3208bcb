// The HTTP side of `serve` (FlyingFox): the site's files, the live script, and the reload channel.

import FlyingFox
import FlyingSocks
import Foundation

/// Serves the files of one site folder over HTTP, pages with the live script added.
final class SiteServer: Sendable {
    private let server: HTTPServer
    private let resolver: SiteFileResolver
    private let channel: ReloadChannel

    /// Where the live script and the event stream live: names no site file can take
    /// (litbook writes no file or folder starting with `_`).
    static let eventsPath = "/_litbook/events"
    static let scriptPath = "/_litbook/live.js"

    init(siteFolder: String, host: String, port: UInt16, channel: ReloadChannel) throws(ServeError) {
        let resolver = SiteFileResolver(root: siteFolder)
        self.resolver = resolver
        self.channel = channel
        let address: any SocketAddress
        do {
            address = try Self.address(host: host, port: port)
        } catch {
            throw ServeError("--host must be an IP address such as 127.0.0.1 or ::1, not '\(host)'")
        }
        server = HTTPServer(address: address, timeout: 60, logger: .disabled, handler: ClosureHTTPHandler { request in
            Self.respond(to: request, resolver: resolver, channel: channel)
        })
    }

    /// One handler for every request: routes are few, and a file path must not be read as a route pattern.
    private static func respond(
        to request: HTTPRequest, resolver: SiteFileResolver, channel: ReloadChannel
    ) -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        switch request.path {
        case eventsPath: return channel.response()
        case scriptPath:
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                body: liveScript)
        default: return file(for: request, resolver: resolver)
        }
    }

    private static func address(host: String, port: UInt16) throws -> any SocketAddress {
        switch host {
        case "localhost": return try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        case _ where host.contains(":"): return try sockaddr_in6.inet6(ip6: host, port: port)
        default: return try sockaddr_in.inet(ip4: host, port: port)
        }
    }

    /// Starts listening; returns the port once the socket listens, or throws a clear error
    /// (a port in use, say).
    func start(host: String, port: UInt16) async throws -> UInt16 {
        let server = self.server
        let failure = StartFailure()
        let running = Task {
            do { try await server.run() } catch { failure.error = error }
        }
        // Bounded wait at start-up only: listening, or the error that stopped it (a port in use).
        for _ in 0..<400 {
            if await server.isListening { break }
            if let error = failure.error {
                running.cancel()
                if case SocketError.failed(_, let number, let message) = error {
                    if number == EADDRINUSE {
                        throw ServeError(
                            "port \(port) on \(host) is already in use; stop what uses it or choose another with --port"
                        )
                    }
                    throw ServeError("cannot listen on \(host) port \(port): \(message)")
                }
                throw ServeError("cannot listen on \(host) port \(port): \(error)")
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        switch await server.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: return port
        }
    }

    /// Stops listening and closes every connection.
    func stop() async {
        channel.close()
        await server.stop(timeout: 1)
    }

    // MARK: - Files

    private static func file(for request: HTTPRequest, resolver: SiteFileResolver) -> HTTPResponse {
        let target = request.target.path(percentEncoded: true)
        guard let path = resolver.file(for: target), var body = FileManager.default.contents(atPath: path) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("not found\n".utf8))
        }
        let type = SiteFileResolver.contentType(of: path)
        if type.hasPrefix("text/html") { body = withLiveScript(body) }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    /// The page with the live script before its `</body>`: the site's files stay as `build` writes them.
    static func withLiveScript(_ page: Data) -> Data {
        let tag = Data("<script src=\"\(scriptPath)\"></script>\n".utf8)
        guard let end = page.range(of: Data("</body>".utf8), options: .backwards) else { return page + tag }
        var out = page
        out.insert(contentsOf: tag, at: end.lowerBound)
        return out
    }

    private static let liveScript: Data = {
        guard let url = Bundle.module.url(forResource: "live", withExtension: "js"),
              let data = try? Data(contentsOf: url) else { return Data() }
        return data
    }()
}

/// The error the server's run ended with, set from its task.
private final class StartFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A problem that stops `serve`, in the user's words.
public struct ServeError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
