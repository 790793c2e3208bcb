// Notes and their outputs in, every file of the study site out (in memory): the Site module's front door.

import Notebook
import NoteResults

/// Renders the study site: the index, one page per note, the theme, the reading aids and the search.
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
        let outlines = Concurrently.map(ordered.count) { NoteOutline(note: ordered[$0].note) }
        let fileNames = ordered.map { pageNames[NotePaths.normalized($0.note.path)]! }

        let options = self.options
        let book = ordered.indices.map { NotePage.PageLink(fileName: fileNames[$0], title: outlines[$0].title) }
        let contents = BookContents(book: book)
        let pages = Concurrently.map(ordered.count) { i in
            NotePage(siteNote: ordered[i], outline: outlines[i], siteTitle: options.title, pageNames: pageNames,
                     book: book, contents: contents, position: i, options: options).render()
        }
        var files = SiteFiles()
        for i in ordered.indices {
            files.add(fileNames[i], pages[i])
        }
        let entries = ordered.indices.map { i in
            IndexPage.Entry(fileName: fileNames[i], outline: outlines[i], notePath: ordered[i].note.path,
                            hasErrors: ordered[i].problems.contains(where: \.isError) || ordered[i].run?.failed == true)
        }
        files.add(
            "index.html",
            IndexPage(
                siteTitle: options.title, language: options.language, entries: entries, pageNames: pageNames,
                cellsRan: ordered.contains { $0.run != nil }, manualLink: options.manualLink
            ).render())
        files.add("assets/style.css", Array(ThemeAssets.stylesheet.utf8))
        files.add("assets/search.js", Array(ThemeAssets.searchScript.utf8))
        files.add("assets/figures.js", Array(ThemeAssets.figuresScript.utf8))
        files.add("assets/reader.js", Array(ThemeAssets.readerScript.utf8))
        files.add("assets/favicon.svg", Array(ThemeAssets.favicon.utf8))
        files.add(
            "assets/search-index.js",
            SearchIndex.script(
                for: ordered.indices.map {
                    SearchIndex.Page(
                        fileName: fileNames[$0], outline: outlines[$0], cells: ordered[$0].note.cells,
                        run: ordered[$0].run)
                }))
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
