// litbook search: finds substrings in every note's prose, code and outputs; works offline and from file://.
(function () {
  "use strict";
  var box = document.getElementById("search");
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  if (!box || !input || !results) { return; }
  box.hidden = false;
  // The page's own words follow its language, as the pages do: Chinese for zh, English otherwise.
  var chinese = /^zh(-|$)/i.test(document.documentElement.lang || "");
  var words = chinese
    ? { placeholder: "搜索笔记（按 / 键）", failed: "搜索索引没有加载成功。", code: "代码", output: "输出",
        none: function (q) { return "没有找到“" + q + "”。"; }, results: "搜索结果" }
    : { placeholder: "Search (press /)", failed: "The search index did not load.", code: "code", output: "output",
        none: function (q) { return "Nothing found for “" + q + "”."; }, results: "Search results" };
  // The "/" shortcut means something only where there is a keyboard.
  if (window.matchMedia && window.matchMedia("(hover: hover) and (pointer: fine)").matches) {
    input.placeholder = words.placeholder;
  }

  var entries = null;
  var state = "idle";
  var waiting = [];

  // MARK: - Loading the index

  function withIndex(then) {
    if (entries) { then(); return; }
    waiting.push(then);
    if (state !== "idle") { return; }
    if (window.LITBOOK_SEARCH_INDEX) {  // already on the page (a page may carry its index inline)
      entries = prepare(window.LITBOOK_SEARCH_INDEX);
      warmUp();
      state = "ready";
      waiting.splice(0).forEach(function (f) { f(); });
      return;
    }
    state = "loading";
    var script = document.createElement("script");
    script.src = "assets/search-index.js";
    script.onload = function () {
      entries = prepare(window.LITBOOK_SEARCH_INDEX || []);
      warmUp();
      state = "ready";
      waiting.splice(0).forEach(function (f) { f(); });
    };
    script.onerror = function () {
      state = "failed";
      showMessage(words.failed);
    };
    document.head.appendChild(script);
  }

  // One entry per section of prose and per cell; keys lower-cased once, here.
  function prepare(index) {
    var out = [];
    function add(entry) { entry.order = out.length; out.push(entry); }
    index.forEach(function (note) {
      var titleKey = note.t.toLowerCase();
      note.s.forEach(function (s) {
        add({ page: note.p, anchor: s[0], title: note.t, heading: s[1], titleKey: titleKey,
          headingKey: s[1].toLowerCase(), parts: [{ kind: "", text: s[2], key: s[2].toLowerCase() }] });
      });
      (note.c || []).forEach(function (c) {
        add({ page: note.p, anchor: c[0], title: note.t, heading: c[1], titleKey: titleKey, headingKey: "", cell: true,
          parts: [{ kind: words.code, text: c[2], key: c[2].toLowerCase() },
            { kind: words.output, text: c[3], key: c[3].toLowerCase() }] });
      });
    });
    return out;
  }

  // MARK: - Searching

  // One search while the index loads, so the engine has compiled the search loop before the
  // reader's first keystroke (over a large index the first search was otherwise the slowest).
  function warmUp() {
    search("e");
    last = { terms: [], matched: null };
  }

  function termsOf(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at !== -1 && n < 5) { n += 1; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  // Every term must occur in the entry. A term in the note's title or the section's heading
  // outweighs any number of hits in the text, so those sections come first; prose outweighs
  // code and output at equal counts.
  // The entries the previous query matched, with its terms: typing on narrows the search to them.
  var last = { terms: [], matched: null };

  // Whether every entry matching `terms` also matched `previous` (each old term is inside a new one).
  function narrows(terms, previous) {
    return previous.length > 0 && previous.every(function (old) {
      return terms.some(function (t) { return t.indexOf(old) !== -1; });
    });
  }

  function search(query) {
    var terms = termsOf(query);
    if (terms.length === 0) { return []; }
    var candidates = last.matched && narrows(terms, last.terms) ? last.matched : entries;
    var hits = [], matched = [];  // hits: the best 30, in rank order
    for (var e = 0; e < candidates.length; e += 1) {
      var entry = candidates[e], score = 0, found = true;
      for (var i = 0; i < terms.length && found; i += 1) {
        var t = terms[i], inText = 0;
        for (var k = 0; k < entry.parts.length; k += 1) { inText += count(entry.parts[k].key, t); }
        var inHeading = entry.headingKey.indexOf(t) !== -1, inTitle = entry.titleKey.indexOf(t) !== -1;
        if (!inHeading && !inTitle && inText === 0) { found = false; break; }
        score += (inHeading ? 200 : 0) + (inTitle && !entry.cell ? 100 : 0) + inText * (entry.cell ? 1 : 2);
      }
      if (found) {
        matched.push(entry);
        keepBest(hits, { entry: entry, score: score, order: entry.order });
      }
    }
    last = { terms: terms, matched: matched };
    return hits;
  }

  function ranksBefore(a, b) { return a.score > b.score || (a.score === b.score && a.order < b.order); }

  // Keeps `hits` the best 30 in rank order: a short insertion, since a common word can match
  // tens of thousands of entries and sorting them all would cost more than finding them.
  function keepBest(hits, hit) {
    if (hits.length === 30 && !ranksBefore(hit, hits[29])) { return; }
    var at = hits.length === 30 ? 29 : hits.length;
    while (at > 0 && ranksBefore(hit, hits[at - 1])) { hits[at] = hits[at - 1]; at -= 1; }
    hits[at] = hit;
    if (hits.length > 30) { hits.length = 30; }
  }

  // MARK: - Showing results

  var shownQuery = null;
  var selected = -1;

  function links() { return results.querySelectorAll("a"); }

  function clear() {
    while (results.firstChild) { results.removeChild(results.firstChild); }
    selected = -1;
    input.removeAttribute("aria-activedescendant");
  }

  function hide() { results.hidden = true; }

  function reveal() { results.hidden = false; }

  function showMessage(text) {
    clear();
    var p = document.createElement("p");
    p.className = "search-message";
    p.textContent = text;
    results.appendChild(p);
    reveal();
  }

  // Appends `text` to `parent` with every occurrence of a term wrapped in <mark>, cut by
  // reader.js's `litbookTermRuns` (loaded in <head>, so before this script).
  function appendMarked(parent, text, terms) {
    var runs = window.litbookTermRuns ? window.litbookTermRuns(text, terms) : [{ text: text, hit: false }];
    runs.forEach(function (run) {
      if (run.hit) {
        var mark = document.createElement("mark");
        mark.textContent = run.text;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(run.text));
      }
    });
  }

  // The part of the entry the snippet comes from: the first with a term in it.
  function snippet(entry, terms) {
    for (var k = 0; k < entry.parts.length; k += 1) {
      var part = entry.parts[k], first = -1;
      terms.forEach(function (t) {
        var i = part.key.indexOf(t);
        if (i !== -1 && (first === -1 || i < first)) { first = i; }
      });
      if (first !== -1) {
        var start = Math.max(0, first - 30), end = Math.min(part.text.length, first + 70);
        var text = part.text.slice(start, end).replace(/\s+/g, " ");
        return { kind: part.kind, text: (start > 0 ? "…" : "") + text + (end < part.text.length ? "…" : "") };
      }
    }
    var head = entry.parts[0];
    return { kind: head.kind, text: head.text.slice(0, 80).replace(/\s+/g, " ") + (head.text.length > 80 ? "…" : "") };
  }

  // The page the result opens, carrying the terms so that the page can highlight them.
  function hrefOf(entry, terms) {
    return entry.page + "?hl=" + encodeURIComponent(terms.join(" ")) + entry.anchor;
  }

  function show(query) {
    var terms = termsOf(query);
    shownQuery = query;
    if (terms.length === 0) { clear(); hide(); return []; }
    var hits = search(query);
    if (hits.length === 0) { showMessage(words.none(query.trim())); return hits; }
    clear();
    var list = document.createElement("ol");
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", words.results);
    hits.forEach(function (hit, n) {
      var entry = hit.entry;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hrefOf(entry, terms);
      link.id = "search-hit-" + n;
      link.setAttribute("role", "option");
      var where = document.createElement("span");
      where.className = "search-where";
      appendMarked(where, entry.heading && entry.heading !== entry.title ? entry.title + " › " + entry.heading : entry.title, terms);
      var found = snippet(entry, terms);
      var text = document.createElement("span");
      text.className = "search-snippet";
      if (found.kind) {
        var kind = document.createElement("span");
        kind.className = "search-kind";
        kind.textContent = found.kind;
        text.appendChild(kind);
      }
      appendMarked(text, found.text, terms);
      link.appendChild(where);
      link.appendChild(text);
      item.appendChild(link);
      list.appendChild(item);
    });
    results.appendChild(list);
    reveal();
    return hits;
  }

  function select(n) {
    var all = links();
    if (all.length === 0) { return; }
    if (selected >= 0 && all[selected]) {
      all[selected].classList.remove("is-selected");
      all[selected].removeAttribute("aria-selected");
    }
    selected = (n + all.length) % all.length;
    var link = all[selected];
    link.classList.add("is-selected");
    link.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", link.id);
    link.scrollIntoView({ block: "nearest" });
  }

  // Enter opens the selected result of what is in the box now, else its first hit: the
  // results are computed again if the list on screen is for an older query.
  function open() {
    var query = input.value;
    withIndex(function () {
      if (shownQuery !== query || results.hidden) { show(query); }
      var all = links();
      var link = all[selected >= 0 ? selected : 0];
      if (link) { window.location.href = link.href; }
    });
  }

  // MARK: - Wiring

  // Each keystroke searches at once: over a 1,000-note index a search takes a few milliseconds,
  // and a delay would only leave a list on screen that belongs to an older query.
  input.addEventListener("input", function () {
    withIndex(function () { show(input.value); });
  });
  input.addEventListener("focus", function () { withIndex(function () { if (input.value) { show(input.value); } }); });
  input.addEventListener("keydown", function (event) {
    // Keys that confirm or move through a pinyin candidate list belong to the input method.
    if (event.isComposing || event.keyCode === 229) { return; }
    if (event.key === "Escape") {
      if (!results.hidden) { hide(); } else { input.value = ""; clear(); input.blur(); }
      event.preventDefault();
    } else if (event.key === "Enter") {
      event.preventDefault();
      open();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      withIndex(function () {
        if (shownQuery !== input.value || results.hidden) { show(input.value); }
        select(selected === -1 ? (event.key === "ArrowDown" ? 0 : -1) : selected + (event.key === "ArrowDown" ? 1 : -1));
      });
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = /^(input|textarea|select)$/i.test(target.tagName || "") || target.isContentEditable;
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) { event.preventDefault(); input.focus(); }
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target)) { hide(); }
  });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    input.focus();
    withIndex(function () { show(query); });
  }
})();
