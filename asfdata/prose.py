"""Sentences, headings and tables that state numbers, built from computed values in the chosen language.

Sentence functions return plain text; section functions return HTML (all text from data escaped).
Words come from asfdata.labels; numbers from asfdata.metrics.
"""

from __future__ import annotations

import re
from html import escape

import pandas as pd

from asfdata import labels as L
from asfdata import metrics as M

PLACED_BY = ("placements", "placed_by")


# ---- HTML building blocks ---------------------------------------------------------------------------------


def h(text: str, level: int = 2) -> str:
    """A heading element with escaped text."""
    return f"<h{level}>{escape(text)}</h{level}>\n"


def p(text: str, cls: str = "") -> str:
    """A paragraph with escaped text."""
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{escape(text)}</p>\n"


def ul(items: list[str]) -> str:
    """A bulleted list of escaped items."""
    return "<ul>\n" + "".join(f"<li>{escape(i)}</li>\n" for i in items) + "</ul>\n"


def heading(key: str, lang: str, level: int = 2, **values) -> str:
    """A heading from a label."""
    return h(L.t(key, lang, **values), level)


def chapter_title(chapter: str, lang: str) -> str:
    """Title of a chapter ('00' … '05', 'explore') in lang."""
    return L.t(f"chapter_{chapter}", lang)


def source_line(sources, lang: str) -> str:
    """'Source: <report>: <sections>' with yearly sections collapsed (Milstolpar 2016–2020)."""
    groups: dict[str, list[int]] = {}
    plain: set[str] = set()
    for s in {str(x) for x in sources if isinstance(x, str) and x}:
        m = re.fullmatch(r"(.*\D)\s(\d{4})", s)
        if m:
            groups.setdefault(m.group(1), []).append(int(m.group(2)))
        else:
            plain.add(s)
    parts = []
    for prefix, ys in groups.items():
        ys = sorted(ys)
        if ys == list(range(ys[0], ys[-1] + 1)):
            parts.append(f"{prefix} {L.years(ys[0], ys[-1])}")
        else:
            parts.append(f"{prefix} {', '.join(map(str, ys))}")
    sections = "; ".join(sorted(parts + sorted(plain)))
    return f"{L.t('source_prefix', lang)}: {L.t('source_report', lang)}" + (
        f": {sections}" if sections else ""
    )


def cell(value, kind: str, lang: str) -> str:
    """One table cell formatted in lang: kind int, dec1, dec2, sint, sdec1, pct, spct, text, year."""
    if kind in ("text", "year"):
        return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    if value is None or pd.isna(value):
        return L.DASH
    if kind == "int":
        return L.num(value, lang)
    if kind in ("dec1", "dec2"):
        return L.num(value, lang, int(kind[-1]))
    if kind == "sint":
        return L.num(value, lang, sign=True)
    if kind == "sdec1":
        return L.num(value, lang, 1, sign=True)
    if kind == "pct":
        return L.num(value, lang, 1)
    if kind == "spct":
        return L.num(value, lang, 1, sign=True)
    raise ValueError(f"unknown cell kind {kind!r}")


def formatted(df: pd.DataFrame, spec: list[tuple[str, str, str]], lang: str) -> pd.DataFrame:
    """A display frame: (column, header, kind) per column, every cell a string in lang."""
    return pd.DataFrame({header: [cell(v, kind, lang) for v in df[col]] for col, header, kind in spec})


def table_html(df: pd.DataFrame, caption: str = "", source: str = "", note: str = "") -> str:
    """An HTML table (every cell escaped) with an optional caption, note and source line."""
    body = df.to_html(index=False, escape=True, border=0, classes="asf-table", na_rep=L.DASH)
    if caption:
        body = body.replace(">", f">\n<caption>{escape(caption)}</caption>", 1)
    out = body + "\n"
    if note:
        out += p(note, "asf-note")
    if source:
        out += p(source, "asf-source")
    return f'<div class="asf-table-block">\n{out}</div>\n'


def _c(key: str, lang: str, **kw) -> str:
    """A column header from a label."""
    return L.t(key, lang, **kw)


def change_words(
    start: float, end: float, lang: str, *, decimals: int = 0, percent: bool = False, prefix: str = ""
) -> dict[str, str]:
    """Placeholder values of a change from start to end: verb, a, b, chg, pct (each name with prefix).

    With percent=True, start and end are shares in percent and shown as such (one decimal).
    """
    if percent:
        a, b = L.pct(start, lang), L.pct(end, lang)
    else:
        a, b = L.num(start, lang, decimals), L.num(end, lang, decimals)
    values = {
        "verb": L.direction(end - start, lang),
        "a": a,
        "b": b,
        "chg": L.num(end - start, lang, 1 if percent else decimals, sign=True),
        "pct": L.pct(M.pct_change(start, end), lang, sign=True),
    }
    return {prefix + k: v for k, v in values.items()}


def first_last(frame: pd.DataFrame, column: str = "value") -> tuple[float, float]:
    """The first and the last year's value of a one-category frame sorted by year."""
    return float(frame[column].iloc[0]), float(frame[column].iloc[-1])


