# Browser check: the page itself never scrolls sideways; wide things scroll inside their own box.

# Elements sticking out past the right edge of the viewport and not clipped by a scrolling ancestor.
FIND_OVERFLOW = r"""
(() => {
  const root = document.documentElement;
  const limit = root.clientWidth;
  if (root.scrollWidth <= limit) return {scrollWidth: root.scrollWidth, limit, culprits: []};
  const clipped = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  const describe = el => {
    let s = el.tagName.toLowerCase();
    const anchor = el.closest('[id]');
    if (el.id) s += '#' + el.id; else if (anchor) s += ' in #' + anchor.id;
    if (el.className && typeof el.className === 'string') s += '.' + el.className.trim().split(/\s+/).join('.');
    return s;
  };
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > limit + 0.5 && !clipped(el)) {
      const parent = el.parentElement;
      const pr = parent ? parent.getBoundingClientRect() : null;
      if (pr && pr.right > limit + 0.5 && !clipped(parent) && parent !== document.body) continue;
      culprits.push(describe(el) + ' reaches ' + Math.round(r.right) + ' px');
      if (culprits.length >= 5) break;
    }
  }
  return {scrollWidth: root.scrollWidth, limit, culprits};
})()
"""


def check(page):
    result = page.evaluate(FIND_OVERFLOW)
    if result["scrollWidth"] <= result["limit"]:
        return []
    where = "; ".join(result["culprits"]) or "no single element found"
    return [f"page scrolls sideways: {result['scrollWidth']} px wide in a {result['limit']} px viewport ({where})"]
