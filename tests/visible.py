"""The text a reader of a built edition sees, read from its HTML: for the language check
(tests/test_language.py) and the golden files of the editions' words (tests/test_golden.py, tools/golden.py).

A golden file holds one piece of text a line, in the page's order: headings marked as in Markdown (`## `),
the alternative text of a chart as `[alt] `; one file per chapter (its notebook's name), the title page
(`_title`) and "About this report" (`_about`), whose build facts (date, commit, manifest) and software
versions are left out: they change with every build, not with the words.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from asfdata.registry import REPORT_CHAPTERS
from asfdata.report.edition import CHAPTER_ID_PREFIX  # a chapter's section: ch-<notebook>

SKIPPED = {"script", "style", "code", "pre"}  # never read by a reader of the page
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# each its own piece of text (an SVG chart's texts too: its tick labels, axis titles, names at line ends)
BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "figcaption", "caption", "title", "text"}
HEADINGS = {"h1", "h2", "h3", "h4"}
SPACES = re.compile(r"[ \t\n\r\f\v]+")  # white space as HTML collapses it (not U+00A0)
GOLDEN_DIR = Path(__file__).parent / "golden"  # tests/golden/<lang>/<part>.txt (tools/golden.py writes them)
LANGS = ("en", "sv")
TITLE, ABOUT = "_title", "_about"  # the golden files of the title page and of "About this report"


class VisibleText(HTMLParser):
    """The text a reader of a page in `lang` sees: (place, text) pieces, where place is the chapter and the
    nearest heading; alternative texts of images (an img's alt, an SVG chart's aria-label) count as text;
    code, scripts, styles and elements in another language (lang attribute) are left out. kinds holds the
    element each piece ends (h2, p, td, ...; 'alt' for an alternative text), beside pieces."""

    def __init__(self, lang: str):
        super().__init__(convert_charrefs=True)
        self.lang, self.stack, self.pieces, self.kinds, self.buffer = lang, [], [], [], []
        self.chapter, self.heading = "title page", ""

    def hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def place(self) -> str:
        return f"{self.chapter} › {self.heading}" if self.heading else self.chapter

    def left_out(self, tag: str, attrs: dict) -> bool:
        """True for an element left out with its children, besides code and text in another language."""
        return False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and a.get("id"):
            self.chapter, self.heading = a["id"], ""
        elif tag == "footer" or a.get("id") == "about":
            self.chapter, self.heading = "about", ""
        other = a.get("lang") not in (None, self.lang)
        hidden = self.hidden() or tag in SKIPPED or other or self.left_out(tag, a)
        alt = a.get("alt") if tag == "img" else a.get("aria-label") if a.get("role") == "img" else None
        if alt and not hidden:
            self.pieces.append((self.place() + " › alt", alt))
            self.kinds.append("alt")
        if tag in VOID:
            return
        if tag in BLOCKS | HEADINGS:
            self.flush()
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        if tag in BLOCKS | HEADINGS:
            self.flush(tag)
        if any(t == tag for t, _ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self.hidden():
            self.buffer.append(data)

    def flush(self, tag: str = ""):
        """The text gathered so far as one piece, ended by tag (nothing: the text before a block inside)."""
        text = SPACES.sub(" ", "".join(self.buffer)).strip(" ")  # no-break spaces kept: they are the text's
        self.buffer = []
        if text:
            if tag in HEADINGS:
                self.heading = text
            self.pieces.append((self.place(), text))
            self.kinds.append(tag)


def read(html: str, parser: VisibleText) -> VisibleText:
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser


def visible_text(html: str, lang: str) -> list[tuple[str, str]]:
    """(place, text) of every piece of text a reader of the page sees, alternative texts included."""
    return read(html, VisibleText(lang)).pieces


# ---- golden files --------------------------------------------------------------------------------------


class GoldenText(VisibleText):
    """The visible text without what changes from build to build: in "About this report", the values of its
    build facts (build date, git commit and its uncommitted-changes note, the manifest's SHA-256) and the
    rows of its software versions (their labels and the table's caption stay). A chart's drawing for
    phones is left out too: the same words as its wide drawing, only wrapped or shortened differently."""

    def left_out(self, tag: str, attrs: dict) -> bool:
        phone = tag == "svg" and "asf-chart-phone" in (attrs.get("class") or "").split()
        return phone or (self.chapter == "about" and tag in ("dd", "tbody"))


def line(kind: str, text: str) -> str:
    """One piece of text as a golden file's line."""
    if kind in ("h1", "h2", "h3", "h4"):
        return "#" * int(kind[1]) + " " + text
    return f"[alt] {text}" if kind == "alt" else text


def part_of(place: str) -> str:
    """The golden file a piece belongs to: its chapter's notebook, _title or _about (else its section id)."""
    section = place.split(" › ")[0]
    if section == "title page":
        return TITLE
    if section == "about":
        return ABOUT
    return section.removeprefix(CHAPTER_ID_PREFIX)


def golden_parts(html: str, lang: str) -> dict[str, str]:
    """The golden files' texts of an edition: part -> its lines (a blank line before each heading after the
    first), in the order title page, chapters (REPORT_CHAPTERS), about; a section the registry does not
    know comes under its own id, after them."""
    parser = read(html, GoldenText(lang))
    lines: dict[str, list[str]] = {}
    for (place, text), kind in zip(parser.pieces, parser.kinds, strict=True):
        part = lines.setdefault(part_of(place), [])
        if kind in HEADINGS and part:
            part.append("")
        part.append(line(kind, text))
    order = [TITLE, *(c.notebook for c in REPORT_CHAPTERS), ABOUT]
    parts = sorted(lines, key=lambda p: order.index(p) if p in order else len(order))
    return {p: "\n".join(lines[p]) + "\n" for p in parts}
