#!/usr/bin/env python3
"""Checks the default theme in headless Chromium, as a reader uses it.

    check_reader.py ANSWERBOOK_BINARY

Builds tests/fixtures/navigation under the sub-path /kb/ (and tests/fixtures/related under
/rel/: related questions, a wide table, a table of contents) in a temporary folder, serves it
with Python's http.server, and opens a harness page (written into the served folder) that
loads the site's pages in an iframe and drives them: typing a query and pressing Enter,
the sidebar's mark, previous/next, the copy button, the theme switch across a reload,
horizontal overflow at 390 px, the home page's cards as links, related questions, a wide
table scrolling in its own box, the table of contents marking the section scrolled to, and
script errors. Chromium prints the harness's findings
with --dump-dom; this script checks them and exits 1 on any failure. Standard library only.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "fixtures", "navigation")
RELATED = os.path.join(HERE, "..", "fixtures", "related")

HARNESS = r"""<!doctype html>
<html><head><meta charset="utf-8"><title>harness</title></head>
<body>
<iframe id="f" style="width:1280px;height:800px;border:0"></iframe>
<pre id="result"></pre>
<script>
const frame = document.getElementById("f");
const out = {errors: []};
function load(url, width) {
  frame.style.width = (width || 1280) + "px";
  return new Promise((resolve) => {
    frame.onload = () => {
      const w = frame.contentWindow;
      w.addEventListener("error", (e) => out.errors.push(String(e.message)));
      resolve(w);
    };
    frame.src = url;
  });
}
// Waits for a rendered frame, or 100 ms when none comes, and then 50 ms between tries: under
// --virtual-time-budget, timers alone can run ahead of rendering (scrolling and
// IntersectionObserver callbacks happen only when a frame is rendered), and a frame asked
// for is sometimes never rendered, so neither wait is enough alone.
const frameThen = (ms) => new Promise((r) => {
  let done = false;
  const go = () => { if (!done) { done = true; setTimeout(r, ms); } };
  requestAnimationFrame(go);
  setTimeout(go, 100);
});
async function until(test, what) {
  for (let i = 0; i < 100; i++) {
    const v = test();
    if (v) return v;
    await frameThen(50);
  }
  throw new Error("timed out waiting for " + what);
}
function key(el, k) {
  el.dispatchEvent(new KeyboardEvent("keydown", {key: k, bubbles: true, cancelable: true}));
}
async function run() {
  // Search: "/" focuses the box; typing shows results; Enter opens the first.
  let w = await load("/kb/knots/what-is-a-bowline/");
  let d = w.document;
  key(d.body, "/");
  const input = d.getElementById("search-input");
  out.focused = d.activeElement === input;
  input.value = "rop";
  input.dispatchEvent(new Event("input", {bubbles: true}));
  await until(() => d.querySelectorAll("#search-results [role=option]").length, "results");
  out.results = Array.from(d.querySelectorAll("#search-results [role=option] .result-title"))
    .map((e) => e.textContent);
  out.marked = Array.from(d.querySelectorAll("#search-results mark")).map((e) => e.textContent);
  out.expanded = input.getAttribute("aria-expanded");
  key(input, "ArrowDown");
  out.activedescendant = input.getAttribute("aria-activedescendant");
  const navigated = new Promise((r) => { frame.onload = r; });
  key(input, "Enter");
  await navigated;
  out.after_enter = frame.contentWindow.location.pathname;

  // A heading is a result of its own, with its anchor.
  w = await load("/kb/");
  d = w.document;
  const box = d.getElementById("search-input");
  box.value = "untying";
  box.dispatchEvent(new Event("input", {bubbles: true}));
  await until(() => d.querySelectorAll("#search-results [role=option]").length, "heading result");
  const link = new URL(d.querySelector("#search-results a").href);
  out.heading_href = link.pathname + link.hash;

  // The sidebar marks the page shown; previous/next lead to the neighbours.
  w = await load("/kb/knots/what-is-a-bowline/");
  d = w.document;
  out.current = Array.from(d.querySelectorAll(".sidebar [aria-current=page]")).map((e) => e.textContent);
  out.h1 = d.querySelector("h1").textContent;
  out.prev = new URL(d.querySelector("a[rel=prev]").href).pathname;
  out.next = new URL(d.querySelector("a[rel=next]").href).pathname;

  // The copy button's handler runs (the clipboard itself may be refused headless).
  w = await load("/kb/knots/which-knot-holds-a-boat/");
  d = w.document;
  const copy = d.querySelector(".copy-code");
  out.copy_label = d.querySelector(".code-lang") && d.querySelector(".code-lang").textContent;
  copy.click();
  out.copied = await until(() => d.querySelector(".highlight").dataset.copied, "copy handler");

  // The theme switch: flips the theme and is remembered across a reload.
  const before = w.getComputedStyle(d.documentElement).getPropertyValue("--bg").trim();
  d.querySelector(".theme-toggle").click();
  out.theme_set = d.documentElement.dataset.theme;
  out.bg_changed = w.getComputedStyle(d.documentElement).getPropertyValue("--bg").trim() !== before;
  w = await load("/kb/knots/which-knot-holds-a-boat/");
  out.theme_after_reload = w.document.documentElement.dataset.theme;
  w.localStorage.removeItem("answerbook-theme");

  // The home page's cards: one link each, named by the title, and a click anywhere on the
  // card (here its bottom right corner, away from the title) follows it.
  w = await load("/kb/");
  d = w.document;
  const card = d.querySelector(".section-list li");
  out.card_links = card.querySelectorAll("a").length;
  out.card_name = card.querySelector("a").textContent;
  const r = card.getBoundingClientRect();
  const hit = d.elementFromPoint(r.right - 4, r.bottom - 4);
  out.card_hit = hit && hit.closest("a") ? hit.closest("a").textContent : (hit && hit.tagName);
  let went;
  if (hit && hit.closest("a")) {
    went = new Promise((res) => { frame.onload = res; });
    hit.closest("a").click();
    await went;
    out.card_opened = frame.contentWindow.location.pathname;
  }

  // Related questions lead to their pages.
  w = await load("/rel/kettles/descale/");
  d = w.document;
  out.related = Array.from(d.querySelectorAll("nav.related a")).map((a) => a.textContent);
  went = new Promise((res) => { frame.onload = res; });
  d.querySelectorAll("nav.related a")[1].click();
  await went;
  out.related_opened = frame.contentWindow.location.pathname;
  out.related_h1 = frame.contentWindow.document.querySelector("h1").textContent;

  // The table of contents marks the section being read, and the mark moves on scrolling.
  w = await load("/rel/kettles/descale/");
  d = w.document;
  const active = () => { const a = d.querySelector(".toc a.active"); return a && a.getAttribute("href"); };
  out.toc_at_top = await until(active, "a marked TOC entry");
  d.getElementById("afterwards").scrollIntoView();
  // The scroll event a reader's scrolling fires; headless Chromium under virtual time does
  // not always render the frame that would fire it.
  w.dispatchEvent(new Event("scroll"));
  out.toc_after_scroll = await until(() => active() !== out.toc_at_top && active(), "the mark to move");
  out.toc_current_attr = d.querySelector(".toc a.active").getAttribute("aria-current");

  // A wide table scrolls in its own box on a phone, with the cue, and the page does not.
  w = await load("/rel/kettles/descale/", 390);
  d = w.document;
  const table = d.querySelector(".page table");
  const tbox = table.parentElement;
  out.table_box = tbox.className;
  out.table_scrolls = table.scrollWidth > table.clientWidth;
  table.scrollLeft = 60;
  out.table_scrolled = table.scrollLeft > 0;
  out.table_cue = w.getComputedStyle(tbox, "::before").content;
  const root = d.documentElement;
  out.table_page_overflow = root.scrollWidth - root.clientWidth;
  w = await load("/rel/kettles/descale/", 1280);
  out.table_box_wide = w.document.querySelector(".page table").parentElement.className;

  // No horizontal overflow on a phone.
  out.overflow = {};
  for (const path of ["/kb/", "/kb/knots/", "/kb/knots/which-knot-holds-a-boat/", "/rel/kettles/descale/"]) {
    w = await load(path, 390);
    const e = w.document.documentElement;
    out.overflow[path] = e.scrollWidth - e.clientWidth;
  }
}
run().catch((e) => { out.failure = String(e && e.stack || e); })
  .finally(() => { document.getElementById("result").textContent = JSON.stringify(out); });
