"""Chapter 1, employees and companies 2016–2020: its sentences, tables and charts
(notebooks/01_employees)."""

from __future__ import annotations

from functools import partial

import pandas as pd

from asfdata import catalogs, metrics, registry
from asfdata.chapters.common import parts_data, parts_table
from asfdata.pipeline.data import Frames
from asfdata.render import words
from asfdata.render.charts import line_chart, stacked_bar_chart
from asfdata.render.html import CHAPTER, figure_html, formatted, h, p, table_html
from asfdata.render.phrases import alt_lines, change_words, column_changes, first_last, source_line
from asfdata.render.section import Section, change, changes, series, stated, tidy
from asfdata.render.svg import chart_svgs
from asfdata.study import CLAIM_BACKGROUND_EMPLOYEES, MILESTONES_SECTION

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(frames: Frames, lang: str) -> Section:
    """The chapter's heading and introductory paragraph (.data: the first and last autumn)."""
    s = frames.snapshots
    y0, y1 = int(s["year"].min()), int(s["year"].max())
    return Section(h(words.chapter_heading("01", lang), CHAPTER) + p(t("intro", lang, y0=y0, y1=y1)),
                   stated(first_year=y0, last_year=y1))


# ---- sentences ---------------------------------------------------------------------------------------------


def background(claims: pd.DataFrame | None) -> tuple[int, float] | None:
    """The background section's figure of employees: its year and value (people), or None when the claims
    (or that claim) are not at hand."""
    if claims is None:
        return None
    bg = claims.loc[claims["claim_id"] == CLAIM_BACKGROUND_EMPLOYEES]
    return None if bg.empty else (int(bg["year_from"].iloc[0]), float(bg["value"].iloc[0]))


def background_reading(claims: pd.DataFrame | None, snapshots: pd.DataFrame, ya: int, yb: int,
                       lang: str) -> str:
    """The other reading of a change of employees from ya to yb when ya is the year of the background
    section's figure ('; from the background's “about 200”: +9, +4.5 %'), else nothing."""
    bg = background(claims)
    if bg is None or bg[0] != ya:
        return ""
    start = bg[1]
    end = metrics.series(snapshots, "employees").set_index("year")["value"][yb]
    return t("background_reading", lang, bg=words.num(start, lang),
             chg=words.num(end - start, lang, sign=True),
             pct=words.pct(metrics.pct_change(start, end), lang, sign=True))


def background_per_company(claims: pd.DataFrame | None, pc: pd.DataFrame) -> tuple[float, float] | None:
    """The background section's employees and employees per company from them (people, people per company)
    when its year is the first of pc (metrics.employees_per_company), else None."""
    bg = background(claims)
    if bg is None or bg[0] != int(pc["year"].min()):
        return None
    return bg[1], float(metrics.ratio(bg[1], float(pc["companies"].iloc[0])))


def per_company_words(claims: pd.DataFrame | None, pc: pd.DataFrame, lang: str, prefix: str = "") -> dict:
    """change_words of employees per company, first to last, with the background's reading beside the first
    value where it starts in the background's year ('5.3 (5.9 from the background's “about 200”)')."""
    out = change_words(*first_last(pc, "per_company"), lang, decimals=1, prefix=prefix)
    bg = background_per_company(claims, pc)
    if bg:
        out[f"{prefix}a"] = t("per_company_background", lang, a=out[f"{prefix}a"],
                              bg_a=words.num(bg[1], lang, 1), bg=words.num(bg[0], lang))
    return out


def employees_finding(snapshots: pd.DataFrame, lang: str, claims: pd.DataFrame | None = None) -> str:
    """Employees and companies first vs last autumn (with the background's reading of the start), and
    women's share."""
    e = metrics.series(snapshots, "employees")
    y0, y1 = int(e["year"].min()), int(e["year"].max())
    return t(
        "finding_employees",
        lang,
        y0=y0,
        y1=y1,
        other=background_reading(claims, snapshots, y0, y1, lang),
        **change_words(*first_last(e), lang),
        **change_words(*first_last(metrics.series(snapshots, "companies")), lang, prefix="c_"),
        **change_words(
            *first_last(metrics.womens_share(snapshots), "women_share"), lang, percent=True, prefix="w_"
        ),
    )


