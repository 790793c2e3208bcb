// The frame every page shares: head, header with the site title and the search box, scripts.

/// Opens and closes a page of the site.
///
/// The search box is in the markup but `hidden`: `search.js` shows it, so without
/// JavaScript a reader never sees a control that does nothing.
enum PageLayout {
    /// Appends everything up to the start of the page's main content; `language` is the page's
    /// `<html lang>`.
    static func open(pageTitle: String, siteTitle: String, language: String = "zh-CN", into page: inout HTMLBuffer) {
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
        <link rel="stylesheet" href="assets/style.css">
        </head>
        <body>
        <header class="site-header">
        <div class="site-header-inner">
        <a class="site-title" href="index.html">
        """)
        page.text(siteTitle)
        page.raw("""
        </a>
        <div class="search" id="search" role="search" hidden>
        <input type="search" id="search-input" placeholder="搜索笔记（按 / 键）" aria-label="搜索笔记" autocomplete="off" spellcheck="false">
        <div class="search-results" id="search-results" hidden></div>
        </div>
        </div>
        </header>

        """)
    }

    /// Appends the footer and the scripts, and ends the document.
    static func close(into page: inout HTMLBuffer) {
        page.raw("""
        <footer class="site-footer"><p>由 litbook 生成。</p></footer>
        <script src="assets/search.js"></script>
        </body>
        </html>

        """)
    }
}
