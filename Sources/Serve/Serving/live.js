// litbook serve: reloads this page when it changes, keeps its scroll position, shows a banner while notes run.
(function () {
  "use strict";
  var page = decodeURIComponent(location.pathname.replace(/^\//, ""));
  if (page === "" || page.slice(-1) === "/") page += "index.html";
  var scrollKey = "litbook-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    var y = Number(saved);
    window.addEventListener("load", function () { window.scrollTo(0, y); });
    window.scrollTo(0, y);
  }

  var banner = document.createElement("div");
  banner.id = "litbook-running";
  banner.setAttribute("role", "status");
  banner.hidden = true;
  banner.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:1000;padding:4px 12px;" +
    "font:13px/1.4 system-ui,sans-serif;background:#fff3c4;color:#5c4400;border-bottom:1px solid #e0c860;text-align:center";
  document.addEventListener("DOMContentLoaded", function () { document.body.appendChild(banner); });

  var events = new EventSource("/_litbook/events");
  events.addEventListener("running", function (event) {
    var notes = JSON.parse(event.data);
    banner.hidden = notes.length === 0;
    banner.textContent = notes.length === 0 ? "" : "running… " + notes.join(", ");
  });
  events.addEventListener("reload", function (event) {
    var pages = JSON.parse(event.data);
    if (pages.indexOf(page) < 0) return;
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  });
})();
