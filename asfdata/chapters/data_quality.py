"""Chapter 6, data quality: the audit and the assumptions log (notebooks/06_data_quality)."""

from __future__ import annotations

import pandas as pd

from asfdata import catalogs, registry
from asfdata.chapters.common import annex_pointer, audit_html
from asfdata.pipeline.audit import APPROX_TOLERANCE
from asfdata.pipeline.audit_lookup import audit_counts
from asfdata.render import words
from asfdata.render.html import CHAPTER, formatted, h, p, table_html

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


def intro(frames: dict, lang: str) -> str:
    """The chapter's heading and introductory paragraph: the statuses, and A05's tolerance and its basis."""
    tol = words.pct(APPROX_TOLERANCE * 100, lang, decimals=0)
    return h(words.chapter_heading("06", lang), CHAPTER) + p(t("intro", lang, tol=tol))


def audit_finding(audit, lang: str) -> str:
    """How many audit checks ran and how many of each status."""
    if audit is None:
        return t("audit_missing", lang)
    n = audit_counts(audit)
    counts = {status: words.num(k, lang) for status, k in n.items()}
    return t("finding_audit", lang, total=words.num(sum(n.values()), lang), **counts)


def audit_section(audit, lang: str) -> str:
    """The whole audit, mismatches first, with its summary sentence."""
    if audit is None:
        return h(t("h_audit", lang)) + p(t("audit_missing", lang))
    return (
        h(t("h_audit", lang))
        + p(audit_finding(audit, lang))
        + audit_html(audit, lang, t("caption_audit", lang))
    )


def assumptions_section(assumptions: pd.DataFrame, lang: str) -> str:
    """The assumptions log, by id, in lang (quotations of the report marked as Swedish, code as code)."""
    a = assumptions.sort_values("id").reset_index(drop=True)
    spec = [
        ("id", t("col_id", lang), "text"),
        (f"assumption_{lang}", t("col_assumption", lang), "text"),
        (f"reason_{lang}", t("col_reason", lang), "text"),
        (f"effect_{lang}", t("col_effect", lang), "text"),
        ("sources", t("col_sources", lang), "text"),
    ]
    return (
        h(t("h_assumptions", lang))
        + p(t("assumptions_intro", lang))
        + table_html(formatted(a, spec, lang), t("caption_assumptions", lang))
    )


def disagreements_section(audit, lang: str) -> str:
    """The main body's audit: the summary sentence and the checks whose figures disagree (every check is in
    annex C, linked)."""
    if audit is None:
        return h(t("h_disagreements", lang)) + p(t("audit_missing", lang))
    return (
        h(t("h_disagreements", lang))
        + p(audit_finding(audit, lang))
        + audit_html(audit.loc[audit["status"] == "mismatch"], lang, t("caption_disagreements", lang))
        + annex_pointer("09", lang)
    )
