"""Chapter 4, information reach and activities: its sentences, tables and charts
(notebooks/04_information)."""

from __future__ import annotations

from functools import partial

import pandas as pd

from asfdata import catalogs, metrics, registry
from asfdata.chapters.common import PLACED_BY, event_marks
from asfdata.pipeline.audit import swapped_digits
from asfdata.pipeline.data import Frames
from asfdata.render import words
from asfdata.render.charts import bar_line_chart, timeline_chart
from asfdata.render.html import CHAPTER, figure_html, formatted, h, p, table_html
from asfdata.render.phrases import alt_lines, source_line, with_marks
from asfdata.render.section import Section, series, stated, tidy
from asfdata.render.svg import chart_svgs

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)
PROJECT = "project"  # the kind of milestone whose rows may name one project twice (assumption A16)
ACTOR_SEP = "; "  # between the actors of one milestone (events.csv, actor)
INFO_KINDS = ("conference", "information", "training", "publication")  # milestones of the information work


def intro(frames: Frames, lang: str) -> Section:
    """The chapter's heading and introductory paragraph (.data: the last year, the milestones)."""
    last_year, n = int(frames.snapshots["year"].max()), len(frames.events)
    text = t("intro", lang, last_year=last_year, n=words.num(n, lang))
    return Section(h(words.chapter_heading("04", lang), CHAPTER) + p(text),
                   stated(last_year=last_year, milestones=n))


# ---- sentences ---------------------------------------------------------------------------------------------


def work_section(frames: Frames, lang: str) -> Section:
    """What the information work consisted of, by the milestones of each kind of it (INFO_KINDS); .data:
    kind and milestones, one row each."""
    counts = frames.events["kind"].value_counts()
    kinds = [(k, int(counts.get(k, 0))) for k in INFO_KINDS if counts.get(k, 0)]
    items = [t("item_work", lang, kind=words.lower_first(words.kind(k, lang)), n=words.num(n, lang))
             for k, n in kinds]
    return Section(p(t("finding_work", lang, items=words.join(items, lang))),
                   pd.DataFrame(kinds, columns=["kind", "milestones"]))


def informed_finding(snapshots: pd.DataFrame, claims: pd.DataFrame, audit, lang: str) -> str:
    """Sum of the yearly informed figures against the stated period total, and the peak year."""
    v = metrics.informed_vs_stated(snapshots, claims, audit)
    cum = metrics.informed_cumulative(snapshots)
    peak = cum.loc[cum["informed"].idxmax()]
    text = t(
        "finding_informed",
        lang,
        computed=words.num(v["computed"], lang),
        years=words.years(v["year_from"], v["year_to"]),
        stated=words.num(v["stated"], lang),
        diff=words.num(v["difference"], lang, sign=True),
        peak_year=int(peak["year"]),
        peak=words.num(peak["informed"], lang),
    )
    if swapped_digits(v["stated"], v["computed"]):
        text += t("informed_swapped", lang)
    return text


def top_years(events: pd.DataFrame) -> tuple[list[int], int]:
    """Every year with the most milestones, in order, and that number (a tie names each year)."""
    per_year = events.groupby("year")["kind"].size()
    top = int(per_year.max())
    return [int(y) for y in per_year.index[per_year == top]], top


def same_projects(events: pd.DataFrame) -> list[dict]:
    """Groups of project milestones of one year and month with an actor in common, perhaps one project (A16):
    year, month, rows, shared actors, and the year's and all milestones were each group counted as one."""
    projects = events[(events["kind"] == PROJECT) & events["month"].notna()]
    per_year = events.groupby("year")["kind"].size()
    out = []
    for (year, month), g in projects.groupby(["year", "month"], sort=True):
        actors = [str(a).split(ACTOR_SEP) if isinstance(a, str) else [] for a in g["actor"]]
        shared = [a for a in actors[0] if all(a in others for others in actors[1:])]
        if len(g) < 2 or not shared:
            continue
        fewer = len(g) - 1  # the group counted as one milestone
        out.append({"year": int(year), "month": int(month), "rows": len(g), "actors": shared,
                    "year_count": int(per_year[year]) - fewer, "total": len(events) - fewer})
    return out


def same_project_notes(events: pd.DataFrame, lang: str) -> str:
    """One paragraph per group of same_projects: counted as separate milestones, and the counts as one."""
    return "".join(
        p(t("same_project", lang, count=words.upper_first(words.number_word(g["rows"], lang)),
            month=words.month(g["month"], lang), year=g["year"], actor=words.join(g["actors"], lang),
            k=words.num(g["year_count"], lang), total=words.num(g["total"], lang)))
        for g in same_projects(events)
    )


