"""Every section is data: each block a chapter notebook shows is a Section (asfdata.render.section) whose
HTML is the report's, whose .data holds exactly the numbers it shows, and whose .figure, for a chart, is a
matplotlib Figure.

The numbers are compared both ways, for every block of every chapter in both languages (run in this
process as the report's kernel runs them, tests/chapter_cells.py, the charts undrawn):
- every figure a reader sees (tests/visible.py: the text and the charts' alternative texts, code and the
  other language left out) is a number of .data, at the precision shown: a numeric cell, or a figure inside
  a text cell (an audit note, a milestone's description);
- every number in a numeric column of .data is a figure the reader sees.
Allowances, each for a figure that labels rather than counts:
- a year (a whole number 1990–2100: periods, sources, headings) need not be in .data;
- a figure the words catalogs write themselves (the 95 % of an interval, "1 = fell most") need not be;
- the chart's drawing is left out (its tick labels; its values are in its alternative text and table);
- the chapter's number in its heading is left out;
- a sign may be in the words: "fell by 46.5 %" states the −46.5 of .data.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from chapter_cells import run_sections  # tests/ is on sys.path (pytest rootdir-less import)
from matplotlib.figure import Figure
from prose import numbers, value
from visible import VisibleText, read

from asfdata import catalogs, registry
from asfdata.render.section import YEAR_COLUMN, Section, stated, tidy
from asfdata.render.widths import WIDTHS
from asfdata.render.words import unbreakable

LANGS = ("en", "sv")
YEARS = (1990, 2100)  # a whole number in this range is read as a year (a label, allowance 1)
CHART = re.compile(r'<svg\b[^>]*?aria-label="([^"]*)"[^>]*?(?:/>|>.*?</svg>)', re.S)


@pytest.fixture(scope="module")
def shown() -> dict[tuple[str, str], list]:
    """(chapter id, lang) -> the blocks its notebook shows."""
    return {(c.id, lang): run_sections(c, {"lang": lang}) for c in registry.REPORT_CHAPTERS for lang in LANGS}


def seen(html: str, lang: str) -> list[tuple[float, int]]:
    """The figures a reader sees in a block's HTML, as (number, decimals): the charts' drawings left out
    (their alternative texts kept), and the chapter's number in its heading."""
    parser = read(CHART.sub(lambda m: f"<p>{m.group(1)}</p>", html), VisibleText(lang))
    out = []
    for (_, text), kind in zip(parser.pieces, parser.kinds, strict=True):
        if kind == "h2":
            text = re.sub(r"^\d+ ", "", text)
        out += [value(f, lang) for f in numbers(text)]
    return out


def in_words(lang: str) -> set[tuple[float, int]]:
    """The figures the words catalogs write themselves, placeholders left out (allowance 2)."""
    out = set()
    for path in registry.CATALOGS:
        for entry in catalogs.load(path).entries.values():
            for form in entry.forms(lang):
                out |= {value(f, lang) for f in numbers(re.sub(r"\{[^}]*\}", " ", form))}
    return out


def in_data(section: Section, lang: str) -> tuple[list[float], list[float]]:
    """The numbers of a section's .data: (those of its numeric columns, those inside its text cells)."""
    d = section.data
    numeric = d.select_dtypes(include="number")
    cells = [float(v) for c in numeric.columns for v in numeric[c].dropna()]
    texts = [x for c in d.columns if c not in numeric.columns for x in d[c] if isinstance(x, str)]
    # a text cell read as the page writes it: the report's number groups bound (words.unbreakable)
    return cells, [value(f, lang)[0] for text in texts for f in numbers(unbreakable(text))]


def close(a: float, b: float, decimals: int) -> bool:
    """True when a, rounded to decimals, is shown as b (either sign)."""
    return abs(abs(a) - abs(b)) <= 0.5 * 10 ** -decimals + 1e-9


def is_year(number: float, decimals: int) -> bool:
    return decimals == 0 and YEARS[0] <= number <= YEARS[1]


