"""Chapter 2, people placed and the 2019 reform: its sentences, tables and charts
(notebooks/02_placements)."""

from __future__ import annotations

from functools import partial

import pandas as pd

from asfdata import catalogs, metrics, registry
from asfdata.chapters.common import PLACED_BY, event_marks, parts_data, parts_table, undefined_note
from asfdata.pipeline.data import Frames
from asfdata.render import words
from asfdata.render.charts import bar_chart, line_chart, stacked_bar_chart
from asfdata.render.html import (
    CHAPTER,
    SUBSECTION,
    Markup,
    figure_html,
    formatted,
    h,
    link,
    p,
    table_html,
    ul,
    wide_table,
    with_code,
)
from asfdata.render.phrases import alt_lines, change_words, source_line, with_marks
from asfdata.render.section import Section, change, series, stated, tidy
from asfdata.render.svg import chart_svgs
from asfdata.study import MILESTONES_SECTION, Study

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(frames: Frames, lang: str) -> Section:
    """The chapter's heading and introductory paragraph (.data: the year of the reorganisation)."""
    year = metrics.event_years(frames.events).get("reorganisation", "")
    html = h(words.chapter_heading("02", lang), CHAPTER) + p(t("intro", lang, reform_year=year))
    return Section(html, stated(reorganisation_year=year) if year else pd.DataFrame())


def years(frames: Frames, ya: int | None = None, yb: int | None = None) -> tuple[int, int]:
    """The autumns a change is read between: ya and yb, or the study's base year and reform year
    (frames.study)."""
    return (frames.study.base_year if ya is None else ya, frames.study.reform_year if yb is None else yb)


def periods(frames: Frames) -> tuple[tuple[int, int], tuple[int, int]]:
    """The study's periods before and after (frames.study), narrowed to the years of the autumn counts."""
    return metrics.periods(frames.snapshots["year"], frames.study.before, frames.study.after)


# ---- sentences ---------------------------------------------------------------------------------------------


def placements(snapshots: pd.DataFrame) -> pd.DataFrame:
    """People placed by placing body (tidy)."""
    return metrics.series(snapshots, *PLACED_BY)


def sum_of_parts(snapshots: pd.DataFrame) -> pd.DataFrame:
    """People placed: the yearly sum of the placing bodies (tidy, category sum_of_parts)."""
    s = metrics.with_sum_of_parts(snapshots, *PLACED_BY)
    return s.loc[s["category"] == metrics.SUM_OF_PARTS].reset_index(drop=True)


def change_year_finding(snapshots: pd.DataFrame, lang: str, ya: int, yb: int) -> str:
    """Change per placing body from autumn ya to autumn yb, in people and percent."""
    ch = metrics.change_between(placements(snapshots), ya, yb)
    items = [
        t("item_change" if r.end != r.start else "item_unchanged", lang,
          placements=words.placed_by(r.category, lang), **change_words(r.start, r.end, lang))
        for r in ch.itertuples()
    ]
    return t("finding_change_year", lang, ya=ya, yb=yb, items=words.join(items, lang))


def fell_most_finding(snapshots: pd.DataFrame, lang: str, study: Study | None = None) -> str:
    """Placing bodies ranked by percent change of the period means (the study's periods), with the change in
    people beside."""
    study = study or Study()
    pm = metrics.period_means(placements(snapshots), study.before, study.after)

    def item(r) -> str:
        return t(
            "item_rank",
            lang,
            placements=words.placed_by(r.category, lang),
            pct=words.pct(r.change_pct, lang, sign=True),
            chg=words.num(r.change, lang, 1, sign=True),
        )

    fell = [r for r in pm.itertuples() if r.change_pct < 0]
    texts = []
    if fell:
        then = t("fell_then", lang, items=words.join([item(r) for r in fell[1:]], lang)) if fell[1:] else ""
        texts.append(
            t(
                "finding_fell_most" if len(fell) > 1 else "finding_fell_only",
                lang,
                first=words.placed_by(fell[0].category, lang),
                pct=words.pct(fell[0].change_pct, lang, sign=True),
                chg=words.num(fell[0].change, lang, 1, sign=True),
                then=then,
            )
        )
    for r in pm.itertuples():
        if r.change_pct >= 0:
            texts.append(
                t(
                    "finding_rose",
                    lang,
                    placements=words.upper_first(words.placed_by(r.category, lang)),
                    verb=words.direction(r.change, lang),
                    pct=words.pct(r.change_pct, lang, sign=True),
                    chg=words.num(r.change, lang, 1, sign=True),
                )
            )
    text = " ".join(texts)
    abs_first = pm.loc[pm["change"].idxmin()]
    if fell and abs_first["change"] < 0 and abs_first["category"] != fell[0].category:
        text += " " + t(
            "finding_fell_most_abs",
            lang,
            placements=words.placed_by(abs_first["category"], lang),
            chg=words.num(abs_first["change"], lang, 1, sign=True),
        )
    return text


