"""Annex D, more on employees and people placed: employees per company, the series indexed to the base
year, the counts per company and per employee, and what else changed in the reform year
(notebooks/10_annex_placements; chapters 1 and 2 link here)."""

from __future__ import annotations

from asfdata import catalogs, registry
from asfdata.render import words
from asfdata.render.html import CHAPTER, h, p
from asfdata.render.section import Section

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(lang: str) -> Section:
    """The annex's heading and what it holds (it states no number of the data: .data is empty)."""
    return Section(h(words.chapter_heading("10", lang), CHAPTER) + p(t("intro", lang)))
