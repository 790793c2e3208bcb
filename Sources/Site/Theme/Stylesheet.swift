// The theme: Chinese-first typography, light and dark, phone to desktop, and print. System fonts only.

/// The text of `assets/style.css`.
///
/// Fonts come from the reader's system (no downloads, so the site works offline): the CJK
/// stack lists the fonts Linux, macOS and Windows ship for Simplified Chinese. Line height
/// 1.8 suits Chinese text, which has no ascenders to space the lines for it. Wide things
/// (code, outputs, heatmaps) scroll sideways inside their box, so a phone never scrolls the page sideways.
enum Stylesheet {
    static let source = #"""
    /* litbook study site theme. */

    :root {
      --font-text: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
      --font-code: ui-monospace, "SF Mono", "DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace;
      --bg: #fbfaf7;
      --fg: #24292f;
      --muted: #667080;
      --accent: #1f5fbf;
      --border: #e2e0da;
      --surface: #ffffff;
      --code-bg: #f5f4f0;
      --output-bg: #ffffff;
      --mark: #ffe58f;
      --error: #c62828;
      --error-bg: #fdecec;
      --expected: #8a5a00;
      --expected-bg: #fff4dc;
      --shadow: 0 6px 24px rgba(30, 30, 20, 0.12);
      --syntax-keyword: #9b2393;
      --syntax-type: #0b4f79;
      --syntax-string: #c41a16;
      --syntax-interp: #6c36a9;
      --syntax-number: #1c00cf;
      --syntax-comment: #5d6c79;
      --syntax-attribute: #815f03;
      --syntax-directive: #643820;
    }

    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #17181b;
        --fg: #e3e3e0;
        --muted: #9aa0aa;
        --accent: #7fb0ff;
        --border: #34363c;
        --surface: #1e2024;
        --code-bg: #1e2024;
        --output-bg: #191a1d;
        --mark: #6b5a12;
        --error: #ff8a80;
        --error-bg: #3a1d1d;
        --expected: #f0c36d;
        --expected-bg: #352a12;
        --shadow: 0 6px 24px rgba(0, 0, 0, 0.5);
        --syntax-keyword: #ff7ab2;
        --syntax-type: #6bdfff;
        --syntax-string: #ff8170;
        --syntax-interp: #dabaff;
        --syntax-number: #d9c97c;
        --syntax-comment: #8a96a3;
        --syntax-attribute: #cc9768;
        --syntax-directive: #ffa14f;
      }
    }

    /* MARK: - Page */

    *, *::before, *::after { box-sizing: border-box; }

    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }

    body {
      margin: 0;
      background: var(--bg);
      color: var(--fg);
      font-family: var(--font-text);
      font-size: 17px;
      line-height: 1.8;
      overflow-wrap: break-word;
    }

    a { color: var(--accent); text-decoration: none; }
    a:hover { text-decoration: underline; }

    .site-header {
      position: sticky;
      top: 0;
      z-index: 10;
      background: var(--bg);
      border-bottom: 1px solid var(--border);
    }

    .site-header-inner {
      max-width: 76rem;
      margin: 0 auto;
      padding: 0.6rem 1.25rem;
      display: flex;
      align-items: center;
      gap: 1rem;
    }

    .site-title { font-weight: 700; color: var(--fg); white-space: nowrap; }

    .page {
      max-width: 76rem;
      margin: 0 auto;
      padding: 1.5rem 1.25rem 3rem;
    }

    main { min-width: 0; }

    .note, .index { max-width: 46rem; }

    .site-footer {
      max-width: 76rem;
      margin: 0 auto;
      padding: 1rem 1.25rem 2rem;
      color: var(--muted);
      font-size: 0.85rem;
      border-top: 1px solid var(--border);
    }

    @media (min-width: 1080px) {
      .page { display: grid; grid-template-columns: 15rem minmax(0, 46rem); gap: 3rem; }
      .page-index { display: block; }
      .toc { position: sticky; top: 4.5rem; align-self: start; max-height: calc(100vh - 6rem); overflow-y: auto; }
    }

    /* MARK: - Prose */

    h1, h2, h3, h4, h5, h6 { line-height: 1.4; margin: 2em 0 0.6em; font-weight: 700; }
    h1 { font-size: 2rem; margin-top: 0.5rem; margin-bottom: 0.3rem; }
    h2 { font-size: 1.45rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.2rem; }
    h4 { font-size: 1.05rem; }

    .heading-link { margin-left: 0.4em; color: var(--muted); opacity: 0; font-weight: 400; }
    h1:hover .heading-link, h2:hover .heading-link, h3:hover .heading-link,
    h4:hover .heading-link, h5:hover .heading-link, h6:hover .heading-link, .heading-link:focus { opacity: 1; }

    p, ul, ol, blockquote { margin: 0 0 1em; }
    ul, ol { padding-left: 1.6em; }
    li + li { margin-top: 0.2em; }

    blockquote {
      margin-left: 0;
      padding: 0.2em 1em;
      color: var(--muted);
      border-left: 4px solid var(--border);
    }

    hr { border: 0; border-top: 1px solid var(--border); margin: 2em 0; }

    img { max-width: 100%; height: auto; }

    code { font-family: var(--font-code); font-size: 0.88em; }
    :not(pre) > code { background: var(--code-bg); border: 1px solid var(--border); border-radius: 4px; padding: 0.05em 0.3em; }

    pre {
      font-family: var(--font-code);
      font-size: 0.86rem;
      line-height: 1.6;
      margin: 0;
      overflow-x: auto;
      tab-size: 4;
    }

    pre.code, pre.raw-html { background: var(--code-bg); border: 1px solid var(--border); border-radius: 8px; padding: 0.8rem 1rem; margin: 0 0 1em; }

    mark { background: var(--mark); color: inherit; border-radius: 2px; }

    .note-source { color: var(--muted); font-size: 0.9rem; margin-bottom: 1.5rem; }

    /* MARK: - Table of contents */

    .toc { font-size: 0.92rem; line-height: 1.6; margin-bottom: 1.5rem; }
    .toc h2 { font-size: 0.8rem; letter-spacing: 0.08em; color: var(--muted); border: 0; margin: 0 0 0.5rem; padding: 0; }
    .toc ol { list-style: none; margin: 0; padding: 0; border-left: 2px solid var(--border); }
    .toc li { margin: 0; }
    .toc a { display: block; padding: 0.2rem 0 0.2rem 0.8rem; color: var(--fg); }
    .toc a:hover { color: var(--accent); text-decoration: none; }
    .toc .toc-level-3 a { padding-left: 1.8rem; color: var(--muted); font-size: 0.88rem; }

    @media (max-width: 1079px) {
      .toc { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 0.8rem 1rem; }
    }

    /* MARK: - Cells */

    .cell {
      margin: 1.5rem 0;
      border: 1px solid var(--border);
      border-radius: 8px;
      background: var(--code-bg);
      overflow: hidden;
    }

    .cell pre.code { border: 0; border-radius: 0; margin: 0; padding-top: 0.3rem; background: transparent; }

    .cell-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      padding: 0.3rem 1rem 0;
      font-size: 0.78rem;
      line-height: 1.6;
      color: var(--muted);
    }

    .cell-number { font-family: var(--font-code); }

    .badge {
      display: inline-block;
      padding: 0 0.5em;
      border-radius: 999px;
      font-size: 0.75rem;
      line-height: 1.6;
      border: 1px solid currentColor;
      white-space: nowrap;
    }
    .badge-muted { color: var(--muted); }
    .badge-expected { color: var(--expected); background: var(--expected-bg); }
    .badge-error { color: var(--error); background: var(--error-bg); }

    .cell-output {
      background: var(--output-bg);
      border-top: 1px dashed var(--border);
      padding: 0.6rem 1rem;
    }
    .cell-hidden .cell-output { border-top: 0; }
    .cell-output > * + * { margin-top: 0.6rem; }
    .output-text { color: var(--fg); }
    .output-expected-error { color: var(--expected); }

    .figure { margin: 0; overflow-x: auto; }
    .figure svg { display: block; max-width: none; height: auto; }
    .figure table { border-collapse: collapse; font-size: 0.9rem; }
    .figure th, .figure td { border: 1px solid var(--border); padding: 0.2rem 0.6rem; text-align: right; white-space: nowrap; }
    .figure th:first-child, .figure td:first-child { text-align: left; }  /* labels left, numbers right */
    .figure th { background: var(--code-bg); }

    .cell-failed { border-color: var(--error); }

    .cell-error, .page-problems {
      border-left: 4px solid var(--error);
      background: var(--error-bg);
      padding: 0.6rem 1rem;
      color: var(--fg);
    }
    .page-problems { border-radius: 4px; margin: 0 0 1.5rem; }
    .page-problems ul { margin: 0; padding-left: 0; list-style: none; }
    .page-warnings { border-left-color: var(--expected); background: var(--expected-bg); }
    .page-warnings strong { color: var(--expected); }
    .cell-error p { margin: 0 0 0.3rem; }
    .error-title strong, .page-problems strong { color: var(--error); }
    .error-location { font-size: 0.85em; }
    .error-detail { margin-top: 0.4rem; font-size: 0.8rem; color: var(--muted); }

    .cell-not-run { margin: 0; padding: 0.4rem 1rem; font-size: 0.85rem; color: var(--muted); border-top: 1px dashed var(--border); }

    /* MARK: - Syntax colours */

    .kw { color: var(--syntax-keyword); font-weight: 600; }
    .ty { color: var(--syntax-type); }
    .str { color: var(--syntax-string); }
    .interp { color: var(--syntax-interp); }
    .num { color: var(--syntax-number); }
    .com { color: var(--syntax-comment); font-style: italic; }
    .attr { color: var(--syntax-attribute); }
    .dir { color: var(--syntax-directive); }

    /* MARK: - Previous / next */

    .pager { display: flex; gap: 1rem; margin-top: 3rem; }
    .pager a {
      flex: 1 1 0;
      min-width: 0;
      display: block;
      padding: 0.8rem 1rem;
      border: 1px solid var(--border);
      border-radius: 8px;
      background: var(--surface);
      color: var(--fg);
    }
    .pager a:hover { border-color: var(--accent); text-decoration: none; }
    .pager-next { text-align: right; margin-left: auto; }
    .pager-label { display: block; font-size: 0.8rem; color: var(--muted); }

    /* MARK: - Index */

    .index-lead { color: var(--muted); }
    .note-list { list-style: none; padding: 0; margin: 2rem 0 0; }
    .note-card { padding: 1rem 0 1.1rem; border-top: 1px solid var(--border); }
    .note-card-title { font-size: 1.2rem; font-weight: 700; margin-right: 0.5rem; }
    .note-number { display: inline-block; min-width: 2.2em; color: var(--muted); font-family: var(--font-code); font-weight: 400; font-size: 0.9em; }
    .note-summary { margin: 0.3rem 0 0 2.6rem; color: var(--muted); font-size: 0.95rem; }

    /* MARK: - Search */

    .search { position: relative; flex: 1 1 auto; max-width: 26rem; margin-left: auto; }
    .search[hidden] { display: none; }
    .search input {
      width: 100%;
      font: inherit;
      font-size: 0.92rem;
      padding: 0.3rem 0.8rem;
      color: var(--fg);
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 999px;
    }
    .search input:focus { outline: 2px solid var(--accent); outline-offset: 0; }
    .search-results {
      position: absolute;
      right: 0;
      top: calc(100% + 0.4rem);
      width: min(34rem, calc(100vw - 2rem));
      max-height: 70vh;
      overflow-y: auto;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 8px;
      box-shadow: var(--shadow);
      font-size: 0.9rem;
      line-height: 1.6;
    }
    .search-results[hidden] { display: none; }
    .search-results ol { list-style: none; margin: 0; padding: 0.3rem 0; }
    .search-results a { display: block; padding: 0.5rem 0.9rem; color: var(--fg); }
    .search-results a:hover, .search-results a:focus { background: var(--code-bg); text-decoration: none; }
    .search-where { display: block; font-weight: 600; color: var(--accent); }
    .search-snippet { display: block; color: var(--muted); font-size: 0.85rem; }
    .search-message { margin: 0; padding: 0.8rem 1rem; color: var(--muted); }

    /* MARK: - Phones */

    @media (max-width: 600px) {
      body { font-size: 16px; }
      .site-header-inner { padding: 0.5rem 0.9rem; }
      .page { padding: 1rem 0.9rem 2rem; }
      h1 { font-size: 1.6rem; }
      h2 { font-size: 1.3rem; }
      pre { font-size: 0.8rem; }
      pre.code, .cell-output { padding-left: 0.8rem; padding-right: 0.8rem; }
      .note-summary { margin-left: 0; }
      .pager { flex-direction: column; }
      .pager-next { margin-left: 0; }
    }

    /* MARK: - Print */

    @media print {
      :root { --bg: #fff; --fg: #000; --muted: #444; --border: #bbb; --code-bg: #f6f6f6; --output-bg: #fff; --surface: #fff; }
      body { font-size: 11pt; line-height: 1.7; }
      .site-header, .toc, .pager, .site-footer, .heading-link { display: none; }
      .page { display: block; padding: 0; max-width: none; }
      .note { max-width: none; }
      pre { white-space: pre-wrap; overflow-x: visible; }
      .figure { overflow-x: visible; }
      .figure svg { max-width: 100%; }
      .cell, .figure { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      a { color: inherit; }
    }

    """#
}