# ---- sentences: employees and companies --------------------------------------------------------------------


def employees_finding(snapshots: pd.DataFrame, lang: str) -> str:
    """Employees and companies first vs last autumn, and women's share."""
    e = M.series(snapshots, "employees")
    return L.t(
        "finding_employees",
        lang,
        y0=int(e["year"].min()),
        y1=int(e["year"].max()),
        **change_words(*first_last(e), lang),
        **change_words(*first_last(M.series(snapshots, "companies")), lang, prefix="c_"),
        **change_words(
            *first_last(M.womens_share(snapshots), "women_share"), lang, percent=True, prefix="w_"
        ),
    )


def employees_per_company(snapshots: pd.DataFrame) -> pd.DataFrame:
    """Per year: employees, companies and employees per company."""
    e = M.series(snapshots, "employees").set_index("year")["value"]
    c = M.series(snapshots, "companies").set_index("year")["value"]
    return pd.DataFrame(
        {
            "year": e.index,
            "employees": e.to_numpy(),
            "companies": c[e.index].to_numpy(),
            "per_company": (e / c[e.index]).to_numpy(),
        }
    )


def employees_yoy_finding(snapshots: pd.DataFrame, lang: str) -> str:
    """The largest year-on-year change of employees and employees per company first vs last."""
    yoy = M.year_on_year(M.series(snapshots, "employees")).dropna(subset=["change"])
    big = yoy.loc[yoy["change"].abs().idxmax()]
    pc = employees_per_company(snapshots)
    return L.t(
        "finding_employees_yoy",
        lang,
        ya=int(big["year"]) - 1,
        yb=int(big["year"]),
        chg=L.num(big["change"], lang, sign=True),
        pct=L.pct(big["change_pct"], lang, sign=True),
        **change_words(*first_last(pc, "per_company"), lang, decimals=1, prefix="p_"),
    )


def background_finding(claims: pd.DataFrame, snapshots: pd.DataFrame, audit, lang: str) -> str:
    """The background section's figures beside the autumn count, with the audit's status."""
    b = M.background_comparison(claims, snapshots, audit)
    items = [
        L.t(
            "item_background_cmp",
            lang,
            measure=L.lower_first(L.t(f"measure_{r.measure}", lang)),
            stated_word=L.t("about" if r.approximate else "exactly", lang),
            stated=L.num(r.stated, lang),
            snapshot=L.num(r.snapshot, lang),
            pct=L.pct(r.difference_pct, lang, sign=True),
            status=L.status(r.status or "ok", lang),
        )
        for r in b.itertuples()
    ]
    return L.t("finding_background", lang, y0=int(b["year"].min()), items=L.join(items, lang))


# ---- sentences: placements ---------------------------------------------------------------------------------


def placements(snapshots: pd.DataFrame) -> pd.DataFrame:
    """People placed by placing body (tidy)."""
    return M.series(snapshots, *PLACED_BY)


def sum_of_parts(snapshots: pd.DataFrame) -> pd.DataFrame:
    """People placed: the yearly sum of the placing bodies (tidy, category sum_of_parts)."""
    s = M.with_sum_of_parts(snapshots, *PLACED_BY)
    return s.loc[s["category"] == M.SUM_OF_PARTS].reset_index(drop=True)


def change_year_finding(snapshots: pd.DataFrame, lang: str, ya: int = 2018, yb: int = 2019) -> str:
    """Change per placing body from autumn ya to autumn yb, in people and percent."""
    ch = M.change_between(placements(snapshots), ya, yb)
    items = [
        L.t(
            "item_change",
            lang,
            body=L.name(r.category, lang),
            **change_words(r.start, r.end, lang),
        )
        for r in ch.itertuples()
    ]
    return L.t("finding_change_year", lang, ya=ya, yb=yb, items=L.join(items, lang))


def fell_most_finding(snapshots: pd.DataFrame, lang: str) -> str:
    """Placing bodies ranked by percent change of the period means, with the change in people beside."""
    pm = M.period_means(placements(snapshots))

    def item(r) -> str:
        return L.t(
            "item_rank",
            lang,
            body=L.name(r.category, lang),
            pct=L.pct(r.change_pct, lang, sign=True),
            chg=L.num(r.change, lang, 1, sign=True),
        )

    fell = [r for r in pm.itertuples() if r.change_pct < 0]
    texts = []
    if fell:
        then = L.t("fell_then", lang, items=L.join([item(r) for r in fell[1:]], lang)) if fell[1:] else ""
        texts.append(
            L.t(
                "finding_fell_most",
                lang,
                first=L.name(fell[0].category, lang),
                pct=L.pct(fell[0].change_pct, lang, sign=True),
                chg=L.num(fell[0].change, lang, 1, sign=True),
                then=then,
            )
        )
    for r in pm.itertuples():
        if r.change_pct >= 0:
            texts.append(
                L.t(
                    "finding_rose",
                    lang,
                    body=L.name(r.category, lang),
                    verb=L.direction(r.change, lang),
                    pct=L.pct(r.change_pct, lang, sign=True),
                    chg=L.num(r.change, lang, 1, sign=True),
                )
            )
    text = " ".join(texts)
    abs_first = pm.loc[pm["change"].idxmin()]
    if fell and abs_first["change"] < 0 and abs_first["category"] != fell[0].category:
        text += " " + L.t(
            "finding_fell_most_abs",
            lang,
            body=L.name(abs_first["category"], lang),
            chg=L.num(abs_first["change"], lang, 1, sign=True),
        )
    return text