def pandemic_finding(snapshots: pd.DataFrame, events: pd.DataFrame, lang: str, study: Study | None = None
                     ) -> str:
    """The pandemic in its year, as the report tells it: the change of the sum of the parts into that year (or
    which autumn count the data lack for it), beside the study's period after."""
    study = study or Study()
    year = metrics.event_years(events)["pandemic"]
    total = sum_of_parts(snapshots).set_index("year")["value"]
    lacking = [y for y in (year - 1, year) if y not in total.index]
    if lacking:
        return t("finding_pandemic_missing", lang, year=year, ya=year - 1, yb=year,
                 missing=words.join([str(y) for y in lacking], lang))
    stated = stated_by_year(snapshots)
    return t(
        "finding_pandemic",
        lang,
        year=year,
        ya=year - 1,
        yb=year,
        after=words.years(*metrics.periods(snapshots["year"], study.before, study.after)[1]),
        **change_words(total[year - 1], total[year], lang),
        **change_words(stated[year - 1], stated[year], lang, prefix="s_"),
    )


def five_points(frames: Frames, lang: str) -> list[str]:
    """What five autumn counts can and cannot show (bullets)."""
    s = frames.snapshots
    pl = placements(s)
    spans = periods(frames)
    before = pl.loc[pl["year"].between(*spans[0])].groupby("category", sort=False)["value"].min()
    after = pl.loc[pl["year"].between(*spans[1])].groupby("category", sort=False)["value"].max()
    after = after.reindex(before.index)  # a body without an autumn count after: not lower
    lower = [words.body(c, lang) for c in before.index if after[c] < before[c]]  # as nouns inside a sentence
    not_lower = [words.body(c, lang) for c in before.index if not after[c] < before[c]]
    c = metrics.series(s, "companies")
    named = {"before": words.years(*spans[0]), "after": words.years(*spans[1])}
    if lower:
        rest = t("five_can_partly", lang, items=words.join(not_lower, lang)) if not_lower else ""
        can = t("five_can", lang, lower=words.join(lower, lang), rest=rest, **named)
    else:
        can = t("five_can_none", lang, **named)
    return [
        can,
        t("five_cannot_when", lang),
        t(
            "five_cannot_cause",
            lang,
            c0=words.num(c["value"].iloc[0], lang),
            c1=words.num(c["value"].iloc[-1], lang),
            funded_end=int(frames.funded_placements["year"].max()),
        ),
        t("five_no_test", lang),
    ]


# ---- sections ----------------------------------------------------------------------------------------------


def change_year_section(frames: Frames, lang: str, ya: int | None = None, yb: int | None = None) -> Section:
    """Change per placing body (and the sum of the parts) from autumn ya to autumn yb (the study's base and
    reform year unless given): sentence and table (.data: one change per row)."""
    ya, yb = years(frames, ya, yb)
    s = frames.snapshots
    stated_total = metrics.series(s, "placements").assign(category="stated_total")  # the sum's other reading
    ch = metrics.change_between(pd.concat([metrics.with_sum_of_parts(s, *PLACED_BY), stated_total]), ya, yb)
    zero = list(ch.loc[ch["start"] == 0, "category"])  # no percent change from a count of 0
    data = tidy(*(change("placements", "people", ya, yb, r.start, r.end, r.category)
                  for r in ch.itertuples()))
    ch = ch.assign(category=[words.name(c, lang) for c in ch["category"]])
    spec = [
        ("category", t("col_body", lang), "text"),
        ("start", t("col_autumn", lang, year=ya), "int"),
        ("end", t("col_autumn", lang, year=yb), "int"),
        ("change", t("col_change_people", lang), "sint"),
        ("change_pct", t("col_change_pct", lang), "spct"),
    ]
    src = source_line([f"{MILESTONES_SECTION} {ya}", f"{MILESTONES_SECTION} {yb}"], lang)
    html = (
        h(t("h_change_year", lang, ya=ya, yb=yb))
        + p(change_year_finding(s, lang, ya, yb))
        + table_html(formatted(ch, spec, lang), t("caption_change_year", lang, ya=ya, yb=yb), source=src,
                     note=undefined_note([(c, ya) for c in zero], lang))
    )
    return Section(html, data)


