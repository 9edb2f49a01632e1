"""Chapter 0, the summary: the key finding of every chapter, the main limitations and the glossary
(notebooks/00_summary)."""

from __future__ import annotations

from html import escape

from asfdata import catalogs, metrics, registry
from asfdata.chapters import goals
from asfdata.chapters.common import PLACED_BY
from asfdata.chapters.goals import bottom_line
from asfdata.pipeline.audit_lookup import audit_counts, funded_audit
from asfdata.render import words
from asfdata.render.html import CHAPTER, h, p, ul
from asfdata.study import AFTER, BASE_YEAR, BEFORE, FIRST_YEAR, LAST_YEAR, REFORM_YEAR

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(frames: dict, lang: str) -> str:
    """The chapter's heading, the bottom line in three sentences, and what the evaluation is."""
    counts = words.number_word(frames["snapshots"]["year"].nunique(), lang)
    about = t("intro", lang, y0=FIRST_YEAR, y1=LAST_YEAR, counts=counts)  # the initiative's years
    return h(words.chapter_heading("00", lang), CHAPTER) + p(bottom_line(frames, lang), "asf-lead") + p(about)


def key_numbers(frames: dict) -> dict:
    """The numbers of the key findings, by name (counts, percent changes, years)."""
    s = frames["snapshots"]
    emp, com = (metrics.wide(metrics.series(s, m))["all"] for m in ("employees", "companies"))
    parts = metrics.wide(metrics.series(s, *PLACED_BY))
    y0, y1 = int(emp.index.min()), int(emp.index.max())
    fall = {c: metrics.pct_change(parts.loc[REFORM_YEAR - 1, c], parts.loc[REFORM_YEAR, c])
            for c in parts.columns}
    fall = {c: x for c, x in fall.items() if x == x} or fall  # a body with 0 placed before has no percent
    total = parts.sum(axis=1)
    f = goals.figures(frames)
    verdicts = list(goals.verdicts(f).values())
    return {
        "y0": y0, "y1": y1, "emp_pct": metrics.pct_change(emp.loc[y0], emp.loc[y1]),
        "c0": com.loc[y0], "c1": com.loc[y1], "before": REFORM_YEAR - 1, "after": REFORM_YEAR,
        "pl_pct": metrics.pct_change(total.loc[REFORM_YEAR - 1], total.loc[REFORM_YEAR]),
        "most": min(fall, key=lambda c: fall[c]), "most_pct": min(fall.values()),
        "used_share": f["used"] / f["granted"], "back": f["back"], "n": f["people"], "work": f["work"],
        "goals": len(verdicts), "met": verdicts.count("met"), "partly": verdicts.count("partly"),
        "not_met": verdicts.count("not_met"), "not_shown": verdicts.count("not_shown"),
        "informed_stated": f["informed_stated"], "informed_sum": f["informed_sum"],
        "informed_years": f["informed_years"],
        "mismatches": audit_counts(frames.get("audit"))["mismatch"],
        "checks": sum(audit_counts(frames.get("audit")).values()),
    }


def key_findings(frames: dict, lang: str) -> str:
    """One finding per chapter, each with at most three numbers (years aside)."""
    k = key_numbers(frames)
    counts = ("c0", "c1", "back", "n", "work", "goals", "met", "partly", "not_met", "not_shown",
              "informed_stated", "informed_sum", "mismatches", "checks")
    n = {key: words.num(k[key], lang) for key in counts}
    pc = {key: words.pct(k[key], lang) for key in ("emp_pct", "most_pct")}
    pc["pl_fall"] = words.pct(-k["pl_pct"], lang)  # "fell by 46.5 %"
    years = {key: k[key] for key in ("y0", "y1", "before", "after")}
    funded = "key_funded_few" if k["used_share"] < 0.5 else "key_funded_most"
    goal = "key_goals_none" if k["met"] == 0 else "key_goals_some"
    findings = [
        ("01", t("key_employees", lang, **n, **pc, **years)),
        ("02", t("key_placements", lang, **pc, **years, most=words.placed_by(k["most"], lang))),
        ("03", t(funded, lang, **n)),
        ("04", t("key_information", lang, **n, period=words.years(*k["informed_years"]))),
        ("05", t(goal, lang, **n)),
        ("06", t("key_quality", lang, **n)),
    ]
    items = "".join(
        f"<li><strong>{escape(t(f'finding_prefix_{c}', lang))}.</strong> {escape(text)}</li>\n"
        for c, text in findings
    )
    return h(t("h_key_findings", lang)) + f"<ul>\n{items}</ul>\n"


