/* answerbook default theme: the light/dark switch, copy buttons on code blocks, and search.
   Every page works without it; it only adds to what is there. No framework, no network but
   the site's own search files. */
(function () {
  "use strict";
  var doc = document;
  var html = doc.documentElement;
  var script = doc.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var THEME_KEY = "answerbook-theme";

  /* ---- Light / dark: the system's choice until the reader picks one, then theirs. ---- */
  function shownTheme() {
    if (html.dataset.theme) return html.dataset.theme;
    return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function setupThemeToggle() {
    var button = doc.querySelector(".theme-toggle");
    if (!button) return;
    function label() {
      var other = shownTheme() === "dark" ? "light" : "dark";
      button.title = "Switch to the " + other + " theme";
      button.firstChild.textContent = button.title;
      button.setAttribute("aria-pressed", shownTheme() === "dark" ? "true" : "false");
    }
    button.hidden = false;
    label();
    button.addEventListener("click", function () {
      var next = shownTheme() === "dark" ? "light" : "dark";
      html.dataset.theme = next;
      try { localStorage.setItem(THEME_KEY, next); } catch (e) { /* private mode: not kept */ }
      label();
    });
  }

  /* ---- Code blocks: the language, and a button that copies the code. ---- */
  function setupCodeBlocks() {
    var blocks = doc.querySelectorAll(".page .highlight");
    Array.prototype.forEach.call(blocks, function (block) {
      var code = block.querySelector("td.code code, pre > code");
      if (!code) return;
      var tools = doc.createElement("div");
      tools.className = "code-tools";
      var lang = /(?:^|\s)language-([\w+#.-]+)/.exec(block.className);
      if (lang && lang[1] !== "text") {
        var tag = doc.createElement("span");
        tag.className = "code-lang";
        tag.textContent = lang[1];
        tools.appendChild(tag);
      }
      var button = doc.createElement("button");
      button.type = "button";
      button.className = "copy-code";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy the code");
      button.addEventListener("click", function () {
        var text = code.innerText.replace(/\n$/, "");
        var done = function (ok) {
          button.textContent = ok ? "Copied" : "Press Ctrl+C";
          block.dataset.copied = ok ? "yes" : "no";
          setTimeout(function () { button.textContent = "Copy"; }, 1600);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
        } else {
          done(false);
        }
      });
      tools.appendChild(button);
      block.appendChild(tools);
      block.classList.add("has-tools");
    });
  }

  /* ---- The drawer's checkbox answers Enter as well as Space. ---- */
  function setupDrawer() {
    var box = doc.getElementById("nav-drawer");
    if (!box) return;
    box.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { box.checked = !box.checked; e.preventDefault(); }
    });
    doc.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && box.checked) { box.checked = false; box.focus(); }
    });
  }

  /* ---- Search ----
     The index is written at build time under search/: one shard per three-letter start of a
     word (search/t/<key>.json: word -> [doc, fields, doc, fields, ...], doc numbers as
     differences), and what results show of pages, 8 pages a file (search/d/<n>.json holds
     pages 8n to 8n + 7). A query fetches the shards of its words and the files of the
     pages it shows, nothing else. */
  var DOCS_PER_FILE = 8;
  var STOP = {};
  "a an and are as at be but by can do does for from has have how i if in into is it its of on or so than that the their then there these this to was what when where which who why will with you your".split(" ")
    .forEach(function (w) { STOP[w] = true; });
  var TITLE = 1, ANSWER = 2, HEADING = 4, BODY = 8;

  function stem(w) {
    if (w.length > 4 && /ies$/.test(w)) return w.slice(0, -3) + "y";
    if (w.length > 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
    return w;
  }
  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      return w.length > 1 && !STOP[w];
    });
  }
  function shardKey(word) {
    var chars = Array.from(word).slice(0, 3).join("");
    if (/^[a-z0-9]+$/.test(chars)) return chars;
    var bytes = new TextEncoder().encode(chars), hex = "x";
    for (var i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return hex;
  }
  var cache = {};
  function fetchJson(path) {
    if (!cache[path]) {
      cache[path] = fetch(root + "search/" + path).then(function (r) {
        return r.ok ? r.json() : null;
      }).catch(function () { return null; });
    }
    return cache[path];
  }
  function weight(fields) {
    return (fields & TITLE ? 100 : 0) + (fields & ANSWER ? 30 : 0) + (fields & HEADING ? 12 : 0) + (fields & BODY ? 3 : 0);
  }
  /* For one query word: doc -> {score, fields, heading}. A word shorter than three letters is
     matched whole, a longer one as the start of words. */
  function matchWord(word) {
    var key = shardKey(word);
    return fetchJson("t/" + key + ".json").then(function (shard) {
      var hits = {};
      if (!shard) return hits;
      Object.keys(shard).forEach(function (term) {
        var exact = term === word;
        if (!exact && (Array.from(word).length < 3 || term.indexOf(word) !== 0)) return;
        var list = shard[term], doc = 0;
        for (var i = 0; i < list.length; i += 2) {
          doc += list[i];
          var fields = list[i + 1] & 15, heading = (list[i + 1] >> 4) - 1;
          var score = weight(fields) * (exact ? 1.5 : 1);
          var hit = hits[doc];
          if (!hit || hit.score < score) {
            hits[doc] = { score: score, fields: fields, heading: heading };
          }
        }
      });
      return hits;
    });
  }
  function search(query) {
    var terms = words(query).map(stem);
    if (!terms.length) return Promise.resolve([]);
    return Promise.all(terms.map(matchWord)).then(function (perWord) {
      var first = perWord[0], found = [];
      Object.keys(first).forEach(function (doc) {
        var score = 0, heading = -1, fields = 0;
        for (var i = 0; i < perWord.length; i++) {
          var hit = perWord[i][doc];
          if (!hit) return;
          score += hit.score;
          fields |= hit.fields;
          if (hit.heading >= 0 && heading < 0) heading = hit.heading;
        }
        found.push({ doc: +doc, score: score, heading: fields & (TITLE | ANSWER) ? -1 : heading });
      });
      found.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      found = found.slice(0, 8);
      return Promise.all(found.map(function (f) {
        return fetchJson("d/" + Math.floor(f.doc / DOCS_PER_FILE) + ".json").then(function (docs) {
          return docs ? docs[f.doc % DOCS_PER_FILE] : null;
        });
      }))
        .then(function (docs) {
          return found.map(function (f, i) { return { hit: f, page: docs[i] }; })
            .filter(function (r) { return r.page; });
        });
    });
  }
  function escapeHtml(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  function highlight(text, terms) {
    var out = escapeHtml(text);
    if (!terms.length) return out;
    var alternatives = terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var re = new RegExp("(^|[^\\p{L}\\p{N}])(" + alternatives.join("|") + ")", "giu");
    return out.replace(re, "$1<mark>$2</mark>");
  }
  function setupSearch() {
    var box = doc.querySelector(".search");
    if (!box || !window.fetch) return;
    var input = box.querySelector("input");
    var list = box.querySelector("[role=listbox]");
    var active = -1, latest = 0;
    box.hidden = false;

    function options() { return list.querySelectorAll("[role=option]"); }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function select(i) {
      var all = options();
      if (!all.length) return;
      active = (i + all.length) % all.length;
      Array.prototype.forEach.call(all, function (o, j) {
        o.setAttribute("aria-selected", j === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }
    function show(results, terms) {
      list.innerHTML = "";
      active = -1;
      if (!results.length) {
        var none = doc.createElement("li");
        none.className = "no-results";
        none.setAttribute("role", "presentation");
        none.textContent = "No matching questions";
        list.appendChild(none);
      }
      results.forEach(function (r, i) {
        var page = r.page, heading = r.hit.heading >= 0 && page.h ? page.h[r.hit.heading] : null;
        var li = doc.createElement("li");
        li.id = "search-result-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var a = doc.createElement("a");
        a.href = root + page.u + (heading ? "#" + heading[0] : "");
        a.tabIndex = -1;
        var title = page.t + (heading ? " \u203a " + heading[1] : "");
        a.innerHTML = '<span class="result-title">' + highlight(title, terms) + "</span>" +
          (page.a ? '<span class="result-text">' + highlight(page.a, terms) + "</span>" : "");
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    input.addEventListener("input", function () {
      var query = input.value, mine = ++latest;
      if (!words(query).length) { close(); return; }
      search(query).then(function (results) {
        if (mine === latest) show(results, words(query));
      });
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { if (list.hidden) return; select(active + 1); e.preventDefault(); }
      else if (e.key === "ArrowUp") { if (list.hidden) return; select(active - 1); e.preventDefault(); }
      else if (e.key === "Enter") {
        var all = options();
        var pick = all[active >= 0 ? active : 0];
        if (pick && !list.hidden) { window.location.href = pick.querySelector("a").href; e.preventDefault(); }
      } else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    input.addEventListener("focus", function () { if (list.children.length && input.value) { list.hidden = false; input.setAttribute("aria-expanded", "true"); } });
    doc.addEventListener("keydown", function (e) {
      var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { input.focus(); e.preventDefault(); }
    });
  }

  /* ---- Wide tables: each scrolls in its own box; while it overflows, a "Scroll" cue and a
     fading edge on the side that has more. ---- */
  function setupTables() {
    var tables = doc.querySelectorAll(".page table:not(.highlighttable)");
    var boxes = [];
    Array.prototype.forEach.call(tables, function (table) {
      if (table.closest(".highlight")) return;
      var box = doc.createElement("div");
      box.className = "table-box";
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
      table.addEventListener("scroll", function () { mark(box, table); }, { passive: true });
      boxes.push([box, table]);
    });
    function mark(box, table) {
      var over = table.scrollWidth - table.clientWidth > 1;
      box.classList.toggle("overflows", over);
      box.classList.toggle("at-end", over && table.scrollLeft + table.clientWidth >= table.scrollWidth - 1);
    }
    function all() { boxes.forEach(function (b) { mark(b[0], b[1]); }); }
    if (boxes.length) { all(); window.addEventListener("resize", all); }
  }

  /* ---- Table of contents: the section being read is marked while scrolling. ---- */
  function setupTocHighlight() {
    var links = doc.querySelectorAll(".toc a[href^='#']");
    if (!links.length || !("IntersectionObserver" in window)) return;
    var items = [];
    Array.prototype.forEach.call(links, function (a) {
      var target = doc.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
      if (target) items.push([target, a]);
    });
    if (!items.length) return;
    var shown = null;
    function update() {
      var line = window.innerHeight * 0.25, current = items[0];
      items.forEach(function (item) { if (item[0].getBoundingClientRect().top <= line) current = item; });
      if (window.innerHeight + window.scrollY >= doc.documentElement.scrollHeight - 2) current = items[items.length - 1];
      if (shown === current[1]) return;
      if (shown) { shown.classList.remove("active"); shown.removeAttribute("aria-current"); }
      shown = current[1];
      shown.classList.add("active");
      shown.setAttribute("aria-current", "location");
    }
    var observer = new IntersectionObserver(update, { rootMargin: "0px 0px -75% 0px" });
    items.forEach(function (item) { observer.observe(item[0]); });
    window.addEventListener("scroll", update, { passive: true });
    update();
  }

  function start() {
    setupThemeToggle();
    setupCodeBlocks();
    setupTables();
    setupTocHighlight();
    setupDrawer();
    setupSearch();
  }
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
  else start();
})();
