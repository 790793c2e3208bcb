// A figure's values at once on hover, keyboard focus or tap; the browser's own SVG tooltips take seconds and never show on touch or keyboard.
(function () {
  'use strict';
  var figures = document.querySelectorAll('.figure svg');
  if (!figures.length) return;

  var tip = document.createElement('div');
  tip.className = 'figure-tip';
  tip.setAttribute('role', 'status');
  tip.hidden = true;
  document.body.appendChild(tip);

  var current = null;   // {el, column} shown now
  var pinned = false;   // shown by a click or tap: stays until the next one elsewhere

  // The titles of cells, lines and points move into data-tip, so only this tip shows, not the slow native one too.
  Array.prototype.forEach.call(figures, function (svg) {
    var owners = 0;
    Array.prototype.forEach.call(svg.querySelectorAll('title'), function (title) {
      var owner = title.parentNode;
      if (owner === svg) return;
      owner.setAttribute('data-tip', title.textContent);
      owner.removeChild(title);
      owners += 1;
    });
    if (!owners) return;
    svg.setAttribute('tabindex', '0');
    svg.addEventListener('pointermove', function (event) {
      if (pinned) return;
      var el = event.target.closest ? event.target.closest('[data-tip]') : null;
      if (el && svg.contains(el)) show(el, columnAt(el, event.clientX), event.clientX, event.clientY);
      else hide();
    });
    svg.addEventListener('pointerleave', function () { if (!pinned) hide(); });
    svg.addEventListener('click', function (event) {
      var el = event.target.closest ? event.target.closest('[data-tip]') : null;
      if (!el || !svg.contains(el)) { pinned = false; hide(); return; }
      pinned = true;
      show(el, columnAt(el, event.clientX), event.clientX, event.clientY);
      event.stopPropagation();
    });
    svg.addEventListener('focus', function () {
      if (!current || !svg.contains(current.el)) showAtBox(svg.querySelector('[data-tip]'), 0);
    });
    svg.addEventListener('blur', function () { pinned = false; hide(); });
    svg.addEventListener('keydown', function (event) { move(svg, event); });
  });
  document.addEventListener('click', function () { if (pinned) { pinned = false; hide(); } });

  // A row strip of a large heatmap stands for a whole row: the column is where the pointer is.
  function isRow(el) { return el.parentNode.classList && el.parentNode.classList.contains('hm-rows'); }

  // The column labels a row strip's group carries, tab-separated.
  function columnsOf(el) { return (el.parentNode.getAttribute('data-columns') || '').split('\t'); }

  function columnAt(el, x) {
    if (!isRow(el)) return 0;
    var columns = columnsOf(el);
    var box = el.getBoundingClientRect();
    return Math.max(0, Math.min(columns.length - 1, Math.floor((x - box.left) / box.width * columns.length)));
  }

  // The tip's text: the element's own, or for a row strip "row → column: value".
  function text(el, column) {
    var tipText = el.getAttribute('data-tip');
    if (!isRow(el)) return tipText;
    var cut = tipText.lastIndexOf(': ');
    var values = tipText.slice(cut + 2).split(' ');
    var columns = columnsOf(el);
    return tipText.slice(0, cut) + ' → ' + columns[column] + ': ' + values[column];
  }

  function show(el, column, x, y) {
    mark(el, column);
    tip.textContent = text(el, column);
    tip.hidden = false;
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var left = Math.min(x + 14, document.documentElement.clientWidth - width - 4);
    var top = y + 18 + height > window.innerHeight ? y - height - 10 : y + 18;
    tip.style.left = Math.max(4, left) + 'px';
    tip.style.top = Math.max(4, top) + 'px';
  }

  function showAtBox(el, column) {
    if (!el) return;
    var box = el.getBoundingClientRect();
    var columns = isRow(el) ? columnsOf(el).length : 1;
    var x = box.left + box.width * (column + 0.5) / columns;
    show(el, column, x, box.bottom);
  }

  function hide() {
    mark(null, 0);
    tip.hidden = true;
  }

  function mark(el, column) {
    if (current && current.el !== el) current.el.classList.remove('is-current');
    current = el ? { el: el, column: column } : null;
    if (el) el.classList.add('is-current');
  }

  // Arrow keys walk the cells of a heatmap (or the lines and points of a chart, in order); Escape hides the tip.
  function move(svg, event) {
    if (event.key === 'Escape') { pinned = false; hide(); return; }
    var steps = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] }[event.key];
    if (!steps || !current || !svg.contains(current.el)) return;
    event.preventDefault();
    var el = current.el, column = current.column;
    var items = Array.prototype.slice.call(svg.querySelectorAll('[data-tip]'));
    var index = items.indexOf(el);
    if (isRow(el)) {
      var count = columnsOf(el).length;
      column = Math.max(0, Math.min(count - 1, column + steps[1]));
      index += steps[0];
    } else {
      var group = el.parentNode.getAttribute('data-cols');
      var across = group ? Number(group) : 1;
      index += steps[1] + steps[0] * across;
    }
    if (index >= 0 && index < items.length) el = items[index];
    showAtBox(el, column);
  }
})();
