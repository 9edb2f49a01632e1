"""The context section of people placed (issue 25): every number it shows pinned against
data/processed/context*.csv and the snapshots, its links plain, both languages, and its place: in annex D
after the indexed and ratio charts (issue 21), chapter 2 linking there after its before/after analysis."""

from __future__ import annotations

import re
from html import escape, unescape

import nbformat
import pytest
from chapter_cells import run_cells  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata import registry
from asfdata.chapters import placements
from asfdata.chapters.common import annex_pointer
from asfdata.render import words
from asfdata.render.html import link
from asfdata.study import REFORM_YEAR

LANGS = ("en", "sv")
OUTSIDE = re.compile(r'<(?:img|script|link|iframe|object|embed)\b[^>]*(?:src|href|data)="https?:', re.I)


def test_every_change_is_computed_from_the_data(frames):
    ch = placements.context_changes(frames).set_index("series")
    pct = ch["pct_b"].round(1).to_dict()
    assert pct == {
        "Arbetsförmedlingen": -38.8,  # 93 / 152 − 1 = −38.8 %
        "Kommunen": -64.9,  # 26 / 74 − 1 = −64.9 %
        "Övriga": -35.3,  # 11 / 17 − 1 = −35.3 %
        "programme_stock": -7.2,  # 7481 / 8063 − 1 = −7.2 % (Gävleborg, May → May)
        "registered_unemployed": -1.2,  # 12487 / 12636 − 1 = −1.2 %
        "programme_fye": -3.8,  # 145849 / 151639 − 1 = −3.8 % (SCB, Sweden)
        "external_purchases": -40.0,  # 1200 / 2000 − 1 = −40.0 % (million SEK)
        "extra_jobs": -66.3,  # 6000 / 17820 − 1 = −66.3 % (Nov 2018 → Oct 2019, about)
    }
    to_2020 = ch["pct_c"].dropna().round(1).to_dict()
    assert to_2020 == {
        "Arbetsförmedlingen": -46.7,  # 81 / 152 − 1 = −46.7 %
        "Kommunen": -64.9,  # 26 / 74 − 1 = −64.9 %
        "Övriga": -41.2,  # 10 / 17 − 1 = −41.2 %
        "programme_fye": 13.7,  # 172472 / 151639 − 1 = +13.7 %
    }
    assert list(ch["approximate"][ch["approximate"]].index) == ["extra_jobs"]  # 6 000 is "about"


def test_the_table_and_chart_show_those_numbers_in_both_languages(frames):
    en, sv = (placements.context_section(frames, lang).html for lang in LANGS)
    for value in ("8,063", "7,481", "\u22127.2", "12,636", "12,487", "\u22121.2", "151,639", "145,849",
                  "\u22123.8", "172,472", "+13.7", "2,000", "1,200", "\u221240.0", "17,820", "6,000",
                  "\u221266.3", "\u221238.8", "\u221264.9", "\u221235.3", "\u221246.7", "\u221241.2"):
        assert f">{value}</td>" in en, value
    for value in ("8\u00a0063", "7\u00a0481", "\u22127,2", "145\u00a0849", "\u221266,3", "+13,7"):
        assert f">{value}</td>" in sv, value
    # title: the ASF range and how many public series changed less (3 of 5: −7.2, −1.2, −3.8 > −35.3)
    assert f"by {words.pct(-35.29, 'en', sign=True)} to {words.pct(-64.86, 'en', sign=True)}" in en
    assert "3 of 5 public series changed less" in en and "3 av 5 offentliga serier" in sv
    # the dated events' figures come from context_events.csv
    for figure in ("4,500 million SEK", "4,500 employees", "about 130", "about 6,000", "23 million SEK"):
        assert figure in en, figure
    for date in ("21 December 2018", "30 January 2019", "28 October 2019"):
        assert date in en, date
    assert "21 december 2018" in sv and "4\u00a0500 miljoner kronor" in sv


@pytest.mark.parametrize("lang", LANGS)
def test_sources_are_plain_links_and_nothing_is_loaded_from_outside(frames, lang):
    html = placements.context_section(frames, lang).html
    hrefs = re.findall(r'<a href="([^"]+)">', html)
    used = set(placements.context_changes(frames)["address"]) - {""}  # the public rows' pages
    assert len(used) == 4  # Arbetsförmedlingen's monthly release (2 rows), SCB, Dagens Nyheter, the news
    assert set(hrefs) == set(frames.context_events["address"]) | used
    assert all(h.startswith("https://") for h in hrefs)
    assert not OUTSIDE.search(html)
    assert "Sandvik" in html.split(placements.t("h_context_question", lang))[1]  # a question, after the list


def test_a_link_refuses_an_address_that_is_not_a_web_page():
    made = link("a & b", "https://example.org/?x=1&y=2")
    assert made == '<a href="https://example.org/?x=1&amp;y=2">a &amp; b</a>'
    with pytest.raises(ValueError, match="not a web address"):
        link("x", "javascript:alert(1)")


def placements_calls(chapter: registry.Chapter) -> dict[str, int]:
    """The functions of asfdata.chapters.placements a notebook calls, each with the index of its code cell;
    the notebook committed without outputs."""
    nb = nbformat.read(chapter.notebook_path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.get("outputs") for c in code)
    return {name: i for i, c in enumerate(code) for name in re.findall(r"placements\.(\w+)\(", c.source)}


def test_the_context_is_in_annex_d_after_the_indexed_and_ratio_charts():
    where = placements_calls(registry.chapter("10"))
    assert where["fig_placements_indexed"] < where["fig_placements_ratios"] < where["context_section"]
    assert "context_section" not in placements_calls(registry.chapter("02"))  # shown once, in the annex


@pytest.mark.parametrize("lang", LANGS)
def test_chapter_2_links_to_the_annex_after_the_before_and_after_section(frames, lang):
    chapter, annex = registry.chapter("02"), registry.chapter("10")
    shown = "".join(run_cells(chapter, {"lang": lang}))  # chapter 2 as its notebook shows it
    pointer = annex_pointer(annex.id, lang).html
    assert shown.count(pointer) == 1
    assert shown.index(placements.period_means_section(frames, lang).html) < shown.index(pointer)
    # the paragraph links to annex D by its title and names the context section ("what else changed in 2019")
    assert f'<a href="#{annex.anchor}">{escape(words.chapter_title(annex.id, lang))}</a>' in pointer
    heading = placements.t("h_context_events", lang, year=REFORM_YEAR)
    assert heading[0].lower() + heading[1:] in unescape(re.sub(r"<[^>]+>", "", pointer))