def shares_finding(snapshots: pd.DataFrame, lang: str, ya: int, yb: int) -> str:
    """Who made up the fall (or the rise, when the sum rose) from autumn ya to yb, and how each body's share
    of the sum of the parts moved."""
    parts = metrics.wide(placements(snapshots))
    total = parts.sum(axis=1)
    share = parts.div(total.where(total != 0), axis=0) * 100  # per cent of the year's sum; undefined on 0
    rose = _sum_rose(parts, ya, yb)
    part = parts.loc[yb] - parts.loc[ya] if rose else parts.loc[ya] - parts.loc[yb]  # people, of the change
    last = int(parts.index.max())
    items = [
        t("item_share" if i else "item_share_first", lang, body=words.body(c, lang),
          n=words.num(part[c], lang), share=words.pct(metrics.ratio(part[c], part.sum()) * 100, lang))
        for i, c in enumerate(parts.columns)
    ]
    stated_total = stated_by_year(snapshots)  # the other reading
    by_stated = abs(stated_total[yb] - stated_total[ya])
    other = t("shares_stated", lang, n=words.num(by_stated, lang)) if by_stated != abs(part.sum()) else ""
    text = t("finding_shares_rise" if rose else "finding_shares", lang, fall=words.num(part.sum(), lang),
             other=other, y0=ya, y1=yb, items=words.join(items, lang))
    if len(parts.columns) < 2:
        return text
    a, k = parts.loc[ya].sort_values(ascending=False, kind="stable").index[:2]  # the two largest bodies
    moved = {c: words.direction(share.loc[yb, c] - share.loc[ya, c], lang) for c in (a, k)}
    return text + " " + t(
        "finding_shares_moved", lang, y2=last,
        a=words.upper_first(words.possessive(a, lang)), a_verb=moved[a],
        k=words.possessive(k, lang), k_verb=moved[k],
        a0_share=words.pct(share.loc[ya, a], lang), a1_share=words.pct(share.loc[yb, a], lang),
        k0_share=words.pct(share.loc[ya, k], lang), k1_share=words.pct(share.loc[yb, k], lang),
        a2_share=words.pct(share.loc[last, a], lang), k2_share=words.pct(share.loc[last, k], lang),
    )


def _sum_rose(parts: pd.DataFrame, ya: int, yb: int) -> bool:
    """Whether the sum of the parts (a wide frame of people placed, a row per year) rose from ya to yb."""
    return bool(parts.loc[yb].sum() > parts.loc[ya].sum())


def shares_section(frames: Frames, lang: str) -> Section:
    """Each placing body's share of the people placed per year, and who made up the fall (or rise) from the
    study's base year to its reform year (.data: the shares, then each body's part of the fall, in people:
    negative where it rose)."""
    s = frames.snapshots
    ya, yb = years(frames)
    shares = metrics.shares(placements(s))
    table = wide_table(shares, lang, t("caption_shares", lang), kind="pct")
    parts = metrics.wide(placements(s))
    heading = t("h_shares_rise" if _sum_rose(parts, ya, yb) else "h_shares", lang)
    html = h(heading) + p(t("shares_intro", lang)) + table + p(shares_finding(s, lang, ya, yb))
    fall = parts.loc[ya] - parts.loc[yb]
    falls = pd.DataFrame({"category": fall.index, "year_from": ya, "year_to": yb,
                          "fall_people": fall.to_numpy(),
                          "fall_share_pct": [metrics.ratio(x, fall.sum()) * 100 for x in fall]})
    stated_total = stated_by_year(s)
    total = pd.DataFrame([{"category": metrics.SUM_OF_PARTS, "year_from": ya, "year_to": yb,
                           "fall_people": fall.sum()},
                          {"category": "stated_total", "year_from": ya, "year_to": yb,
                           "fall_people": stated_total[ya] - stated_total[yb]}])
    return Section(html, tidy(series(shares, "share_pct"), falls, total))


def period_means_section(frames: Frames, lang: str) -> Section:
    """Before/after period means per placing body (the study's periods), ranked by percent change ('fell
    most'); .data: rank, category, the periods, the means, the change."""
    s = frames.snapshots
    spans = periods(frames)
    pm = metrics.period_means(placements(s), frames.study.before, frames.study.after)
    data = pm[["rank", "category"]].assign(
        before_from=spans[0][0], before_to=spans[0][1], after_from=spans[1][0], after_to=spans[1][1],
        before_mean_people=pm["before_mean"], after_mean_people=pm["after_mean"], change_people=pm["change"],
        change_pct=pm["change_pct"])
    pm = pm.assign(category=[words.name(c, lang) for c in pm["category"]])
    before, after = (words.years(*span) for span in spans)
    spec = [
        ("rank", t("col_rank" if (pm["change_pct"] < 0).any() else "col_rank_rise", lang), "int"),
        ("category", t("col_body", lang), "text"),
        ("before_mean", t("col_before_mean", lang, years=before), "dec1"),
        ("after_mean", t("col_after_mean", lang, years=after), "dec1"),
        ("change", t("col_change_people", lang), "sdec1"),
        ("change_pct", t("col_change_pct", lang), "spct"),
    ]
    html = (
        h(t("h_period_means", lang, before=before, after=after))
        + p(fell_most_finding(s, lang, frames.study))
        + table_html(formatted(pm, spec, lang), t("caption_period_means", lang, before=before, after=after),
                     source=source_line(s["source"], lang))
    )
    return Section(html, data)


