// Notes and their outputs in, every file of the study site out (in memory): the Site module's front door.

import Notebook
import NoteResults

/// Renders the study site: the index, one page per note, the theme and the search.
///
/// Pure: the same notes and runs give the same bytes, whatever the machine or the time,
/// which is what makes the committed `Site/` reproducible. Writing to disk is `SiteWriter`'s job.
public struct SiteRenderer: Sendable {
    public var options: SiteOptions

    public init(options: SiteOptions = SiteOptions()) {
        self.options = options
    }

    /// Every file of the site for `notes`, in any order given; pages come in reading order:
    /// front matter `order` first, then by path.
    public func render(_ notes: [SiteNote]) -> SiteFiles {
        let ordered = Self.readingOrder(notes)
        let names = PageNames(notePaths: ordered.map { NotePaths.normalized($0.note.path) })
        let pageNames = names.byNotePath
        let outlines = Parallel.map(ordered.count) { NoteOutline(note: ordered[$0].note) }
        let fileNames = ordered.map { pageNames[NotePaths.normalized($0.note.path)]! }

        let siteTitle = options.title
        let pages = Parallel.map(ordered.count) { i in
            NotePage(
                siteNote: ordered[i], outline: outlines[i], siteTitle: siteTitle, pageNames: pageNames,
                previous: i > 0 ? .init(fileName: fileNames[i - 1], title: outlines[i - 1].title) : nil,
                next: i + 1 < ordered.count ? .init(fileName: fileNames[i + 1], title: outlines[i + 1].title) : nil
            ).render()
        }
        var files = SiteFiles()
        for i in ordered.indices {
            files.add(fileNames[i], pages[i])
        }
        let entries = ordered.indices.map { i in
            IndexPage.Entry(fileName: fileNames[i], outline: outlines[i], notePath: ordered[i].note.path,
                            hasErrors: ordered[i].problems.contains(where: \.isError) || ordered[i].run?.failed == true)
        }
        files.add("index.html", IndexPage(siteTitle: options.title, entries: entries, pageNames: pageNames,
                                               cellsRan: ordered.contains { $0.run != nil }).render())
        files.add("assets/style.css", Array(ThemeAssets.stylesheet.utf8))
        files.add("assets/search.js", Array(ThemeAssets.searchScript.utf8))
        files.add("assets/search-index.js", SearchIndex.script(
            for: ordered.indices.map { SearchIndex.Page(fileName: fileNames[$0], outline: outlines[$0]) }))
        return files
    }

    /// Notes sorted for reading: by front matter `order` (notes without one last), then by path.
    static func readingOrder(_ notes: [SiteNote]) -> [SiteNote] {
        notes.sorted { a, b in
            let orderA = a.note.frontMatter.order ?? Int.max, orderB = b.note.frontMatter.order ?? Int.max
            return orderA != orderB ? orderA < orderB : a.note.path < b.note.path
        }
    }
}
