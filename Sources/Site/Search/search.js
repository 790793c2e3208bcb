// litbook search: finds substrings in every note's sections; works offline and from file://.
(function () {
  "use strict";
  var box = document.getElementById("search");
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  if (!box || !input || !results) { return; }
  box.hidden = false;

  var sections = null;
  var state = "idle";
  var waiting = [];

  // MARK: - Loading the index

  function withIndex(then) {
    if (sections) { then(); return; }
    waiting.push(then);
    if (state !== "idle") { return; }
    state = "loading";
    var script = document.createElement("script");
    script.src = "assets/search-index.js";
    script.onload = function () {
      sections = prepare(window.LITBOOK_SEARCH_INDEX || []);
      state = "ready";
      waiting.splice(0).forEach(function (f) { f(); });
    };
    script.onerror = function () {
      state = "failed";
      showMessage("搜索索引没有加载成功。");
    };
    document.head.appendChild(script);
  }

  function prepare(index) {
    var out = [];
    index.forEach(function (note) {
      note.s.forEach(function (s) {
        out.push({
          href: note.p + s[0], title: note.t, heading: s[1], text: s[2],
          titleKey: note.t.toLowerCase(), headingKey: s[1].toLowerCase(), textKey: s[2].toLowerCase()
        });
      });
    });
    return out;
  }

  // MARK: - Searching

  function termsOf(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at !== -1 && n < 5) { n += 1; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  function search(query) {
    var terms = termsOf(query);
    if (terms.length === 0) { return []; }
    var hits = [];
    sections.forEach(function (s, order) {
      var score = 0;
      for (var i = 0; i < terms.length; i += 1) {
        var t = terms[i];
        var inTitle = s.titleKey.indexOf(t) !== -1;
        var inHeading = s.headingKey.indexOf(t) !== -1;
        var inText = count(s.textKey, t);
        if (!inTitle && !inHeading && inText === 0) { return; }
        score += (inTitle ? 4 : 0) + (inHeading ? 8 : 0) + inText;
      }
      hits.push({ section: s, score: score, order: order });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return hits.slice(0, 30);
  }

  // MARK: - Showing results

  function clear() {
    while (results.firstChild) { results.removeChild(results.firstChild); }
  }

  function showMessage(text) {
    clear();
    var p = document.createElement("p");
    p.className = "search-message";
    p.textContent = text;
    results.appendChild(p);
    results.hidden = false;
  }

  // Appends `text` to `parent` with every occurrence of a term wrapped in <mark>.
  function appendMarked(parent, text, terms) {
    var lower = text.toLowerCase();
    if (lower.length !== text.length) { lower = text = text.toLowerCase(); }
    var at = 0;
    while (at < text.length) {
      var best = -1, length = 0;
      terms.forEach(function (t) {
        var i = lower.indexOf(t, at);
        if (i !== -1 && (best === -1 || i < best)) { best = i; length = t.length; }
      });
      if (best === -1) { break; }
      parent.appendChild(document.createTextNode(text.slice(at, best)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(best, best + length);
      parent.appendChild(mark);
      at = best + length;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function snippet(s, terms) {
    var first = -1;
    terms.forEach(function (t) {
      var i = s.textKey.indexOf(t);
      if (i !== -1 && (first === -1 || i < first)) { first = i; }
    });
    if (first === -1) { return s.text.slice(0, 80) + (s.text.length > 80 ? "…" : ""); }
    var start = Math.max(0, first - 30), end = Math.min(s.text.length, first + 70);
    return (start > 0 ? "…" : "") + s.text.slice(start, end) + (end < s.text.length ? "…" : "");
  }

  function show(query) {
    var terms = termsOf(query);
    if (terms.length === 0) { clear(); results.hidden = true; return; }
    var hits = search(query);
    if (hits.length === 0) { showMessage("没有找到“" + query.trim() + "”。"); return; }
    clear();
    var list = document.createElement("ol");
    hits.forEach(function (hit) {
      var s = hit.section;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = s.href;
      var where = document.createElement("span");
      where.className = "search-where";
      appendMarked(where, s.heading && s.heading !== s.title ? s.title + " › " + s.heading : s.title, terms);
      var text = document.createElement("span");
      text.className = "search-snippet";
      appendMarked(text, snippet(s, terms), terms);
      link.appendChild(where);
      link.appendChild(text);
      item.appendChild(link);
      list.appendChild(item);
    });
    results.appendChild(list);
    results.hidden = false;
  }

  // MARK: - Wiring

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { withIndex(function () { show(input.value); }); }, 60);
  });
  input.addEventListener("focus", function () { withIndex(function () { if (input.value) { show(input.value); } }); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; clear(); results.hidden = true; input.blur(); }
    if (event.key === "Enter") {
      var first = results.querySelector("a");
      if (first) { window.location.href = first.href; }
    }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(input|textarea|select)$/i.test(event.target.tagName || "");
    if (event.key === "/" && !typing) { event.preventDefault(); input.focus(); }
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target)) { results.hidden = true; }
  });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    withIndex(function () { show(query); });
  }
})();
