"""Each edition reads in its own language: the visible text and the alternative texts of the built
English and Swedish reports hold no function word of the other language, outside code, names and marked
quotations; every words key has its own Swedish text; the terminology is the one the words use."""

from __future__ import annotations

import re

import pytest
from visible import visible_text  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata import catalogs, registry
from asfdata.render import terminology


def foreign_words(pieces: list[tuple[str, str]], lang: str) -> list[str]:
    """'place: word in «text»' for every function word of the other language (names left out)."""
    found = []
    for place, text in pieces:
        for word in terminology.foreign(text, lang):
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
            '<q lang="en">an English quote</q>.<img alt="Linjediagram: 1; 2"></p>'
            '<svg role="img" aria-label="Stapeldiagram: 3"><text>2016</text><text>År</text></svg>'
            '</section></body></html>')
    assert visible_text(page, "sv") == [
        ("title page", "Rapport"),
        ("ch-01 › Rubrik", "Rubrik"),
        ("ch-01 › Rubrik › alt", "Linjediagram: 1; 2"),
        ("ch-01 › Rubrik", "Text med och ."),
        ("ch-01 › Rubrik › alt", "Stapeldiagram: 3"),  # an SVG chart's alternative text, then its texts
        ("ch-01 › Rubrik", "2016"),
        ("ch-01 › Rubrik", "År"),
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
    assert terminology.foreign(source, "en") == []
    section = "The report's section Sammanfattning Strukturinriktade insatser 2016–2020"
    assert terminology.foreign(section, "en") == []
    assert terminology.foreign("Sammanfattningen säger the of", "sv") == ["the", "of"]


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
             for w in terminology.foreign(without_placeholders(text), lang)]
    assert found == []


def test_no_words_key_reads_the_same_in_both_languages_unless_it_is_names_and_numbers():
    same = [where for where, en, sv in PAIRS if en == sv and not terminology.only_names(en)]
    assert same == []
    # the check itself: a copied English text fails, names and numbers pass
    assert not terminology.only_names("People placed")
    assert terminology.only_names("Arbetsförmedlingen: {values}")


def test_the_swedish_words_avoid_what_a_swedish_reader_would_misread():
    found = [f"{where}: {w!r}" for where, _, sv in PAIRS for w in terminology.misleading(sv)]
    assert found == []
    assert terminology.misleading("Årsredovisningen anger 9 kvinnor; höstens räkning; angivet 244") == [
        "Årsredovisning", "räkning", "angivet 2"]


def test_the_swedish_edition_uses_the_terminology(editions):
    text = "\n".join(t for _, t in visible_text(editions["sv"], "sv"))
    assert [t.sv for t in terminology.TERMS if not terminology.term_pattern(t.sv).search(text)] == []
    assert terminology.misleading(text) == []


def test_the_english_edition_writes_per_cent_one_way_and_no_parenthesis_inside_another(editions):
    """British 'per cent' (and 'percentage change'), never 'percent'; in either edition no brackets inside
    brackets ('59 (Others (unpaid))' read as a slip): a name that holds a bracket stands without one."""
    english = [t for _, t in visible_text(editions["en"], "en")]
    assert [t for t in english if re.search(r"\bpercent\b", t, re.IGNORECASE)] == []
    assert any("per cent" in t for t in english)
    nested = re.compile(r"\([^()]*\([^()]*\)[^()]*\)")
    pieces = [t for lang in ("en", "sv") for _, t in visible_text(editions[lang], lang)]
    assert [t for t in pieces if nested.search(t)] == []
