"""Annex B, the ten people statement by statement: each statement of the report about the funded placements'
people, whether it holds in each reading of the yearly detail, and the smallest corrections
(notebooks/08_annex_people; chapter 3 keeps the conclusions and links here)."""

from __future__ import annotations

from asfdata import catalogs, registry
from asfdata.render import words
from asfdata.render.html import CHAPTER, h, p

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(lang: str) -> str:
    """The annex's heading and what it holds."""
    return h(words.chapter_heading("08", lang), CHAPTER) + p(t("intro", lang))
