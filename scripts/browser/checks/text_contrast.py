# Browser check: every text on the page is at least 4.5:1 against the background it is drawn on (figures' SVG aside).

# For each element with its own visible text: its colour, and the first opaque background behind it.
MEASURE = r"""
(() => {
  const parse = c => {
    const m = c.match(/rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[, /]+([\d.]+))?\)/);
    return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
  };
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg[3] >= 0.99) return bg;
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor) || [255, 255, 255, 1];
  };
  let worst = null, failures = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg, script, style, [hidden]')) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.nodeValue.trim());
    if (!own) continue;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || +style.opacity === 0) continue;
    const fg = parse(style.color);
    if (!fg) continue;
    const bg = background(el);
    const mixed = fg[3] < 1 ? fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3])) : fg;
    const a = lum(mixed), b = lum(bg);
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    let name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
    if (!worst || ratio < worst.ratio) worst = {ratio, name};
    if (ratio < 4.5 && failures.length < 5) failures.push(name + ' ' + ratio.toFixed(2) + ':1 ("' + el.textContent.trim().slice(0, 20) + '")');
  }
  return {worst, failures};
})()
"""


def check(page):
    result = page.evaluate(MEASURE)
    if result["worst"]:
        page.record(f"lowest text contrast ({page.scheme})", round(result["worst"]["ratio"], 2), result["worst"]["name"])
    return [f"text below 4.5:1: {failure}" for failure in result["failures"]]
