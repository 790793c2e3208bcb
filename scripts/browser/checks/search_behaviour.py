# Browser check: search as a reader uses it — typing, Enter right after typing, IME composition, arrows, highlight on the target, ?q=.

import importlib.util
import pathlib

_spec = importlib.util.spec_from_file_location("reading_helpers", pathlib.Path(__file__).with_name("_reading.py"))
_reading = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_reading)


def first_word(page):
    """A word that some note's heading contains, so that every site has something to find."""
    return page.evaluate(r"""
    (() => {
      const h = document.querySelector('.note-card-title');
      return h ? h.textContent.replace(/^\d+/, '').trim().slice(0, 2) : null;
    })()
    """)


def type_into_search(page, text):
    page.evaluate("(() => { const i = document.getElementById('search-input'); i.focus(); i.value = ''; })()")
    page.send("Input.insertText", {"text": text})


def result_hrefs(page):
    return page.evaluate("[...document.querySelectorAll('#search-results a')].map(a => a.href)")


def check(page):
    if page.name != "index.html":
        return []
    failures = []
    try:
        page.evaluate("new Promise(r => { document.getElementById('search-input').focus(); setTimeout(() => r(true), 300); })")
        word = first_word(page)
        if not word:
            return ["index page lists no notes to search for"]

        # Typing shows results at once, and says which part of a cell a hit is in.
        type_into_search(page, word)
        page.settle()
        hrefs = result_hrefs(page)
        if not hrefs:
            failures.append(f"typing {word!r} shows no results")
        box = page.evaluate("(() => { const r = document.getElementById('search-results').getBoundingClientRect();"
                            " return {left: r.left, right: r.right, width: innerWidth}; })()")
        if box["left"] < 0 or box["right"] > box["width"]:
            failures.append(f"the results list runs off the screen: {box['left']:.0f}..{box['right']:.0f} of {box['width']} px")
        ranked_first = page.evaluate("(() => { const a = document.querySelector('#search-results a .search-where'); return a ? a.textContent : ''; })()")
        if word.lower() not in ranked_first.lower():
            failures.append(f"the first result for {word!r} has it neither in its title nor its heading: {ranked_first!r}")
        type_into_search(page, "let")
        page.settle()
        kinds = page.evaluate("[...document.querySelectorAll('#search-results .search-kind')].map(k => k.textContent)")
        code = "代码" if page.evaluate("document.documentElement.lang").lower().startswith("zh") else "code"
        if code not in kinds:
            failures.append("searching for 'let' finds no code")

        # Enter right after typing opens the first hit of what is in the box now.
        type_into_search(page, word)
        page.settle()
        expected = result_hrefs(page)[0] if result_hrefs(page) else None
        type_into_search(page, "zzz-nothing")
        page.settle()
        try:
            _reading.expect_navigation(page, lambda: (type_into_search(page, word), page.press("Enter", key_code=13)))
        except TimeoutError:
            return failures + [f"Enter right after typing {word!r} opened nothing"]
        landed = page.evaluate("location.href")
        if expected and landed != expected:
            failures.append(f"Enter right after typing {word!r} opened {landed}, not its first hit {expected}")

        # The opened page marks the terms, and a click clears them.
        marks = page.evaluate("[...document.querySelectorAll('mark.search-hit')].map(m => m.textContent.toLowerCase())")
        if not marks or any(m != word.lower() for m in marks):
            failures.append(f"the page a result opened marks {marks[:3]!r}, not {word!r}")
        page.click(5, 300)
        page.settle()
        if page.evaluate("document.querySelectorAll('mark.search-hit').length") != 0:
            failures.append("a click does not clear the search marks")
        _reading.back_home(page)

        # Enter while an input method is composing opens nothing.
        type_into_search(page, word)
        page.settle()
        composing = _reading.stays(page, lambda: page.evaluate(r"""
        (() => {
          const i = document.getElementById('search-input');
          i.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true}));
          i.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true}));
          return true;
        })()
        """))
        if not composing:
            failures.append("Enter during IME composition navigated away")
            _reading.back_home(page)

        # ↓ ↓ Enter opens the second result; Esc closes the list.
        type_into_search(page, word)
        page.settle()
        hrefs = result_hrefs(page)
        if len(hrefs) >= 2:
            page.press("ArrowDown", key_code=40)
            page.press("ArrowDown", key_code=40)
            selected = page.evaluate("(() => { const a = document.querySelector('#search-results a.is-selected'); return a ? a.href : null; })()")
            if selected != hrefs[1]:
                failures.append(f"↓ ↓ selects {selected}, not the second result")
            _reading.expect_navigation(page, lambda: page.press("Enter", key_code=13))
            if page.evaluate("location.href") != hrefs[1]:
                failures.append("Enter after ↓ ↓ does not open the second result")
            _reading.back_home(page)
        type_into_search(page, word)
        page.settle()
        page.press("Escape", key_code=27)
        if not page.evaluate("document.getElementById('search-results').hidden"):
            failures.append("Esc does not close the results")

        # ?q= runs the search and puts the focus in the box.
        _reading.navigate(page, page.url + "?q=" + word)
        page.evaluate("new Promise(r => setTimeout(() => r(true), 200))")
        state = page.evaluate("({focused: document.activeElement && document.activeElement.id, shown: !document.getElementById('search-results').hidden})")
        if state != {"focused": "search-input", "shown": True}:
            failures.append(f"?q= leaves the page in state {state}")
        size = page.evaluate("parseFloat(getComputedStyle(document.getElementById('search-input')).fontSize)")
        if page.width < 600 and size < 16:
            failures.append(f"the search box's font is {size} px on a phone: iOS zooms on focus")
    finally:
        _reading.back_home(page)
    return failures
