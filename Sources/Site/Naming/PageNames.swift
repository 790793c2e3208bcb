// Which file each note's page is written to: a stable slug of the note's file name.

import Notebook

/// The page file name of every note of a site, e.g. `Notes/01-自注意力.md` → `01-自注意力.html`.
struct PageNames {
    /// Page file names by note path.
    private(set) var byNotePath: [String: String] = [:]

    /// Names for `notePaths`, unique among them (`a.md` and `A.md` become `a.html`, `a-2.html`,
    /// handed out in path order so that adding a note never renames another's page unless they clash).
    /// `index` is taken by the index page.
    init(notePaths: [String]) {
        var names = UniqueNames(reserved: ["index"])
        for path in notePaths.sorted() where byNotePath[path] == nil {
            byNotePath[path] = names.claim(Slug.make(Self.stem(of: path)), fallback: "note") + ".html"
        }
    }

    subscript(notePath: String) -> String? { byNotePath[notePath] }

    /// The file name of `path` without folders and without its last extension.
    static func stem(of path: String) -> String {
        let fileName = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return fileName }
        return String(fileName[..<dot])
    }
}
