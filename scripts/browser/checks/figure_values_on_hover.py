# Browser check: pointing at (or, on a phone, tapping) a heatmap cell shows its value at once, as the text form prints it.

import re

# Scrolls the first heatmap cell into view and returns its centre and the value its hover text should end with.
FIRST_CELL = r"""
(() => {
  const cell = document.querySelector('.figure svg .hm-cells:not(.hm-rows) rect');
  if (!cell) return null;
  cell.scrollIntoView({block: 'center', inline: 'center'});
  const box = cell.getBoundingClientRect();
  return {x: box.left + box.width / 2, y: box.top + box.height / 2, tip: cell.getAttribute('data-tip') || cell.textContent,
          where: '#' + (cell.closest('figure[id]') || {id: '?'}).id};
})()
"""

SHOWN = "(() => { const t = document.querySelector('.figure-tip'); return t && !t.hidden ? t.textContent : null; })()"


def check(page):
    cell = page.evaluate(FIRST_CELL)
    if cell is None:
        return []
    page.settle()
    if page.width < 600:
        page.tap(cell["x"], cell["y"])
    else:
        page.mouse_move(cell["x"], cell["y"])
    page.settle()
    shown = page.evaluate(SHOWN)
    if shown is None:
        return [f"{cell['where']}: {'tapping' if page.width < 600 else 'pointing at'} a heatmap cell shows no value"]
    if shown != cell["tip"] or not re.search(r": (-?\d+\.\d{4}|-inf \(masked\)|inf|nan)$", shown):
        return [f"{cell['where']}: the value shown is \"{shown}\", expected \"{cell['tip']}\" with four decimals"]
    return []
