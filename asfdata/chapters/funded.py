"""Chapter 3, the funded placements 2016–2018: its sentences, tables and charts
(notebooks/03_funded)."""

from __future__ import annotations

from functools import partial

import pandas as pd

from asfdata import catalogs, metrics, registry
from asfdata.chapters.common import audit_data, audit_html
from asfdata.pipeline.audit_lookup import funded_audit
from asfdata.pipeline.data import Frames
from asfdata.pipeline.people import correction_sets, statement_table
from asfdata.render import words
from asfdata.render.charts import bar_chart, interval_chart
from asfdata.render.html import CHAPTER, SUBSECTION, figure_html, formatted, h, p, table_html, ul
from asfdata.render.phrases import source_line
from asfdata.render.section import Section, stated, tidy
from asfdata.render.svg import chart_svgs
from asfdata.study import (
    CLAIM_MONTHS_PER_PLACEMENT,
    CLAIM_OUTCOME_BACK,
    CLAIM_UNIQUE_INDIVIDUALS,
    FUNDED_CLAIMS,
    OUTCOME_CLAIMS,
)

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(frames: Frames, lang: str) -> Section:
    """The chapter's heading and introductory paragraph (.data: the years, the months per placement)."""
    fp = frames.funded_placements
    y0, y1 = int(fp["year"].min()), int(fp["year"].max())
    months = metrics.claim(frames.claims, CLAIM_MONTHS_PER_PLACEMENT)["value"]
    text = t("intro", lang, y0=y0, y1=y1, months=words.num(months, lang))
    return Section(h(words.chapter_heading("03", lang), CHAPTER) + p(text),
                   stated(first_year=y0, last_year=y1, months_per_placement=months))


# ---- sentences ---------------------------------------------------------------------------------------------


def funded_finding(funded_placements: pd.DataFrame, claims: pd.DataFrame, lang: str) -> str:
    """The funnel and the exact intervals of the share going on to work, and of that reaching work or
    Arbetsförmedlingen."""
    f = metrics.funnel(funded_placements, claims).set_index("stage")["value"]
    ci = metrics.outcome_intervals(claims).set_index("outcome")
    e = ci.loc["either"]
    return t(
        "finding_funded",
        lang,
        granted=words.num(f["places_granted"], lang),
        used=words.num(f["places_used"], lang),
        rate=words.pct(f["places_used"] / f["places_granted"] * 100, lang),
        y0=int(funded_placements["year"].min()),
        y1=int(funded_placements["year"].max()),
        n=words.num(e["n"], lang),
        kw=words.num(ci.loc["work", "k"], lang),
        ka=words.num(ci.loc["arbetsformedlingen", "k"], lang),
        ke=words.num(e["k"], lang),
        kb=words.num(metrics.claim(claims, CLAIM_OUTCOME_BACK)["value"], lang),
        share=words.pct(e["share"], lang),
        lo=words.pct(e["low"], lang),
        hi=words.pct(e["high"], lang),
        w_lo=words.pct(ci.loc["work", "low"], lang),
        w_hi=words.pct(ci.loc["work", "high"], lang),
    )


def gender_finding(funded_placements: pd.DataFrame, lang: str) -> str:
    """Women and men among the places used as the detail states them."""
    g = metrics.gender_of_placed(funded_placements)
    w, m = int(g["women"].fillna(0).sum()), int(g["men"].fillna(0).sum())
    used = int(g["places_used"].sum())
    text = t("finding_gender", lang, w=words.num(w, lang), m=words.num(m, lang), used=words.num(used, lang))
    unstated = t("finding_gender_unstated", lang, k=words.num(used - w - m, lang)) if used > w + m else ""
    return text + unstated


def _gender_list(rows: pd.DataFrame, col: str, lang: str) -> str:
    """'1 men' / '7 of unstated gender' for one side of an outcome comparison."""

    def word(gender: str, k: int) -> str:
        return t(f"g_{gender}", lang, n=k)

    parts = [
        t("gender_count", lang, k=words.num(r[col], lang), gender=word(r["gender"], int(r[col])))
        for _, r in rows.iterrows()
        if r[col] > 0
    ]
    return words.join(parts, lang) if parts else t("none", lang)


def contradiction_items(funded_outcomes: pd.DataFrame, claims: pd.DataFrame, lang: str) -> list[str]:
    """One sentence per outcome where the detail and the summary disagree about people or genders."""
    cmp = metrics.outcome_comparison(funded_outcomes, claims)
    items = []
    for outcome, rows in cmp.groupby("outcome", sort=False):
        if (rows["summary"] > 0).any() and (rows["difference"] != 0).any():
            items.append(
                t(
                    "item_contradiction",
                    lang,
                    outcome=words.name(outcome, lang),
                    detail=_gender_list(rows, "detail", lang),
                    summary=_gender_list(rows, "summary", lang),
                )
            )
    return items


