#!/usr/bin/env python3
"""Write a synthetic Q&A knowledge base for benchmarking answerbook.

    gen_pages.py --pages N --out DIR [--seed S]

Creates DIR/content/topic-XXX/<slug>.md: ceil(N/50) folders of (up to) 50
pages each.  Every page is a 3-4 KB Markdown answer to a Python question:

  * YAML front matter: quoted title and description, a `meta:` list of
    name/content pairs (robots, keywords, Publisher), an unquoted `date`
    and a quoted `updated`;
  * an H1, a `<!-- more -->` marker and an `!!! info "In short"` admonition;
  * prose paragraphs around a fenced Python block of 15-25 lines;
  * a `## Gotchas` bullet list;
  * a `## See also` list with one link to a page of the same folder, one to a
    page of another folder (`../topic-XXX/slug.md`) and one external link;
  * roughly one page in five carries one extra block: a `!!! warning`
    admonition of two paragraphs, a small table, or a `???+ note "Details"`
    block.

All relative links resolve to generated pages.  The output depends only on
--pages and --seed (byte for byte).  Standard library only.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import random
import re
import string
import sys
from dataclasses import dataclass

PAGES_PER_TOPIC = 50

# ---------------------------------------------------------------------------
# Vocabulary.  Subjects are (plural phrase used in prose, short keyword).

SUBJECTS = [
    ("CSV rows", "csv"),
    ("timestamps", "time"),
    ("byte strings", "bytes"),
    ("SQLite cursors", "sqlite"),
    ("temporary files", "files"),
    ("zip archives", "archives"),
    ("HTTP headers", "http"),
    ("INI sections", "config"),
    ("UUIDs", "identifiers"),
    ("decimal amounts", "money"),
    ("fractions", "numbers"),
    ("glob patterns", "paths"),
    ("packed structs", "binary"),
    ("weak references", "memory"),
    ("record classes", "records"),
    ("frozen sets", "sets"),
    ("bit flags", "flags"),
    ("query strings", "urls"),
    ("email headers", "email"),
    ("log records", "logging"),
    ("grapheme clusters", "text"),
    ("nested mappings", "mappings"),
    ("sorted sequences", "sorting"),
    ("file handles", "io"),
    ("process pools", "concurrency"),
    ("signal handlers", "signals"),
    ("subprocess pipes", "processes"),
    ("dotenv entries", "settings"),
    ("locale settings", "i18n"),
    ("priority queues", "algorithms"),
    ("array buffers", "buffers"),
    ("memory views", "buffers"),
    ("UTC offsets", "time"),
    ("pickled objects", "serialization"),
    ("shelve databases", "storage"),
    ("text wrappers", "io"),
    ("argument parsers", "cli"),
    ("regular expression groups", "regex"),
    ("base64 payloads", "encoding"),
    ("checksums", "hashing"),
    ("socket buffers", "networking"),
    ("selector loops", "networking"),
    ("calendar weeks", "dates"),
    ("tar members", "archives"),
    ("XML elements", "xml"),
    ("string templates", "text"),
    ("abstract base classes", "oop"),
    ("cached properties", "oop"),
]

VERBS = [
    "paginate", "normalise", "escape", "invert", "annotate", "rotate",
    "checksum", "pretty-print", "persist", "diff", "buffer", "sanitise",
    "clone", "partition", "rank", "redact", "bucket", "canonicalise",
    "throttle", "archive", "upsert", "interleave", "prune", "mask",
    "tokenise", "coalesce", "downsample", "index", "snapshot", "migrate",
]

QUALIFIERS = [
    "without loading everything into memory",
    "in a single pass",
    "from several threads at once",
    "without a third-party package",
    "while keeping the original order",
    "in a way that survives a restart",
    "from inside a coroutine",
    "inside a unit test",
    "on Windows and Linux alike",
    "when the input is huge",
]

PROPERTIES = [
    "picklable", "copyable", "garbage-collected", "JSON-serialisable",
    "sortable", "weakly referenceable", "shareable across processes",
    "safe to mutate in place", "interned", "cheap to compare",
]

SYMPTOMS = [
    "arrive truncated",
    "get reordered after a round trip",
    "double in size",
    "trigger a UnicodeDecodeError",
    "end up empty",
    "keep growing in memory",
    "slow down as the day goes on",
    "look fine locally but fail in CI",
]

# Each title pattern yields (title, description).  No double quotes, no
# backslashes: both are written as double-quoted YAML scalars.
TITLE_PATTERNS = [
    ("How do I {v} {s} with the standard library?",
     "Standard-library techniques to {v} {s}, tried out on real data and explained step by step."),
    ("What is the cleanest way to {v} {s}?",
     "Three ways to {v} {s}, ranked by clarity and by speed, plus the one we would ship."),
    ("What breaks if I {v} {s} {q}?",
     "The failure modes you hit when you {v} {s} {q}, and the fix for each of them."),
    ("How can I tell whether {s} are {p}?",
     "A quick experiment that shows whether {s} are {p}, and why the answer matters."),
    ("My {s} {y}: what is going on?",
     "Tracking down why {s} {y}, from the first symptom to a lasting fix."),
    ("{S} or {s2}: which should I reach for?",
     "{S} and {s2} compared on speed, memory and readability."),
    ("Is it worth it to {v} {s} eagerly?",
     "Eager versus lazy ways to {v} {s}, measured on an ordinary laptop."),
    ("How should I {v} {s} before saving them?",
     "A checklist for preparing {s} before they are written to disk."),
]

MODULES = [
    "struct", "zlib", "csv", "shutil", "weakref", "tempfile", "decimal",
    "uuid", "hashlib", "textwrap", "string", "urllib.parse", "sqlite3",
    "statistics", "fractions", "array", "selectors", "codecs", "zipfile",
    "tarfile", "configparser", "shelve", "base64", "locale", "graphlib",
]

APIS = [
    "bisect.insort", "struct.unpack_from", "zlib.crc32", "csv.DictReader",
    "shutil.copyfileobj", "functools.partial", "operator.attrgetter",
    "weakref.finalize", "tempfile.SpooledTemporaryFile", "Path.rglob",
    "Decimal.quantize", "uuid.uuid5", "hashlib.blake2b", "textwrap.shorten",
    "string.Template", "urllib.parse.parse_qsl", "sqlite3.Row",
    "contextlib.ExitStack", "statistics.fmean", "Fraction.limit_denominator",
    "array.array", "memoryview.cast", "heapq.merge", "codecs.iterdecode",
    "zipfile.Path", "configparser.ConfigParser", "base64.urlsafe_b64encode",
    "graphlib.TopologicalSorter", "types.MappingProxyType", "io.BytesIO",
]

VARNAMES = [
    "pending", "snapshot", "incoming", "ledger", "parts", "catalogue",
    "samples", "registry", "backlog", "frames", "tally", "inbox", "cells",
    "stash", "roster", "harvest",
]

FUNCNAMES = [
    "split_even", "tally_up", "tidy", "timed", "fingerprint", "pair_up",
    "first_seen", "window", "spread", "squash", "rebalance", "sift",
    "pluck", "stitch", "peel", "flip_keys",
]

CLASSNAMES = ["Reading", "Ticket", "Parcel", "Sensor", "Invoice", "Marker", "Voucher", "Beacon"]

VERDICTS = [
    "Reach for `{api}`: it was written for exactly this job and copes with {s} of any size.",
    "Two lines built on `{api}` do it, and **no explicit loop is needed** at all.",
    "The usual answer is a generator around `{api}`, which **keeps memory flat** however many {s} arrive.",
    "You can, provided you **accept one extra copy** of the data; `{api}` makes that copy for you.",
    "For a handful of {s} anything goes; for millions, **stream them through `{api}`** instead.",
    "There is no single built-in for it, but `{api}` gets you **most of the way** in a few lines.",
]

PROSE = [
    "A dictionary keyed by something stable is often the quickest way to {v} {s} without a second pass.",
    "Nothing in the listing touches the network, so it also runs in a locked-down CI container.",
    "In CPython, `{api}` is implemented in C, which is why a hand-written equivalent rarely beats it.",
    "Anything that crosses a process boundary has to be pickled, and some {s} simply refuse to be.",
    "The listing deliberately avoids global state; every helper receives what it needs as an argument.",
    "On PyPy the numbers look quite different, so repeat any benchmark there before drawing conclusions.",
    "Naming matters: `{fn}()` says what happens, whereas an anonymous lambda would only say how.",
    "`{mod}` has been part of the standard library for many years and its interface rarely moves.",
    "Threads share {s} freely, which is convenient right up to the moment two of them write at once.",
    "Teams that {v} {s} in many places usually end up with one shared utility module for it.",
    "A property-based test with Hypothesis finds odd corner cases faster than hand-picked examples do.",
    "Rebinding `{var}` inside a function never affects the caller, but calling a mutating method on it does.",
    "Converting data at the boundaries keeps the inner layers of the program free of parsing code.",
    "Generators let you {v} {s} one at a time, so peak memory stays at roughly a single item.",
    "Annotations such as `list[str]` cost nothing at run time and catch many slips right in the editor.",
    "Giving `{var}` a descriptive name pays off the first time somebody has to read a stack trace.",
    "Wrapping `{api}` in a `try` block lets you attach the offending value to the exception message.",
    "Dictionaries, lists and tuples all support this idea, each with slightly different costs.",
    "Byte order marks and stray carriage returns are the usual suspects when {s} from Windows look odd.",
    "Freezing {s} into a tuple or a `frozenset` makes accidental mutation impossible.",
    "Calling `time.perf_counter()` before and after is enough for a first rough number; refine it later.",
    "The output shown was produced with CPython {ver}; other releases print the same values.",
    "A comprehension can {v} {s} in one line, yet a loop with a named variable is easier to breakpoint.",
    "Counting items on the way in and on the way out is a cheap guard against silently dropped {s}.",
    "Let unexpected exceptions propagate; a traceback at the right spot beats a vague log line.",
    "Pure functions that only return a value are trivial to test and safe to call from anywhere.",
    "Once the helper is used in three places, give it a docstring and a home in a shared module.",
    "Copying {s} is cheap for small inputs, but at a million items the copy alone can dominate.",
]

GOTCHAS = [
    ("In-place methods", "`list.sort()` and `list.reverse()` return `None`, so assigning their result loses {s}."),
    ("String building", "appending to a string with `+=` in a loop can turn quadratic; collect parts and join them once."),
    ("Bare except", "`except:` also swallows `KeyboardInterrupt`; catch `Exception` at the very most."),
    ("Truthiness", "an empty container and `0` are both falsy, so `if not {var}:` cannot tell them apart."),
    ("Chained comparisons", "`a < b == c` means `a < b and b == c`, which is rarely what a reader expects."),
    ("Trailing commas", "`x = 1,` builds a one-item tuple; the comma, not the parentheses, makes it a tuple."),
    ("Aliasing", "`{var} = other` copies a reference, not the data; use `copy.copy()` when you need a copy."),
    ("Class attributes", "a list defined in the class body is shared by every instance of that class."),
    ("Banker's rounding", "`round(2.5)` gives `2`, because Python rounds halves to the nearest even number."),
    ("Sorting stability", "`sorted()` is stable, so sort by the secondary key first and the primary key last."),
    ("Mutating while iterating", "changing {s} during a loop over them skips or repeats items."),
    ("Integer caching", "small ints are shared objects; that is an implementation detail, not a promise."),
    ("Relative imports", "running a module as a script breaks `from . import x`; start it with `python -m` instead."),
    ("Resource leaks", "files opened without `with` stay open until the garbage collector notices."),
    ("Circular imports", "two modules importing each other at the top level see half-initialised objects."),
    ("The GIL", "threads help while waiting on I/O, not when crunching {s} in pure Python."),
    ("Decimal from float", "`Decimal(0.1)` keeps the binary error; build it from the string `'0.1'` instead."),
    ("Boolean flags", "a positional `True` in `{fn}(data, True)` is unreadable; make such flags keyword-only."),
]

EXTERNAL = [
    ("Library reference: json", "https://docs.python.org/3/library/json.html"),
    ("Library reference: csv", "https://docs.python.org/3/library/csv.html"),
    ("Library reference: decimal", "https://docs.python.org/3/library/decimal.html"),
    ("Library reference: struct", "https://docs.python.org/3/library/struct.html"),
    ("Logging HOWTO", "https://docs.python.org/3/howto/logging.html"),
    ("Regular expression HOWTO", "https://docs.python.org/3/howto/regex.html"),
    ("Unicode HOWTO", "https://docs.python.org/3/howto/unicode.html"),
    ("PEP 20, the Zen of Python", "https://peps.python.org/pep-0020/"),
    ("PEP 257, docstring conventions", "https://peps.python.org/pep-0257/"),
    ("PEP 343, the with statement", "https://peps.python.org/pep-0343/"),
    ("Python Packaging User Guide", "https://packaging.python.org/en/latest/"),
]

FIRST_NAMES = ["Ines", "Keiko", "Dmitri", "Henrik", "Zanele", "Mateo", "Yara", "Olu", "Saoirse", "Bjorn", "Ngozi", "Anouk"]
LAST_NAMES = ["Lindqvist", "Moreau", "Silva", "Kowalczyk", "Reyes", "Achterberg", "Mbeki", "Ferreira", "Quispe", "Varga"]
TAGS = ["stdlib", "performance", "testing", "style", "io", "typing", "debugging", "idioms"]
VERSIONS = ["3.9", "3.10", "3.11", "3.12", "3.13"]

WARNING_TITLES = ["Watch the memory", "Not safe across threads", "Changed in recent versions", "Platform differences"]

# ---------------------------------------------------------------------------
# Python code fragments.  Each has the imports it needs, the definition lines
# and a few lines for the `__main__` demo.  $fn, $arg, $cls, $n are filled in.

FRAGMENTS = [
    ((), """\
