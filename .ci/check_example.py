#!/usr/bin/env python3
"""Builds one real-world page in a temporary site and checks what answerbook published.

usage: check_example.py PAGE.md ANSWERBOOK_BINARY

The page is placed where the bundled knowledge base has its own version
(content/python-async/), next to stand-ins for the two pages its See also links name,
so that every link must resolve. Checked: exit code 0 with --strict, exactly one FAQPage
JSON-LD block whose question is the page title and whose answer is the page's "In short"
text, the title/description/meta tags, the admonition markup and the rewritten links.
"""
import html.parser
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.jsonld, self.metas, self.links, self.classes = [], {}, [], []
        self.title, self._in = "", None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in, self._buf = "script", ""
        elif tag == "title":
            self._in, self._buf = "title", ""
        elif tag == "meta" and "name" in a:
            self.metas[a["name"]] = a.get("content")
        elif tag == "a" and "href" in a:
            self.links.append(a["href"])
        if "class" in a:
            self.classes.append((tag, a["class"]))

    def handle_data(self, data):
        if self._in:
            self._buf += data

    def handle_endtag(self, tag):
        if self._in == "script" and tag == "script":
            self.jsonld.append(json.loads(self._buf))
            self._in = None
        elif self._in == "title" and tag == "title":
            self.title, self._in = self._buf, None


def fail(msg):
    sys.exit(f"check_example: FAIL: {msg}")


def main():
    page_md, binary = pathlib.Path(sys.argv[1]), os.path.abspath(sys.argv[2])
    text = page_md.read_text(encoding="utf-8")
    title = re.search(r'^title:\s*"?(.*?)"?\s*$', text, re.M).group(1)
    with tempfile.TemporaryDirectory() as tmp:
        site = pathlib.Path(tmp)
        (site / "content/python-async").mkdir(parents=True)
        (site / "content/python-lists").mkdir(parents=True)
        (site / "content/python-async" / page_md.name).write_text(text, encoding="utf-8")
        (site / "content/python-lists/how-to-iterate-over-a-list.md").write_text("# Iterate\n")
        (site / "content/python-async/how-to-await-multiple-async-tasks-in-python.md").write_text("# Await\n")
        run = subprocess.run([binary, "build", str(site), "--strict"], capture_output=True, text=True)
        print(run.stdout + run.stderr, end="")
        if run.returncode != 0:
            fail(f"build exited {run.returncode}")
        out = site / "public/python-async" / page_md.stem / "index.html"
        doc = Page()
        doc.feed(out.read_text(encoding="utf-8"))

    # A block is one node or an @graph of nodes; @type may be a list.
    def nodes(block):
        return block.get("@graph", [block]) if isinstance(block, dict) else []

    def typed(node, kind):
        t = node.get("@type")
        return t == kind or (isinstance(t, list) and kind in t)

    faqs = [n for d in doc.jsonld for n in nodes(d) if typed(n, "FAQPage")]
    if len(faqs) != 1:
        fail(f"expected exactly one FAQPage, found {len(faqs)}")
    question = faqs[0]["mainEntity"][0]
    if question["name"] != title:
        fail(f"FAQPage question is {question['name']!r}, expected the title {title!r}")
    answer = question["acceptedAnswer"]["text"]
    short = re.search(r'!!! info "In short"\n((?:    .*\n)+)', text).group(1)
    first_words = " ".join(short.split()[:6]).replace("`", "")
    if not answer.startswith(first_words):
        fail(f"answer {answer[:80]!r} is not the In short text ({first_words!r}...)")
    if not doc.title.startswith(title):
        fail(f"<title> is {doc.title!r}")
    for name in ("description", "robots", "keywords", "Publisher"):
        if not doc.metas.get(name):
            fail(f"missing <meta name={name}>")
    if ("div", "admonition info") not in doc.classes:
        fail("the In short admonition was not rendered as <div class='admonition info'>")
    for href in ("../../python-lists/how-to-iterate-over-a-list/", "../how-to-await-multiple-async-tasks-in-python/"):
        if href not in doc.links:
            fail(f"See also link {href} not found; links: {doc.links}")
    if any(h.endswith(".md") for h in doc.links):
        fail("a .md link was left unresolved")
    print(f"check_example: OK: one FAQPage for {title!r}, answer {len(answer)} chars, links resolved")


if __name__ == "__main__":
    main()