# ---- sections and tables -----------------------------------------------------------------------------------


def funded_findings(frames: Frames, lang: str) -> Section:
    """The chapter's computed sentence on the funnel and the outcomes (.data: its numbers, one row)."""
    fp, claims = frames.funded_placements, frames.claims
    f = metrics.funnel(fp, claims).set_index("stage")["value"]
    ci = metrics.outcome_intervals(claims).set_index("outcome")
    data = stated(
        first_year=int(fp["year"].min()), last_year=int(fp["year"].max()), places_granted=f["places_granted"],
        places_used=f["places_used"], use_rate_pct=f["places_used"] / f["places_granted"] * 100,
        people=ci.loc["either", "n"], people_to_work=ci.loc["work", "k"],
        people_to_arbetsformedlingen=ci.loc["arbetsformedlingen", "k"], people_either=ci.loc["either", "k"],
        people_back=metrics.claim(claims, CLAIM_OUTCOME_BACK)["value"],
        either_low_pct=ci.loc["either", "low"], either_high_pct=ci.loc["either", "high"],
        work_low_pct=ci.loc["work", "low"], work_high_pct=ci.loc["work", "high"],
    )
    return Section(p(funded_finding(fp, claims, lang)), data)


def small_note(people: float, lang: str) -> str:
    """The note for a row describing fewer than three people (else empty)."""
    return t("small_note", lang) if 0 < people < metrics.SMALL else ""


def funnel_table(frames: Frames, lang: str) -> str:
    """The funnel's stages and numbers."""
    f = metrics.funnel(frames.funded_placements, frames.claims)
    stages = f.set_index("stage")["value"]
    f = f.assign(stage=[words.name(x, lang) for x in f["stage"]],
                 note=[small_note(v, lang) for v in f["value"]])
    spec = [
        ("stage", t("col_stage", lang), "text"),
        ("value", t("col_count", lang), "int"),
        ("note", t("col_note", lang), "text"),
    ]
    note = t("funnel_note", lang, used=words.num(stages["places_used"], lang),
             n=words.num(metrics.claim(frames.claims, CLAIM_UNIQUE_INDIVIDUALS)["value"], lang),
             extended=words.num(metrics.detail_outcomes(frames.funded_outcomes, "extended"), lang))
    return table_html(formatted(f, spec, lang), t("caption_funnel", lang), note=note)


def use_rate_table(frames: Frames, lang: str) -> str:
    """Places granted and used and the use rate per municipality and year."""
    u = metrics.use_rate(frames.funded_placements)
    u = u.assign(
        municipality=[words.name(m, lang) if m == metrics.TOTAL else m for m in u["municipality"]],
        note=[small_note(v, lang) for v in u["places_used"]],
    )
    spec = [
        ("year", t("col_year", lang), "text"),
        ("municipality", t("col_municipality", lang), "text"),
        ("places_granted", t("col_places_granted", lang), "int"),
        ("places_used", t("col_places_used", lang), "int"),
        ("use_rate", t("col_use_rate", lang), "pct"),
        ("note", t("col_note", lang), "text"),
    ]
    return table_html(formatted(u, spec, lang), t("caption_use_rate", lang))


def target_groups_section(frames: Frames, lang: str) -> Section:
    """Places granted and used per target group (.data: target group (as the report names it),
    municipalities, years, places granted and used, use rate in percent)."""
    fp = frames.funded_placements
    tg = metrics.target_groups(fp)
    data = tg.rename(columns={"use_rate": "use_rate_pct"})
    tg = tg.assign(
        target_group=[words.target_group(x, lang) for x in tg["target_group"]],
        note=[small_note(v, lang) for v in tg["places_used"]],
    )
    spec = [
        ("target_group", t("col_target_group", lang), "text"),
        ("municipalities", t("col_municipalities", lang), "text"),
        ("years", t("col_years", lang), "text"),
        ("places_granted", t("col_places_granted", lang), "int"),
        ("places_used", t("col_places_used", lang), "int"),
        ("use_rate", t("col_use_rate", lang), "pct"),
        ("note", t("col_note", lang), "text"),
    ]
    return Section(h(t("h_target_groups", lang)) + table_html(
        formatted(tg, spec, lang), t("caption_target_groups", lang), source=source_line(fp["source"], lang)
    ), data)