def $fn($arg, size=$n):
    \"\"\"Yield lists of at most `size` items taken from `$arg`.\"\"\"
    bucket = []
    for item in $arg:
        bucket.append(item)
        if len(bucket) == size:
            yield bucket
            bucket = []
    if bucket:
        yield bucket""", ["$arg = list(range($n * 3 + 1))", "print(list($fn($arg)))"]),
    ((), """\
def $fn($arg):
    totals = {}
    for key, amount in $arg:
        totals[key] = totals.get(key, 0) + amount
    return dict(sorted(totals.items()))""",
     ["$arg = [(\"a\", $n), (\"b\", 2), (\"a\", 1)]", "print($fn($arg))"]),
    (("dataclasses",), """\
@dataclasses.dataclass(frozen=True)
class $cls:
    name: str
    weight: float = $n.0

    def scaled(self, factor):
        return $cls(self.name, self.weight * factor)""",
     ["$arg = $cls(\"sample\")", "print($arg.scaled(2))"]),
    ((), """\
def $fn($arg, *, strict=False):
    cleaned = []
    for position, raw in enumerate($arg):
        text = str(raw).strip()
        if not text:
            if strict:
                raise ValueError(f"empty value at {position}")
            continue
        cleaned.append(text.casefold())
    return cleaned""", ["$arg = [\" Alpha \", \"\", \"BETA\", $n]", "print($fn($arg))"]),
    (("contextlib", "time"), """\