def mismatches(section: Section, lang: str, words_say: set) -> tuple[list, list]:
    """(figures shown but not in .data, numbers of .data not shown)."""
    figures = seen(section.html, lang)
    cells, texts = in_data(section, lang)
    unexplained = sorted({(x, d) for x, d in figures if not is_year(x, d) and (x, d) not in words_say
                          and not any(close(v, x, d) for v in cells + texts)})
    unshown = sorted({v for v in cells if not any(close(v, x, d) for x, d in figures)})
    return unexplained, unshown


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chapter", registry.REPORT_CHAPTERS, ids=lambda c: c.notebook)
def test_every_section_holds_the_numbers_it_shows(shown, chapter, lang):
    words_say = in_words(lang)
    blocks = shown[(chapter.id, lang)]
    assert blocks
    problems = []
    for i, block in enumerate(blocks):
        assert isinstance(block, Section), f"{chapter.notebook} block {i}: {type(block).__name__}"
        unexplained, unshown = mismatches(block, lang, words_say)
        if unexplained or unshown:
            problems.append(f"block {i} ({block.html[:60]!r}): shown, not in .data: {unexplained}; "
                            f"in .data, not shown: {unshown}")
    assert problems == []


def test_years_in_data_are_whole_numbers(shown):
    """A column of years in any section's .data holds whole numbers (an integer dtype), never 2016.0, even
    where a section stacks rows that lack years (asfdata.render.section.tidy)."""
    floats = [f"{c.notebook} block {i}: {col} {block.data[col].dtype}"
              for c in registry.REPORT_CHAPTERS for i, block in enumerate(shown[(c.id, "en")])
              for col in block.data.columns if YEAR_COLUMN.search(str(col))
              and pd.api.types.is_float_dtype(block.data[col])]  # (a period or a list of years is text)
    assert floats == []
    stacked = tidy(pd.DataFrame({"year": [2016, 2017], "people": [1, 2]}), stated(people_total=3))
    assert str(stacked["year"].dtype) == "Int64" and stacked["year"].tolist()[:2] == [2016, 2017]


def test_every_chart_carries_its_figure(shown):
    """A section with a chart (a <figure> element) has .figure, a new matplotlib Figure each time, which an
    evaluator can restyle or save; a section without one has none."""
    charts = 0
    for block in shown[("02", "en")] + shown[("10", "en")]:
        if "<figure" in block.html:
            charts += 1
            figure = block.figure
            assert isinstance(figure, Figure) and figure.axes and figure is not block.figure
            assert figure.get_figwidth() == WIDTHS[0].inches  # drawn at the printed width
        else:
            assert block.figure is None
    assert charts == 6  # chapter 2: people placed, the parts; annex D: per company, indexed, ratios, context


def test_every_chart_of_every_chapter_can_draw_itself(shown):
    """Every section with a chart, in every chapter, has a drawing (checked without drawing: the chapters'
    other charts are drawn above and in test_charts.py)."""
    blocks = [b for c in registry.REPORT_CHAPTERS for b in shown[(c.id, "en")]]
    with_chart = [b for b in blocks if "<figure" in b.html]
    assert len(with_chart) == 13 and all(callable(b.draw) for b in with_chart)
    assert all(b.draw is None for b in blocks if "<figure" not in b.html)


def test_the_check_finds_a_number_missing_either_way(shown):
    """The comparison fails a section whose .data lacks a figure it shows, or holds one it does not."""
    block = shown[("02", "en")][2]  # from autumn 2018 to autumn 2019: 152 → 93 (−59, −38.8 %) …
    words_say = in_words("en")
    assert mismatches(block, "en", words_say) == ([], [])
    more = Section(block.html, pd.concat([block.data, pd.DataFrame({"change": [12345.0]})]))
    assert mismatches(more, "en", words_say) == ([], [12345.0])
    fewer = Section(block.html, block.data.drop(columns=["change_pct"]))
    assert (-38.8, 1) in mismatches(fewer, "en", words_say)[0]  # Arbetsförmedlingen's −38.8 %
