"""Annex B, the ten people statement by statement: each statement of the report about the funded placements'
people, whether it holds in each reading of the yearly detail, and the smallest corrections
(notebooks/08_annex_people; chapter 3 keeps the conclusions and links here)."""

from __future__ import annotations

from asfdata import catalogs, registry
from asfdata.render import words
from asfdata.render.html import CHAPTER, h, p
from asfdata.render.section import Section

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(lang: str) -> Section:
    """The annex's heading and what it holds (it states no number of the data: .data is empty)."""
    return Section(h(words.chapter_heading("08", lang), CHAPTER) + p(t("intro", lang)))
