"""Each edition reads in its own language: the visible text and the alternative texts of the built
English and Swedish reports hold no function word of the other language, outside code, names and marked
quotations; every words key has its own Swedish text; the terminology is the one the words use."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from asfdata import catalogs, registry
from asfdata.render import terminology as T

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
def editions(real_reports) -> dict[str, str]:
    """The real report in English and in Swedish (conftest.real_reports: each built unless up to date)."""
    return {lang: path.read_text(encoding="utf-8") for lang, path in real_reports.items()}


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
    found = [f.split(": ")[1].split(" in ")[0] for f in foreign_words(swedish, "en")]
    assert found == ["'och'", "'det'", "'som'"]


def test_names_and_numbers_are_not_foreign_words():
    source = "Source: Stenbackens boende och arbetskooperativ, Beskrivning av verksamheten"
    assert T.foreign(source, "en") == []
    assert T.foreign("The report's section Sammanfattning Strukturinriktade insatser 2016–2020", "en") == []
    assert T.foreign("Sammanfattningen säger the of", "sv") == ["the", "of"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_edition_reads_in_its_own_language(editions, lang):
    pieces = visible_text(editions[lang], lang)
    assert len(pieces) > 500  # the whole report was read, not just the title page
    found = foreign_words(pieces, lang)
    assert found == [], f"{len(found)} words of the other language:\n" + "\n".join(found[:40])


# ---- the words themselves (chart titles, axes and legends included) ----------------------------------------


def word_pairs(path) -> list[tuple[str, str, str]]:
    """(where, English, Swedish) of every text of a catalog, plural forms joined by ' / '."""
    return [(f"{path.name}:{e.key}", " / ".join(e.forms("en")), " / ".join(e.forms("sv")))
            for e in catalogs.load(path).entries.values()]


PAIRS = [p for path in registry.CATALOGS for p in word_pairs(path)]


def without_placeholders(text: str) -> str:
    return re.sub(r"\{[^}]*\}", " ", text)


def test_the_words_are_all_collected():
    keys = {w for w, _, _ in PAIRS}
    assert len(PAIRS) == sum(len(catalogs.load(path).entries) for path in registry.CATALOGS) > 600
    assert {"shared.toml:axis_year", "funded.toml:title_funnel", "audit.toml:check_total_vs_parts"} <= keys
    assert {"shared.toml:glossary_text_asf", "people.toml:gender_men"} <= keys


def test_every_swedish_text_is_swedish_and_every_english_text_english():
    found = [f"{where} ({lang}): {w!r}" for where, en, sv in PAIRS for lang, text in (("en", en), ("sv", sv))
             for w in T.foreign(without_placeholders(text), lang)]
    assert found == []


def test_no_words_key_reads_the_same_in_both_languages_unless_it_is_names_and_numbers():
    same = [where for where, en, sv in PAIRS if en == sv and not T.only_names(en)]
    assert same == []
    # the check itself: a copied English text fails, names and numbers pass
    assert not T.only_names("People placed") and T.only_names("Arbetsförmedlingen: {values}")


def test_the_swedish_words_avoid_what_a_swedish_reader_would_misread():
    found = [f"{where}: {w!r}" for where, _, sv in PAIRS for w in T.misleading(sv)]
    assert found == []
    assert T.misleading("Årsredovisningen anger 9 kvinnor; höstens räkning; angivet 244") == [
        "Årsredovisning", "räkning", "angivet 2"]


def test_the_swedish_edition_uses_the_terminology(editions):
    text = "\n".join(t for _, t in visible_text(editions["sv"], "sv"))
    assert [t.sv for t in T.TERMS if not T.term_pattern(t.sv).search(text)] == []
    assert T.misleading(text) == []