def pandemic_section(frames: Frames, lang: str) -> Section:
    """The pandemic in its year, as the report tells it (nothing when no milestone names the pandemic);
    .data: the changes into that year of the sum of the parts and of the stated total."""
    year = metrics.event_years(frames.events).get("pandemic")
    if year is None:
        return Section("")
    s = frames.snapshots
    html = h(t("h_pandemic", lang, year=year)) + p(pandemic_finding(s, frames.events, lang, frames.study))
    readings = pd.concat([sum_of_parts(s), metrics.series(s, "placements").assign(category="stated_total")])
    have = set(readings["year"])
    if not {year - 1, year} <= have:
        return Section(html)
    ch = metrics.change_between(readings, year - 1, year)
    return Section(html, tidy(*(change("placements", "people", year - 1, year, r.start, r.end, r.category,
                                       shows="start end change_pct") for r in ch.itertuples())))


def five_points_section(frames: Frames, lang: str) -> Section:
    """What the autumn counts (as many as the data hold) can and cannot show (.data: the registered
    companies first and last, the last year of the funded placements)."""
    s = frames.snapshots
    counts = words.number_word(s["year"].nunique(), lang)
    c = metrics.series(s, "companies")
    data = stated(companies_first=c["value"].iloc[0], companies_last=c["value"].iloc[-1],
                  funded_last_year=int(frames.funded_placements["year"].max()))
    return Section(h(t("h_five_points", lang, counts=counts)) + ul(five_points(frames, lang)), data)


# ---- charts ------------------------------------------------------------------------------------------------


def _placements_title(s: pd.DataFrame, lang: str, ya: int, yb: int) -> str:
    """Title: the sum of the parts from autumn ya to autumn yb."""
    tot = sum_of_parts(s).set_index("year")["value"]
    stated_total = stated_by_year(s)  # the other reading
    words_ = change_words(tot[ya], tot[yb], lang)
    if stated_total[yb] != tot[yb]:
        words_["b"] = t("or_reading", lang, parts=words_["b"], stated=words.num(stated_total[yb], lang))
    key = "title_placements" if stated_total[ya] != tot[ya] else "title_placements_same_start"
    return t(key, lang, ya=ya, yb=yb, **words_, s_a=words.num(stated_total[ya], lang))


def stated_by_year(s: pd.DataFrame) -> pd.Series:
    """The report's stated total of people placed, by year (people): the other reading of the sum."""
    return metrics.series(s, "placements").set_index("year")["value"]


def stated_totals(s: pd.DataFrame) -> pd.DataFrame:
    """The stated totals of people placed (tidy, category stated_total): the other reading of the sum."""
    return metrics.series(s, "placements").assign(category="stated_total")


def fig_placements(frames: Frames, lang: str, ya: int | None = None, yb: int | None = None) -> Section:
    """People placed by placing body and their sum, with the reorganisation and the pandemic marked; the
    title reads the change from autumn ya to yb (the study's base and reform year unless given). .data:
    people placed per year and category (the bodies, their sum, the stated total), and the largest fall (the
    largest rise when no body fell)."""
    ya, yb = years(frames, ya, yb)
    s = frames.snapshots
    d = metrics.with_sum_of_parts(s, *PLACED_BY)
    at = event_marks(frames.events, lang)
    draw = partial(line_chart, d, ylabel=t("axis_people_placed", lang), lang=lang, at=at)
    ch = metrics.change_between(placements(s), ya, yb)
    fell = int((ch["change"] < 0).sum())  # how many placing bodies fell
    most = ch.loc[ch["change"].idxmin() if fell else ch["change"].idxmax()]
    named = yb == metrics.event_years(frames.events).get("reorganisation")  # the report names its cause
    key = ("takeaway_placements_rise" if not fell else "takeaway_placements_only" if fell == 1
           else "takeaway_placements" if named else "takeaway_placements_other")
    takeaway = t(key, lang, ya=ya, yb=yb, body=words.placed_by(most["category"], lang),
                 chg=words.num(most["change"], lang, sign=True))
    html = figure_html(
        chart_svgs(draw), title=_placements_title(s, lang, ya, yb), subtitle=t("subtitle_placements", lang),
        takeaway=takeaway, source=source_line(d["source"], lang),
        alt=with_marks(alt_lines(t("what_placements", lang), d, lang), at, lang),
        table=wide_table(d, lang, t("caption_placements", lang)),
    )
    stated_ends = stated_totals(s).loc[lambda x: x["year"].isin([ya, yb])]
    largest = change("placements", "people", ya, yb, most["start"], most["end"], most["category"],
                     shows="change")
    return Section(html, tidy(series(pd.concat([d, stated_ends]), "people"), largest), draw)