def mark_years(events: pd.DataFrame) -> dict[str, int]:
    """Year of the reorganisation of Arbetsförmedlingen and of the pandemic, from the milestones."""
    out = {}
    for k in ("reorganisation", "pandemic"):
        ys = events.loc[events["kind"] == k, "year"]
        if len(ys):
            out[k] = int(ys.min())
    return out


def pandemic_finding(snapshots: pd.DataFrame, events: pd.DataFrame, lang: str) -> str:
    """The pandemic as a second cause in its year: the change of the sum of the parts into that year."""
    year = mark_years(events)["pandemic"]
    total = sum_of_parts(snapshots).set_index("year")["value"]
    return L.t(
        "finding_pandemic",
        lang,
        year=year,
        ya=year - 1,
        yb=year,
        after=L.years(*M.AFTER),
        **change_words(total[year - 1], total[year], lang),
    )


def five_points(frames: dict, lang: str) -> list[str]:
    """What five autumn counts can and cannot show (bullets)."""
    s = frames["snapshots"]
    pl = placements(s)
    before = pl.loc[pl["year"].between(*M.BEFORE)].groupby("category", sort=False)["value"].min()
    after = pl.loc[pl["year"].between(*M.AFTER)].groupby("category", sort=False)["value"].max()
    lower = [L.name(c, lang) for c in before.index if after[c] < before[c]]
    not_lower = [L.name(c, lang) for c in before.index if after[c] >= before[c]]
    c = M.series(s, "companies")
    spans = {"before": L.years(*M.BEFORE), "after": L.years(*M.AFTER)}
    if lower:
        rest = L.t("five_can_partly", lang, items=L.join(not_lower, lang)) if not_lower else ""
        can = L.t("five_can", lang, lower=L.join(lower, lang), rest=rest, **spans)
    else:
        can = L.t("five_can_none", lang, **spans)
    return [
        can,
        L.t("five_cannot_when", lang),
        L.t(
            "five_cannot_cause",
            lang,
            c0=L.num(c["value"].iloc[0], lang),
            c1=L.num(c["value"].iloc[-1], lang),
            funded_end=int(frames["funded_placements"]["year"].max()),
        ),
        L.t("five_no_test", lang),
    ]


# ---- sentences: funded placements --------------------------------------------------------------------------


def funded_finding(funded_placements: pd.DataFrame, claims: pd.DataFrame, lang: str) -> str:
    """The funnel and the exact interval of the share reaching work or Arbetsförmedlingen."""
    f = M.funnel(funded_placements, claims).set_index("stage")["value"]
    ci = M.outcome_intervals(claims).set_index("outcome")
    e = ci.loc["either"]
    return L.t(
        "finding_funded",
        lang,
        granted=L.num(f["places_granted"], lang),
        used=L.num(f["places_used"], lang),
        rate=L.pct(f["places_used"] / f["places_granted"] * 100, lang),
        y0=int(funded_placements["year"].min()),
        y1=int(funded_placements["year"].max()),
        n=int(e["n"]),
        kw=int(ci.loc["work", "k"]),
        ka=int(ci.loc["arbetsformedlingen", "k"]),
        ke=int(e["k"]),
        share=L.pct(e["share"], lang),
        lo=L.pct(e["low"], lang),
        hi=L.pct(e["high"], lang),
    )


def gender_finding(funded_placements: pd.DataFrame, lang: str) -> str:
    """Women and men among the places used as the detail states them."""
    g = M.gender_of_placed(funded_placements)
    w, m = int(g["women"].fillna(0).sum()), int(g["men"].fillna(0).sum())
    used = int(g["places_used"].sum())
    text = L.t("finding_gender", lang, w=w, m=m, used=used)
    return text + (L.t("finding_gender_unstated", lang, k=used - w - m) if used > w + m else "")


def _gender_list(rows: pd.DataFrame, col: str, lang: str) -> str:
    """'1 men' / '7 of unstated gender' for one side of an outcome comparison."""

    def word(gender: str, k: int) -> str:
        key = f"g_{gender}_1" if k == 1 and L.has(f"g_{gender}_1") else f"g_{gender}"
        return L.t(key, lang)

    parts = [
        L.t("gender_count", lang, k=int(r[col]), gender=word(r["gender"], int(r[col])))
        for _, r in rows.iterrows()
        if r[col] > 0
    ]
    return L.join(parts, lang) if parts else L.t("none", lang)


