# Browser check: the reading layout — main text in its column, title first on phones, contents folded there, anchors below the header, print without sidebar.


def check(page):
    if page.name.rsplit("/", 1)[-1] == "index.html":  # the index of the notes or of the manual
        return []
    failures = []
    layout = page.evaluate(r"""
    (() => {
      const main = document.querySelector('main').getBoundingClientRect();
      const nav = document.querySelector('.book-nav');
      const phone = document.querySelector('.toc-phone');
      const h1 = document.querySelector('main h1').getBoundingClientRect();
      return {mainLeft: main.left, mainWidth: main.width, h1Top: h1.top + scrollY,
              navShown: nav ? getComputedStyle(nav).display !== 'none' : false,
              phoneShown: phone ? getComputedStyle(phone).display !== 'none' : false,
              phoneOpen: phone ? phone.open : null,
              phoneTop: phone ? phone.getBoundingClientRect().top + scrollY : null,
              hasHeadings: !!document.querySelector('main h2[id], main h3[id]')};
    })()
    """)
    if page.width >= 1080:
        if not layout["navShown"]:
            failures.append("the book's sidebar is not shown on a wide screen")
        if layout["mainWidth"] < 600:
            failures.append(f"main text is squeezed into {layout['mainWidth']:.0f} px (in the sidebar column?)")
    else:
        if layout["navShown"]:
            failures.append("the sidebar takes the top of a phone's page")
        if layout["hasHeadings"] and (not layout["phoneShown"] or layout["phoneOpen"]):
            failures.append("on a phone the contents are not a folded <details>")
        if layout["phoneTop"] is not None and layout["h1Top"] > layout["phoneTop"]:
            failures.append("on a phone the contents come before the title")
        if layout["h1Top"] > 250:
            failures.append(f"on a phone the title starts at y={layout['h1Top']:.0f}")
    # Jumping to a heading leaves it below the sticky header.
    jump = page.evaluate(r"""
    (() => {
      const heading = document.querySelector('main h2[id]');
      if (!heading) return null;
      heading.scrollIntoView();
      const atEnd = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
      const result = {top: heading.getBoundingClientRect().top,
                      header: document.querySelector('.site-header').getBoundingClientRect().bottom, atEnd, id: heading.id};
      scrollTo(0, 0);
      return result;
    })()
    """)
    if jump and not jump["atEnd"] and jump["top"] < jump["header"]:
        failures.append(f"jumping to #{jump['id']} puts it under the header ({jump['top']:.0f} < {jump['header']:.0f} px)")
    if page.width == 1280 and page.scheme == "light":
        page.send("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            shown = page.evaluate(r"""
            [...document.querySelectorAll('.book-nav, .site-header, .toc-phone, .pager')]
              .filter(e => getComputedStyle(e).display !== 'none').map(e => e.className)
            """)
            if shown:
                failures.append(f"print shows page chrome: {', '.join(shown)}")
        finally:
            page.send("Emulation.setEmulatedMedia", {"media": "screen", "features": [
                {"name": "prefers-color-scheme", "value": page.scheme}]})
    return failures
