# Browser check: every text of every SVG figure renders at a readable size (>= 11 px at 1280 px wide, >= 10 px on phones).

# Each visible <text> of an inline SVG: its computed font size times the scale the SVG is drawn at.
MEASURE = r"""
(() => {
  const out = [];
  document.querySelectorAll('svg text').forEach(t => {
    const box = t.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return;
    const style = getComputedStyle(t);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return;
    const m = t.getScreenCTM();
    if (!m) return;
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    const figure = t.closest('figure[id], [id]');
    out.push({size: parseFloat(style.fontSize) * scale, text: t.textContent.slice(0, 30),
              where: figure ? '#' + figure.id : 'svg'});
  });
  return out;
})()
"""


def minimum(width):
    return 11.0 if width >= 600 else 10.0


def check(page):
    texts = page.evaluate(MEASURE)
    if not texts:
        return []
    smallest = min(texts, key=lambda t: t["size"])
    page.record("smallest SVG text (px)", round(smallest["size"], 2), f"\"{smallest['text']}\" in {smallest['where']}")
    floor = minimum(page.width)
    small = [t for t in texts if t["size"] < floor - 0.01]
    failures = []
    by_figure = {}
    for t in small:
        by_figure.setdefault(t["where"], []).append(t)
    for where, items in by_figure.items():
        worst = min(items, key=lambda t: t["size"])
        failures.append(f"SVG text \"{worst['text']}\" in {where} renders at {worst['size']:.1f} px (< {floor:g} px); "
                        f"{len(items)} texts of that figure are too small")
    return failures
