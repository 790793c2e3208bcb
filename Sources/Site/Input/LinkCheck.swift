// Links between notes checked against the whole book: a link to a note that is not in it.

import Notebook

/// Finds the links that point at a note the site does not have.
///
/// A link to another note (`02-x.md`, `../Notes/02-x.md#节`) becomes a link to that note's page;
/// when no note of the book has that path, the link is left as written and leads nowhere on the
/// site. Each such link is a warning at the place its destination is written, as mdBook warns of
/// a missing chapter file. Only destinations ending in `.md` are checked: other relative links
/// (images, data files) are the author's to publish.
public enum LinkCheck {
    /// A warning for every link in `notes` to a `.md` file that is not one of `notes`, except
    /// files for which `isFile` says yes: `check` of a few notes passes a test for files on disk,
    /// so that links to the notes it was not given are not taken for mistakes.
    public static func problems(in notes: [Note], except isFile: (String) -> Bool = { _ in false }) -> [NoteProblem] {
        let book = Set(notes.map { NotePaths.normalized($0.path) })
        var problems: [NoteProblem] = []
        for note in notes {
            for link in note.links {
                let written = link.destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                    .first.map(String.init) ?? ""
                let path = URLEncoding.percentDecoded(written)
                guard path.lowercased().hasSuffix(".md"), let resolved = NotePaths.resolve(path, from: note.path),
                    !book.contains(resolved), !isFile(resolved)
                else { continue }
                problems.append(
                    .warning(
                        "link to '\(written)', which is not a note of this site (no \(resolved)): "
                            + "the link is left as written and finds no page",
                        path: note.path, line: link.line, column: link.column))
            }
        }
        return problems
    }
}
