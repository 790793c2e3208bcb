// `serve` as one value: build into a temporary folder, serve it, watch the notes, rebuild on edits, stop cleanly.

import Foundation
import Notebook
import Runner

/// A live preview of a book: the site built into a temporary folder (never `Site/`), served
/// over HTTP, rebuilt as the notes change.
public final class ServeSession: Sendable {
    /// Where the site is written; removed by `stop()`.
    public let temporaryFolder: String
    private let site: LiveSite
    private let server: SiteServer
    private let watcher: FolderWatcher
    private let channel: ReloadChannel
    private let gate = WriteGate()
    private let host: String
    private let port: UInt16

    /// Prepares a session over the notes named by `arguments` (files or folders, as for `build`).
    /// Nothing is built or listened to before `start()`.
    public init(arguments: [String], runner: NoteRunner, host: String, port: UInt16, reporter: any ServeReporter,
                quietMilliseconds: Int32 = 150) throws {
        temporaryFolder = FileManager.default.temporaryDirectory
            .appendingPathComponent("litbook-serve-\(getpid())-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: temporaryFolder, withIntermediateDirectories: true)
        let channel = ReloadChannel()
        self.channel = channel
        site = LiveSite(arguments: arguments, runner: runner, outputDirectory: temporaryFolder + "/site",
                        channel: channel, reporter: reporter, gate: gate)
        server = try SiteServer(siteFolder: temporaryFolder + "/site", host: host, port: port, channel: channel)
        watcher = try FolderWatcher(roots: arguments.isEmpty ? [NoteFinder.defaultFolder] : arguments,
                                    quietMilliseconds: quietMilliseconds)
        self.host = host
        self.port = port
    }

    /// Builds the site, starts listening, and returns the URL to open. A port in use is a `ServeError`.
    public func start() async throws -> String {
        try await site.buildAll()
        let bound = try await server.start(host: host, port: port)
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(bound)/"
    }

    /// Rebuilds on every batch of changes until the watcher stops.
    public func watch() async {
        for await batch in watcher.changes {
            await site.apply(changes: batch)
        }
    }

    /// Stops watching and serving, and removes the temporary folder.
    public func stop() async {
        watcher.stop()
        await server.stop()
        removeTemporaryFolder()
    }

    /// Removes the temporary folder at once (from a signal handler, say), after any write of
    /// the site in progress; nothing writes it afterwards.
    public func removeTemporaryFolder() {
        let folder = temporaryFolder
        gate.close { try? FileManager.default.removeItem(atPath: folder) }
    }
}