def gender_section(frames: Frames, lang: str) -> Section:
    """Women and men among those placed, as the report published them (.data: per year and municipality,
    places used, women, men; then the sums the sentence states)."""
    fp = frames.funded_placements
    g = metrics.gender_of_placed(fp)
    w, m, used = int(g["women"].fillna(0).sum()), int(g["men"].fillna(0).sum()), int(g["places_used"].sum())
    unstated = {"unstated_gender": used - w - m} if used > w + m else {}
    sums = stated(women=w, men=m, places_used=used, **unstated)
    data = tidy(g[["year", "municipality", "places_used", "women", "men"]], sums)
    g = g.assign(note=[small_note(v, lang) for v in g["places_used"]])
    spec = [
        ("year", t("col_year", lang), "year"),
        ("municipality", t("col_municipality", lang), "text"),
        ("places_used", t("col_places_used", lang), "int"),
        ("women", t("col_women", lang), "int"),
        ("men", t("col_men", lang), "int"),
        ("note", t("col_note", lang), "text"),
    ]
    return Section(
        h(t("h_gender", lang))
        + p(gender_finding(fp, lang))
        + p(t("small_rule", lang), "asf-note")
        + table_html(formatted(g, spec, lang), t("caption_gender", lang),
                     source=source_line(fp["source"], lang)),
        data,
    )


def intervals_table(frames: Frames, lang: str) -> str:
    """Outcome shares out of the unique individuals with exact 95 % intervals."""
    ci = metrics.outcome_intervals(frames.claims)
    ci = ci.assign(
        outcome=[words.name(o, lang) for o in ci["outcome"]],
        interval=[
            f"{words.num(lo, lang, 1)}{words.DASH}{words.num(hi, lang, 1)}"
            for lo, hi in zip(ci["low"], ci["high"], strict=True)
        ],
        note=[small_note(k, lang) for k in ci["k"]],
    )
    spec = [
        ("outcome", t("col_outcome", lang), "text"),
        ("k", t("col_people", lang), "int"),
        ("n", t("col_of", lang), "int"),
        ("share", t("col_share", lang), "pct"),
        ("interval", t("col_interval", lang), "text"),
        ("note", t("col_note", lang), "text"),
    ]
    n = words.num(ci["n"].iloc[0], lang)
    return table_html(formatted(ci, spec, lang), t("caption_intervals", lang, n=n),
                      note=t("intervals_note", lang, n=n))


def contradictions_section(frames: Frames, lang: str) -> Section:
    """The detail against the summary per outcome and gender, and the audit's funded-placement mismatches
    (.data: outcome, gender, people in the detail and in the summary; the number of mismatches; the audit's
    rows)."""
    fo, claims, audit = frames.funded_outcomes, frames.claims, frames.audit
    cmp = metrics.outcome_comparison(fo, claims)
    said = claims.loc[claims["claim_id"].str.startswith(OUTCOME_CLAIMS)]
    said = set(zip(said["category"], said["gender"].fillna("unknown"), strict=True))
    # where the summary says nothing of an outcome and gender, a dash: its 0 is no count
    cmp = cmp.assign(summary=[v if (o, g) in said else float("nan")
                              for o, g, v in zip(cmp["outcome"], cmp["gender"], cmp["summary"], strict=True)])
    people = cmp[["outcome", "gender", "detail", "summary"]].rename(
        columns={"detail": "detail_people", "summary": "summary_people"})
    cmp = cmp.assign(
        outcome=[words.name(o, lang) for o in cmp["outcome"]],
        gender=[words.name(g, lang) for g in cmp["gender"]],
    )
    spec = [
        ("outcome", t("col_outcome", lang), "text"),
        ("gender", t("col_gender", lang), "text"),
        ("detail", t("col_detail", lang), "int"),
        ("summary", t("col_summary", lang), "int"),
    ]
    fa = funded_audit(audit)
    text = t(
        "contradictions_intro",
        lang,
        items=". ".join(contradiction_items(fo, claims, lang)),  # each item a sentence of its own
        n=words.num((fa["status"] == "mismatch").sum(), lang),
    )
    src = source_line(
        list(fo["source"]) + list(claims.loc[claims["claim_id"].str.startswith(OUTCOME_CLAIMS), "source"]),
        lang,
    )
    table = table_html(formatted(cmp, spec, lang), t("caption_contradictions", lang), source=src,
                       note=t("summary_silent_note", lang))
    out = h(t("h_contradictions", lang)) + p(text) + table
    mismatches = stated(audit_mismatches=int((fa["status"] == "mismatch").sum()))
    if audit is None:
        return Section(out + p(t("audit_missing", lang)), tidy(people, mismatches))
    return Section(out + audit_html(fa, lang, t("audit_funded_caption", lang)),
                   tidy(people, mismatches, audit_data(fa, lang)))


