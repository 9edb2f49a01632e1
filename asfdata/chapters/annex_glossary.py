"""Annex F, the glossary: the field's terms and the evaluation's measures, the study's years filled in
(notebooks/12_annex_glossary; the summary links here)."""

from __future__ import annotations

from html import escape

import pandas as pd

from asfdata import catalogs, registry
from asfdata.render import words
from asfdata.render.html import CHAPTER, h
from asfdata.render.section import Section, stated, tidy
from asfdata.study import Study

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def glossary(lang: str, study: Study | None = None) -> Section:
    """The annex's heading and the glossary as a definition list (terms from the shared words), the study's
    years filled in (study: asfdata.study.Study, its defaults unless given); .data: each term and its text
    in lang, then the years."""
    study = study or Study()
    years: dict[str, int | str] = {"base": study.base_year, "reform_year": study.reform_year}
    years |= {"before": words.years(*study.before), "after": words.years(*study.after)}
    terms = [e.key.removeprefix("glossary_term_") for e in words.SHARED.prefixed("glossary_term_")]
    entries = pd.DataFrame({"term": [t(f"glossary_term_{x}", lang, **years) for x in terms],
                            "text": [t(f"glossary_text_{x}", lang, **years) for x in terms]})
    rows = "".join(f"<dt>{escape(term)}</dt>\n<dd>{escape(text)}</dd>\n"
                   for term, text in zip(entries["term"], entries["text"], strict=True))
    html = h(words.chapter_heading("12", lang), CHAPTER) + f'<dl class="asf-glossary">\n{rows}</dl>\n'
    used = stated(base_year=study.base_year, reform_year=study.reform_year, before_from=study.before[0],
                  before_to=study.before[1], after_from=study.after[0], after_to=study.after[1])
    return Section(html, tidy(entries, used))
