# Browser check: a heatmap can be read from the keyboard: focusing it shows its first cell, an arrow key moves to the next.

# Focuses the first heatmap with cells and returns the tip shown, then the tip after ArrowRight, with what both should say.
FOCUS = r"""
(() => {
  const cells = document.querySelectorAll('.figure svg .hm-cells:not(.hm-rows) rect');
  if (cells.length < 2) return null;
  const svg = cells[0].ownerSVGElement;
  if (svg.getAttribute('tabindex') !== '0') return {error: 'the figure cannot take keyboard focus'};
  svg.focus();
  const tip = document.querySelector('.figure-tip');
  return {first: tip && !tip.hidden ? tip.textContent : null, expected: cells[0].getAttribute('data-tip'),
          next: cells[1].getAttribute('data-tip'), where: '#' + (svg.closest('figure[id]') || {id: '?'}).id};
})()
"""

SHOWN = "(() => { const t = document.querySelector('.figure-tip'); return t && !t.hidden ? t.textContent : null; })()"


def check(page):
    if page.width < 600 or page.scheme != "light":
        return []   # keyboards are the same at every width and in both themes
    state = page.evaluate(FOCUS)
    if state is None:
        return []
    if "error" in state:
        return [state["error"]]
    failures = []
    if state["first"] != state["expected"]:
        failures.append(f"{state['where']}: focusing the figure shows \"{state['first']}\", expected \"{state['expected']}\"")
    page.press("ArrowRight", key_code=39)
    page.settle()
    shown = page.evaluate(SHOWN)
    if shown != state["next"]:
        failures.append(f"{state['where']}: ArrowRight shows \"{shown}\", expected \"{state['next']}\"")
    return failures