def fig_placements_indexed(frames: Frames, lang: str, base: int | None = None) -> Section:
    """People placed by placing body indexed to base = 100 (the study's base year unless given); .data:
    the index per year and category."""
    base = frames.study.base_year if base is None else base
    s = frames.snapshots
    pl = placements(s)
    d = metrics.indexed(pl, base)
    last = int(d["year"].max())
    end = d.loc[d["year"] == last].sort_values("value").dropna(subset=["value"])  # undefined: base 0
    zero = pl.loc[(pl["year"] == base) & (pl["value"] == 0), "category"]
    items = words.join(
        [t("item_index", lang, value=words.num(v, lang), name=words.name(c, lang))
         for c, v in zip(end["category"], end["value"], strict=True)],
        lang,
    )
    note = undefined_note([(c, base) for c in zero], lang)
    if end.empty:  # no body had anyone placed in the base year
        title, takeaway = t("title_indexed_none", lang, base=base), note
    else:
        title = t("title_indexed", lang, base=base, last=last, items=items)
        low, high = end.iloc[0], end.iloc[-1]
        takeaway = t("takeaway_indexed", lang, base=base, low=words.placed_by(low["category"], lang),
                     low_v=words.num(low["value"], lang), high=words.placed_by(high["category"], lang),
                     high_v=words.num(high["value"], lang))
    at = event_marks(frames.events, lang)
    draw = partial(line_chart, d, ylabel=t("axis_index", lang, base=base), lang=lang, at=at)
    html = figure_html(
        chart_svgs(draw), title=title, subtitle=t("subtitle_indexed", lang, base=base), takeaway=takeaway,
        source=source_line(d["source"], lang),
        alt=with_marks(alt_lines(t("what_indexed", lang, base=base), d, lang, decimals=1), at, lang),
        table=wide_table(d, lang, t("caption_indexed", lang, base=base), kind="dec1", note=note),
    )
    return Section(html, series(d, "index").assign(base_year=base), draw)


def fig_placements_parts(frames: Frames, lang: str) -> Section:
    """Stacked parts with the stated total marked where it differs from their sum (pointing to the audit);
    .data: people placed per year and body, each year's sum, stated total, difference and audit status."""
    s, audit = frames.snapshots, frames.audit
    d = placements(s)
    vs = metrics.stated_vs_parts(s, *PLACED_BY, audit)
    diff = vs.loc[vs["difference"] != 0]
    marks = diff[["year", "stated_total"]].rename(columns={"stated_total": "value"})
    items = [
        f"{int(r.year)} ({words.num(r.stated_total, lang)} / {words.num(r.sum_of_parts, lang)})"
        for r in diff.itertuples()
    ]
    title = t("title_parts", lang, items=words.join(items, lang)) if items else t("title_parts_ok", lang)
    takeaway = (
        t("takeaway_parts", lang, n=words.num(len(diff), lang), years=words.num(len(vs), lang))
        if items else t("takeaway_parts_ok", lang)
    )
    draw = partial(stacked_bar_chart, d, stated=marks, ylabel=t("axis_people_placed", lang), lang=lang)
    alt = alt_lines(t("what_parts", lang), d, lang, key="alt_stacked")
    if items:
        refs = [f"{int(r.year)}: {words.num(r.stated_total, lang)}" for r in diff.itertuples()]
        alt += " " + t("alt_stated_marks", lang, items="; ".join(refs))
    html = figure_html(
        chart_svgs(draw), title=title, subtitle=t("subtitle_parts", lang), takeaway=takeaway,
        source=source_line(d["source"], lang), alt=alt,
        table=parts_table(s, *PLACED_BY, audit, lang, t("caption_parts", lang)),
    )
    counts = stated(years_differing=len(diff), years=len(vs)) if items else pd.DataFrame()
    return Section(html, tidy(series(d, "people"), parts_data(vs), counts), draw)


