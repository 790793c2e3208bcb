# Browser check: a small heatmap (up to 16×16) prints every cell's value inside its cell, readable against the cell's colour.

SMALL = 16

# Every heatmap panel: its shape, its cells, its printed values and the contrast of each value on its cell.
MEASURE = r"""
(() => {
  const rgb = s => (s.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = c => {
    const [r, g, b] = c.map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const panels = [];
  document.querySelectorAll('svg .hm-cells').forEach((g, i) => {
    const figure = g.closest('[id]');
    const rows = Number(g.dataset.rows), cols = Number(g.dataset.cols);
    const cells = Array.from(g.querySelectorAll('rect'));
    const valuesGroup = g.parentNode.querySelector('.hm-values[data-panel="' + g.dataset.panel + '"]');
    const texts = valuesGroup ? Array.from(valuesGroup.querySelectorAll('text')) : [];
    const problems = [];
    texts.forEach((t, k) => {
      const cell = cells[k];
      if (!cell) return;
      const tb = t.getBoundingClientRect(), cb = cell.getBoundingClientRect();
      if (tb.left < cb.left - 0.5 || tb.right > cb.right + 0.5 || tb.top < cb.top - 0.5 || tb.bottom > cb.bottom + 0.5)
        problems.push('value "' + t.textContent + '" spills out of its ' + Math.round(cb.width) + ' px cell');
      const fill = getComputedStyle(cell).fill;
      if (fill.startsWith('rgb')) {
        const r = ratio(rgb(getComputedStyle(t).fill), rgb(fill));
        if (r < 4.5) problems.push('value "' + t.textContent + '" has contrast ' + r.toFixed(2) + ':1 on ' + fill);
      }
    });
    panels.push({where: (figure ? '#' + figure.id : 'svg') + ' panel ' + (g.dataset.panel || i),
                 rows, cols, cells: cells.length, values: texts.length, problems: problems.slice(0, 3)});
  });
  return panels;
})()
"""


def check(page):
    failures = []
    for panel in page.evaluate(MEASURE):
        small = panel["rows"] <= SMALL and panel["cols"] <= SMALL
        if small and panel["values"] != panel["rows"] * panel["cols"]:
            failures.append(f"{panel['where']}: a {panel['rows']}×{panel['cols']} heatmap prints "
                            f"{panel['values']} of its {panel['rows'] * panel['cols']} values")
        failures += [f"{panel['where']}: {problem}" for problem in panel["problems"]]
    return failures
