# Browser check: over a 1,000-note search index, results are on screen within 50 ms of a keystroke (median; slowest printed).

import importlib.util
import pathlib

_spec = importlib.util.spec_from_file_location("reading_helpers", pathlib.Path(__file__).with_name("_reading.py"))
_reading = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_reading)

NOTES = 1000
GOAL_MS = 50
# Keystrokes, each typed on top of the ones before it; the box is emptied between groups.
GROUPS = (("注", "意", "力"), ("s", "o", "f", "t"), ("矩", "阵"), ("l", "e", "t"))

# The site's own index, its notes repeated (titles numbered) until there are NOTES of them,
# set where search.js looks before loading its file.
BUILD_INDEX = r"""
new Promise((resolve, reject) => {
  const script = document.createElement('script');
  script.src = 'assets/search-index.js';
  script.onerror = () => reject(new Error('assets/search-index.js did not load'));
  script.onload = () => {
    const own = window.LITBOOK_SEARCH_INDEX, big = [];
    for (let k = 0; big.length < %d; k++) {
      for (const note of own) { if (big.length < %d) big.push({p: note.p, t: note.t + ' ' + k, s: note.s, c: note.c}); }
    }
    window.LITBOOK_SEARCH_INDEX = big;
    window.__latencies = [];
    document.getElementById('search-input').addEventListener('input', e => {
      const start = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - start), 0));
    });
    resolve(new Blob(['window.LITBOOK_SEARCH_INDEX = ' + JSON.stringify(big)]).size);
  };
  document.head.appendChild(script);
})
""" % (NOTES, NOTES)


def check(page):
    if page.name != "index.html" or page.width != 1280 or page.scheme != "light":
        return []
    failures = []
    try:
        size = page.evaluate(BUILD_INDEX)
        page.record("search index for 1,000 notes, MB", round(size / 1e6, 2), "the site's notes repeated")
        # Focusing loads and prepares the index, as when a reader clicks into the box.
        page.evaluate("new Promise(r => { document.getElementById('search-input').focus(); setTimeout(() => r(true), 500); })")
        for group in GROUPS:
            page.evaluate("document.getElementById('search-input').value = ''")
            for key in group:
                page.send("Input.insertText", {"text": key})
                page.settle()
        page.evaluate("new Promise(r => setTimeout(() => r(true), 100))")
        raw = page.evaluate("window.__latencies")
        latencies = sorted(raw)
        if len(latencies) != sum(len(g) for g in GROUPS):
            failures.append(f"measured {len(latencies)} keystrokes of {sum(len(g) for g in GROUPS)}")
        if latencies:
            median, worst = latencies[len(latencies) // 2], latencies[-1]
            print(f"browser: search latency over {NOTES} notes ({size / 1e6:.2f} MB index), keystroke to results on screen: "
                  f"median {median:.1f} ms, slowest {worst:.1f} ms, goal {GOAL_MS} ms; each: {[round(x, 1) for x in raw]}", flush=True)
            # The median is held to the goal: on a machine shared with other work single keystrokes
            # wait for the CPU, which the slowest figure, printed above, shows.
            if median > GOAL_MS:
                failures.append(f"search took {median:.1f} ms (median) from a keystroke to results on screen (goal {GOAL_MS} ms)")
    finally:
        _reading.back_home(page)
    return failures
