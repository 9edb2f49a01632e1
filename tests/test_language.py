"""Each edition reads in its own language: the visible text and the alternative texts of the built
English and Swedish reports hold no function word of the other language, outside code, names and marked
quotations; every words key has its own Swedish text; the terminology is the one the words use."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from asfdata.render import terminology as T
from asfdata.report.edition import Job, build_report

SKIPPED = {"script", "style", "code", "pre"}  # never read by a reader of the page
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "figcaption", "caption", "title"}
HEADINGS = {"h1", "h2", "h3", "h4"}


class VisibleText(HTMLParser):
    """The text a reader of a page in `lang` sees: (place, text) pieces, where place is the chapter and the
    nearest heading; alternative texts of images count as text; code, scripts, styles and elements in
    another language (lang attribute) are left out."""

    def __init__(self, lang: str):
        super().__init__(convert_charrefs=True)
        self.lang, self.stack, self.pieces, self.buffer = lang, [], [], []
        self.chapter, self.heading = "title page", ""

    def hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def place(self) -> str:
        return f"{self.chapter} › {self.heading}" if self.heading else self.chapter

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and a.get("id"):
            self.chapter, self.heading = a["id"], ""
        elif tag == "footer" or a.get("id") == "about":
            self.chapter, self.heading = "about", ""
        if tag == "img" and a.get("alt") and not self.hidden():
            self.pieces.append((self.place() + " › alt", a["alt"]))
        if tag in VOID:
            return
        if tag in BLOCKS | HEADINGS:
            self.flush()
        other = a.get("lang") not in (None, self.lang)
        self.stack.append((tag, self.hidden() or tag in SKIPPED or other))

    def handle_endtag(self, tag):
        if tag in BLOCKS | HEADINGS:
            self.flush(heading=tag in HEADINGS)
        if any(t == tag for t, _ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self.hidden():
            self.buffer.append(data)

    def flush(self, heading: bool = False):
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if text:
            if heading:
                self.heading = text
            self.pieces.append((self.place(), text))


def visible_text(html: str, lang: str) -> list[tuple[str, str]]:
    """(place, text) of every piece of text a reader of the page sees, alternative texts included."""
    parser = VisibleText(lang)
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.pieces


def foreign_words(pieces: list[tuple[str, str]], lang: str) -> list[str]:
    """'place: word in «text»' for every function word of the other language (names left out)."""
    found = []
    for place, text in pieces:
        for word in T.foreign(text, lang):
            found.append(f"{place}: {word!r} in «{text[:160]}»")
    return found


@pytest.fixture(scope="module")
def editions() -> dict[str, str]:
    """The real report in English and in Swedish (each built unless already up to date)."""
    out = {}
    for lang in ("en", "sv"):
        job = Job(lang=lang)
        build_report(job, log=lambda _: None)
        out[lang] = job.outputs()[0][0].read_text(encoding="utf-8")
    return out


# ---- the reader's text ---------------------------------------------------------------------------------


def test_visible_text_skips_code_other_languages_and_markup_but_keeps_alt_texts():
    page = ('<html lang="sv"><head><title>Rapport</title><style>p {color: red}</style></head><body>'
            '<section id="ch-01"><h2>Rubrik</h2><p>Text med <code>the code</code> och '
            '<q lang="en">an English quote</q>.<img alt="Linjediagram: 1; 2"></p></section></body></html>')
    assert visible_text(page, "sv") == [
        ("title page", "Rapport"),
        ("ch-01 › Rubrik", "Rubrik"),
        ("ch-01 › Rubrik › alt", "Linjediagram: 1; 2"),
        ("ch-01 › Rubrik", "Text med och ."),
    ]


def test_an_english_sentence_in_a_swedish_text_is_found_with_its_place():
    pieces = [("ch-02 › Från hösten 2018", "Placeringarna minskade. The fall was larger for Kommunen.")]
    assert foreign_words(pieces, "sv") == [
        f"ch-02 › Från hösten 2018: {w!r} in «{pieces[0][1]}»" for w in ("the", "was", "for")]
    swedish = [("ch-02 › From autumn 2018", "Placements fell, och det var Kommunen som minskade mest.")]
    assert [f.split(": ")[1].split(" in ")[0] for f in foreign_words(swedish, "en")] == ["'och'", "'det'", "'som'"]


def test_names_and_numbers_are_not_foreign_words():
    assert T.foreign("Source: Stenbackens boende och arbetskooperativ, Beskrivning av verksamheten", "en") == []
    assert T.foreign("The report's section Sammanfattning Strukturinriktade insatser 2016–2020", "en") == []
    assert T.foreign("Sammanfattningen säger the of", "sv") == ["the", "of"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_edition_reads_in_its_own_language(editions, lang):
    pieces = visible_text(editions[lang], lang)
    assert len(pieces) > 500  # the whole report was read, not just the title page
    found = foreign_words(pieces, lang)
    assert found == [], f"{len(found)} words of the other language:\n" + "\n".join(found[:40])
