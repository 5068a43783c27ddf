"""Compares the article of a page built by MkDocs + Material with the one answerbook built.

Used by scripts/compare_mkdocs. Each side's article (Material's `<article class="md-content__inner
md-typeset">`, answerbook's `<article class="page">`) is read into a list of tokens, normalised so
that what differs only in how it is written, or what a theme adds around the content, compares
equal (see THEME_ONLY and Article), and the two lists are compared. The first token that differs
gives a short signature, so that the differences of a whole site can be counted by kind.
"""
import html
import html.parser
import re

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
BLOCK = {"p", "div", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr",
         "th", "td", "blockquote", "details", "summary", "hr", "figure", "figcaption", "h1", "h2",
         "h3", "h4", "h5", "h6", "section", "label", "input"}

# (tag, class) of elements a theme puts inside the article that are not the page's markdown:
# Material's edit / view-source buttons, its page dates and contributors, tags, feedback form and
# the blog plugin's post header; answerbook's lists of a section's pages. Dropped with everything
# inside them. `a.headerlink` (the permalink after each heading) goes too: both write one, but
# where it goes follows `toc.permalink`, compared elsewhere (conformance).
THEME_ONLY = {("a", "md-content__button"), ("aside", "md-source-file"), ("nav", "md-tags"),
              ("form", "md-feedback"), ("div", "md-post__meta"), ("nav", "md-post__action"),
              ("ul", "section-list"), ("ul", "question-list"), ("a", "headerlink")}