def employees_yoy_finding(snapshots: pd.DataFrame, lang: str, claims: pd.DataFrame | None = None) -> str:
    """The largest year-on-year change of employees (with the background's reading when it starts there) and
    employees per company first vs last."""
    yoy = metrics.year_on_year(metrics.series(snapshots, "employees")).dropna(subset=["change"])
    big = yoy.loc[yoy["change"].abs().idxmax()]
    pc = metrics.employees_per_company(snapshots)
    return t(
        "finding_employees_yoy",
        lang,
        ya=int(big["year"]) - 1,
        yb=int(big["year"]),
        chg=words.num(big["change"], lang, sign=True),
        pct=words.pct(big["change_pct"], lang, sign=True),
        other=background_reading(claims, snapshots, int(big["year"]) - 1, int(big["year"]), lang),
        **per_company_words(claims, pc, lang, prefix="p_"),
    )


def background_finding(claims: pd.DataFrame, snapshots: pd.DataFrame, audit, lang: str) -> str:
    """The background section's figures beside the autumn count, with the audit's status."""
    b = metrics.background_comparison(claims, snapshots, audit)
    items = [
        t(
            "item_background_cmp",
            lang,
            measure=words.lower_first(t(f"measure_{r.measure}", lang)),
            stated_word=t("about" if r.approximate else "exactly", lang),
            stated=words.num(r.stated, lang),
            snapshot=words.num(r.snapshot, lang),
            pct=words.pct(r.difference_pct, lang, sign=True),
            status=words.status(r.status or "ok", lang),
        )
        for r in b.itertuples()
    ]
    return t("finding_background", lang, y0=int(b["year"].min()), items=words.join(items, lang))


# ---- sections and tables -----------------------------------------------------------------------------------


def employee_findings(frames: Frames, lang: str) -> Section:
    """The chapter's computed sentences (.data: each change they state, one row)."""
    s, claims = frames.snapshots, frames.claims
    return Section(p(employees_finding(s, lang, claims)) + p(employees_yoy_finding(s, lang, claims)),
                   findings_data(s, claims))


