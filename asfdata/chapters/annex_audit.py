"""Annex C, the full audit and the assumptions log: every check with its note, and every assumption the
chapters cite (notebooks/09_annex_audit; chapter 6 keeps the disagreements and links here)."""

from __future__ import annotations

from asfdata import catalogs, registry
from asfdata.render import words
from asfdata.render.html import CHAPTER, h, p

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(lang: str) -> str:
    """The annex's heading and what it holds."""
    return h(words.chapter_heading("09", lang), CHAPTER) + p(t("intro", lang))