def contradiction_items(funded_outcomes: pd.DataFrame, claims: pd.DataFrame, lang: str) -> list[str]:
    """One sentence per outcome where the detail and the summary disagree about people or genders."""
    cmp = M.outcome_comparison(funded_outcomes, claims)
    items = []
    for outcome, rows in cmp.groupby("outcome", sort=False):
        if (rows["summary"] > 0).any() and (rows["difference"] != 0).any():
            items.append(
                L.t(
                    "item_contradiction",
                    lang,
                    outcome=L.name(outcome, lang),
                    detail=_gender_list(rows, "detail", lang),
                    summary=_gender_list(rows, "summary", lang),
                )
            )
    return items


def funded_audit(audit) -> pd.DataFrame:
    """Audit rows about the funded placements (sources in the section Individinriktade insatser) not ok."""
    if audit is None:
        return pd.DataFrame(
            columns=["check", "scope", "stated", "computed", "difference", "status", "sources", "note"]
        )
    rows = audit.loc[
        audit["sources"].str.contains("Individinriktade", regex=False) & (audit["status"] != "ok")
    ]
    return M.sort_audit(rows)


# ---- sentences: information and milestones -----------------------------------------------------------------


def informed_finding(snapshots: pd.DataFrame, claims: pd.DataFrame, audit, lang: str) -> str:
    """Sum of the yearly informed figures against the stated period total, and the peak year."""
    from asfdata.pipeline.audit import swapped_digits

    v = M.informed_vs_stated(snapshots, claims, audit)
    cum = M.informed_cumulative(snapshots)
    peak = cum.loc[cum["informed"].idxmax()]
    text = L.t(
        "finding_informed",
        lang,
        computed=L.num(v["computed"], lang),
        years=L.years(v["year_from"], v["year_to"]),
        stated=L.num(v["stated"], lang),
        diff=L.num(v["difference"], lang, sign=True),
        peak_year=int(peak["year"]),
        peak=L.num(peak["informed"], lang),
    )
    if swapped_digits(v["stated"], v["computed"]):
        text += L.t("informed_swapped", lang)
    return text


def audit_finding(audit, lang: str) -> str:
    """How many audit checks ran and how many of each status."""
    if audit is None:
        return L.t("audit_missing", lang)
    n = M.audit_counts(audit)
    return L.t("finding_audit", lang, total=sum(n.values()), **n)


def inconsistency_items(frames: dict, lang: str) -> list[str]:
    """The report's disagreements with itself in lang (totals, period totals, background, funded)."""
    s, audit = frames["snapshots"], frames.get("audit")
    items = [
        L.t(
            "item_total_vs_parts",
            lang,
            measure=L.lower_first(L.t(f"measure_{r.measure}", lang)),
            year=int(r.year),
            stated=L.num(r.stated_total, lang),
            parts=L.num(r.sum_of_parts, lang),
        )
        for r in M.total_differences(s, audit).itertuples()
    ]
    v = M.informed_vs_stated(s, frames["claims"], audit)
    if v["difference"]:
        items.append(
            L.t(
                "item_informed",
                lang,
                years=L.years(v["year_from"], v["year_to"]),
                stated=L.num(v["stated"], lang),
                computed=L.num(v["computed"], lang),
            )
        )
    b = M.background_comparison(frames["claims"], s, audit)
    items += [
        L.t(
            "item_background",
            lang,
            measure=L.lower_first(L.t(f"measure_{r.measure}", lang)),
            year=int(r.year),
            stated=L.num(r.stated, lang),
            snapshot=L.num(r.snapshot, lang),
        )
        for r in b.itertuples()
        if r.status == "mismatch"
    ]
    k = len(funded_audit(audit).query("status == 'mismatch'"))
    if k:
        items.append(L.t("item_funded", lang, n=k))
    return items


# ---- sections: 00 summary ----------------------------------------------------------------------------------


def intro(chapter: str, frames: dict, lang: str) -> str:
    """Chapter heading (h1) and its introductory paragraph."""
    s = frames["snapshots"]
    y0, y1 = int(s["year"].min()), int(s["year"].max())
    values = {
        "00": {"y0": y0, "y1": y1},
        "01": {"y0": y0, "y1": y1},
        "02": {"reform_year": mark_years(frames["events"]).get("reorganisation", "")},
        "03": {
            "y0": int(frames["funded_placements"]["year"].min()),
            "y1": int(frames["funded_placements"]["year"].max()),
            "months": int(M.claim(frames["claims"], "funded-months-per-placement")["value"]),
        },
        "04": {"last_year": y1},
        "05": {},
    }[chapter]
    key = "summary_intro" if chapter == "00" else f"intro_{chapter}"
    return h(chapter_title(chapter, lang), 1) + p(L.t(key, lang, **values))