@contextlib.contextmanager
def $fn(label):
    started = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - started
        print(f"{label}: {elapsed:.3f}s")""",
     ["with $fn(\"demo\"):", "    $arg = sorted(range($n * 1000), reverse=True)"]),
    (("hashlib",), """\
def $fn($arg):
    digest = hashlib.sha256()
    for chunk in $arg:
        digest.update(chunk.encode("utf-8"))
    return digest.hexdigest()[:$n]""", ["$arg = [\"one\", \"two\", \"three\"]", "print($fn($arg))"]),
    (("itertools",), """\
def $fn($arg, width=$n):
    it = iter($arg)
    while True:
        piece = tuple(itertools.islice(it, width))
        if not piece:
            return
        yield piece""", ["$arg = \"abcdefghij\"", "for piece in $fn($arg):", "    print(piece)"]),
    (("collections",), """\
def $fn($arg):
    seen = collections.OrderedDict()
    for value in $arg:
        seen.setdefault(value, None)
    return list(seen)""", ["$arg = [$n, 1, $n, 2, 1, 3]", "print($fn($arg))"]),
    (("json",), """\
def $fn($arg, path):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump($arg, handle, indent=2, sort_keys=True)
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)""",
     ["$arg = {\"count\": $n, \"tags\": [\"x\", \"y\"]}", "print($fn($arg, \"out.json\"))"]),
]

MAIN_FILLERS = [
    "print(\"finished\")",
    "# change the numbers above to experiment",
    "print(type($arg).__name__)",
    "assert $arg is not None",
    "# the output should be stable between runs",
    "print(\"-\" * 20)",
    "# try an empty input as well",
    "print(repr($arg)[:40])",
]

# ---------------------------------------------------------------------------


@dataclass
class Page:
    index: int
    topic: int
    title: str
    description: str
    slug: str
    subject: str
    keyword: str
    verb: str


def slugify(text: str) -> str:
    text = text.lower().replace("-", " ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def topic_name(topic: int) -> str:
    return f"topic-{topic:03d}"


def plan_pages(count: int, seed: int) -> list[Page]:
    """Decide titles and slugs of every page (needed before linking)."""
    pages = []
    for index in range(count):
        rng = random.Random(f"plan:{seed}:{index}")
        subject, keyword = rng.choice(SUBJECTS)
        other = rng.choice([s for s, _ in SUBJECTS if s != subject])
        verb = rng.choice(VERBS)
        title_t, desc_t = rng.choice(TITLE_PATTERNS)
        fields = {
            "v": verb, "s": subject, "s2": other, "S": subject[0].upper() + subject[1:],
            "q": rng.choice(QUALIFIERS), "p": rng.choice(PROPERTIES), "y": rng.choice(SYMPTOMS),
        }
        title = title_t.format(**fields)
        description = desc_t.format(**fields)
        slug = "-".join(slugify(title).split("-")[:9]) + f"-{index}"
        pages.append(Page(index, index // PAGES_PER_TOPIC, title, description, slug, subject, keyword, verb))
    return pages


def fill(rng: random.Random, template: str, page: Page, ctx: dict) -> str:
    values = {
        "s": page.subject, "v": page.verb, "api": rng.choice(APIS),
        "mod": rng.choice(MODULES), "var": ctx["var"], "fn": ctx["fn"],
        "ver": rng.choice(VERSIONS),
    }
    return template.format(**values)


def paragraph(rng: random.Random, page: Page, ctx: dict, sentences: int) -> str:
    """Draw sentences from the page's deck, so that no sentence repeats on a page."""
    deck = ctx["deck"]
    return " ".join(fill(rng, deck.pop(), page, ctx) for _ in range(sentences))


