// `check --site`: whether the committed study site is byte for byte what a fresh build gives.

import Foundation
import Notebook

/// A file where the committed site and a fresh build disagree.
public struct SiteDifference: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A fresh build writes the file; the committed site lacks it.
        case missing
        /// The committed site has the file; a fresh build does not write it.
        case extra
        /// Both have the file, with different bytes.
        case differs
    }

    /// The file's path in the committed site, e.g. `Site/index.html`.
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    public var description: String { problem.description }

    /// The difference as `check` reports it, e.g. `Site/index.html: error: differs from a fresh build`.
    public var problem: NoteProblem {
        switch kind {
        case .missing: return .error("missing; a fresh build writes it", path: path, line: 0)
        case .extra: return .error("not written by a fresh build", path: path, line: 0)
        case .differs: return .error("differs from a fresh build", path: path, line: 0)
        }
    }
}

/// Compares a committed site folder with the files of a fresh build.
public enum SiteComparison {
    /// Every difference between `fresh` (relative path → bytes) and the files under `folder`,
    /// sorted by path; empty when the committed site is up to date.
    public static func differences(
        fresh: [String: [UInt8]], committedFolder folder: String
    ) throws -> [SiteDifference] {
        differences(fresh: fresh, committed: try files(under: folder), folder: folder)
    }

    /// Every difference between two sets of files (relative path → bytes), named inside `folder`.
    public static func differences(fresh: [String: [UInt8]], committed: [String: [UInt8]],
                                   folder: String) -> [SiteDifference] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var found: [SiteDifference] = []
        for path in Set(fresh.keys).union(committed.keys) {
            let kind: SiteDifference.Kind
            switch (fresh[path], committed[path]) {
            case (nil, _): kind = .extra
            case (_, nil): kind = .missing
            case (let a?, let b?): if a == b { continue } else { kind = .differs }
            }
            found.append(SiteDifference(path: base + "/" + path, kind: kind))
        }
        return found.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The regular files under `folder`, by `/`-separated path relative to it.
    public static func files(under folder: String) throws -> [String: [UInt8]] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw SiteFolderError(path: folder)
        }
        var files: [String: [UInt8]] = [:]
        let base = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(atPath: folder) else { throw SiteFolderError(path: folder) }
        while let relative = walker.nextObject() as? String {
            let url = base.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            files[relative] = [UInt8](data)
        }
        return files
    }
}

/// A `--site` folder that does not exist or is not a folder.
public struct SiteFolderError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// What is wrong, without the path.
    public var message: String { "no such folder; build the site first with 'litbook build'" }

    public var description: String { "\(path): error: \(message)" }
}