# ---- charts ------------------------------------------------------------------------------------------------


FUNNEL_UNITS = {"places_granted": "places", "places_used": "places"}  # the other stages count people


def fig_funnel(frames: Frames, lang: str) -> Section:
    """The funded places as a funnel: granted → used → unique individuals → outcomes (.data: stage, number,
    unit; then the use rate and the people back in public support the takeaway states)."""
    fp, claims = frames.funded_placements, frames.claims
    f = metrics.funnel(fp, claims)
    d = pd.DataFrame(
        {"label": [words.name(x, lang) for x in f["stage"]], "category": f["stage"], "value": f["value"]}
    )
    v = f.set_index("stage")["value"]
    n = words.num(v["unique_individuals"], lang)
    title = t(
        "title_funnel",
        lang,
        granted=words.num(v["places_granted"], lang),
        used=words.num(v["places_used"], lang),
        n=n,
        kw=words.num(v.get("outcome_work", 0), lang),
    )
    takeaway = t("takeaway_funnel", lang, rate=words.pct(v["places_used"] / v["places_granted"] * 100, lang),
                 kb=words.num(metrics.claim(claims, CLAIM_OUTCOME_BACK)["value"], lang), n=n)
    funded_claims = claims.loc[claims["claim_id"].str.startswith(FUNDED_CLAIMS), "source"]
    draw = partial(bar_chart, d, xlabel=t("axis_places_people", lang), lang=lang)
    values = "; ".join(f"{a}: {words.num(b, lang)}" for a, b in zip(d["label"], d["value"], strict=True))
    html = figure_html(
        chart_svgs(draw), title=title,
        subtitle=t("subtitle_funnel", lang, y0=int(fp["year"].min()), y1=int(fp["year"].max())),
        takeaway=takeaway, source=source_line(list(fp["source"]) + list(funded_claims), lang),
        alt=t("alt_bars", lang, what=t("what_funnel", lang), values=values), table=funnel_table(frames, lang),
    )
    stages = f.rename(columns={"value": "number"}).assign(
        unit=[FUNNEL_UNITS.get(x, "people") for x in f["stage"]])
    rate = stated(use_rate_pct=v["places_used"] / v["places_granted"] * 100,
                  people_back=metrics.claim(claims, CLAIM_OUTCOME_BACK)["value"])
    return Section(html, tidy(stages, rate), draw)


def fig_use_rate(frames: Frames, lang: str) -> Section:
    """Places granted and used per municipality and year (grouped bars); .data: year, municipality (and the
    total), places granted and used, use rate in percent; the grants fully used and all grants."""
    fp = frames.funded_placements
    u = metrics.use_rate(fp)
    rows = u.loc[u["municipality"] != metrics.TOTAL]
    lab = [f"{m} {y}" for m, y in zip(rows["municipality"], rows["year"], strict=True)]
    d = pd.concat(
        [
            pd.DataFrame({"label": lab, "category": c, "value": rows[c].to_numpy()})
            for c in ("places_granted", "places_used")
        ],
        ignore_index=True,
    )
    total = u.loc[u["municipality"] == metrics.TOTAL].iloc[0]
    full = int((rows["use_rate"] >= 100).sum())
    title = t(
        "title_use_rate",
        lang,
        n=full,  # the verb's number: '1 of 5 grants was', '2 of 5 grants were'
        full=words.num(full, lang),
        grants=words.num(len(rows), lang),
        rate=words.pct(total["use_rate"], lang),
    )
    ranked = rows.assign(label=lab).sort_values(["use_rate", "places_granted"], kind="stable")
    lo, hi = ranked.iloc[0], ranked.iloc[-1]
    takeaway = t("takeaway_use_rate", lang, lo=lo["label"], hi=hi["label"],
                 lo_used=words.num(lo["places_used"], lang), lo_granted=words.num(lo["places_granted"], lang),
                 hi_used=words.num(hi["places_used"], lang), hi_granted=words.num(hi["places_granted"], lang))
    draw = partial(bar_chart, d, xlabel=t("axis_places", lang), lang=lang)
    values = "; ".join(
        f"{a}: {words.num(g, lang)} / {words.num(x, lang)}"
        for a, g, x in zip(lab, rows["places_granted"], rows["places_used"], strict=True)
    )
    html = h(t("h_use_rate", lang)) + figure_html(
        chart_svgs(draw), title=title, subtitle=t("subtitle_use_rate", lang), takeaway=takeaway,
        source=source_line(fp["source"], lang),
        alt=t("alt_bars", lang, what=t("what_use_rate", lang), values=values),
        table=use_rate_table(frames, lang),
    )
    grants = stated(grants_fully_used=int((rows["use_rate"] >= 100).sum()), grants=len(rows))
    return Section(html, tidy(u.rename(columns={"use_rate": "use_rate_pct"}), grants), draw)