def key_findings(frames: dict, lang: str) -> str:
    """The key findings of every chapter, one computed paragraph per chapter."""
    s, claims, audit = frames["snapshots"], frames["claims"], frames.get("audit")
    chapters = [
        ("01", employees_finding(s, lang)),
        ("02", f"{change_year_finding(s, lang)} {fell_most_finding(s, lang)}"),
        ("03", funded_finding(frames["funded_placements"], claims, lang)),
        ("04", informed_finding(s, claims, audit, lang)),
        ("05", audit_finding(audit, lang)),
    ]
    items = "".join(
        f"<li><strong>{escape(L.t(f'finding_prefix_{c}', lang))}.</strong> {escape(text)}</li>\n"
        for c, text in chapters
    )
    return heading("h_key_findings", lang) + f"<ul>\n{items}</ul>\n"


def limitations(frames: dict, lang: str) -> str:
    """The main limitations, with the computed numbers they rest on."""
    s, audit = frames["snapshots"], frames.get("audit")
    ci = M.outcome_intervals(frames["claims"]).set_index("outcome").loc["work"]
    n = M.audit_counts(audit)
    items = [
        L.t("limit_points", lang, y0=int(s["year"].min()), y1=int(s["year"].max())),
        L.t("limit_stocks", lang),
        L.t("limit_ten", lang, n=int(ci["n"]), lo=L.pct(ci["low"], lang), hi=L.pct(ci["high"], lang)),
        L.t("limit_cause", lang, reform_year=mark_years(frames["events"]).get("reorganisation", "")),
        L.t(
            "limit_inconsistent",
            lang,
            n=n["mismatch"],
            total=sum(n.values()),
            items="; ".join(inconsistency_items(frames, lang)),
        ),
        L.t("limit_transcribed", lang),
    ]
    return heading("h_limitations", lang) + ul(items)


def glossary(lang: str) -> str:
    """The glossary as a definition list."""
    i = L.check_lang(lang)
    rows = "".join(f"<dt>{escape(term[i])}</dt>\n<dd>{escape(text[i])}</dd>\n" for term, text in L.GLOSSARY)
    return heading("h_glossary", lang) + f'<dl class="asf-glossary">\n{rows}</dl>\n'


# ---- sections: 01 employees --------------------------------------------------------------------------------


def employee_findings(frames: dict, lang: str) -> str:
    """The chapter's computed sentences."""
    s = frames["snapshots"]
    return p(employees_finding(s, lang)) + p(employees_yoy_finding(s, lang))


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
        ser = M.series(s, measure, group)
        y0, y1 = int(ser["year"].min()), int(ser["year"].max())
        yoy = M.year_on_year(ser)
        whole = M.change_between(ser, y0, y1).set_index("category")
        for cat, g in yoy.groupby("category", sort=False):
            row = {_c("col_series", lang): f"{L.t(f'measure_{measure}', lang)}: {L.name(cat, lang)}"}
            for r in g.dropna(subset=["change"]).itertuples():
                row[str(r.year)] = (
                    f"{L.num(r.change, lang, sign=True)} ({L.pct(r.change_pct, lang, sign=True)})"
                )
            w = whole.loc[cat]
            row[_c("col_over_period", lang, y0=y0, y1=y1)] = (
                f"{L.num(w['change'], lang, sign=True)} ({L.pct(w['change_pct'], lang, sign=True)})"
            )
            rows.append(row)
    return heading("h_changes", lang) + table_html(
        pd.DataFrame(rows), L.t("caption_changes", lang), source_line(s["source"], lang)
    )


def background_section(frames: dict, lang: str) -> str:
    """The background section's 2016 figures beside the autumn 2016 count, with the audit's status."""
    s, claims, audit = frames["snapshots"], frames["claims"], frames.get("audit")
    b = M.background_comparison(claims, s, audit)
    b = b.assign(
        measure=[L.t(f"measure_{m}", lang) for m in b["measure"]],
        status=[L.status(x or "ok", lang) for x in b["status"]],
    )
    spec = [
        ("measure", _c("col_measure", lang), "text"),
        ("year", _c("col_year", lang), "year"),
        ("stated", _c("col_background", lang), "int"),
        ("snapshot", _c("col_snapshot", lang), "int"),
        ("difference_pct", _c("col_diff_pct", lang), "spct"),
        ("status", _c("col_status", lang), "text"),
    ]
    y0 = int(b["year"].min())
    src = source_line(list(b["source"]) + [f"Milstolpar {y0}"], lang)
    return (
        heading("h_background", lang)
        + p(background_finding(claims, s, audit, lang))
        + table_html(formatted(b, spec, lang), source=src, note=L.t("background_note", lang, y0=y0))
    )


def employees_table(snapshots: pd.DataFrame, lang: str) -> str:
    """Employees total and by gender with women's share, per year."""
    w = M.womens_share(snapshots)
    spec = [
        ("year", _c("col_year", lang), "year"),
        ("total", L.name("all", lang), "int"),
        ("women", L.name("women", lang), "int"),
        ("men", L.name("men", lang), "int"),
        ("women_share", _c("col_women_share", lang), "pct"),
    ]
    return table_html(formatted(w, spec, lang))


def employees_per_company_table(snapshots: pd.DataFrame, lang: str) -> str:
    """Employees, companies and employees per company, per year."""
    spec = [
        ("year", _c("col_year", lang), "year"),
        ("employees", _c("col_employees", lang), "int"),
        ("companies", _c("col_companies", lang), "int"),
        ("per_company", _c("col_per_company", lang), "dec2"),
    ]
    return table_html(formatted(employees_per_company(snapshots), spec, lang))


