"""Appendix, every transcribed figure and the sentence of the report it comes from
(notebooks/07_sources): the inventory (data/processed/inventory.csv) read sentence by sentence."""

from __future__ import annotations

from html import escape

import pandas as pd

from asfdata import catalogs, registry
from asfdata.pipeline.data import Frames
from asfdata.render import words
from asfdata.render.html import CHAPTER, TEXT, h, p
from asfdata.render.section import Section, stated, tidy
from asfdata.render.words import unbreakable

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def sentences(inventory: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of the report holding transcribed figures: line (in the report's text),
    figures (as written), section, sentence, places (raw file and line of each figure), from the
    inventory's frame."""
    rows = inventory.loc[inventory["status"] == "transcribed"].sort_values(["line", "column"], kind="stable")
    out: dict[str, dict] = {}
    for r in rows.itertuples(index=False):
        empty = {"line": int(r.line), "figures": [], "sections": [], "places": []}
        s = out.setdefault(r.sentence, empty)
        s["figures"].append(r.token)
        for key, value in (("sections", r.section), ("places", f"{r.file} {r.row}")):
            if value not in s[key]:
                s[key].append(value)
    return pd.DataFrame(
        [
            {"line": s["line"], "figures": s["figures"], "section": "; ".join(s["sections"]),
             "sentence": sentence, "places": s["places"]}
            for sentence, s in out.items()
        ]
    )


def sources_table(frame: pd.DataFrame, lang: str) -> str:
    """The table: figures, report section, the report's words (a Swedish quotation), data file and line."""
    heads = [escape(t(k, lang)) for k in ("col_figures", "col_section", "col_sentence", "col_places")]
    head = "".join(f'<th scope="col" class="{TEXT}">{x}</th>' for x in heads)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{TEXT}" data-label="{label}">{content}</td>'
            for label, content in zip(heads, (
                escape(unbreakable("; ".join(r.figures))),
                escape(r.section),
                f'<q lang="sv">{escape(unbreakable(r.sentence))}</q>',
                "<br>".join(f"<code>{escape(x)}</code>" for x in r.places),
            ), strict=True)
        )
        + "</tr>\n"
        for r in frame.itertuples()
    )
    caption = t("caption_sources", lang, n=words.num(sum(map(len, frame["figures"])), lang))
    return (
        '<div class="asf-table-block">\n<table class="asf-table asf-sources">\n'
        f"<caption>{escape(caption)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n</div>\n"
    )


def appendix(frames: Frames, lang: str) -> Section:
    """The whole appendix: heading, how to read it, the table (.data: one row per transcribed figure: as the
    report writes it, its value, its section, its sentence (in Swedish; in the Swedish edition alone, as the
    English one leaves the quotation out), its place (data file and line); then the counts of figures and
    sentences)."""
    frame = sentences(frames.inventory)
    n = words.num(sum(map(len, frame["figures"])), lang)
    html = (
        h(words.chapter_heading("07", lang), CHAPTER)
        + p(t("intro", lang, n=n, sentences=words.num(len(frame), lang)))
        + sources_table(frame, lang)
    )
    inv = frames.inventory
    rows = inv.loc[inv["status"] == "transcribed"].sort_values(["line", "column"], kind="stable")
    figures = pd.DataFrame({"figure": rows["token"], "value": rows["value"], "section": rows["section"],
                            "sentence": rows["sentence"],
                            "place": [f"{f} {r}" for f, r in zip(rows["file"], rows["row"], strict=True)]})
    # the sentence is shown in the Swedish edition alone (a quotation in Swedish): kept there
    figures = figures.reset_index(drop=True) if lang == "sv" else figures.drop(columns=["sentence"])
    counts = stated(figures=sum(map(len, frame["figures"])), sentences=len(frame))
    return Section(html, tidy(figures, counts))
