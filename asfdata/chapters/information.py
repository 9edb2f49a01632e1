"""Chapter 4, information reach and activities: its sentences, tables and charts
(notebooks/04_information_reach_and_activities)."""

from __future__ import annotations

import pandas as pd

from asfdata import metrics as M
from asfdata.chapters.common import PLACED_BY, event_marks
from asfdata.chapters.information_words import WORDS
from asfdata.pipeline.audit import swapped_digits
from asfdata.render import words as W
from asfdata.render.charts import bar_line_chart, figure_png, timeline_chart
from asfdata.render.html import figure_html, formatted, h, p, table_html
from asfdata.render.phrases import alt_lines, source_line, with_marks

t = W.translator(WORDS)


def intro(frames: dict, lang: str) -> str:
    """The chapter's heading (h1) and introductory paragraph."""
    text = t("intro", lang, last_year=int(frames["snapshots"]["year"].max()))
    return h(W.chapter_heading("04", lang), 1) + p(text)


# ---- sentences ---------------------------------------------------------------------------------------------


def informed_finding(snapshots: pd.DataFrame, claims: pd.DataFrame, audit, lang: str) -> str:
    """Sum of the yearly informed figures against the stated period total, and the peak year."""
    v = M.informed_vs_stated(snapshots, claims, audit)
    cum = M.informed_cumulative(snapshots)
    peak = cum.loc[cum["informed"].idxmax()]
    text = t(
        "finding_informed",
        lang,
        computed=W.num(v["computed"], lang),
        years=W.years(v["year_from"], v["year_to"]),
        stated=W.num(v["stated"], lang),
        diff=W.num(v["difference"], lang, sign=True),
        peak_year=int(peak["year"]),
        peak=W.num(peak["informed"], lang),
    )
    if swapped_digits(v["stated"], v["computed"]):
        text += t("informed_swapped", lang)
    return text


# ---- sections and tables -----------------------------------------------------------------------------------


def informed_section(frames: dict, lang: str) -> str:
    """Sentences on people informed: sum against the stated total, and the 'in volume' caution."""
    s = frames["snapshots"]
    return p(informed_finding(s, frames["claims"], frames.get("audit"), lang)) + p(
        t("informed_volume", lang)
    )


def informed_table(frames: dict, lang: str) -> str:
    """People informed per year and cumulatively, with the stated period total as the last row."""
    s, claims = frames["snapshots"], frames["claims"]
    cum = M.informed_cumulative(s)
    v = M.informed_vs_stated(s, claims, frames.get("audit"))
    spec = [
        ("year", t("col_year", lang), "text"),
        ("informed", t("col_informed", lang), "int"),
        ("cumulative", t("col_cumulative", lang), "int"),
    ]
    rows = cum.assign(year=cum["year"].astype(str))
    stated = pd.DataFrame(
        [
            {
                "year": t("row_stated_period_total", lang, years=W.years(v["year_from"], v["year_to"])),
                "informed": float("nan"),
                "cumulative": float(v["stated"]),
            }
        ]
    )
    return table_html(formatted(pd.concat([rows, stated], ignore_index=True), spec, lang))


def kinds_table(counts: pd.DataFrame, lang: str) -> str:
    """Milestones per kind (rows, names in lang) and year (columns), 0 where none."""
    w = counts.pivot_table(index="kind", columns="year", values="count", aggfunc="sum", fill_value=0)
    w = w.assign(_name=[W.kind(k, lang) for k in w.index]).sort_values("_name")
    out = pd.DataFrame({t("col_kind", lang): w["_name"].to_numpy()})
    for y in sorted(c for c in w.columns if c != "_name"):
        out[str(y)] = [W.num(v, lang) for v in w[y]]
    return table_html(out)


def events_section(frames: dict, lang: str) -> str:
    """The milestones as a table in lang (descriptions escaped)."""
    ev = M.events_table(frames["events"])
    when = [
        W.month(m, lang) if not pd.isna(m) else (W.period_text(pt, lang) if isinstance(pt, str) else "")
        for m, pt in zip(ev["month"], ev["period_text"], strict=True)
    ]
    ev = ev.assign(
        when=when,
        kind=[W.kind(k, lang) for k in ev["kind"]],
        description=ev["description_sv" if lang == "sv" else "description_en"],
    )
    spec = [
        ("year", t("col_year", lang), "year"),
        ("when", t("col_when", lang), "text"),
        ("kind", t("col_kind", lang), "text"),
        ("actor", t("col_actor", lang), "text"),
        ("description", t("col_description", lang), "text"),
        ("source", t("col_source", lang), "text"),
    ]
    return h(t("h_events", lang)) + table_html(formatted(ev, spec, lang), t("events_caption", lang))


# ---- charts ------------------------------------------------------------------------------------------------


def fig_informed(frames: dict, lang: str) -> str:
    """People informed per year and cumulatively, with the report's stated period total."""
    s, claims = frames["snapshots"], frames["claims"]
    cum = M.informed_cumulative(s)
    v = M.informed_vs_stated(s, claims, frames.get("audit"))
    ref = (
        float(v["stated"]),
        t(
            "mark_stated_period",
            lang,
            years=W.years(v["year_from"], v["year_to"]),
            value=W.num(v["stated"], lang),
        ),
    )
    title = t("title_informed", lang, computed=W.num(v["computed"], lang), stated=W.num(v["stated"], lang))
    src = source_line(list(cum["source"]) + [v["source"]], lang)
    fig = bar_line_chart(
        cum, reference=ref, title=title, ylabel=t("axis_informed", lang), source=src, lang=lang
    )
    tidy = pd.concat(
        [
            pd.DataFrame({"year": cum["year"], "category": k, "value": cum[k]})
            for k in ("informed", "cumulative")
        ],
        ignore_index=True,
    )
    alt = f"{alt_lines(t('what_informed', lang), tidy, lang, key='alt_bar_line')} {ref[1]}."
    return figure_html(figure_png(fig), alt, src, informed_table(frames, lang))


def fig_timeline(frames: dict, lang: str) -> str:
    """Milestones per kind and year under the placement series, on the same years."""
    s, ev = frames["snapshots"], frames["events"]
    d = M.with_sum_of_parts(s, *PLACED_BY)
    counts = M.event_counts(ev)
    tot = d.loc[d["category"] == M.SUM_OF_PARTS].set_index("year")["value"]
    title = t(
        "title_timeline",
        lang,
        peak_year=int(tot.idxmax()),
        n=W.num(counts["count"].sum(), lang),
        years=W.years(int(ev["year"].min()), int(ev["year"].max())),
    )
    src = source_line(list(d["source"]) + list(ev["source"]), lang)
    at = event_marks(ev, lang)
    fig = timeline_chart(
        d,
        counts,
        title=title,
        ylabel=t("axis_people_placed", lang),
        source=src,
        lang=lang,
        top_title=t("panel_placements", lang),
        bottom_title=t("panel_milestones", lang),
        at=at,
    )
    per_year = counts.groupby("year")["count"].sum()
    events = "; ".join(f"{y}: {W.num(c, lang)}" for y, c in per_year.items())
    alt = f"{alt_lines(t('what_timeline', lang), d, lang)} {t('alt_timeline_events', lang, values=events)}."
    table = kinds_table(counts, lang)
    return (
        h(t("h_timeline", lang))
        + figure_html(figure_png(fig), with_marks(alt, at, lang), src, table)
        + p(t("timeline_caution", lang), "asf-caution")
    )
