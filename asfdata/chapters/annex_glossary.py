"""Annex F, the glossary: the field's terms and the evaluation's measures, the study's years filled in
(notebooks/12_annex_glossary; the summary links here)."""

from __future__ import annotations

from html import escape

from asfdata import catalogs, registry
from asfdata.render import words
from asfdata.render.html import CHAPTER, h
from asfdata.study import AFTER, BASE_YEAR, BEFORE, REFORM_YEAR

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def glossary(lang: str) -> str:
    """The annex's heading and the glossary as a definition list (terms from the shared words)."""
    years: dict[str, int | str] = {"base": BASE_YEAR, "reform_year": REFORM_YEAR}
    years |= {"before": words.years(*BEFORE), "after": words.years(*AFTER)}
    terms = [e.key.removeprefix("glossary_term_") for e in words.SHARED.prefixed("glossary_term_")]
    rows = "".join(
        f"<dt>{escape(t(f'glossary_term_{x}', lang, **years))}</dt>\n"
        f"<dd>{escape(t(f'glossary_text_{x}', lang, **years))}</dd>\n"
        for x in terms
    )
    return h(words.chapter_heading("12", lang), CHAPTER) + f'<dl class="asf-glossary">\n{rows}</dl>\n'