def wide_table(frame: pd.DataFrame, lang: str, kind: str = "int") -> str:
    """A tidy year/category frame as a table with one column per category (names in lang)."""
    w = M.wide(frame).reset_index()
    spec = [("year", _c("col_year", lang), "year")] + [(c, L.name(c, lang), kind) for c in w.columns[1:]]
    return table_html(formatted(w, spec, lang))


def kinds_table(counts: pd.DataFrame, lang: str) -> str:
    """Milestones per kind (rows, names in lang) and year (columns), 0 where none."""
    w = counts.pivot_table(index="kind", columns="year", values="count", aggfunc="sum", fill_value=0)
    w = w.assign(_name=[L.kind(k, lang) for k in w.index]).sort_values("_name")
    out = pd.DataFrame({_c("col_kind", lang): w["_name"].to_numpy()})
    for y in sorted(c for c in w.columns if c != "_name"):
        out[str(y)] = [L.num(v, lang) for v in w[y]]
    return table_html(out)


# ---- sections: 02 placements -------------------------------------------------------------------------------


def parts_table(snapshots: pd.DataFrame, measure: str, group: str, audit, lang: str) -> str:
    """Parts, their sum, the stated total, the difference and the audit row behind it, per year."""
    t = M.total_vs_parts(snapshots, measure, group, audit)
    t = t.assign(status=[L.status(x, lang) for x in t["status"]])
    parts = M.wide(M.series(snapshots, measure, group)).reset_index()
    spec = [("year", _c("col_year", lang), "year")] + [(c, L.name(c, lang), "int") for c in parts.columns[1:]]
    left = formatted(parts, spec, lang)
    right = formatted(
        t,
        [
            ("sum_of_parts", _c("col_sum_of_parts", lang), "int"),
            ("stated_total", _c("col_total_stated", lang), "int"),
            ("difference", _c("col_difference", lang), "sint"),
            ("audit", _c("col_audit", lang), "text"),
            ("status", _c("col_status", lang), "text"),
        ],
        lang,
    )
    return table_html(pd.concat([left, right], axis=1), note=L.t("parts_note", lang))


def change_year_section(frames: dict, lang: str, ya: int = 2018, yb: int = 2019) -> str:
    """Change per placing body (and the sum of the parts) from autumn ya to autumn yb: sentence and table."""
    s = frames["snapshots"]
    ch = M.change_between(M.with_sum_of_parts(s, *PLACED_BY), ya, yb)
    ch = ch.assign(category=[L.name(c, lang) for c in ch["category"]])
    spec = [
        ("category", _c("col_body", lang), "text"),
        ("start", _c("col_autumn", lang, year=ya), "int"),
        ("end", _c("col_autumn", lang, year=yb), "int"),
        ("change", _c("col_change_people", lang), "sint"),
        ("change_pct", _c("col_change_pct", lang), "spct"),
    ]
    src = source_line([f"Milstolpar {ya}", f"Milstolpar {yb}"], lang)
    return (
        heading("h_change_year", lang, ya=ya, yb=yb)
        + p(change_year_finding(s, lang, ya, yb))
        + table_html(formatted(ch, spec, lang), source=src)
    )


def period_means_section(frames: dict, lang: str) -> str:
    """Before/after period means per placing body, ranked by percent change ('fell most')."""
    s = frames["snapshots"]
    pm = M.period_means(placements(s))
    pm = pm.assign(category=[L.name(c, lang) for c in pm["category"]])
    before, after = L.years(*M.BEFORE), L.years(*M.AFTER)
    spec = [
        ("rank", _c("col_rank", lang), "int"),
        ("category", _c("col_body", lang), "text"),
        ("before_mean", _c("col_before_mean", lang, years=before), "dec1"),
        ("after_mean", _c("col_after_mean", lang, years=after), "dec1"),
        ("change", _c("col_change_people", lang), "sdec1"),
        ("change_pct", _c("col_change_pct", lang), "spct"),
    ]
    return (
        heading("h_period_means", lang, before=before, after=after)
        + p(fell_most_finding(s, lang))
        + table_html(formatted(pm, spec, lang), source=source_line(s["source"], lang))
    )


def pandemic_section(frames: dict, lang: str) -> str:
    """The pandemic as a second cause in its year."""
    year = mark_years(frames["events"])["pandemic"]
    return heading("h_pandemic", lang, year=year) + p(
        pandemic_finding(frames["snapshots"], frames["events"], lang)
    )


def five_points_section(frames: dict, lang: str) -> str:
    """What five autumn counts can and cannot show."""
    return heading("h_five_points", lang) + ul(five_points(frames, lang))


# ---- sections: 03 funded placements ------------------------------------------------------------------------


def funded_findings(frames: dict, lang: str) -> str:
    """The chapter's computed sentence on the funnel and the outcomes."""
    return p(funded_finding(frames["funded_placements"], frames["claims"], lang))


