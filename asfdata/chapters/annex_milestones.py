"""Annex E, the milestones: the dated events this evaluation codes from the report's yearly milestones, on the
same years as the placements, and the list of them (notebooks/11_annex_milestones; chapter 4 links here)."""

from __future__ import annotations

from asfdata import catalogs, registry
from asfdata.render import words
from asfdata.render.html import CHAPTER, h, p
from asfdata.render.section import Section

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(lang: str) -> Section:
    """The annex's heading and what it holds (it states no number of the data: .data is empty)."""
    return Section(h(words.chapter_heading("11", lang), CHAPTER) + p(t("intro", lang)))