def fig_placements_ratios(frames: Frames, lang: str) -> Section:
    """People placed per registered company and per employee, by placing body and in sum (two panels);
    .data: per year and category, people placed per company and per employee, and the stated totals per
    company and per employee the title and takeaway read."""
    s = frames.snapshots
    parts = metrics.with_sum_of_parts(s, *PLACED_BY)
    per_c = metrics.per_unit(parts, metrics.series(s, "companies")).assign(panel="company")
    per_e = metrics.per_unit(parts, metrics.series(s, "employees")).assign(panel="employee")
    d = pd.concat([per_c, per_e], ignore_index=True)
    tot = per_c.loc[per_c["category"] == metrics.SUM_OF_PARTS].set_index("year")["value"]
    tot_e = per_e.loc[per_e["category"] == metrics.SUM_OF_PARTS].set_index("year")["value"]
    ya, yb = int(tot.idxmax()), int(tot.index.max())
    per_stated = metrics.per_unit(metrics.series(s, "placements"), metrics.series(s, "companies"))
    stated_pc = per_stated.set_index("year")["value"]  # the other reading: the stated totals per company
    title = t("title_ratios", lang, ya=ya, yb=yb, **change_words(tot[ya], tot[yb], lang, decimals=1),
              **change_words(stated_pc[ya], stated_pc[yb], lang, decimals=1, prefix="s_"))
    per_stated_e = metrics.per_unit(metrics.series(s, "placements"), metrics.series(s, "employees"))
    stated_pe = per_stated_e.set_index("year")["value"]  # the other reading, per employee
    takeaway = t("takeaway_ratios", lang, ya=ya, yb=yb,
                 **change_words(tot_e[ya], tot_e[yb], lang, decimals=2),
                 **change_words(stated_pe[ya], stated_pe[yb], lang, decimals=2, prefix="s_"))
    at = event_marks(frames.events, lang)
    draw = partial(
        line_chart,
        d,
        ylabel="",
        lang=lang,
        facet="panel",
        at=at,
        facet_titles={"company": t("axis_per_company", lang), "employee": t("axis_per_employee", lang)},
        facet_headings={"company": t("panel_per_company", lang), "employee": t("panel_per_employee", lang)},
    )
    alt = (
        f"{alt_lines(t('panel_per_company', lang), per_c, lang, decimals=2)} "
        f"{alt_lines(t('panel_per_employee', lang), per_e, lang, decimals=2)}"
    )
    tables = (
        wide_table(per_c, lang, t("caption_per_company", lang), kind="dec2")
        + wide_table(per_e, lang, t("caption_per_employee", lang), kind="dec2")
        + p(t("ratios_note", lang), "asf-note")
    )
    html = figure_html(
        chart_svgs(draw), title=title, subtitle=t("subtitle_ratios", lang), takeaway=takeaway,
        source=source_line(s["source"], lang), alt=with_marks(alt, at, lang), table=tables,
    )
    ratios = series(per_c, "people_per_company").merge(series(per_e, "people_per_employee"), how="outer",
                                                       sort=False)
    stated_ends = series(per_stated.loc[per_stated["year"].isin([yb])].assign(category="stated_total"),
                         "people_per_company")
    stated_ends_e = series(per_stated_e.loc[per_stated_e["year"].isin([ya, yb])]
                           .assign(category="stated_total"), "people_per_employee")
    return Section(html, tidy(ratios, stated_ends, stated_ends_e), draw)


# ---- context: what else changed in 2019 (public figures beside the placements) ---------------------------

NATION = "Sverige"  # the area of a national figure or change in the context data
CONTEXT_ORDER = (  # the public measures in the order the table shows them (others follow as first seen)
    "programme_stock", "registered_unemployed", "programme_fye", "external_purchases", "extra_jobs")
ASF = "asf"  # category of an ASF row in the comparison chart; a public series is PUBLIC
PUBLIC = "public"


def context_date(date: str, lang: str) -> str:
    """An ISO date (2019-01-30), month (2019-05) or year (2019) as prose writes it in lang."""
    parts = [int(x) for x in date.split("-")]
    if len(parts) == 3:
        return t("ctx_day", lang, day=parts[2], month=words.month(parts[1], lang), year=parts[0])
    if len(parts) == 2:
        return f"{words.month(parts[1], lang)} {parts[0]}"
    return str(parts[0])


def _event_item(r, lang: str) -> Markup:
    """One dated change: the project's words for it, its figure from the data, its source as a plain link."""
    text = t(f"ctx_event_{r.event_id}", lang, date=context_date(r.date, lang), year=r.date[:4],
             value=words.num(r.value, lang))
    return Markup(f"{with_code(text)} ({link(r.publisher, r.address)})")


def context_events_section(frames: Frames, lang: str) -> str:
    """The national changes around the reorganisation, dated, each with its source; a local one as a
    question the evidence raises."""
    ev = frames.context_events  # in order of date (asfdata.pipeline.tidy.context_events)
    national, local = ev.loc[ev["area"] == NATION], ev.loc[ev["area"] != NATION]
    year = metrics.event_years(frames.events).get("reorganisation", "")  # the events', not the study's, year
    out = (h(t("h_context_events", lang, year=year)) + p(t("context_events_intro", lang))
           + ul([_event_item(r, lang) for r in national.itertuples()]))
    if len(local):
        out += h(t("h_context_question", lang), SUBSECTION) + "".join(
            f"<p>{_event_item(r, lang)}</p>\n" for r in local.itertuples())
    return out