class Article(html.parser.HTMLParser):
    """The tokens of the first `<article>` whose class list holds `article_class`.

    Tokens are `("start", tag, attrs)`, `("end", tag)`, `("text", text)` and `("comment",
    text)`. Normalised: attributes sorted, character references decoded, text outside `<pre>`
    with its white space runs made one space and white-space-only text dropped, THEME_ONLY
    elements dropped, and inside `<pre>` only the text kept (no highlighting spans, line
    spans or line number anchors: the text is compared, not its colours).
    """

    def __init__(self, article_class):
        super().__init__(convert_charrefs=True)
        self.article_class = article_class
        self.tokens = []
        self.depth = 0  # open elements inside the article (0: outside or done)
        self.done = False
        self.skip = 0  # depth inside a dropped element
        self.pre = 0  # depth inside <pre>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if self.done:
            return
        if not self.depth:
            if tag == "article" and self.article_class in classes:
                self.depth = 1
            return
        if tag in VOID:
            if not self.skip and not self.pre and not any((tag, c) in THEME_ONLY for c in classes):
                self.tokens.append(("start", tag, canonical(attrs)))
            return
        self.depth += 1
        if self.skip:
            self.skip += 1
        elif any((tag, c) in THEME_ONLY for c in classes):
            self.skip = 1
        elif self.pre:
            self.pre += 1
        else:
            if tag == "pre":
                self.pre = 1
            self.tokens.append(("start", tag, canonical(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not self.depth or tag in VOID:
            return
        self.depth -= 1
        if not self.depth:
            self.done = True
        elif self.skip:
            self.skip -= 1
        elif self.pre > 1:
            self.pre -= 1
        else:
            if self.pre:
                self.pre = 0
            self.tokens.append(("end", tag))

    def handle_data(self, data):
        if not self.depth or self.skip:
            return
        if not self.pre:
            data = re.sub(r"\s+", " ", data)
            if not data.strip():
                return
        if self.tokens and self.tokens[-1][0] == "text":
            self.tokens[-1] = ("text", self.tokens[-1][1] + data)
        else:
            self.tokens.append(("text", data))

    def handle_comment(self, data):
        if self.depth and not self.skip and not self.pre:
            self.tokens.append(("comment", data.strip()))


def canonical(attrs):
    return tuple(sorted((k, " ".join((v or "").split())) for k, v in attrs.items()))


def trim_text(tokens):
    """Text at the start or end of a block element loses its outer space, as a browser shows it."""
    out, in_pre = list(tokens), 0
    for i, token in enumerate(out):
        if token[:2] == ("start", "pre"):
            in_pre += 1
        elif token[:2] == ("end", "pre"):
            in_pre -= 1
        if token[0] != "text" or in_pre:
            continue
        text = token[1]
        before, after = out[i - 1] if i else None, out[i + 1] if i + 1 < len(out) else None
        if before is None or (before[0] in ("start", "end") and before[1] in BLOCK):
            text = text.lstrip()
        if after is None or (after[0] in ("start", "end") and after[1] in BLOCK):
            text = text.rstrip()
        out[i] = ("text", text)
    return [t for t in out if t != ("text", "")]


def article(page_html, article_class):
    parser = Article(article_class)
    parser.feed(page_html)
    parser.close()
    return trim_text(parser.tokens) if parser.depth or parser.done else None


def describe(token):
    """A short name of a token: `<div.admonition.note>`, `</p>`, `text`, `comment`, `(end)`."""
    if token is None:
        return "(end of article)"
    if token[0] == "start":
        classes = dict(token[2]).get("class", "").split()
        return "<" + ".".join([token[1], *classes[:2]]) + ">"
    if token[0] == "end":
        return f"</{token[1]}>"
    return token[0]


def context_path(tokens, index):
    """The two innermost open elements at `index`, as `ul > li`."""
    stack = []
    for token in tokens[:index]:
        if token[0] == "start" and token[1] not in VOID:
            classes = dict(token[2]).get("class", "").split()
            stack.append(".".join([token[1], *classes[:1]]))
        elif token[0] == "end":
            while stack and stack.pop().split(".")[0] != token[1]:
                pass
    return " > ".join(stack[-2:]) or "article"


def first_difference(theirs, mine):
    """The index of the first token that differs, or None when the two are equal."""
    for i, (a, b) in enumerate(zip(theirs, mine)):
        if a != b:
            return i
    return None if len(theirs) == len(mine) else min(len(theirs), len(mine))


def signature(theirs, mine, i):
    """A short description of the first difference, the same for the same kind of difference."""
    a = theirs[i] if i < len(theirs) else None
    b = mine[i] if i < len(mine) else None
    where = context_path(theirs, i)
    if a and b and a[0] == b[0] == "start" and a[1] == b[1]:
        da, db = dict(a[2]), dict(b[2])
        if da.get("class") == db.get("class"):
            names = sorted(k for k in set(da) | set(db) if da.get(k) != db.get(k))
            return f"in {where}: {describe(a)} attributes differ: {', '.join(names)}"
    if a and b and a[0] == b[0] == "text":
        return f"in {where}: text differs"
    return f"in {where}: mkdocs {describe(a)}, answerbook {describe(b)}"


def printable(tokens):
    """The tokens as HTML, a line break around each block-level tag."""
    out = []
    for token in tokens:
        if token[0] == "start":
            attrs = "".join(f' {k}="{html.escape(v)}"' for k, v in token[2])
            out.append(("\n" if token[1] in BLOCK else "") + f"<{token[1]}{attrs}>")
        elif token[0] == "end":
            out.append(f"</{token[1]}>" + ("\n" if token[1] in BLOCK else ""))
        elif token[0] == "text":
            out.append(html.escape(token[1], quote=False))
        else:
            out.append(f"<!--{token[1]}-->")
    return re.sub(r"\n+", "\n", "".join(out)).strip("\n")


def excerpt(tokens, i, width=60, before=4, after=6):
    """The tokens around `i` on one line, cut to `width` characters either side."""
    start = max(0, i - before)
    head = printable(tokens[start:i]).replace("\n", " ")[-width:]
    tail = printable(tokens[i:i + after]).replace("\n", " ")[:width * 2]
    return f"{head} ⟪{tail}"
