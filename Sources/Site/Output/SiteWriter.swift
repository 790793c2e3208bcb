// Puts a rendered site on disk so that nothing is ever lost: build next to it, then swap folders.

import Foundation
import TextFormats

/// Writes `SiteFiles` into an output folder, replacing the previous build as one step.
///
/// The new site is written into `Site.tmp-XXXXXX` beside the output folder (same file
/// system), then `Site` is renamed to `Site.old-XXXXXX`, the new folder to `Site`, and the
/// old one deleted. A build that fails or is interrupted before the swap leaves `Site`
/// untouched; leftovers of an interrupted build are cleared (or, if `Site` itself is
/// missing, restored) by the next one. Files litbook did not write (not in the previous
/// manifest) are carried over into the new folder unless `clean` is set; a subfolder with a
/// manifest of its own (a second book, such as `Site/manual/`) is always carried over.
public struct SiteWriter {
    /// The output folder as the user named it, e.g. `Site` or `out/site`.
    public var outputDirectory: String
    /// Remove files litbook did not write instead of keeping them.
    public var clean: Bool
    /// Called after each file is written into the new folder; tests throw from it to simulate a failure mid-build.
    var afterWritingFile: ((String) throws -> Void)?

    public init(outputDirectory: String, clean: Bool = false) {
        self.outputDirectory = outputDirectory
        self.clean = clean
    }

    /// Writes `files` and swaps them in; throws `SiteWriteError` with the previous site intact.
    public func write(_ files: SiteFiles) throws -> SiteWriteReport {
        let fm = FileManager.default
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let workingFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if output.path == "/" || workingFolder == output.path || workingFolder.hasPrefix(output.path + "/") {
            // Replacing the output folder would move the current folder (and the notes in it) aside.
            throw SiteWriteError(
                "\(outputDirectory): contains the current folder; choose a folder of its own for the site, e.g. --out"
                    + " Site"
            )
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw SiteWriteError(
                "\(outputDirectory): cannot create the folder around it: \(error.localizedDescription)")
        }
        try recoverFromInterruptedBuild(parent: parent, name: name, output: output)

        // What is there now, and whose it is.
        let previous = try SiteFolder.read(output)
        let unlisted = previous.entries.filter { !previous.manifest.contains($0) }
        // A subfolder with a manifest of its own is another book litbook built there (the manual):
        // carried over as it is, even with `clean`, and not reported.
        let nestedSites = unlisted.filter { $0.hasSuffix("/" + SiteManifest.fileName) }
            .map { String($0.dropLast(SiteManifest.fileName.count)) }
        let nested = unlisted.filter { path in nestedSites.contains { path.hasPrefix($0) } }
        let foreign = unlisted.subtracting(nested)
        let newPaths = Set(files.paths)
        if !clean {
            for path in foreign where newPaths.contains(path) || newPaths.contains(where: { $0.hasPrefix(path + "/") })
            {
                throw SiteWriteError(
                    "\(Self.display(outputDirectory, path)): not written by litbook, and the new site needs this name;"
                        + " move it away or use --clean to remove it"
                )
            }
        }

        // The new folder.
        let staging = try makeTemporaryFolder(in: parent, name: name + ".tmp-")
        do {
            for path in files.paths {
                try writeFile(files[path]!, to: staging.appendingPathComponent(path))
                try afterWritingFile?(path)
            }
            for path in nested.union(clean ? [] : foreign) {
                let destination = staging.appendingPathComponent(path)
                try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.copyItem(at: output.appendingPathComponent(path), to: destination)
            }
            try writeFile(
                Array(SiteManifest.text(for: files.paths).utf8),
                to: staging.appendingPathComponent(SiteManifest.fileName))
            try swap(staging, into: output)
        } catch {
            try? fm.removeItem(at: staging)
            if let error = error as? SiteWriteError { throw error }
            throw SiteWriteError(
                "\(outputDirectory): the site was not written (the previous one is unchanged):"
                    + " \(error.localizedDescription)"
            )
        }

        return SiteWriteReport(
            writtenCount: files.paths.count,
            keptForeignFiles: clean ? [] : foreign.sorted(),
            removedForeignFiles: clean ? foreign.sorted() : [],
            removedStaleFiles: previous.manifest.subtracting(newPaths).filter { previous.entries.contains($0) }.sorted()
        )
    }

    // MARK: - Steps

    /// Writes with plain `open`/`write`: `Data.write(to:)` costs about 15× more per file here,
    /// which dominated writing a thousand pages.
    private func writeFile(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw SiteWriteError("\(url.path): cannot create: \(ErrnoText.describe())") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { writeBytes(descriptor, $0) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SiteWriteError("\(url.path): cannot write: \(ErrnoText.describe())")
            }
            offset += written
        }
    }

    /// Renames `output` aside, `staging` into its place, then deletes the old folder.
    private func swap(_ staging: URL, into output: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        let backup = staging.deletingLastPathComponent().appendingPathComponent(
            staging.lastPathComponent.replacingOccurrences(of: ".tmp-", with: ".old-"))
        try fm.moveItem(at: output, to: backup)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: backup, to: output)
            throw error
        }
        try? fm.removeItem(at: backup)
    }

    /// Clears what an interrupted build left beside `output`: unfinished new folders are
    /// deleted; an old folder is put back if `output` is missing (the build stopped mid-swap), else deleted.
    private func recoverFromInterruptedBuild(parent: URL, name: String, output: URL) throws {
        let fm = FileManager.default
        let siblings = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        for sibling in siblings where sibling.hasPrefix(name + ".tmp-") {
            try? fm.removeItem(at: parent.appendingPathComponent(sibling))
        }
        for sibling in siblings where sibling.hasPrefix(name + ".old-") {
            let old = parent.appendingPathComponent(sibling)
            if fm.fileExists(atPath: output.path) {
                try? fm.removeItem(at: old)
            } else {
                try? fm.moveItem(at: old, to: output)
            }
        }
    }

    private func makeTemporaryFolder(in parent: URL, name prefix: String) throws -> URL {
        var template = Array(parent.appendingPathComponent(prefix + "XXXXXX").path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else {
            throw SiteWriteError(
                "\(outputDirectory): cannot create a temporary folder beside it: \(ErrnoText.describe())")
        }
        let path = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return URL(fileURLWithPath: path)
    }

    /// `folder/path` for messages, e.g. `Site/x.html`.
    static func display(_ folder: String, _ path: String) -> String {
        folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }
}

/// POSIX `write`, out of reach of `SiteWriter.write`'s name.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    write(descriptor, bytes.baseAddress, bytes.count)
}
