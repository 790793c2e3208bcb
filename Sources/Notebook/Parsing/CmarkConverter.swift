// The one place that touches libcmark: parse Markdown, copy the whole tree into Swift values, free it.

import CCmark

/// Turns Markdown text into `Block` values through libcmark.
///
/// Options: `CMARK_OPT_SOURCEPOS` only. `CMARK_OPT_SMART` is off because it rewrites quotes and
/// dashes in text nodes, and a note's text must reach the page as the author wrote it.
/// `CMARK_OPT_UNSAFE` only changes cmark's own HTML renderer, which litbook does not use: raw
/// HTML is always kept in the tree and the site decides what to do with it.
///
/// Code blocks come out as `.codeBlock`; turning them into cells and recorded outputs is
/// `CellCollector`'s job, in plain Swift.
enum CmarkConverter {
    /// Parses `markdown` and returns its top-level blocks with cmark's source positions.
    ///
    /// `lines` are the note's lines when `markdown` is the note's text with some lines blanked
    /// or masked (same lines, same numbers); they are cut from `markdown` when not given.
    /// The walk uses cmark's iterator with an explicit stack, so deeply nested input cannot
    /// overflow the call stack here. Complexity: O(n) in the size of the text.
    static func blocks(from markdown: String, lines: NoteLines? = nil) -> [Block] {
        var text = markdown
        let document: OpaquePointer? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        return convert(document, lines: lines ?? NoteLines(markdown))
    }

    // MARK: - Walking the tree

    /// A container being built: its kind, position and the children converted so far.
    private struct Frame {
        var node: OpaquePointer
        var range: SourceRange
        var blocks: [Block] = []
        var inlines: [Inline] = []
        var items: [[Block]] = []
    }

    /// How deep quotes, lists, emphasis and links may nest before their deeper levels are
    /// flattened into the level above. Real notes stay far below; the limit keeps pathological
    /// input (thousands of `>`) from building values whose recursive comparison or release
    /// could overflow a thread's stack later.
    static let maximumNesting = 100

