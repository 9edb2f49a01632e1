"""Chapter 0, the summary: the key finding of every chapter, the main limitations and the glossary
(notebooks/00_summary)."""

from __future__ import annotations

from html import escape

from asfdata import metrics as M
from asfdata.chapters.data_quality import audit_finding
from asfdata.chapters.employees import employees_finding
from asfdata.chapters.funded import funded_finding
from asfdata.chapters.information import informed_finding
from asfdata.chapters.placements import change_year_finding, fell_most_finding
from asfdata.chapters.summary_words import WORDS
from asfdata.pipeline.audit_lookup import audit_counts, funded_audit
from asfdata.render import words as W
from asfdata.render.html import h, p, ul
from asfdata.render.shared_words import GLOSSARY
from asfdata.study import AFTER, BASE_YEAR, BEFORE, REFORM_YEAR

t = W.translator(WORDS)


def intro(frames: dict, lang: str) -> str:
    """The chapter's heading (h1) and introductory paragraph."""
    s = frames["snapshots"]
    text = t("intro", lang, y0=int(s["year"].min()), y1=int(s["year"].max()))
    return h(W.chapter_title("00", lang), 1) + p(text)


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
        f"<li><strong>{escape(t(f'finding_prefix_{c}', lang))}.</strong> {escape(text)}</li>\n"
        for c, text in chapters
    )
    return h(t("h_key_findings", lang)) + f"<ul>\n{items}</ul>\n"


def limitations(frames: dict, lang: str) -> str:
    """The main limitations, with the computed numbers they rest on."""
    s, audit = frames["snapshots"], frames.get("audit")
    ci = M.outcome_intervals(frames["claims"]).set_index("outcome").loc["work"]
    n = audit_counts(audit)
    items = [
        t("limit_points", lang, y0=int(s["year"].min()), y1=int(s["year"].max())),
        t("limit_stocks", lang),
        t("limit_ten", lang, n=W.num(ci["n"], lang), lo=W.pct(ci["low"], lang), hi=W.pct(ci["high"], lang)),
        t("limit_cause", lang, reform_year=M.event_years(frames["events"]).get("reorganisation", "")),
        t(
            "limit_inconsistent",
            lang,
            n=W.num(n["mismatch"], lang),
            total=W.num(sum(n.values()), lang),
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
            measure=W.lower_first(t(f"measure_{r.measure}", lang)),
            year=int(r.year),
            stated=W.num(r.stated_total, lang),
            parts=W.num(r.sum_of_parts, lang),
        )
        for r in M.total_differences(s, audit).itertuples()
    ]
    v = M.informed_vs_stated(s, frames["claims"], audit)
    if v["difference"]:
        items.append(
            t(
                "item_informed",
                lang,
                years=W.years(v["year_from"], v["year_to"]),
                stated=W.num(v["stated"], lang),
                computed=W.num(v["computed"], lang),
            )
        )
    b = M.background_comparison(frames["claims"], s, audit)
    items += [
        t(
            "item_background",
            lang,
            measure=W.lower_first(t(f"measure_{r.measure}", lang)),
            year=int(r.year),
            stated=W.num(r.stated, lang),
            snapshot=W.num(r.snapshot, lang),
        )
        for r in b.itertuples()
        if r.status == "mismatch"
    ]
    k = len(funded_audit(audit).query("status == 'mismatch'"))
    if k:
        items.append(t("item_funded", lang, n=W.num(k, lang)))
    return items


def glossary(lang: str) -> str:
    """The glossary as a definition list, the study's years filled in."""
    i = W.check_lang(lang)
    years = {"base": BASE_YEAR, "reform_year": REFORM_YEAR}
    years |= {"before": W.years(*BEFORE), "after": W.years(*AFTER)}
    rows = "".join(
        f"<dt>{escape(term[i].format(**years))}</dt>\n<dd>{escape(text[i].format(**years))}</dd>\n"
        for term, text in GLOSSARY
    )
    return h(t("h_glossary", lang)) + f'<dl class="asf-glossary">\n{rows}</dl>\n'
