"""Chapter 1, employees and companies 2016–2020: its sentences, tables and charts
(notebooks/01_employee_trends)."""

from __future__ import annotations

import pandas as pd

from asfdata import catalogs, metrics, registry
from asfdata.chapters.common import parts_table
from asfdata.render import words
from asfdata.render.charts import line_chart, stacked_bar_chart
from asfdata.render.html import CHAPTER, figure_html, formatted, h, p, table_html
from asfdata.render.phrases import alt_lines, change_words, column_changes, first_last, source_line
from asfdata.render.svg import chart_svgs
from asfdata.study import CLAIM_BACKGROUND_EMPLOYEES, MILESTONES_SECTION

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(frames: dict, lang: str) -> str:
    """The chapter's heading and introductory paragraph."""
    s = frames["snapshots"]
    text = t("intro", lang, y0=int(s["year"].min()), y1=int(s["year"].max()))
    return h(words.chapter_heading("01", lang), CHAPTER) + p(text)


# ---- sentences ---------------------------------------------------------------------------------------------


def background_reading(claims: pd.DataFrame | None, snapshots: pd.DataFrame, ya: int, yb: int,
                       lang: str) -> str:
    """The other reading of a change of employees from ya to yb when ya is the year of the background
    section's figure ('; from the background's “about 200”: +9, +4.5 %'), else nothing."""
    if claims is None:
        return ""
    bg = claims.loc[claims["claim_id"] == CLAIM_BACKGROUND_EMPLOYEES]
    if bg.empty or int(bg["year_from"].iloc[0]) != ya:
        return ""
    start = float(bg["value"].iloc[0])
    end = metrics.series(snapshots, "employees").set_index("year")["value"][yb]
    return t("background_reading", lang, bg=words.num(start, lang),
             chg=words.num(end - start, lang, sign=True),
             pct=words.pct(metrics.pct_change(start, end), lang, sign=True))


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
        **change_words(*first_last(pc, "per_company"), lang, decimals=1, prefix="p_"),
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


def employee_findings(frames: dict, lang: str) -> str:
    """The chapter's computed sentences."""
    s, claims = frames["snapshots"], frames["claims"]
    return p(employees_finding(s, lang, claims)) + p(employees_yoy_finding(s, lang, claims))


def changes_table(frames: dict, lang: str) -> str:
    """Year-on-year and whole-period change of employees and companies, total and by breakdown."""
    s = frames["snapshots"]
    rows = []
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
        for cat, g in yoy.groupby("category", sort=False):
            row = {t("col_series", lang): f"{t(f'measure_{measure}', lang)}: {words.name(cat, lang)}"}
            for r in g.dropna(subset=["change"]).itertuples():
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
    return h(t("h_changes", lang)) + table_html(
        pd.DataFrame(rows), t("caption_changes", lang), source_line(s["source"], lang)
    )


def background_row(frames: dict, y0: int, y1: int, lang: str) -> dict[str, str]:
    """The changes table's row of total employees read from the background's figure: the changes that start
    in its year (the year after it, and the whole period), the other columns a dash."""
    claims, s = frames["claims"], frames["snapshots"]
    bg = claims.loc[claims["claim_id"] == CLAIM_BACKGROUND_EMPLOYEES]
    start, year = float(bg["value"].iloc[0]), int(bg["year_from"].iloc[0])
    emp = metrics.series(s, "employees").set_index("year")["value"]
    row = {t("col_series", lang): t("series_background", lang, bg=words.num(start, lang))}
    for y in range(y0 + 1, y1 + 1):
        row[str(y)] = _change_cell(start, emp[y], lang) if y - 1 == year else "–"
    row[t("col_over_period", lang, y0=y0, y1=y1)] = _change_cell(start, emp[y1], lang) if year == y0 else "–"
    return row


def _change_cell(a: float, b: float, lang: str) -> str:
    """'+9 (+4.5 %)' from a to b."""
    return f"{words.num(b - a, lang, sign=True)} ({words.pct(metrics.pct_change(a, b), lang, sign=True)})"