    private static func convert(_ document: OpaquePointer, lines: NoteLines) -> [Block] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var flattened: Set<OpaquePointer> = []
        var result: [Block] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                if isContainer(node) && stack.count > maximumNesting && isFlattenable(node) {
                    flattened.insert(node)
                } else if isContainer(node) {
                    stack.append(Frame(node: node, range: range(of: node, lines)))
                } else {
                    add(leaf(node, lines), to: &stack)
                }
            } else if event == CMARK_EVENT_EXIT {
                if flattened.remove(node) != nil { continue }
                let frame = stack.removeLast()
                if cmark_node_get_type(node) == CMARK_NODE_DOCUMENT {
                    result = frame.blocks
                } else {
                    add(finished(frame), to: &stack)
                }
            }
        }
        return result
    }

    /// A converted node: a block, an inline, or a list item's blocks.
    private enum Converted {
        case block(Block)
        case inline(Inline)
        case item([Block])
        case nothing
    }

    private static func add(_ converted: Converted, to stack: inout [Frame]) {
        guard !stack.isEmpty else { return }
        let isList = cmark_node_get_type(stack[stack.count - 1].node) == CMARK_NODE_LIST
        switch converted {
        case .block(let block) where isList:
            // A block whose item was flattened away becomes an item of its own.
            stack[stack.count - 1].items.append([block])
        case .block(let block): stack[stack.count - 1].blocks.append(block)
        case .inline(let inline): stack[stack.count - 1].inlines.append(inline)
        case .item(let blocks): stack[stack.count - 1].items.append(blocks)
        case .nothing: break
        }
    }

    /// Nodes that get both an enter and an exit event from the iterator.
    private static func isContainer(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM,
             CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG,
             CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            return true
        default:
            return false
        }
    }

    /// Containers whose children can move up a level when nesting is too deep: those whose
    /// children are of the same kind (blocks in blocks, inlines in inlines) as their siblings.
    private static func isFlattenable(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM,
             CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            return true
        default:
            return false
        }
    }

    // MARK: - Converting nodes

    private static func leaf(_ node: OpaquePointer, _ lines: NoteLines) -> Converted {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_CODE_BLOCK:
            return .block(.codeBlock(info: string(cmark_node_get_fence_info(node)),
                                     literal: literal(node), range: range(of: node, lines)))
        case CMARK_NODE_HTML_BLOCK:
            return .block(.html(literal(node), range: range(of: node, lines)))
        case CMARK_NODE_THEMATIC_BREAK:
            return .block(.thematicBreak(range: range(of: node, lines)))
        case CMARK_NODE_TEXT:
            // cmark leaves an empty text node before a hard break made of trailing spaces.
            let text = literal(node)
            return text.isEmpty ? .nothing : .inline(.text(text))
        case CMARK_NODE_SOFTBREAK:
            return .inline(.softBreak)
        case CMARK_NODE_LINEBREAK:
            return .inline(.lineBreak)
        case CMARK_NODE_CODE:
            return .inline(.code(literal(node)))
        case CMARK_NODE_HTML_INLINE:
            return .inline(.html(literal(node)))
        default:
            return .nothing
        }
    }

    private static func finished(_ frame: Frame) -> Converted {
        let node = frame.node
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE:
            return .block(.blockQuote(frame.blocks, range: frame.range))
        case CMARK_NODE_LIST:
            let list = MarkdownList(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                    start: Int(cmark_node_get_list_start(node)),
                                    tight: cmark_node_get_list_tight(node) != 0,
                                    items: frame.items)
            return .block(.list(list, range: frame.range))
        case CMARK_NODE_ITEM:
            return .item(frame.blocks)
        case CMARK_NODE_PARAGRAPH:
            return .block(.paragraph(frame.inlines, range: frame.range))
        case CMARK_NODE_HEADING:
            return .block(.heading(level: Int(cmark_node_get_heading_level(node)),
                                   content: frame.inlines, range: frame.range))
        case CMARK_NODE_EMPH:
            return .inline(.emphasis(frame.inlines))
        case CMARK_NODE_STRONG:
            return .inline(.strong(frame.inlines))
        case CMARK_NODE_LINK:
            return .inline(.link(destination: string(cmark_node_get_url(node)),
                                 title: string(cmark_node_get_title(node)), content: frame.inlines))
        case CMARK_NODE_IMAGE:
            return .inline(.image(source: string(cmark_node_get_url(node)),
                                  title: string(cmark_node_get_title(node)), alt: frame.inlines))
        default:
            return .nothing
        }
    }

    // MARK: - Copying values out of C

    private static func literal(_ node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// The lines and columns `node` really covers. cmark ends some blocks (headings, thematic
    /// breaks, indented code, HTML, list items) at column 0 of the line after them, and may
    /// count blank lines that follow; here a block ends at the last byte of its last
    /// non-blank line, so that `range.lines` are the block's own lines.
    private static func range(of node: OpaquePointer, _ lines: NoteLines) -> SourceRange {
        let startLine = min(max(1, Int(cmark_node_get_start_line(node))), lines.count)
        let start = SourcePosition(line: startLine, column: max(1, Int(cmark_node_get_start_column(node))))
        var endLine = min(Int(cmark_node_get_end_line(node)), lines.count)
        var endColumn = Int(cmark_node_get_end_column(node))
        if endColumn < 1 { endLine -= 1; endColumn = Int.max }
        while endLine > startLine && lines.isBlank(endLine) { endLine -= 1; endColumn = Int.max }
        if endLine < startLine { endLine = startLine; endColumn = Int.max }
        endColumn = max(1, min(endColumn, lines.content(endLine).count))
        return SourceRange(start: start, end: SourcePosition(line: endLine, column: endColumn))
    }
}