def limitations(frames: dict, lang: str) -> str:
    """The main limitations, with the computed numbers they rest on."""
    s, audit = frames["snapshots"], frames.get("audit")
    ci = metrics.outcome_intervals(frames["claims"]).set_index("outcome").loc["work"]
    n = audit_counts(audit)
    counts = words.upper_first(words.number_word(s["year"].nunique(), lang))
    items = [
        t("limit_points", lang, y0=int(s["year"].min()), y1=int(s["year"].max()), Counts=counts),
        t("limit_stocks", lang),
        t("limit_ten", lang, n=words.num(ci["n"], lang), lo=words.pct(ci["low"], lang),
          hi=words.pct(ci["high"], lang)),
        t("limit_cause", lang, reform_year=metrics.event_years(frames["events"]).get("reorganisation", "")),
        t(
            "limit_inconsistent",
            lang,
            n=words.num(n["mismatch"], lang),
            total=words.num(sum(n.values()), lang),
            items="; ".join(inconsistency_items(frames, lang)),
        ),
        t("limit_transcribed", lang),
    ]
    return h(t("h_limitations", lang)) + ul(items)


def inconsistency_items(frames: dict, lang: str) -> list[str]:
    """The report's disagreements with itself in lang (totals, period totals, background, funded)."""
    s, audit = frames["snapshots"], frames.get("audit")
    items = [
        t(
            "item_stated_vs_parts",
            lang,
            measure=words.lower_first(t(f"measure_{r.measure}", lang)),
            year=int(r.year),
            stated=words.num(r.stated_total, lang),
            parts=words.num(r.sum_of_parts, lang),
        )
        for r in metrics.total_differences(s, audit).itertuples()
    ]
    v = metrics.informed_vs_stated(s, frames["claims"], audit)
    if v["difference"]:
        items.append(
            t(
                "item_informed",
                lang,
                years=words.years(v["year_from"], v["year_to"]),
                stated=words.num(v["stated"], lang),
                computed=words.num(v["computed"], lang),
            )
        )
    b = metrics.background_comparison(frames["claims"], s, audit)
    items += [
        t(
            "item_background",
            lang,
            measure=words.lower_first(t(f"measure_{r.measure}", lang)),
            year=int(r.year),
            stated=words.num(r.stated, lang),
            snapshot=words.num(r.snapshot, lang),
        )
        for r in b.itertuples()
        if r.status == "mismatch"
    ]
    k = len(funded_audit(audit).query("status == 'mismatch'"))
    if k:
        items.append(t("item_funded", lang, n=words.num(k, lang)))
    return items


def glossary(lang: str) -> str:
    """The glossary as a definition list, the study's years filled in."""
    years: dict[str, int | str] = {"base": BASE_YEAR, "reform_year": REFORM_YEAR}
    years |= {"before": words.years(*BEFORE), "after": words.years(*AFTER)}
    terms = [e.key.removeprefix("glossary_term_") for e in words.SHARED.prefixed("glossary_term_")]
    rows = "".join(
        f"<dt>{escape(t(f'glossary_term_{x}', lang, **years))}</dt>\n"
        f"<dd>{escape(t(f'glossary_text_{x}', lang, **years))}</dd>\n"
        for x in terms
    )
    return h(t("h_glossary", lang)) + f'<dl class="asf-glossary">\n{rows}</dl>\n'