def fig_outcome_intervals(frames: Frames, lang: str) -> Section:
    """Shares of the unique individuals reaching work, Arbetsförmedlingen or either, with exact intervals
    (.data: outcome, people, of_people, share_pct, low_pct, high_pct: the 95 % interval)."""
    claims = frames.claims
    ci = metrics.outcome_intervals(claims)
    d = ci.rename(columns={"outcome": "category"})
    n = words.num(ci["n"].iloc[0], lang)
    by = ci.set_index("outcome")
    work, either = by.loc["work"], by.loc["either"]
    lo, hi = words.pct(work["low"], lang), words.pct(work["high"], lang)
    title = t("title_intervals", lang, k=words.num(work["k"], lang), n=n, lo=lo, hi=hi)
    takeaway = t("takeaway_intervals", lang, n=n, k=words.num(either["k"], lang),
                 name=words.name("either", lang), lo=words.pct(either["low"], lang),
                 hi=words.pct(either["high"], lang))
    draw = partial(interval_chart, d, xlabel=t("axis_share_people", lang), lang=lang)
    values = "; ".join(
        t(
            "item_interval",
            lang,
            name=words.name(r.category, lang),
            k=words.num(r.k, lang),
            n=words.num(r.n, lang),
            share=words.pct(r.share, lang),
            lo=words.num(r.low, lang, 1),
            hi=words.pct(r.high, lang),
        )
        for r in d.itertuples()
    )
    html = h(t("h_outcomes", lang)) + figure_html(
        chart_svgs(draw), title=title, subtitle=t("subtitle_intervals", lang, n=n), takeaway=takeaway,
        source=source_line(claims.loc[claims["claim_id"].str.startswith(FUNDED_CLAIMS), "source"], lang),
        alt=t("alt_intervals", lang, what=t("what_intervals", lang, n=n), values=values),
        table=intervals_table(frames, lang),
    )
    data = ci[["outcome", "k", "n", "share", "low", "high"]].rename(columns={
        "k": "people", "n": "of_people", "share": "share_pct", "low": "low_pct", "high": "high_pct"})
    return Section(html, data, draw)


def lessons_section(frames: Frames, lang: str) -> Section:
    """What the report says it learned from the funded placements (recruiting, administration, the
    collaboration around each person), attributed to the report; it states no number, so .data is empty."""
    return Section(p(t("lessons", lang)))


def statements_section(frames: Frames, lang: str) -> Section:
    """Each statement of the report about the ten people, whether it holds in all, some or no reading of
    the yearly detail, and the smallest sets of statements that, taken as slips, leave the rest agreeing
    (.data: statement, where, holds and condition (in lang), then the readings, the correction sets and
    each set's statements)."""
    args = frames.funded_placements, frames.funded_outcomes, frames.claims
    st = statement_table(*args)
    shown = st.assign(
        where=[t(f"where_{r}", lang) for r in st["role"]],
        holds=[t(f"holds_{x}", lang) for x in st["holds"]],
    )
    spec = [
        (f"text_{lang}", t("col_statement", lang), "text"),
        ("where", t("col_where", lang), "text"),
        ("holds", t("col_holds", lang), "text"),
        (f"condition_{lang}", t("col_condition", lang), "text"),
    ]
    n = int(st["readings"].iloc[0])
    table = table_html(formatted(shown, spec, lang),
                       caption=t("caption_statements", lang, n=words.num(n, lang)),
                       source=source_line(st["section"], lang))
    cs = correction_sets(*args, frames.statements)  # the slips quote the report's own words
    corrections = [f"{r[f'text_{lang}']}" for _, r in cs.iterrows()]
    html = (
        h(t("h_statements", lang))
        + p(t("statements_intro", lang, n=words.num(n, lang)))
        + table
        + h(t("h_corrections", lang), SUBSECTION)
        + p(t("corrections_intro", lang, k=words.num(len(cs), lang)))
        + ul(corrections)
    )
    rows = pd.DataFrame({"statement": st[f"text_{lang}"], "where": st["role"], "holds": st["holds"],
                         "condition": st[f"condition_{lang}"]})
    sets = pd.DataFrame({"correction_set": corrections})
    return Section(html, tidy(rows, stated(readings=n, correction_sets=len(cs)), sets))