def code_block(rng: random.Random, ctx: dict) -> list[str]:
    """A runnable-looking Python program of 15-25 lines."""
    target = rng.randint(15, 25)
    order = rng.sample(range(len(FRAGMENTS)), len(FRAGMENTS))
    chosen = [FRAGMENTS[order[0]]]
    subst = {"fn": ctx["fn"], "arg": ctx["var"], "cls": ctx["cls"], "n": str(rng.randint(2, 9))}

    def render(frags):
        imports = sorted({m for f in frags for m in f[0]})
        lines = [f"import {m}" for m in imports]
        if lines:
            lines += ["", ""]
        for position, (_, body, _) in enumerate(frags):
            # A second helper gets the next function name, so nothing is redefined.
            names = dict(subst, fn=FUNCNAMES[(FUNCNAMES.index(ctx["fn"]) + position) % len(FUNCNAMES)])
            lines += string.Template(body).substitute(names).split("\n")
            lines += ["", ""]
        lines.append("if __name__ == \"__main__\":")
        demo = frags[0][2]
        lines += ["    " + string.Template(d).substitute(subst) for d in demo]
        return lines

    lines = render(chosen)
    for other in order[1:]:
        with_second = render(chosen + [FRAGMENTS[other]])
        if len(with_second) <= target:
            lines = with_second
            break
    fillers = rng.sample(MAIN_FILLERS, len(MAIN_FILLERS))
    while len(lines) < target:
        lines.append("    " + string.Template(fillers[len(lines) % len(fillers)]).substitute(subst))
    return lines