def context_changes(frames: Frames, ya: int | None = None, yb: int | None = None, yc: int | None = None
                    ) -> pd.DataFrame:
    """One row per series with a figure in ya and yb (the study's base and reform year unless given): ASF
    placements per placing body (autumn counts), then each public measure (its first row per year); values
    in ya, yb and yc (the year after yb unless given; NaN where lacking), percent changes ya→yb and ya→yc
    (percent)."""
    ya, yb = years(frames, ya, yb)
    yc = yb + 1 if yc is None else yc
    ch = metrics.change_between(placements(frames.snapshots), ya, yb)
    rows = [{"kind": ASF, "series": c, "area": "", "unit": "persons", "months": "", "publisher": "",
             "address": "", "approximate": False, "a": a, "b": b}
            for c, a, b in zip(ch["category"], ch["start"], ch["end"], strict=True)]
    w = metrics.wide(placements(frames.snapshots))
    for row in rows:
        row["c"] = w.loc[yc, row["series"]] if yc in w.index else float("nan")
    ctx = frames.context.assign(year=lambda d: d["period"].str[:4].astype(int))
    measures = [m for m in CONTEXT_ORDER if m in set(ctx["measure"])]
    measures += [m for m in metrics.first_seen(ctx["measure"]) if m not in measures]
    for m in measures:
        d = ctx.loc[ctx["measure"] == m].drop_duplicates("year").set_index("year")
        if ya not in d.index or yb not in d.index:
            continue
        first, second = d.loc[ya], d.loc[yb]
        rows.append({
            "kind": PUBLIC, "series": m, "area": first["area"], "unit": first["unit"],
            "months": (first["period"][5:], second["period"][5:]), "publisher": first["publisher"],
            "address": first["address"], "approximate": bool(d["approximate"].loc[[ya, yb]].any()),
            "a": first["value"], "b": second["value"],
            "c": d.loc[yc, "value"] if yc in d.index else float("nan"),
        })
    out = pd.DataFrame(rows)
    for col in ("a", "b", "c"):
        out[col] = out[col].astype("float64")
    out["pct_b"] = [metrics.pct_change(a, b) for a, b in zip(out["a"], out["b"], strict=True)]
    out["pct_c"] = [metrics.pct_change(a, c) for a, c in zip(out["a"], out["c"], strict=True)]
    return out


def _series_label(r, lang: str) -> str:
    """A row's name: ASF placements by a placing body, or a public measure with its area."""
    if r.kind == ASF:
        return t("ctx_series_asf", lang, placements=words.placed_by(r.series, lang))
    return t("ctx_series_public", lang, measure=t(f"ctx_measure_{r.series}", lang),
             area=t(f"ctx_area_{r.area.replace(' ', '_')}", lang))


def _months(r, lang: str) -> str:
    """When a row's figures were counted: autumn counts, a month-end (May → May), or whole years."""
    if r.kind == ASF:
        return t("ctx_autumn", lang)
    first, second = (words.month(int(m), lang) if m else t("ctx_full_year", lang) for m in r.months)
    return first if first == second else f"{first} \u2192 {second}"


def context_table(frames: Frames, lang: str, ya: int, yb: int) -> str:
    """Placements beside the public measures: counts in ya, yb and yb + 1 and percent changes from ya."""
    ch = context_changes(frames, ya, yb)
    yc = yb + 1
    source = [t("ctx_source_report", lang) if r.kind == ASF else
              link(r.publisher, r.address) for r in ch.itertuples()]
    display = formatted(ch, [("a", str(ya), "int"), ("b", str(yb), "int"), ("pct_b", t("ctx_col_pct", lang,
                        ya=ya, yb=yb), "spct"), ("c", str(yc), "int"), ("pct_c", t("ctx_col_pct", lang, ya=ya,
                        yb=yc), "spct")], lang)
    units = [t(f"ctx_unit_{r.unit.replace(' ', '_')}", lang) for r in ch.itertuples()]
    display.insert(0, t("ctx_col_series", lang), [  # the series, when it is counted, (its unit)
        f"{_series_label(r, lang)}, {_months(r, lang)} ({u}"
        + (f", {t('ctx_approximate', lang)})" if r.approximate else ")")
        for r, u in zip(ch.itertuples(), units, strict=True)])
    display.insert(1, t("ctx_col_source", lang), pd.Series(source, dtype=object))  # object: links stay Markup
    return table_html(display, t("caption_context", lang, ya=ya, yb=yb, yc=yc),
                      note=t("ctx_table_note", lang))


def context_data(ch: pd.DataFrame, ya: int, yb: int) -> pd.DataFrame:
    """context_changes' frame as data: kind, series, area, unit, approximate, the three years and their
    values, the percent changes from the first."""
    return pd.DataFrame({
        "kind": ch["kind"], "series": ch["series"], "area": ch["area"], "unit": ch["unit"],
        "approximate": ch["approximate"], "year_from": ya, "year_to": yb, "year_after": yb + 1,
        "value_from": ch["a"], "value_to": ch["b"], "value_after": ch["c"], "change_pct": ch["pct_b"],
        "change_after_pct": ch["pct_c"],
    })


def _all_fell(asf: pd.DataFrame) -> bool:
    """Whether every placing body's placements fell (context_changes' ASF rows, pct_b in per cent)."""
    return bool((asf["pct_b"] < 0).all())


