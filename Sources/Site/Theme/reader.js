// litbook reading aids: theme switch, copy buttons, scrollspy, ←/→ between notes, search terms highlighted, folds opened for print.
// Loaded in <head>, before the stylesheet paints: the remembered theme is set on <html> at once
// (no flash of the wrong theme); everything else waits for the document.
(function () {
  "use strict";
  var root = document.documentElement;
  // The page's own words follow its language, as the pages do: Chinese for zh, English otherwise.
  var chinese = /^zh(-|$)/i.test(root.lang || "");
  var words = chinese
    ? { system: "跟随系统", light: "浅色", dark: "深色", theme: "主题：", switchHint: "（点击切换）", copy: "复制",
        copyCode: "复制代码", copyOutput: "复制输出", copied: "已复制", copyFailed: "复制失败" }
    : { system: "system", light: "light", dark: "dark", theme: "Theme: ", switchHint: " (click to change)",
        copy: "Copy", copyCode: "Copy the code", copyOutput: "Copy the output", copied: "Copied",
        copyFailed: "Copy failed" };

  // MARK: - Theme: system, light or dark, remembered across pages

  var themeKey = "litbook-theme";
  var themeNames = { system: words.system, light: words.light, dark: words.dark };
  var themeOrder = ["system", "light", "dark"];

  function storedTheme() {
    try {
      var t = window.localStorage.getItem(themeKey);
      return t === "light" || t === "dark" ? t : "system";
    } catch (e) { return "system"; }
  }

  // The stylesheet's light-dark() colours follow the page's colour scheme, which the
  // <meta name="color-scheme"> sets; a chosen theme narrows it to that one scheme.
  var schemeMeta = document.querySelector("meta[name=color-scheme]");

  function setTheme(theme) {
    if (theme === "system") { root.removeAttribute("data-theme"); } else { root.setAttribute("data-theme", theme); }
    if (schemeMeta) { schemeMeta.setAttribute("content", theme === "system" ? "light dark" : theme); }
  }

  if (storedTheme() !== "system") { setTheme(storedTheme()); }

  // `text` cut into runs in order, each `{text, hit}`, `hit` when the run is one of `terms`
  // (lower-case). Matching ignores case; text whose lower-case form has another length is
  // matched, and returned, in lower case. search.js marks its results with it too.
  function termRuns(text, terms) {
    var lower = text.toLowerCase();
    if (lower.length !== text.length) { text = lower; }
    var runs = [], at = 0;
    while (at < text.length) {
      var best = -1, length = 0;
      for (var k = 0; k < terms.length; k += 1) {
        var i = lower.indexOf(terms[k], at);
        if (i !== -1 && (best === -1 || i < best)) { best = i; length = terms[k].length; }
      }
      if (best === -1) { break; }
      if (best > at) { runs.push({ text: text.slice(at, best), hit: false }); }
      runs.push({ text: text.slice(best, best + length), hit: true });
      at = best + length;
    }
    if (at < text.length) { runs.push({ text: text.slice(at), hit: false }); }
    return runs;
  }
  window.litbookTermRuns = termRuns;

  function start() {
    var toggle = document.getElementById("theme-toggle");

    function applyTheme(theme) {
      setTheme(theme);
      if (toggle) {
        toggle.textContent = "";
        var prefix = document.createElement("span");
        prefix.className = "theme-prefix";  // hidden on phones, where the header is narrow
        prefix.textContent = words.theme;
        toggle.appendChild(prefix);
        toggle.appendChild(document.createTextNode(themeNames[theme]));
        toggle.setAttribute("aria-label", words.theme + themeNames[theme] + words.switchHint);
        toggle.setAttribute("data-theme-choice", theme);
      }
    }

    if (toggle) {
      var current = storedTheme();
      toggle.hidden = false;
      applyTheme(current);
      toggle.addEventListener("click", function () {
        var next = themeOrder[(themeOrder.indexOf(current) + 1) % themeOrder.length];
        current = next;
        try {
          if (next === "system") { window.localStorage.removeItem(themeKey); } else { window.localStorage.setItem(themeKey, next); }
        } catch (e) { /* storage off: the choice lasts for this page only */ }
        applyTheme(next);
      });
    }

    // MARK: - Copy buttons on code and outputs

    function copyText(text, done) {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text, done); });
      } else {
        fallbackCopy(text, done);
      }
    }

    function fallbackCopy(text, done) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      done(ok);
    }

    var blocks = document.querySelectorAll(".cell pre.code, .cell pre.output-text");
    Array.prototype.forEach.call(blocks, function (pre) {
      var wrapper = document.createElement("div");
      wrapper.className = "copyable";
      pre.parentNode.insertBefore(wrapper, pre);
      wrapper.appendChild(pre);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      var label = pre.classList.contains("code") ? words.copyCode : words.copyOutput;
      button.textContent = words.copy;
      button.setAttribute("aria-label", label);
      button.addEventListener("click", function () {
        copyText(pre.textContent, function (ok) {
          button.textContent = ok === false ? words.copyFailed : words.copied;
          setTimeout(function () { button.textContent = words.copy; }, 1500);
        });
      });
      wrapper.appendChild(button);
    });

    // MARK: - Scrollspy: the section in view is marked in the contents

    var navLinks = document.querySelectorAll(".nav-headings a");
    var targets = [];
    Array.prototype.forEach.call(navLinks, function (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var heading = document.getElementById(id);
      if (heading && targets.indexOf(heading) === -1) { targets.push(heading); }
    });

    var activeId = null;
    function markSection() {
      var header = document.querySelector(".site-header");
      var line = (header ? header.getBoundingClientRect().bottom : 0) + 24;
      var current = null;
      for (var i = 0; i < targets.length; i += 1) {
        if (targets[i].getBoundingClientRect().top <= line) { current = targets[i]; } else { break; }
      }
      // At the end of the page the last sections cannot reach the top: the last one in view is current.
      var atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      if (atEnd) {
        for (var j = targets.length - 1; j >= 0; j -= 1) {
          if (targets[j].getBoundingClientRect().top < window.innerHeight) { current = targets[j]; break; }
        }
      }
      var id = current ? current.id : null;
      if (id === activeId) { return; }
      activeId = id;
      Array.prototype.forEach.call(navLinks, function (link) {
        var on = id !== null && decodeURIComponent(link.getAttribute("href").slice(1)) === id;
        link.classList.toggle("is-active", on);
        if (on) { link.setAttribute("aria-current", "location"); } else { link.removeAttribute("aria-current"); }
      });
    }

    if (targets.length > 0) {
      var pending = false;
      window.addEventListener("scroll", function () {
        if (pending) { return; }
        pending = true;
        window.requestAnimationFrame(function () { pending = false; markSection(); });
      }, { passive: true });
      window.addEventListener("hashchange", markSection);
      markSection();
    }

    // MARK: - ← and → go to the previous and next note

    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) { return; }
      var target = event.target;
      if (/^(input|textarea|select|button)$/i.test(target.tagName || "") || target.isContentEditable) { return; }
      var rel = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : null;
      if (!rel) { return; }
      var link = document.querySelector(".pager a[rel=\"" + rel + "\"]");
      if (link) { event.preventDefault(); window.location.href = link.href; }
    });

    // MARK: - Search terms highlighted on the page a result opened

    var marks = [];
    function highlight(terms) {
      var article = document.querySelector("main article") || document.querySelector("main");
      if (!article || terms.length === 0) { return; }
      var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          var parent = node.parentNode;
          if (!parent || /^(script|style|mark|svg|button)$/i.test(parent.nodeName) || parent.closest("svg")) { return NodeFilter.FILTER_REJECT; }
          return node.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
        }
      });
      var nodes = [];
      while (walker.nextNode()) { nodes.push(walker.currentNode); }
      nodes.forEach(function (node) {
        var text = node.nodeValue;
        if (text.toLowerCase().length !== text.length) { return; }  // the page's text stays as written
        var runs = termRuns(text, terms);
        if (!runs.some(function (run) { return run.hit; })) { return; }
        var pieces = runs.map(function (run) {
          if (!run.hit) { return document.createTextNode(run.text); }
          var mark = document.createElement("mark");
          mark.className = "search-hit";
          mark.textContent = run.text;
          marks.push(mark);
          return mark;
        });
        var parent = node.parentNode;
        pieces.forEach(function (piece) { parent.insertBefore(piece, node); });
        parent.removeChild(node);
        // A hit inside folded code opens the fold, so the reader sees it.
        var fold = parent.closest("details");
        if (fold) { fold.open = true; }
      });
    }

    function clearHighlight() {
      marks.forEach(function (mark) {
        var parent = mark.parentNode;
        if (!parent) { return; }
        parent.replaceChild(document.createTextNode(mark.textContent), mark);
        parent.normalize();
      });
      marks = [];
      var params = new URLSearchParams(window.location.search);
      if (params.has("hl") && window.history.replaceState) {
        params.delete("hl");
        var rest = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (rest ? "?" + rest : "") + window.location.hash);
      }
    }

    var hl = new URLSearchParams(window.location.search).get("hl");
    if (hl) {
      highlight(hl.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; }));
      if (marks.length > 0) {
        document.addEventListener("click", function once() {
          document.removeEventListener("click", once);
          clearHighlight();
        });
        if (!window.location.hash) { marks[0].scrollIntoView({ block: "center" }); }
      }
    }

    // MARK: - Printing shows folded code

    var openedForPrint = [];
    window.addEventListener("beforeprint", function () {
      Array.prototype.forEach.call(document.querySelectorAll("details.cell-fold:not([open])"), function (fold) {
        fold.open = true;
        openedForPrint.push(fold);
      });
    });
    window.addEventListener("afterprint", function () {
      openedForPrint.splice(0).forEach(function (fold) { fold.open = false; });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
