#!/usr/bin/env python3
"""Builds a real MkDocs project (Material for MkDocs' own documentation) with answerbook and
checks what it published.

usage: check_mkdocs_corpus.py CORPUS_DIR ANSWERBOOK_BINARY

CORPUS_DIR holds mkdocs.yml and its docs_dir; it is read-only, so it is copied into a
temporary folder first. Checked:

- `answerbook build` exits 0;
- every source page has its output page: docs/a/b.md -> a/b/index.html, docs/a/index.md (or a
  README.md standing in for it) -> a/index.html;
- no admonition (`!!!`), details (`???`) or content-tab (`===`) marker is left as literal text
  outside <code>/<pre> in any output page: a marker at the start of a line of text means the
  block was not recognised;
- no page shows answerbook's internal placeholders (`<!--answerbook:...-->`) as text, and no
  page closes a <div> or <details> it did not open: either means a block's markup went astray
  (e.g. into a code block).

The broken-link warnings answerbook reports are printed (they do not fail the check: the
corpus links to anchors that Material's hooks and plugins generate). Python 3.11 stdlib only.
"""
import html.parser
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

# A block marker at the start of a line: `!!! note`, `???+ tip`, `=== "Tab"`.
MARKER = re.compile(r"^[ \t]*(!!!|\?\?\?\+?|===\+?)(?=[ \t]|$)", re.M)
# Elements whose text is not prose.
LITERAL = {"code", "pre", "script", "style", "textarea"}


# Elements that must be closed as often as they are opened.
BALANCED = ("div", "details")


class Prose(html.parser.HTMLParser):
    """Collects the markers found in the text of a page outside code, placeholders shown as
    text anywhere, and closing tags without an opening one."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found = []
        self.leaks = []
        self.open = {tag: 0 for tag in BALANCED}
        self.stray = []

    def handle_starttag(self, tag, attrs):
        if tag in LITERAL:
            self.depth += 1
        if tag in BALANCED:
            self.open[tag] += 1

    def handle_endtag(self, tag):
        if tag in LITERAL and self.depth > 0:
            self.depth -= 1
        if tag in BALANCED:
            if self.open[tag] == 0:
                self.stray.append(f"</{tag}> at line {self.getpos()[0]}")
            else:
                self.open[tag] -= 1

    def handle_data(self, data):
        if "<!--answerbook:" in data:
            self.leaks.append(data[data.find("<!--answerbook:"):][:40])
        if self.depth == 0:
            for m in MARKER.finditer(data):
                line_end = data.find("\n", m.start())
                text = data[m.start() : line_end if line_end >= 0 else len(data)].strip()
                self.found.append(text[:70])


def docs_dir_of(project):
    """`docs_dir` of mkdocs.yml, read with a regex (no YAML parser in the stdlib)."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    m = re.search(r"^docs_dir:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(#.*)?$", text, re.M)
    return m.group(1) if m else "docs"


def expected_output(rel, siblings):
    """The output file of the source page at `rel` (a PurePosixPath under docs_dir)."""
    folder = rel.parent
    if rel.name == "index.md" or (rel.name == "README.md" and "index.md" not in siblings):
        return folder / "index.html"
    if rel.name == "README.md":
        return None  # left out: the folder's index.md is its page, as in MkDocs
    return folder / rel.stem / "index.html"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpus, binary = pathlib.Path(sys.argv[1]), os.path.abspath(sys.argv[2])
    problems = []
    with tempfile.TemporaryDirectory(prefix="answerbook-mkdocs-") as tmp:
        project = pathlib.Path(tmp) / "project"
        shutil.copytree(corpus, project)
        run = subprocess.run([binary, "build", str(project)], capture_output=True, text=True)
        broken = [l for l in run.stderr.splitlines() if "warning: broken link" in l]
        others = [l for l in run.stderr.splitlines() if l not in broken]
        print(run.stdout, end="")
        for line in others:
            print(line)
        if run.returncode != 0:
            sys.exit(f"check_mkdocs_corpus: FAIL: build exited {run.returncode}")

        docs = project / docs_dir_of(project)
        out = project / "public"
        sources = sorted(p.relative_to(docs) for p in docs.rglob("*.md")
                         if not any(part.startswith(".") for part in p.relative_to(docs).parts))
        marker_pages = []
        for rel in sources:
            rel = pathlib.PurePosixPath(rel.as_posix())
            siblings = {p.name for p in (docs / rel.parent).iterdir()}
            target = expected_output(rel, siblings)
            if target is None:
                continue
            page = out / target
            if not page.is_file():
                problems.append(f"{rel}: no output page {target}")
                continue
            prose = Prose()
            prose.feed(page.read_text(encoding="utf-8"))
            if prose.found:
                marker_pages.append((rel, prose.found))
            if prose.leaks:
                problems.append(f"{rel}: {len(prose.leaks)} internal placeholder(s) shown as text, "
                                f"first: {prose.leaks[0]!r}")
            if prose.stray:
                problems.append(f"{rel}: {len(prose.stray)} closing tag(s) without an opening one, "
                                f"first: {prose.stray[0]}")

    print(f"\n{len(broken)} broken-link warning(s):")
    for line in broken:
        print(f"  {line}")
    for rel, found in marker_pages:
        kinds = sorted({f.split()[0].rstrip("+") for f in found})
        problems.append(f"{rel}: {len(found)} marker(s) left as text ({', '.join(kinds)}), "
                        f"first: {found[0]!r}")
    if problems:
        print(f"\ncheck_mkdocs_corpus: FAIL: {len(problems)} problem(s) in {len(sources)} pages:")
        for p in problems:
            print(f"  {p}")
        sys.exit(1)
    print(f"\ncheck_mkdocs_corpus: OK: {len(sources)} pages built, each with its output page, "
          f"no block markers left as text, no block markup astray")


if __name__ == "__main__":
    main()