# ---- sections and tables -----------------------------------------------------------------------------------


def informed_section(frames: Frames, lang: str) -> Section:
    """Sentences on people informed: sum against the stated total, and the 'in volume' caution (.data:
    their numbers, one row)."""
    s = frames.snapshots
    html = p(informed_finding(s, frames.claims, frames.audit, lang)) + p(t("informed_volume", lang))
    return Section(html, informed_numbers(frames))


def informed_numbers(frames: Frames) -> pd.DataFrame:
    """What the sentences and the chart's caption state of people informed: the period, the sum of the
    yearly figures, the stated total, their difference, the peak year and its figure (people)."""
    v = metrics.informed_vs_stated(frames.snapshots, frames.claims, frames.audit)
    cum = metrics.informed_cumulative(frames.snapshots)
    peak = cum.loc[cum["informed"].idxmax()]
    return stated(year_from=v["year_from"], year_to=v["year_to"], sum_people=v["computed"],
                  stated_people=v["stated"], difference_people=v["difference"], peak_year=int(peak["year"]),
                  peak_people=peak["informed"])


def informed_table(frames: Frames, lang: str) -> str:
    """People informed per year and cumulatively, with the stated period total as the last row."""
    s, claims = frames.snapshots, frames.claims
    cum = metrics.informed_cumulative(s)
    v = metrics.informed_vs_stated(s, claims, frames.audit)
    spec = [
        ("year", t("col_year", lang), "text"),
        ("informed", t("col_informed", lang), "int"),
        ("cumulative", t("col_cumulative", lang), "int"),
    ]
    rows = cum.assign(year=cum["year"].astype(str))
    stated = pd.DataFrame(
        [
            {
                "year": t("row_stated_period_total", lang, years=words.years(v["year_from"], v["year_to"])),
                "informed": float("nan"),
                "cumulative": float(v["stated"]),
            }
        ]
    )
    table = formatted(pd.concat([rows, stated], ignore_index=True), spec, lang)
    return table_html(table, t("caption_informed", lang))


def kinds_table(counts: pd.DataFrame, lang: str) -> str:
    """Milestones per kind (rows, names in lang) and year (columns), 0 where none."""
    w = counts.pivot_table(index="kind", columns="year", values="count", aggfunc="sum", fill_value=0)
    w = w.assign(_name=[words.kind(k, lang) for k in w.index]).sort_values("_name")
    out = pd.DataFrame({t("col_kind", lang): w["_name"].to_numpy()})
    for y in sorted(c for c in w.columns if c != "_name"):
        out[str(y)] = [words.num(v, lang) for v in w[y]]
    return table_html(out, t("caption_kinds", lang))


def events_section(frames: Frames, lang: str) -> Section:
    """The milestones as a table in lang (descriptions escaped); .data: year, when, kind, actor, description
    (in lang) and source of each (the report's section and the line of its text where the milestone is
    stated)."""
    ev = metrics.events_table(frames.events)
    when = [
        words.month(m, lang) if not pd.isna(m)
        else (words.period_text(pt, lang) if isinstance(pt, str) else words.t("when_unstated", lang))
        for m, pt in zip(ev["month"], ev["period_text"], strict=True)
    ]
    ev = ev.assign(
        when=when,
        kind=[words.kind(k, lang) for k in ev["kind"]],
        description=ev["description_sv" if lang == "sv" else "description_en"],
        source=[words.t("source_at_line", lang, section=s, line=int(n))
                for s, n in zip(ev["source"], ev["line"], strict=True)],
    )
    spec = [
        ("year", t("col_year", lang), "year"),
        ("when", t("col_when", lang), "text"),
        ("kind", t("col_kind", lang), "text"),
        ("actor", t("col_actor", lang), "text"),
        ("description", t("col_description", lang), "text"),
        ("source", t("col_source", lang), "text"),
    ]
    data = ev[["year", "when", "kind", "actor", "description", "source"]].reset_index(drop=True)
    return Section(h(t("h_events", lang)) + table_html(formatted(ev, spec, lang), t("events_caption", lang)),
                   data)


# ---- charts ------------------------------------------------------------------------------------------------