def pick_other(rng: random.Random, candidates: list[int], avoid: set[int]) -> int:
    pool = [c for c in candidates if c not in avoid]
    return rng.choice(pool or candidates)


def render_page(page: Page, pages: list[Page], topics: list[list[int]], seed: int) -> str:
    rng = random.Random(f"page:{seed}:{page.index}")
    ctx = {
        "var": rng.choice(VARNAMES), "fn": rng.choice(FUNCNAMES), "cls": rng.choice(CLASSNAMES),
        "deck": rng.sample(PROSE, len(PROSE)),
    }

    siblings = topics[page.topic]
    teaser = pages[pick_other(rng, siblings, {page.index})]
    sibling = pages[pick_other(rng, siblings, {page.index, teaser.index})]
    if len(topics) > 1:
        other_topic = rng.choice([t for t in range(len(topics)) if t != page.topic])
    else:
        other_topic = page.topic
    cross = pages[pick_other(rng, topics[other_topic], {page.index})]

    day = datetime.date(2022, 1, 1) + datetime.timedelta(days=rng.randint(0, 1000))
    updated = day + datetime.timedelta(days=rng.choice([0, 0, 3, 12, 40, 95]))
    tags = rng.sample(TAGS, 2)
    author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"

    out = [
        "---",
        f'title: "{page.title}"',
        f'description: "{page.description}"',
        "meta:",
        "  - name: robots",
        "    content: index, follow",
        "  - name: keywords",
        f"    content: python, {page.keyword}, {page.subject.lower()}, {tags[0]}, {tags[1]}",
        "  - name: Publisher",
        f"    content: {author}",
        f"date: {day.isoformat()}",
        f'updated: "{updated.isoformat()}"',
        "---",
        "",
        f"# {page.title}",
        "",
        "<!-- more -->",
        "",
        '!!! info "In short"',
        "    " + fill(rng, rng.choice(VERDICTS), page, ctx) + " "
        + paragraph(rng, page, ctx, 2)
        + f" Compare with [{teaser.title}]({teaser.slug}.md).",
        "",
        paragraph(rng, page, ctx, rng.randint(5, 6)),
        "",
        "```python",
        *code_block(rng, ctx),
        "```",
        "",
        paragraph(rng, page, ctx, rng.randint(5, 6)),
        "",
    ]

    if rng.random() < 0.2:
        kind = rng.randrange(3)
        if kind == 0:
            out += [
                f'!!! warning "{rng.choice(WARNING_TITLES)}"',
                "    " + paragraph(rng, page, ctx, 2),
                "",
                "    " + paragraph(rng, page, ctx, 2),
                "",
            ]
        elif kind == 1:
            out += ["| Option | Keeps order | Extra memory |", "| --- | :---: | ---: |"]
            for api in rng.sample(APIS, 3):
                out.append(f"| `{api}` | {rng.choice(['yes', 'no'])} | {rng.choice(['none', 'O(1)', 'O(n)', 'O(n log n)'])} |")
            out.append("")
        else:
            out += [
                '???+ note "Details"',
                "    " + paragraph(rng, page, ctx, 2),
                "",
                f"    1. Call `{ctx['fn']}()` with a small sample first.",
                f"    2. Check the shape of `{ctx['var']}` before and after.",
                "",
            ]

    out += ["## Gotchas", ""]
    for name, text in rng.sample(GOTCHAS, 3):
        out.append(f"* **{name}** — " + fill(rng, text, page, ctx))
    label, url = rng.choice(EXTERNAL)
    out += [
        "",
        "## See also",
        "",
        f"* [{sibling.title}]({sibling.slug}.md)",
        f"* [{cross.title}](../{topic_name(cross.topic)}/{cross.slug}.md)",
        f"* [{label}]({url})",
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, required=True, help="number of pages (N >= 1)")
    parser.add_argument("--out", required=True, help="output directory (absent or empty)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    args = parser.parse_args(argv)
    if args.pages < 1:
        parser.error("--pages must be at least 1")
    if os.path.exists(args.out) and (not os.path.isdir(args.out) or os.listdir(args.out)):
        parser.error(f"{args.out} exists and is not an empty directory")

    pages = plan_pages(args.pages, args.seed)
    topic_count = math.ceil(args.pages / PAGES_PER_TOPIC)
    topics = [list(range(t * PAGES_PER_TOPIC, min((t + 1) * PAGES_PER_TOPIC, args.pages))) for t in range(topic_count)]

    total = 0
    for topic in range(topic_count):
        folder = os.path.join(args.out, "content", topic_name(topic))
        os.makedirs(folder, exist_ok=True)
        for index in topics[topic]:
            page = pages[index]
            data = render_page(page, pages, topics, args.seed).encode("utf-8")
            with open(os.path.join(folder, page.slug + ".md"), "wb") as handle:
                handle.write(data)
            total += len(data)

    print(f"{args.pages} pages in {topic_count} folders, {total // args.pages} bytes/page on average -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
