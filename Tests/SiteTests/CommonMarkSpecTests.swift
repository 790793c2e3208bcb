// The CommonMark 0.30 spec, example by example: litbook renders what cmark renders, but for documented exceptions.

import Foundation
import XCTest
@testable import Notebook
@testable import Site

final class CommonMarkSpecTests: XCTestCase {
    private struct Example: Decodable {
        var markdown: String
        var html: String
        var example: Int
        var section: String
    }

    /// `scripts/commonmark/spec-0.30.json`: every example and the HTML `cmark --unsafe` writes for it
    /// (`scripts/commonmark/compare-with-cmark.sh` shows that cmark writes exactly the spec's HTML).
    private func examples() throws -> [Example] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("scripts/commonmark/spec-0.30.json"))
        return try JSONDecoder().decode([Example].self, from: data)
    }

    private func render(_ note: Note, rawHTML: MarkdownRenderer.RawHTML) -> String {
        var renderer = MarkdownRenderer(notePath: "spec.md", pageNames: [:], anchors: Array(repeating: "h", count: 100),
                                        renderCell: { _, _ in })
        renderer.rawHTML = rawHTML
        var page = HTMLBuffer()
        renderer.render(note.blocks, into: &page)
        return Self.withoutHeadingAnchors(String(decoding: page.bytes, as: UTF8.self))
    }

    /// Headings as cmark writes them: without the site's id and `#` link.
    private static func withoutHeadingAnchors(_ html: String) -> String {
        var out = html
        for level in 1...6 {
            out = out.replacingOccurrences(of: "<h\(level) id=\"h\">", with: "<h\(level)>")
            out = out.replacingOccurrences(
                of: "<a class=\"heading-link\" href=\"#h\" aria-label=\"本节链接\">#</a></h\(level)>",
                with: "</h\(level)>")
        }
        return out
    }

    func testEverySpecExampleRendersAsCmarkRendersIt() throws {
        let all = try examples()
        XCTAssertEqual(all.count, 652)
        var identical = 0, rawHTML = 0, frontMatter = 0
        var different: [String] = []
        for example in all {
            let (note, _) = NoteParser.parse(path: "spec.md", text: example.markdown)
            if render(note, rawHTML: .shownAsText) == example.html {
                identical += 1
            } else if render(note, rawHTML: .asWritten) == example.html {
                rawHTML += 1
            } else if example.markdown.hasPrefix("---\n") {
                // A leading `---` line opens front matter in a note (with its errors at their lines).
                frontMatter += 1
            } else {
                different.append(
                    "example \(example.example)"
                        + " (\(example.section)):\n\(example.markdown)\nexpected:\n\(example.html)\ngot:\n"
                        + "\(render(note, rawHTML: .asWritten))"
                )
            }
        }
        print(
            "CommonMark 0.30: \(all.count) examples, \(identical) identical to cmark, \(rawHTML) differ only by the"
                + " raw-HTML rule, \(frontMatter) by front matter, \(different.count) other differences"
        )
        XCTAssertEqual(different.count, 0, different.prefix(10).joined(separator: "\n----\n"))
        XCTAssertGreaterThan(identical, 570)
    }
}
