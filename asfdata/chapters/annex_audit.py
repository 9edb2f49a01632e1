"""Annex C, the full audit and the assumptions log: every check with its note, and every assumption the
chapters cite (notebooks/09_annex_audit; chapter 6 keeps the disagreements and links here)."""

from __future__ import annotations

from asfdata import catalogs, registry
from asfdata.render import words
from asfdata.render.html import CHAPTER, h, p
from asfdata.render.section import Section

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(lang: str) -> Section:
    """The annex's heading and what it holds (it states no number of the data: .data is empty)."""
    return Section(h(words.chapter_heading("09", lang), CHAPTER) + p(t("intro", lang)))
