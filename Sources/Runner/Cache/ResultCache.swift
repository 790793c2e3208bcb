// Keeps each note's last results on disk, trusted only when their key and checksum match.

import Crypto
import Foundation
import RecordStream

/// One file per note under the cache directory: a header line, then the results as JSON.
///
/// ```
/// {"cellLines":[12,30],"checksum":"<sha256 of the payload>","format":1,"key":"<cache key>"}
/// {…the NoteRun…}
/// ```
/// An entry whose key differs is stale; one whose checksum does not match, or that does not
/// decode, is damaged. Both are ignored and replaced. `cellLines` are the cells' first lines
/// when the results were made: the key leaves lines out, so that a prose edit does not re-run
/// the note, but results holding an error are only reused where it still points. Entries are written to a temporary
/// file and renamed, so a reader never sees half an entry.
struct ResultCache: Sendable {
    var directory: String

    static let format = 1

    /// The cached results of the note at `path` when they were made under `key`, with the
    /// note's cells starting at `cellLines`.
    func load(path: String, key: String, cellLines: [Int]) -> NoteRun? {
        guard let data = FileManager.default.contents(atPath: entryPath(for: path)),
              let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let header = try? JSONDecoder().decode(Header.self, from: data[..<newline]),
              header.format == Self.format, header.key == key else { return nil }
        let payload = data[(newline + 1)...]
        guard Self.checksum(payload) == header.checksum,
              var run = try? RecordJSON.decoder().decode(NoteRun.self, from: payload),
              run.notePath == path else { return nil }
        if header.cellLines != cellLines && run.cells.contains(where: \.pointsIntoNote) { return nil }
        run.fromCache = true
        return run
    }

    /// Stores `run` under `key`; failures to write only cost a re-run next time.
    func store(_ run: NoteRun, key: String, cellLines: [Int]) {
        var run = run
        run.fromCache = false
        guard let payload = try? RecordJSON.encoder().encode(run) else { return }
        let header = Header(cellLines: cellLines, checksum: Self.checksum(payload), format: Self.format, key: key)
        guard var data = try? RecordJSON.encoder().encode(header) else { return }
        data.append(UInt8(ascii: "\n"))
        data.append(payload)
        let target = entryPath(for: run.notePath)
        let temporary = target + ".\(getpid()).\(UUID().uuidString).tmp"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, target) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    /// The entry file of the note at `path`: named by a hash, so any path makes a valid file name.
    func entryPath(for path: String) -> String {
        directory + "/" + Self.checksum(Data(path.utf8)).prefix(32) + ".json"
    }

    static func checksum<D: DataProtocol>(_ data: D) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    private struct Header: Codable {
        var cellLines: [Int]
        var checksum: String
        var format: Int
        var key: String
    }
}

private extension CellRun {
    /// Whether the result names a line of the note (an error does).
    var pointsIntoNote: Bool {
        switch status {
        case .failed, .failedAsExpected: return true
        case .passed, .unexpectedlyPassed, .skipped, .notRun: return false
        }
    }
}
