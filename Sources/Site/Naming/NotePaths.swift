// Resolving a link written in a note to the note it names, so `[下一篇](02-x.md)` links to that note's page.

/// Path arithmetic on the `/`-separated relative paths notes are named by.
enum NotePaths {
    /// `path` with `.` and `x/..` segments folded away: `Notes/./a/../b.md` → `Notes/b.md`.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }

    /// The folder of `path`, empty for a bare file name.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `destination`, written in the note at `notePath`, as a path comparable with note paths;
    /// `nil` for URLs with a scheme, absolute paths and pure fragments.
    static func resolve(_ destination: String, from notePath: String) -> String? {
        if destination.isEmpty || destination.hasPrefix("/") || destination.hasPrefix("#") { return nil }
        if let colon = destination.firstIndex(of: ":"),
           !destination[..<colon].contains("/") { return nil }  // `https:`, `mailto:`
        let folder = folder(of: notePath)
        return normalized(folder.isEmpty ? destination : folder + "/" + destination)
    }
}