def _fall_words(asf: pd.DataFrame, public: pd.DataFrame, lang: str) -> dict[str, str]:
    """The comparison of falls as placeholders: {asf_low} and {asf_high} the smallest and largest fall of the
    placing bodies, signed; {n} of {m} public series fell less than the smallest (title_context, ctx_can)."""
    return {"asf_low": words.pct(asf["pct_b"].max(), lang, sign=True),
            "asf_high": words.pct(asf["pct_b"].min(), lang, sign=True),
            "n": words.num(int((public["pct_b"] > asf["pct_b"].max()).sum()), lang),
            "m": words.num(len(public), lang)}


def _asf_range(asf: pd.DataFrame, lang: str) -> dict[str, str]:
    """The placing bodies' lowest and highest percent change, signed, as {asf_low} and {asf_high}."""
    return {"asf_low": words.pct(asf["pct_b"].min(), lang, sign=True),
            "asf_high": words.pct(asf["pct_b"].max(), lang, sign=True)}


def fig_context(frames: Frames, lang: str, ya: int | None = None, yb: int | None = None) -> Section:
    """Horizontal bars of the percent change ya→yb per series (the study's base and reform year unless
    given), ASF rows and public rows in two colours; .data: each series' values and changes (the table)."""
    ya, yb = years(frames, ya, yb)
    ch = context_changes(frames, ya, yb)
    d = pd.DataFrame({"label": [_series_label(r, lang) for r in ch.itertuples()], "category": ch["kind"],
                      "value": ch["pct_b"].round(1)})
    asf, public = ch.loc[ch["kind"] == ASF], ch.loc[ch["kind"] == PUBLIC]
    smaller = public.loc[public["pct_b"] > asf["pct_b"].max()]  # fell less than the smallest fall
    larger = public.loc[public["pct_b"] <= asf["pct_b"].max()]
    if _all_fell(asf):
        title = t("title_context", lang, ya=ya, yb=yb, **_fall_words(asf, public, lang))
        items = [f"{_series_label(r, lang)} ({words.pct(r.pct_b, lang, sign=True)})"
                 for r in larger.itertuples()]
        takeaway = (t("takeaway_context", lang, items=words.join(items, lang)) if items
                    else t("takeaway_context_none", lang))
        counts = stated(public_series=len(public), public_changed_less=len(smaller))
    else:  # a comparison of falls has nothing to compare
        title = t("title_context_mixed", lang, ya=ya, yb=yb, **_asf_range(asf, lang))
        takeaway = t("takeaway_context_mixed", lang, ya=ya, yb=yb)
        counts = stated(public_series=len(public))
    draw = partial(bar_chart, d, xlabel=t("axis_context", lang, ya=ya, yb=yb), lang=lang)
    values = "; ".join(f"{a}: {words.pct(v, lang, sign=True)}" for a, v in zip(d["label"], d["value"],
                                                                                 strict=True))
    html = figure_html(
        chart_svgs(draw), title=title, subtitle=t("subtitle_context", lang, ya=ya, yb=yb), takeaway=takeaway,
        source=t("ctx_figure_source", lang, report=source_line(frames.snapshots["source"], lang),
                 publishers=words.join(metrics.first_seen(public["publisher"]), lang)),
        alt=t("ctx_alt_bars", lang, what=t("what_context", lang, ya=ya, yb=yb), values=values),
        table=context_table(frames, lang, ya, yb),
    )
    return Section(html, tidy(context_data(ch, ya, yb), counts), draw)


def context_section(frames: Frames, lang: str, ya: int | None = None, yb: int | None = None) -> Section:
    """What else changed in the reform year, and the placements beside comparable public measures: the
    changes, the differences in definition, the chart and its table, and what the comparison can show (ya, yb:
    the study's base and reform year unless given). .data: the dated changes (event_id, date, value, unit),
    then the chart's."""
    ya, yb = years(frames, ya, yb)
    ch = context_changes(frames, ya, yb)
    asf, public = ch.loc[ch["kind"] == ASF], ch.loc[ch["kind"] == PUBLIC]
    stock = public.loc[public["months"].map(lambda m: bool(m[0]))]
    month = words.month(int(stock["months"].iloc[0][0]), lang) if len(stock) else t("ctx_full_year", lang)
    can = (t("ctx_can", lang, ya=ya, yb=yb, **_fall_words(asf, public, lang)) if _all_fell(asf)
           else t("ctx_can_mixed", lang, ya=ya, yb=yb, **_asf_range(asf, lang)))
    chart = fig_context(frames, lang, ya, yb)
    html = (
        context_events_section(frames, lang)
        + h(t("h_context_compare", lang)) + p(t("context_compare_intro", lang))
        + h(t("h_context_definitions", lang), SUBSECTION)  # before the chart: how the series differ
        + ul([t("ctx_def_time", lang, month=month), t("ctx_def_scope", lang), t("ctx_def_area", lang)])
        + chart
        + h(t("h_context_can", lang), SUBSECTION)
        + p(" ".join([can, t("ctx_cannot", lang)]))
    )
    events = frames.context_events[["event_id", "date", "area", "value", "unit"]]
    return Section(html, tidy(events, chart.data), chart.draw)
