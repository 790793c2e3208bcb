// What a page needs to know about a note before rendering it: its title, its headings' anchors, its sections.

import Notebook

/// The title, headings and searchable sections of one note, found in one walk over its blocks.
struct NoteOutline {
    struct Heading: Hashable {
        var level: Int
        var text: String
        /// The heading's id on its page: unique there, stable across builds.
        var anchor: String
    }

    /// A heading and the prose after it up to the next heading: one search result.
    struct Section: Hashable {
        /// Empty for the prose before the first heading.
        var anchor: String
        var heading: String
        var text: String
    }

    /// Where a cell stands: the section it belongs to, for its search entry.
    struct CellPlace: Hashable {
        var cellIndex: Int
        /// The anchor and text of the heading above the cell; empty before the first heading.
        var anchor: String
        var heading: String
    }

    /// Front matter `title`, else the first level-1 heading, else the file name.
    var title: String
    /// Whether the note opens with a level-1 heading: its title, which the page shows as its `<h1>`
    /// (front matter `title` replaces its text), so the body does not repeat it.
    var titleIsFirstHeading: Bool
    /// Every heading in document order (nested ones too), in the order the renderer meets them.
    var headings: [Heading]
    var sections: [Section]
    /// Every cell the note's blocks place, in document order.
    var cells: [CellPlace]
    /// The first paragraph, for the index page.
    var summary: [Inline]?

    /// Ids the page chrome uses; no heading gets one of these.
    static let reservedIds: Set<String> = [
        "content", "toc", "toc-title", "search", "search-input", "search-results", "problems", "theme-toggle",
    ]

    init(note: Note) {
        let firstHeadingIsTitle: Bool
        if case .heading(1, _, _)? = note.blocks.first {
            firstHeadingIsTitle = true
        } else {
            firstHeadingIsTitle = false
        }
        titleIsFirstHeading = firstHeadingIsTitle

        var ids = UniqueNames(reserved: Self.reservedIds)
        var walker = Walker()
        walker.walk(note.blocks, skipFirst: firstHeadingIsTitle) { text in
            var slug = Slug.make(text)
            if slug.hasPrefix("cell-") { slug = "section-" + slug }  // `cell-…` ids belong to cells and their figures
            return ids.claim(slug, fallback: "section")
        }
        walker.closeSection()
        headings = walker.headings
        sections = walker.sections.filter { !$0.text.isEmpty || !$0.anchor.isEmpty }
        cells = walker.cells
        summary = walker.firstParagraph

        if let fromFrontMatter = note.frontMatter.title, !fromFrontMatter.isEmpty {
            title = fromFrontMatter
        } else if firstHeadingIsTitle, case .heading(_, let content, _)? = note.blocks.first {
            title = SoftBreak.plainText(content)
        } else if let firstH1 = headings.first(where: { $0.level == 1 }) {
            title = firstH1.text
        } else {
            title = PageNames.stem(of: note.path)
        }
    }
}

// MARK: - Walking the blocks

/// Collects headings and section text in document order.
private struct Walker {
    var headings: [NoteOutline.Heading] = []
    var sections: [NoteOutline.Section] = []
    var firstParagraph: [Inline]?
    var cells: [NoteOutline.CellPlace] = []
    private var current = NoteOutline.Section(anchor: "", heading: "", text: "")

    mutating func walk(_ blocks: [Block], skipFirst: Bool, anchor: (String) -> String) {
        for (i, block) in blocks.enumerated() where !(skipFirst && i == 0) {
            visit(block, anchor: anchor)
        }
    }

    private mutating func visit(_ block: Block, anchor: (String) -> String) {
        switch block {
        case .heading(let level, let content, _):
            let text = SoftBreak.plainText(content)
            let id = anchor(text)
            headings.append(.init(level: level, text: text, anchor: id))
            closeSection()
            current = .init(anchor: id, heading: text, text: "")
        case .paragraph(let content, _):
            if firstParagraph == nil { firstParagraph = content }
            addText(SoftBreak.plainText(content))
        case .blockQuote(let blocks, _):
            walk(blocks, skipFirst: false, anchor: anchor)
        case .list(let list, _):
            for item in list.items { walk(item, skipFirst: false, anchor: anchor) }
        case .codeBlock(_, let literal, _):
            addText(literal)
        case .math(let formula, _):
            addText(formula.tex)
        case .table(let table, _):
            for row in [table.header] + table.rows { addText(row.map(SoftBreak.plainText).joined(separator: " ")) }
        case .cell(let index):
            cells.append(.init(cellIndex: index, anchor: current.anchor, heading: current.heading))
        case .recordedOutput, .html, .thematicBreak:
            break
        }
    }

    private mutating func addText(_ text: String) {
        if !current.text.isEmpty { current.text += " " }
        current.text += text
    }

    mutating func closeSection() {
        sections.append(current)
        current = .init(anchor: "", heading: "", text: "")
    }
}