def background_section(frames: dict, lang: str) -> str:
    """The background section's 2016 figures beside the autumn 2016 count, with the audit's status."""
    s, claims, audit = frames["snapshots"], frames["claims"], frames.get("audit")
    b = metrics.background_comparison(claims, s, audit)
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
    return (
        h(t("h_background", lang))
        + p(background_finding(claims, s, audit, lang))
        + table_html(formatted(b, spec, lang), t("caption_background", lang, y0=y0), source=src,
                     note=t("background_note", lang, y0=y0))
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


def fig_employees(frames: dict, lang: str) -> str:
    """Employees in total and by gender, with women's share in the table."""
    s = frames["snapshots"]
    d = pd.concat([metrics.series(s, "employees"), metrics.series(s, "employees", "gender")],
                  ignore_index=True)
    e = metrics.series(s, "employees")
    g = metrics.wide(metrics.series(s, "employees", "gender"))
    claims = frames["claims"]
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
    svgs = chart_svgs(line_chart, d, ylabel=t("axis_employees", lang), lang=lang, stated=marked)
    subtitle = t("subtitle_employees_marked" if marked else "subtitle_employees", lang, **_span(e))
    return figure_html(
        svgs, title=title, subtitle=subtitle, takeaway=takeaway,
        source=source_line(d["source"], lang), alt=alt, table=employees_table(s, lang),
    )


def fig_companies(frames: dict, lang: str) -> str:
    """Registered companies by region, stacked, with the stated total marked where it differs."""
    s = frames["snapshots"]
    d = metrics.series(s, "companies", "region")
    c = metrics.series(s, "companies")
    vs = metrics.stated_vs_parts(s, "companies", "region", frames.get("audit"))
    stated = vs.loc[vs["difference"] != 0, ["year", "stated_total"]].rename(columns={"stated_total": "value"})
    title = t("title_companies", lang, **_span(c), **change_words(*first_last(c), lang))
    regions = metrics.wide(d)
    items = [t("item_region_first" if i == 0 else "item_region", lang, region=words.name(r, lang),
               **change_words(*first_last(regions, r), lang))
             for i, r in enumerate(regions.columns)]
    takeaway = t("takeaway_companies", lang, items="; ".join(items))
    svgs = chart_svgs(stacked_bar_chart, d, stated=stated, ylabel=t("axis_companies", lang), lang=lang)
    return figure_html(
        svgs, title=title, subtitle=t("subtitle_companies", lang), takeaway=takeaway,
        source=source_line(d["source"], lang),
        alt=alt_lines(t("measure_companies", lang), d, lang, key="alt_stacked"),
        table=parts_table(s, "companies", "region", frames.get("audit"), lang,
                          t("caption_companies_table", lang)),
    )


def fig_employees_per_company(frames: dict, lang: str) -> str:
    """Employees per registered company."""
    s = frames["snapshots"]
    pc = metrics.employees_per_company(s)
    d = pd.DataFrame({"year": pc["year"], "category": "all", "value": pc["per_company"]})
    title = t(
        "title_employees_per_company",
        lang,
        **_span(pc),
        **change_words(*first_last(pc, "per_company"), lang, decimals=1),
    )
    takeaway = t("takeaway_employees_per_company", lang,
                 **column_changes(pc, lang, c_="companies", e_="employees"))
    svgs = chart_svgs(line_chart, d, ylabel=t("axis_employees_per_company", lang), lang=lang)
    return figure_html(
        svgs, title=title, subtitle=t("subtitle_employees_per_company", lang), takeaway=takeaway,
        source=source_line(s.loc[s["measure"].isin(["employees", "companies"]), "source"], lang),
        alt=alt_lines(t("axis_employees_per_company", lang), d, lang, decimals=1),
        table=employees_per_company_table(s, lang),
    )