def fig_informed(frames: Frames, lang: str) -> Section:
    """People informed per year and cumulatively, with the report's stated period total (.data: per year,
    people informed and cumulatively; then the stated total, the sum, their difference, the peak)."""
    s, claims = frames.snapshots, frames.claims
    cum = metrics.informed_cumulative(s)
    v = metrics.informed_vs_stated(s, claims, frames.audit)
    years = words.years(v["year_from"], v["year_to"])
    ref = (float(v["stated"]), t("mark_stated_period", lang, years=years, value=words.num(v["stated"], lang)))
    title = t("title_informed", lang, computed=words.num(v["computed"], lang),
              stated=words.num(v["stated"], lang))
    peak = cum.loc[cum["informed"].idxmax()]
    takeaway = t("takeaway_informed", lang, peak_year=int(peak["year"]),
                 peak=words.num(peak["informed"], lang), diff=words.num(v["difference"], lang, sign=True))
    draw = partial(bar_line_chart, cum, reference=ref, ylabel=t("axis_informed", lang), lang=lang,
                   xlabel=words.t("axis_calendar_year", lang))
    plotted = pd.concat(
        [
            pd.DataFrame({"year": cum["year"], "category": k, "value": cum[k]})
            for k in ("informed", "cumulative")
        ],
        ignore_index=True,
    )
    html = figure_html(
        chart_svgs(draw), title=title, subtitle=t("subtitle_informed", lang, y0=int(cum["year"].min())),
        takeaway=takeaway, source=source_line(list(cum["source"]) + [v["source"]], lang),
        alt=f"{alt_lines(t('what_informed', lang), plotted, lang, key='alt_bar_line')} {ref[1]}.",
        table=informed_table(frames, lang),
    )
    yearly = cum[["year", "informed", "cumulative"]].rename(
        columns={"informed": "informed_people", "cumulative": "cumulative_people"})
    return Section(html, tidy(yearly, informed_numbers(frames)), draw)


def fig_timeline(frames: Frames, lang: str) -> Section:
    """Milestones per kind and year under the placement series, on the same years (.data: people placed per
    year and category; milestones per year and kind; the total and the most in a year; each group of
    project milestones that may be one project, and the counts were it one)."""
    s, ev = frames.snapshots, frames.events
    d = metrics.with_sum_of_parts(s, *PLACED_BY)
    counts = metrics.event_counts(ev)
    tot = d.loc[d["category"] == metrics.SUM_OF_PARTS].set_index("year")["value"]
    n = counts["count"].sum()
    title = t(
        "title_timeline",
        lang,
        peak_year=int(tot.idxmax()),
        n=words.num(n, lang),
        years=words.years(int(ev["year"].min()), int(ev["year"].max())),
    )
    per_year = counts.groupby("year")["count"].sum()
    tops, top = top_years(ev)
    takeaway = t("takeaway_timeline", lang, n=len(tops), top_years=words.join([str(y) for y in tops], lang),
                 top=words.num(top, lang), total=words.num(n, lang))  # n: the form, by the number of years
    at = event_marks(ev, lang)
    draw = partial(timeline_chart, d, counts, ylabel=t("axis_people_placed", lang), lang=lang,
                   bottom_title=t("panel_milestones", lang), at=at,
                   xlabel=words.t("axis_calendar_year", lang))
    events = "; ".join(f"{y}: {words.num(c, lang)}" for y, c in per_year.items())
    alt = f"{alt_lines(t('what_timeline', lang), d, lang)} {t('alt_timeline_events', lang, values=events)}."
    html = (
        h(t("h_timeline", lang))
        + figure_html(
            chart_svgs(draw), title=title, subtitle=t("subtitle_timeline", lang), takeaway=takeaway,
            source=source_line(list(d["source"]) + list(ev["source"]), lang), alt=with_marks(alt, at, lang),
            table=kinds_table(counts, lang),
        )
        + same_project_notes(ev, lang)
        + p(t("timeline_caution", lang), "asf-caution")
    )
    groups = pd.DataFrame([{k: g[k] for k in ("year", "month", "rows", "year_count", "total")}
                           for g in same_projects(ev)])
    groups = groups.rename(columns={"rows": "milestones_in_group", "year_count": "milestones_in_year_as_one",
                                    "total": "milestones_as_one"})
    data = tidy(series(d, "people"), counts.rename(columns={"count": "milestones"}),
                stated(milestones=n, most_milestones_in_a_year=top), groups)
    return Section(html, data, draw)
