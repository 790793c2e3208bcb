# Browser check: ← / → between notes (not while typing), the theme switch remembered across pages, copy buttons, scrollspy.

import importlib.util
import pathlib

_spec = importlib.util.spec_from_file_location("reading_helpers", pathlib.Path(__file__).with_name("_reading.py"))
_reading = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_reading)


def check(page):
    if page.name.rsplit("/", 1)[-1] == "index.html":  # the index of the notes or of the manual
        return []
    failures = []
    try:
        # Copy buttons: one on every code block and text output of a cell.
        counts = page.evaluate("({blocks: document.querySelectorAll('.cell pre.code, .cell pre.output-text').length,"
                               " buttons: document.querySelectorAll('.copy-button').length})")
        if counts["blocks"] != counts["buttons"]:
            failures.append(f"{counts['buttons']} copy buttons for {counts['blocks']} code and output blocks")

        if page.scheme != "light":
            return failures  # the rest does not depend on the colour scheme; once per width is enough

        # Scrollspy: scrolling to a heading marks it in the sidebar.
        if page.width >= 1080:
            spied = page.evaluate(r"""
            new Promise(resolve => {
              const links = [...document.querySelectorAll('.book-nav .nav-headings a')];
              if (links.length < 2) { resolve(null); return; }
              const link = links[links.length - 1];
              document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1))).scrollIntoView();
              setTimeout(() => { resolve({want: link.textContent, active: [...document.querySelectorAll('.book-nav a.is-active')].map(a => a.textContent)}); window.scrollTo(0, 0); }, 300);
            })
            """)
            if spied and spied["active"] != [spied["want"]]:
                failures.append(f"scrolled to {spied['want']!r}, the sidebar marks {spied['active']!r}")

        # ← and → open the neighbours, but not while typing in the search box.
        neighbours = page.evaluate("({prev: (document.querySelector('.pager a[rel=prev]') || {}).href || null,"
                                   " next: (document.querySelector('.pager a[rel=next]') || {}).href || null})")
        page.evaluate("document.getElementById('search-input').focus()")
        if not _reading.stays(page, lambda: page.press("ArrowRight", key_code=39)):
            failures.append("→ while typing in the search box left the page")
            _reading.back_home(page)
        page.evaluate("document.activeElement.blur()")
        for key, code, rel in (("ArrowRight", 39, "next"), ("ArrowLeft", 37, "prev")):
            if neighbours[rel]:
                _reading.expect_navigation(page, lambda: page.press(key, key_code=code))
                if page.evaluate("location.href") != neighbours[rel]:
                    failures.append(f"{key} did not open the {rel} note")
                _reading.back_home(page)

        # The theme switch: dark chosen here is dark on the next page, from the first paint.
        chosen = page.evaluate(r"""
        (() => {
          const t = document.getElementById('theme-toggle');
          if (!t || t.hidden) return null;
          for (let i = 0; i < 3 && t.getAttribute('data-theme-choice') !== 'dark'; i++) t.click();
          return t.getAttribute('data-theme-choice');
        })()
        """)
        if chosen != "dark":
            failures.append(f"the theme switch cannot choose dark (got {chosen!r})")
        else:
            index = page.url.rsplit("/", 1)[0] + "/index.html"
            _reading.navigate(page, index)
            state = page.evaluate(r"""
            ({theme: document.documentElement.getAttribute('data-theme'),
              bg: getComputedStyle(document.body).backgroundColor,
              label: document.getElementById('theme-toggle').textContent})
            """)
            if state["theme"] != "dark" or state["bg"] not in ("rgb(23, 24, 27)",):
                failures.append(f"dark chosen on {page.name} is not kept on index.html: {state}")
            page.evaluate("localStorage.removeItem('litbook-theme')")
    finally:
        _reading.back_home(page)
    return failures
