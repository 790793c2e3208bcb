// The stylesheet, scripts and icon every page loads, kept as files in the Site target's resources.

import Foundation

/// The static files of `assets/` that do not depend on the notes.
///
/// `style.css` is the theme: Chinese-first typography, light and dark, phone to desktop, and print.
/// Fonts come from the reader's system (no downloads, so the site works offline); line height
/// 1.8 suits Chinese text; wide things (code, outputs, heatmaps) scroll inside their box.
///
/// `search.js` is the search: substring matching over the static index (Chinese has no spaces
/// between words, so `注意力` finds `自注意力机制`), loaded on first use, building results with
/// `textContent` only, so no text from a note can become markup.
///
/// `figures.js` shows a figure's values at once on hover, focus or tap, where the browser's
/// own SVG tooltips take seconds and never appear on touch screens or for the keyboard.
/// Pages are complete without it: small heatmaps print their values in their cells.
enum ThemeAssets {
    /// The text of `assets/style.css`.
    static let stylesheet = resource("style", "css")
    /// The text of `assets/search.js`.
    static let searchScript = resource("search", "js")
    /// The text of `assets/figures.js`.
    static let figuresScript = resource("figures", "js")
    /// The text of `assets/reader.js`: theme switch, copy buttons, scrollspy, ←/→, search-term highlight.
    static let readerScript = resource("reader", "js")
    /// The text of `assets/favicon.svg`.
    static let favicon = resource("favicon", "svg")

    private static func resource(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the Site target's resource \(name).\(ext) is missing from its bundle") }
        return text
    }
}
