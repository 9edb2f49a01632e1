"""Chapter 6, data quality: the audit and the assumptions log (notebooks/06_data_quality)."""

from __future__ import annotations

import pandas as pd

from asfdata import catalogs, registry
from asfdata.chapters.common import annex_pointer, audit_data, audit_html
from asfdata.pipeline.audit import APPROX_TOLERANCE
from asfdata.pipeline.audit_lookup import audit_counts
from asfdata.pipeline.data import Frames
from asfdata.render import words
from asfdata.render.html import CHAPTER, formatted, h, p, table_html
from asfdata.render.section import Section, stated, tidy

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(frames: Frames, lang: str) -> Section:
    """The chapter's heading and introductory paragraph: the statuses, and A05's tolerance and its basis
    (.data: the tolerance)."""
    tol = words.pct(APPROX_TOLERANCE * 100, lang, decimals=0)
    return Section(h(words.chapter_heading("06", lang), CHAPTER) + p(t("intro", lang, tol=tol)),
                   stated(tolerance_pct=APPROX_TOLERANCE * 100))


def audit_finding(audit: pd.DataFrame | None, lang: str) -> str:
    """How many audit checks ran and how many of each status."""
    if audit is None:
        return t("audit_missing", lang)
    n = audit_counts(audit)
    counts = {status: words.num(k, lang) for status, k in n.items()}
    return t("finding_audit", lang, total=words.num(sum(n.values()), lang), **counts)


def audit_counts_data(audit: pd.DataFrame) -> pd.DataFrame:
    """The checks the summary sentence counts: in all and of each status, one row."""
    n = audit_counts(audit)
    return stated(checks=sum(n.values()), **{f"checks_{status}": k for status, k in n.items()})


def audit_section(frames: Frames, lang: str) -> Section:
    """The whole audit (frames.audit), mismatches first, with its summary sentence (.data: the counts, then
    every check, common.audit_data)."""
    audit = frames.audit
    if audit is None:
        return Section(h(t("h_audit", lang)) + p(t("audit_missing", lang)))
    html = (
        h(t("h_audit", lang))
        + p(audit_finding(audit, lang))
        + audit_html(audit, lang, t("caption_audit", lang))
    )
    return Section(html, tidy(audit_counts_data(audit), audit_data(audit, lang)))


def assumptions_section(frames: Frames, lang: str) -> Section:
    """The assumptions log (frames.assumptions), by id, in lang (quotations of the report marked as Swedish,
    code as code); .data: id, assumption, reason, effect (in lang), sources."""
    a = frames.assumptions.sort_values("id").reset_index(drop=True)
    spec = [
        ("id", t("col_id", lang), "text"),
        (f"assumption_{lang}", t("col_assumption", lang), "text"),
        (f"reason_{lang}", t("col_reason", lang), "text"),
        (f"effect_{lang}", t("col_effect", lang), "text"),
        ("sources", t("col_sources", lang), "text"),
    ]
    html = (
        h(t("h_assumptions", lang))
        + p(t("assumptions_intro", lang))
        + table_html(formatted(a, spec, lang), t("caption_assumptions", lang))
    )
    data = a[["id", f"assumption_{lang}", f"reason_{lang}", f"effect_{lang}", "sources"]]
    return Section(html, data.set_axis(["id", "assumption", "reason", "effect", "sources"], axis="columns"))


def disagreements_section(frames: Frames, lang: str) -> Section:
    """The main body's audit (frames.audit): the summary sentence and the checks whose figures disagree
    (every check is in annex C, linked); .data: the counts, then the mismatches (common.audit_data)."""
    audit = frames.audit
    if audit is None:
        return Section(h(t("h_disagreements", lang)) + p(t("audit_missing", lang)))
    mismatches = audit.loc[audit["status"] == "mismatch"]
    html = (
        h(t("h_disagreements", lang))
        + p(audit_finding(audit, lang))
        + audit_html(mismatches, lang, t("caption_disagreements", lang))
        + annex_pointer("09", lang)
    )
    return Section(html, tidy(audit_counts_data(audit), audit_data(mismatches, lang)))