def findings_data(snapshots: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The changes the findings state: employees, companies, women's share and employees per company from
    the first autumn to the last; the largest year-on-year change of employees; the changes read from the
    background's figure where they start in its year."""
    e = metrics.series(snapshots, "employees")
    y0, y1 = int(e["year"].min()), int(e["year"].max())
    w, pc = metrics.womens_share(snapshots), metrics.employees_per_company(snapshots)
    yoy = metrics.year_on_year(e).dropna(subset=["change"])
    big = yoy.loc[yoy["change"].abs().idxmax()]
    ya, yb = int(big["year"]) - 1, int(big["year"])
    rows = [
        changes(e, "employees", "people"),
        changes(metrics.series(snapshots, "companies"), "companies", "companies",
                shows="start end change_pct"),
        change("women_share", "percent", y0, y1, *first_last(w, "women_share"), category="women",
               shows="start end"),
        change("employees_per_company", "employees per company", y0, y1, *first_last(pc, "per_company"),
               shows="start end"),
        change("employees", "people", ya, yb, big["value"] - big["change"], big["value"],
               shows="change change_pct"),
    ]
    per_bg = background_per_company(claims, pc)
    if per_bg:  # the first value of employees per company read from the background's figure
        rows.append(change("employees_per_company", "employees per company", y0, y1, per_bg[1],
                           pc["per_company"].iloc[-1], category="background", shows="start"))
    bg = background(claims)
    emp = e.set_index("year")["value"]
    for a, b in dict.fromkeys([(y0, y1), (ya, yb)]):
        if bg and bg[0] == a:
            rows.append(change("employees", "people", a, b, bg[1], emp[b], category="background",
                               shows="start change change_pct"))
    return tidy(*rows)


def changes_table(frames: Frames, lang: str) -> Section:
    """Year-on-year and whole-period change of employees and companies, total and by breakdown (.data: each
    change, one row; the background's reading as category background)."""
    s = frames.snapshots
    rows, data = [], []
    for measure, group in (
        ("employees", "total"),
        ("employees", "gender"),
        ("companies", "total"),
        ("companies", "region"),
    ):
        ser = metrics.series(s, measure, group)
        y0, y1 = int(ser["year"].min()), int(ser["year"].max())
        yoy = metrics.year_on_year(ser)
        whole = metrics.change_between(ser, y0, y1).set_index("category")
        data.append(changes(ser, measure, UNITS[measure], shows=SHOWN_CHANGE))
        for cat, g in yoy.groupby("category", sort=False):
            row = {t("col_series", lang): f"{t(f'measure_{measure}', lang)}: {words.name(cat, lang)}"}
            for r in g.dropna(subset=["change"]).itertuples():
                data.append(change(measure, UNITS[measure], r.year - 1, r.year, r.value - r.change, r.value,
                                   category=cat, shows=SHOWN_CHANGE))
                row[str(r.year)] = (
                    f"{words.num(r.change, lang, sign=True)} ({words.pct(r.change_pct, lang, sign=True)})"
                )
            w = whole.loc[cat]
            row[t("col_over_period", lang, y0=y0, y1=y1)] = (
                f"{words.num(w['change'], lang, sign=True)} ({words.pct(w['change_pct'], lang, sign=True)})"
            )
            rows.append(row)
            if (measure, group) == ("employees", "total"):
                rows.append(background_row(frames, y0, y1, lang))
                data.append(background_changes(frames, y0, y1))
    html = h(t("h_changes", lang)) + table_html(
        pd.DataFrame(rows), t("caption_changes", lang), source_line(s["source"], lang)
    )
    return Section(html, tidy(*data))


UNITS = {"employees": "people", "companies": "companies"}  # the unit of each measure the chapter shows
SHOWN_CHANGE = "change change_pct"  # what the changes table shows of a change


def background_changes(frames: Frames, y0: int, y1: int) -> pd.DataFrame:
    """The changes background_row shows: from the background's figure to the autumn after its year, and to
    the last autumn when its year is the first (category background)."""
    bg = background(frames.claims)
    assert bg is not None, CLAIM_BACKGROUND_EMPLOYEES  # a claim the study needs (asfdata/report/needs.py)
    year, start = bg
    emp = metrics.series(frames.snapshots, "employees").set_index("year")["value"]
    ends = [y for y in (year + 1, y1) if y in emp.index and (y == year + 1 or year == y0)]
    return tidy(*(change("employees", "people", year, y, start, emp[y], category="background",
                         shows=SHOWN_CHANGE) for y in dict.fromkeys(ends)))


def background_row(frames: Frames, y0: int, y1: int, lang: str) -> dict[str, str]:
    """The changes table's row of total employees read from the background's figure: the changes that start
    in its year (the year after it, and the whole period), the other columns a dash."""
    claims, s = frames.claims, frames.snapshots
    bg = background(claims)
    assert bg is not None, CLAIM_BACKGROUND_EMPLOYEES  # a claim the study needs (asfdata/report/needs.py)
    year, start = bg
    emp = metrics.series(s, "employees").set_index("year")["value"]
    row = {t("col_series", lang): t("series_background", lang, bg=words.num(start, lang))}
    for y in range(y0 + 1, y1 + 1):
        row[str(y)] = _change_cell(start, emp[y], lang) if y - 1 == year else "–"
    row[t("col_over_period", lang, y0=y0, y1=y1)] = _change_cell(start, emp[y1], lang) if year == y0 else "–"
    return row


def _change_cell(a: float, b: float, lang: str) -> str:
    """'+9 (+4.5 %)' from a to b."""
    return f"{words.num(b - a, lang, sign=True)} ({words.pct(metrics.pct_change(a, b), lang, sign=True)})"


def background_section(frames: Frames, lang: str) -> Section:
    """The background section's 2016 figures beside the autumn 2016 count, with the audit's status (.data:
    measure, year, stated (the background's figure), autumn_count, difference_pct, approximate, status)."""
    s, claims, audit = frames.snapshots, frames.claims, frames.audit
    b = metrics.background_comparison(claims, s, audit)
    data = b[["measure", "year", "stated", "snapshot", "difference_pct", "approximate", "status"]].rename(
        columns={"snapshot": "autumn_count"})
    b = b.assign(
        measure=[t(f"measure_{m}", lang) for m in b["measure"]],
        status=[words.status(x or "ok", lang) for x in b["status"]],
    )
    spec = [
        ("measure", t("col_measure", lang), "text"),
        ("year", t("col_year", lang), "year"),
        ("stated", t("col_background", lang), "int"),
        ("snapshot", t("col_snapshot", lang), "int"),
        ("difference_pct", t("col_diff_pct", lang), "spct"),
        ("status", t("col_status", lang), "text"),
    ]
    y0 = int(b["year"].min())
    src = source_line(list(b["source"]) + [f"{MILESTONES_SECTION} {y0}"], lang)
    return Section(
        h(t("h_background", lang))
        + p(background_finding(claims, s, audit, lang))
        + table_html(formatted(b, spec, lang), t("caption_background", lang, y0=y0), source=src,
                     note=t("background_note", lang, y0=y0)),
        data,
    )


def employees_table(snapshots: pd.DataFrame, lang: str) -> str:
    """Employees total and by gender with women's share, per year."""
    w = metrics.womens_share(snapshots)
    spec = [
        ("year", t("col_year", lang), "year"),
        ("total", words.name("all", lang), "int"),
        ("women", words.name("women", lang), "int"),
        ("men", words.name("men", lang), "int"),
        ("women_share", t("col_women_share", lang), "pct"),
    ]
    return table_html(formatted(w, spec, lang), t("caption_employees_table", lang))


def employees_per_company_table(snapshots: pd.DataFrame, lang: str) -> str:
    """Employees, companies and employees per company, per year."""
    spec = [
        ("year", t("col_year", lang), "year"),
        ("employees", t("col_employees", lang), "int"),
        ("companies", t("col_companies", lang), "int"),
        ("per_company", t("col_per_company", lang), "dec2"),
    ]
    pc = metrics.employees_per_company(snapshots)
    return table_html(formatted(pc, spec, lang), t("caption_per_company", lang))


# ---- charts ------------------------------------------------------------------------------------------------


def _span(frame: pd.DataFrame) -> dict[str, int]:
    """The first and last year of a frame as placeholders y0, y1."""
    return {"y0": int(frame["year"].min()), "y1": int(frame["year"].max())}


def fig_employees(frames: Frames, lang: str) -> Section:
    """Employees in total and by gender, with women's share in the table (.data: employees per year and
    category, women's share; the changes first to last; the background's figure)."""
    s = frames.snapshots
    d = pd.concat([metrics.series(s, "employees"), metrics.series(s, "employees", "gender")],
                  ignore_index=True)
    e = metrics.series(s, "employees")
    g = metrics.wide(metrics.series(s, "employees", "gender"))
    claims = frames.claims
    bg = claims.loc[claims["claim_id"] == CLAIM_BACKGROUND_EMPLOYEES, ["year_from", "value"]]
    genders = column_changes(g, lang, m_="men", w_="women")
    title = t("title_employees", lang, **_span(e), **change_words(*first_last(e), lang), **genders,
              bg=words.num(float(bg["value"].iloc[0]), lang) if len(bg) else "–")
    takeaway = t("takeaway_employees", lang, **genders)
    alt = alt_lines(t("measure_employees", lang), d, lang)
    marked = []  # the background section's figure, drawn where the title quotes it
    for year, value in zip(bg["year_from"].astype(int), bg["value"].astype(float), strict=True):
        marked.append((year, value, t("mark_background", lang, bg=words.num(value, lang))))
        alt += " " + t("alt_background", lang, bg=words.num(value, lang), year=year)
    draw = partial(line_chart, d, ylabel=t("axis_employees", lang), lang=lang, stated=marked)
    subtitle = t("subtitle_employees_marked" if marked else "subtitle_employees", lang, **_span(e))
    html = figure_html(
        chart_svgs(draw), title=title, subtitle=subtitle, takeaway=takeaway,
        source=source_line(d["source"], lang), alt=alt, table=employees_table(s, lang),
    )
    share = metrics.womens_share(s)[["year", "women_share"]].assign(category="women")
    plotted = series(d, "employees").merge(share.rename(columns={"women_share": "share_pct"}), how="left")
    background = stated(employees_background=float(bg["value"].iloc[0])) if len(bg) else pd.DataFrame()
    return Section(html, tidy(plotted, background), draw)


def fig_companies(frames: Frames, lang: str) -> Section:
    """Registered companies by region, stacked, with the stated total marked where it differs (.data: the
    companies per year and region, each year's sum, stated total and audit status, the changes first to
    last)."""
    s = frames.snapshots
    d = metrics.series(s, "companies", "region")
    c = metrics.series(s, "companies")
    vs = metrics.stated_vs_parts(s, "companies", "region", frames.audit)
    stated_marks = vs.loc[vs["difference"] != 0, ["year", "stated_total"]].rename(
        columns={"stated_total": "value"})
    title = t("title_companies", lang, **_span(c), **change_words(*first_last(c), lang))
    regions = metrics.wide(d)
    items = [t("item_region_first" if i == 0 else "item_region", lang, region=words.name(r, lang),
               **change_words(*first_last(regions, r), lang))
             for i, r in enumerate(regions.columns)]
    takeaway = t("takeaway_companies", lang, items="; ".join(items))
    draw = partial(stacked_bar_chart, d, stated=stated_marks, ylabel=t("axis_companies", lang), lang=lang)
    html = figure_html(
        chart_svgs(draw), title=title, subtitle=t("subtitle_companies", lang), takeaway=takeaway,
        source=source_line(d["source"], lang),
        alt=alt_lines(t("measure_companies", lang), d, lang, key="alt_stacked"),
        table=parts_table(s, "companies", "region", frames.audit, lang,
                          t("caption_companies_table", lang)),
    )
    return Section(html, tidy(series(d, "companies"), parts_data(vs)), draw)


def fig_employees_per_company(frames: Frames, lang: str) -> Section:
    """Employees per registered company (.data: employees, companies and employees per company, per
    year)."""
    s = frames.snapshots
    pc = metrics.employees_per_company(s)
    d = pd.DataFrame({"year": pc["year"], "category": "all", "value": pc["per_company"]})
    title = t("title_employees_per_company", lang, **_span(pc), **per_company_words(frames.claims, pc, lang))
    takeaway = t("takeaway_employees_per_company", lang,
                 **column_changes(pc, lang, c_="companies", e_="employees"))
    per_bg = background_per_company(frames.claims, pc)
    alt = alt_lines(t("axis_employees_per_company", lang), d, lang, decimals=1)
    marked = []  # employees per company from the background section's figure, drawn where the title quotes it
    if per_bg:
        y0, v, bg = int(pc["year"].min()), words.num(per_bg[1], lang, 1), words.num(per_bg[0], lang)
        marked.append((y0, per_bg[1], t("mark_per_company_background", lang, v=v, bg=bg)))
        alt += " " + t("alt_per_company_background", lang, v=v, bg=bg, year=y0)
    draw = partial(line_chart, d, ylabel=t("axis_employees_per_company", lang), lang=lang, stated=marked)
    key = "subtitle_employees_per_company_marked" if marked else "subtitle_employees_per_company"
    subtitle = t(key, lang, **_span(pc))
    html = figure_html(
        chart_svgs(draw), title=title, subtitle=subtitle, takeaway=takeaway,
        source=source_line(s.loc[s["measure"].isin(["employees", "companies"]), "source"], lang),
        alt=alt, table=employees_per_company_table(s, lang),
    )
    background = (stated(employees_background=per_bg[0], employees_per_company_background=per_bg[1])
                  if per_bg else pd.DataFrame())
    return Section(html, tidy(pc.rename(columns={"per_company": "employees_per_company"}), background), draw)