def small_note(people: float, lang: str) -> str:
    """The note for a row describing fewer than three people (else empty)."""
    return L.t("small_note", lang) if 0 < people < M.SMALL else ""


def funnel_table(frames: dict, lang: str) -> str:
    """The funnel's stages and numbers."""
    f = M.funnel(frames["funded_placements"], frames["claims"])
    f = f.assign(stage=[L.name(x, lang) for x in f["stage"]], note=[small_note(v, lang) for v in f["value"]])
    spec = [
        ("stage", _c("col_stage", lang), "text"),
        ("value", _c("col_count", lang), "int"),
        ("note", _c("col_note", lang), "text"),
    ]
    return table_html(formatted(f, spec, lang), note=L.t("funnel_note", lang))


def use_rate_table(frames: dict, lang: str) -> str:
    """Places granted and used and the use rate per municipality and year."""
    u = M.use_rate(frames["funded_placements"])
    u = u.assign(
        municipality=[L.name(m, lang) if m == M.TOTAL else m for m in u["municipality"]],
        note=[small_note(v, lang) for v in u["places_used"]],
    )
    spec = [
        ("year", _c("col_year", lang), "text"),
        ("municipality", _c("col_municipality", lang), "text"),
        ("places_granted", _c("col_places_granted", lang), "int"),
        ("places_used", _c("col_places_used", lang), "int"),
        ("use_rate", _c("col_use_rate", lang), "pct"),
        ("note", _c("col_note", lang), "text"),
    ]
    return table_html(formatted(u, spec, lang))


def target_groups_section(frames: dict, lang: str) -> str:
    """Places granted and used per target group."""
    fp = frames["funded_placements"]
    tg = M.target_groups(fp)
    tg = tg.assign(
        target_group=[L.target_group(x, lang) for x in tg["target_group"]],
        note=[small_note(v, lang) for v in tg["places_used"]],
    )
    spec = [
        ("target_group", _c("col_target_group", lang), "text"),
        ("municipalities", _c("col_municipalities", lang), "text"),
        ("years", _c("col_years", lang), "text"),
        ("places_granted", _c("col_places_granted", lang), "int"),
        ("places_used", _c("col_places_used", lang), "int"),
        ("use_rate", _c("col_use_rate", lang), "pct"),
        ("note", _c("col_note", lang), "text"),
    ]
    return heading("h_target_groups", lang) + table_html(
        formatted(tg, spec, lang), source=source_line(fp["source"], lang)
    )


def gender_section(frames: dict, lang: str) -> str:
    """Women and men among those placed, as the report published them."""
    fp = frames["funded_placements"]
    g = M.gender_of_placed(fp)
    g = g.assign(note=[small_note(v, lang) for v in g["places_used"]])
    spec = [
        ("year", _c("col_year", lang), "year"),
        ("municipality", _c("col_municipality", lang), "text"),
        ("places_used", _c("col_places_used", lang), "int"),
        ("women", _c("col_women", lang), "int"),
        ("men", _c("col_men", lang), "int"),
        ("note", _c("col_note", lang), "text"),
    ]
    return (
        heading("h_gender", lang)
        + p(gender_finding(fp, lang))
        + p(L.t("small_rule", lang), "asf-note")
        + table_html(formatted(g, spec, lang), source=source_line(fp["source"], lang))
    )


def intervals_table(frames: dict, lang: str) -> str:
    """Outcome shares out of the unique individuals with exact 95 % intervals."""
    ci = M.outcome_intervals(frames["claims"])
    ci = ci.assign(
        outcome=[L.name(o, lang) for o in ci["outcome"]],
        interval=[
            f"{L.num(lo, lang, 1)}{L.DASH}{L.num(hi, lang, 1)}"
            for lo, hi in zip(ci["low"], ci["high"], strict=True)
        ],
        note=[small_note(k, lang) for k in ci["k"]],
    )
    spec = [
        ("outcome", _c("col_outcome", lang), "text"),
        ("k", _c("col_people", lang), "int"),
        ("n", _c("col_of", lang), "int"),
        ("share", _c("col_share", lang), "pct"),
        ("interval", _c("col_interval", lang), "text"),
        ("note", _c("col_note", lang), "text"),
    ]
    n = int(ci["n"].iloc[0])
    return table_html(formatted(ci, spec, lang), note=L.t("intervals_note", lang, n=n))


