// Maps a request path to a file of the built site, and to nothing else: no `..`, no encoded dots, no symlink out.

import Foundation

/// Resolves URL paths against the site folder.
///
/// The path is percent-decoded once; a segment that is `..` or `.`, or holds a `/`, a `\` or
/// a NUL once decoded, is refused outright. What is left is joined to the folder and its real
/// path (symbolic links resolved) must still lie inside the folder's real path, and be a
/// regular file. A folder stands for its `index.html`.
struct SiteFileResolver: Sendable {
    var root: String

    /// The file to serve for `target` (the request's path, still percent-encoded), or nil: 404.
    func file(for target: String) -> String? {
        let pathPart =
            target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard pathPart.hasPrefix("/") else { return nil }
        var segments: [String] = []
        for raw in pathPart.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(raw).removingPercentEncoding else { return nil }
            if segment == "." || segment == ".." || segment.contains("/") || segment.contains("\\")
                || segment.contains("\0")
            {
                return nil
            }
            segments.append(segment)
        }
        guard let realRoot = Self.realPath(root) else { return nil }
        var candidate = ([realRoot] + segments).joined(separator: "/")
        if pathPart.hasSuffix("/") || segments.isEmpty { candidate += "/index.html" }
        guard var real = Self.realPath(candidate) else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue {
            guard let index = Self.realPath(real + "/index.html") else { return nil }
            real = index
        }
        guard real.hasPrefix(realRoot + "/") else { return nil }
        var info = stat()
        guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return real
    }

    /// `path` with every symbolic link resolved, or nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The `Content-Type` of a site file.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