</script>
</body></html>
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    binary = os.path.abspath(sys.argv[1])
    failures = []
    with tempfile.TemporaryDirectory(prefix="answerbook-browser-") as tmp:
        site = os.path.join(tmp, "site")
        shutil.copytree(FIXTURE, site)
        served = os.path.join(tmp, "www")
        subprocess.run(
            [binary, "build", site, "-o", os.path.join(served, "kb"), "--base-url", "/kb/"],
            check=True, stdout=subprocess.DEVNULL)
        related = os.path.join(tmp, "related")
        shutil.copytree(RELATED, related)
        subprocess.run(
            [binary, "build", related, "-o", os.path.join(served, "rel"), "--base-url", "/rel/"],
            check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(served, "harness.html"), "w") as f:
            f.write(HARNESS)
        port = free_port()
        handler = partial(QuietHandler, directory=served)
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            dom = subprocess.run(
                ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                 f"--user-data-dir={os.path.join(tmp, 'profile')}",
                 "--virtual-time-budget=30000", "--dump-dom",
                 f"http://127.0.0.1:{port}/harness.html"],
                capture_output=True, text=True, timeout=120).stdout
        finally:
            server.shutdown()
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    if not found or not found.group(1):
        print("browser: the harness printed nothing", file=sys.stderr)
        return 1
    out = json.loads(found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))

    def expect(name, ok, got):
        print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": got {got!r}"))
        if not ok:
            failures.append(name)

    expect("no harness failure", "failure" not in out, out.get("failure"))
    expect("'/' focuses the search box", out.get("focused") is True, out.get("focused"))
    results = out.get("results") or []
    expect("'rop' ranks a title above a short answer above the text", results == [
        "Is nylon rope stretchy?", "What is a bowline?", "Which knot holds a boat to a post?"],
        results)
    expect("the matching word is highlighted", "rop" in [m.lower() for m in out.get("marked", [])],
           out.get("marked"))
    expect("the combobox says it is expanded", out.get("expanded") == "true", out.get("expanded"))
    expect("ArrowDown selects an option", out.get("activedescendant") == "search-result-0",
           out.get("activedescendant"))
    expect("Enter opens the selected result",
           out.get("after_enter") == "/kb/ropes/is-nylon-rope-stretchy/", out.get("after_enter"))
    expect("a heading is a result with its anchor",
           out.get("heading_href") == "/kb/knots/which-knot-holds-a-boat/#untying-it",
           out.get("heading_href"))
    expect("the sidebar marks the page shown", out.get("current") == [out.get("h1")],
           (out.get("current"), out.get("h1")))
    expect("previous leads to the question before",
           out.get("prev") == "/kb/knots/how-do-i-tie-a-reef-knot/", out.get("prev"))
    expect("next leads to the question after",
           out.get("next") == "/kb/knots/which-knot-holds-a-boat/", out.get("next"))
    expect("code blocks say their language", out.get("copy_label") == "python", out.get("copy_label"))
    expect("the copy button's handler runs", out.get("copied") in ("yes", "no"), out.get("copied"))
    expect("the switch sets a theme", out.get("theme_set") in ("light", "dark"), out.get("theme_set"))
    expect("the switch changes the colours", out.get("bg_changed") is True, out.get("bg_changed"))
    expect("the theme is kept across a reload",
           out.get("theme_after_reload") == out.get("theme_set"), out.get("theme_after_reload"))
    expect("a home card holds one link", out.get("card_links") == 1, out.get("card_links"))
    expect("the card's link is named by its title", out.get("card_name") == "Knots", out.get("card_name"))
    expect("a click on the card's corner lands on its link", out.get("card_hit") == "Knots",
           out.get("card_hit"))
    expect("the card's link opens its section", out.get("card_opened") == "/kb/knots/",
           out.get("card_opened"))
    expect("related questions are shown in rank order", out.get("related") == [
        "Why did my kettle boil dry?", "Are cup stains harmful?",
        "What does the kettle filter catch?", "Why do my cups chip?",
        "Why does my kettle whistle?"], out.get("related"))
    expect("a related question's link opens it",
           (out.get("related_opened"), out.get("related_h1"))
           == ("/rel/cups/stains/", "Are cup stains harmful?"),
           (out.get("related_opened"), out.get("related_h1")))
    expect("the table of contents marks the first section at the top",
           out.get("toc_at_top") == "#how-hard-is-my-water", out.get("toc_at_top"))
    expect("the mark moves to the section scrolled to",
           out.get("toc_after_scroll") == "#afterwards", out.get("toc_after_scroll"))
    expect("the marked entry says it is the current location",
           out.get("toc_current_attr") == "location", out.get("toc_current_attr"))
    expect("a wide table is boxed and marked as overflowing at 390 px",
           "table-box" in (out.get("table_box") or "") and "overflows" in out.get("table_box", ""),
           out.get("table_box"))
    expect("the wide table scrolls inside its box",
           out.get("table_scrolls") is True and out.get("table_scrolled") is True,
           (out.get("table_scrolls"), out.get("table_scrolled")))
    expect("the scroll cue shows while it overflows", "Scroll" in (out.get("table_cue") or ""),
           out.get("table_cue"))
    expect("the page itself does not scroll sideways", out.get("table_page_overflow") == 0,
           out.get("table_page_overflow"))
    expect("no cue where the table fits (1280 px)", "overflows" not in (out.get("table_box_wide") or "x overflows"),
           out.get("table_box_wide"))
    for path, extra in (out.get("overflow") or {"(none)": None}).items():
        expect(f"no horizontal overflow at 390 px on {path}", extra == 0, extra)
    expect("no script errors", out.get("errors") == [], out.get("errors"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