def contradictions_section(frames: dict, lang: str) -> str:
    """The detail against the summary per outcome and gender, and the audit's funded-placement mismatches."""
    fo, claims, audit = frames["funded_outcomes"], frames["claims"], frames.get("audit")
    cmp = M.outcome_comparison(fo, claims)
    cmp = cmp.assign(
        outcome=[L.name(o, lang) for o in cmp["outcome"]], gender=[L.name(g, lang) for g in cmp["gender"]]
    )
    spec = [
        ("outcome", _c("col_outcome", lang), "text"),
        ("gender", _c("col_gender", lang), "text"),
        ("detail", _c("col_detail", lang), "int"),
        ("summary", _c("col_summary", lang), "int"),
    ]
    fa = funded_audit(audit)
    text = L.t(
        "contradictions_intro",
        lang,
        items="; ".join(contradiction_items(fo, claims, lang)),
        n=int((fa["status"] == "mismatch").sum()),
    )
    src = source_line(
        list(fo["source"]) + list(claims.loc[claims["claim_id"].str.startswith("funded-outcome-"), "source"]),
        lang,
    )
    out = heading("h_contradictions", lang) + p(text) + table_html(formatted(cmp, spec, lang), source=src)
    if audit is None:
        return out + p(L.t("audit_missing", lang))
    return out + audit_table(fa, lang, L.t("audit_funded_caption", lang))


# ---- sections: 04 information and milestones ---------------------------------------------------------------


def informed_section(frames: dict, lang: str) -> str:
    """Sentences on people informed: sum against the stated total, and the 'in volume' caution."""
    s = frames["snapshots"]
    return p(informed_finding(s, frames["claims"], frames.get("audit"), lang)) + p(
        L.t("informed_volume", lang)
    )


def informed_table(frames: dict, lang: str) -> str:
    """People informed per year and cumulatively, with the stated period total as the last row."""
    s, claims = frames["snapshots"], frames["claims"]
    cum = M.informed_cumulative(s)
    v = M.informed_vs_stated(s, claims, frames.get("audit"))
    spec = [
        ("year", _c("col_year", lang), "text"),
        ("informed", _c("col_informed", lang), "int"),
        ("cumulative", _c("col_cumulative", lang), "int"),
    ]
    rows = cum.assign(year=cum["year"].astype(str))
    stated = pd.DataFrame(
        [
            {
                "year": L.t("row_stated_period_total", lang, years=L.years(v["year_from"], v["year_to"])),
                "informed": float("nan"),
                "cumulative": float(v["stated"]),
            }
        ]
    )
    return table_html(formatted(pd.concat([rows, stated], ignore_index=True), spec, lang))


def events_section(frames: dict, lang: str) -> str:
    """The milestones as a table in lang (descriptions escaped)."""
    ev = M.events_table(frames["events"])
    when = [
        L.month(m, lang) if not pd.isna(m) else (L.period_text(pt, lang) if isinstance(pt, str) else "")
        for m, pt in zip(ev["month"], ev["period_text"], strict=True)
    ]
    ev = ev.assign(
        when=when,
        kind=[L.kind(k, lang) for k in ev["kind"]],
        description=ev["description_sv" if lang == "sv" else "description_en"],
    )
    spec = [
        ("year", _c("col_year", lang), "year"),
        ("when", _c("col_when", lang), "text"),
        ("kind", _c("col_kind", lang), "text"),
        ("actor", _c("col_actor", lang), "text"),
        ("description", _c("col_description", lang), "text"),
        ("source", _c("col_source", lang), "text"),
    ]
    return heading("h_events", lang) + table_html(formatted(ev, spec, lang), L.t("events_caption", lang))


# ---- sections: 05 data quality -----------------------------------------------------------------------------


def audit_table(audit: pd.DataFrame, lang: str, caption: str = "") -> str:
    """Audit rows (already selected), mismatches first, statuses in lang, every text escaped."""
    a = M.sort_audit(audit)
    a = a.assign(status=[L.status(x, lang) for x in a["status"]])
    spec = [
        ("status", _c("col_status", lang), "text"),
        ("check", _c("col_check", lang), "text"),
        ("scope", _c("col_scope", lang), "text"),
        ("stated", _c("col_stated", lang), "int"),
        ("computed", _c("col_computed", lang), "int"),
        ("difference", _c("col_difference_plain", lang), "sint"),
        ("sources", _c("col_sources", lang), "text"),
        ("note", _c("col_note", lang), "text"),
    ]
    return table_html(
        formatted(a, spec, lang),
        caption,
        source=L.t("source_prefix", lang) + ": " + L.t("source_audit", lang),
    )


def audit_section(audit, lang: str) -> str:
    """The whole audit, mismatches first, with its summary sentence."""
    if audit is None:
        return heading("h_audit", lang) + p(L.t("audit_missing", lang))
    note = L.t("english_note", lang)
    return (
        heading("h_audit", lang)
        + p(audit_finding(audit, lang))
        + (p(note, "asf-note") if note else "")
        + audit_table(audit, lang)
    )


def assumptions_section(assumptions: pd.DataFrame, lang: str) -> str:
    """The assumptions log, by id."""
    a = assumptions.sort_values("id").reset_index(drop=True)
    spec = [
        ("id", _c("col_id", lang), "text"),
        ("assumption", _c("col_assumption", lang), "text"),
        ("reason", _c("col_reason", lang), "text"),
        ("effect", _c("col_effect", lang), "text"),
        ("sources", _c("col_sources", lang), "text"),
    ]
    return (
        heading("h_assumptions", lang)
        + p(L.t("assumptions_intro", lang))
        + table_html(formatted(a, spec, lang))
    )
