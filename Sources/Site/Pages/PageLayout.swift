// The frame every page shares: head, header with the site title, search box and theme switch, scripts.

/// Opens and closes a page of the site.
///
/// The search box and the theme switch are in the markup but `hidden`: the scripts show them,
/// so without JavaScript a reader never sees a control that does nothing.
enum PageLayout {
    /// `reader.js` loads in `<head>`, blocking, so that it sets the reader's remembered theme on
    /// `<html>` before the first paint: a dark page never flashes light. Its other aids wait for the document.
    static let readerScriptTag = "<script src=\"assets/reader.js\"></script>"

    /// Appends everything up to the start of the page's main content.
    static func open(pageTitle: String, siteTitle: String, language: String, into page: inout HTMLBuffer) {
        let text = UIText(language: language)
        page.raw("<!DOCTYPE html>\n<html lang=\"")
        page.text(language)
        page.raw("""
        ">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="generator" content="litbook">
        <title>
        """)
        page.text(pageTitle)
        page.raw("""
        </title>
        \(readerScriptTag)
        <link rel="icon" href="assets/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="assets/style.css">
        </head>
        <body>
        <a class="skip-link" href="#content">\(text.skipToContent)</a>
        <header class="site-header">
        <div class="site-header-inner">
        <a class="site-title" href="index.html">
        """)
        page.text(siteTitle)
        page.raw("""
        </a>
        <div class="search" id="search" role="search" hidden>
        <input type="search" id="search-input" placeholder="\(text.searchPlaceholder)" \
        aria-label="\(text.searchLabel)" autocomplete="off"\
         spellcheck="false" aria-controls="search-results">
        <div class="search-results" id="search-results" hidden></div>
        </div>
        <button type="button" class="theme-toggle" id="theme-toggle" hidden>\(text.themeSystem)</button>
        </div>
        </header>

        """)
    }

    /// Appends the footer and the scripts, and ends the document.
    static func close(text: UIText, into page: inout HTMLBuffer) {
        page.raw("""
        <footer class="site-footer"><p>\(text.generatedBy)</p></footer>
        <script src="assets/search.js"></script>
        <script src="assets/figures.js" defer></script>
        </body>
        </html>

        """)
    }
}
