// A rendered site held in memory: relative path → bytes, before anything touches the disk.

/// The files of a site, by path relative to the output folder (`index.html`, `assets/style.css`).
public struct SiteFiles: Sendable, Equatable {
    /// Contents by relative path.
    public private(set) var contents: [String: [UInt8]] = [:]

    public init() {}

    /// The relative paths, sorted, so that everything derived from them is in a stable order.
    public var paths: [String] { contents.keys.sorted() }

    public subscript(path: String) -> [UInt8]? { contents[path] }

    /// Adds a file; `path` must be relative, `/`-separated, and new.
    mutating func add(_ path: String, _ bytes: [UInt8]) {
        precondition(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."),
                     "site paths are relative and stay inside the site: '\(path)'")
        precondition(contents[path] == nil, "two files of the site would be written to '\(path)'")
        contents[path] = bytes
    }
}
