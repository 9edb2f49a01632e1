"""Finding, sorting and counting rows of the audit (data/processed/audit.csv) for the chapters."""

from __future__ import annotations

import pandas as pd

from asfdata.pipeline.contract import AUDIT_STATUSES, PROCESSED_COLUMNS
from asfdata.study import FUNDED_SECTION


def empty_audit() -> pd.DataFrame:
    """An audit frame without rows, with the columns of audit.csv."""
    return pd.DataFrame(columns=list(PROCESSED_COLUMNS["audit"]))


def sort_audit(audit: pd.DataFrame) -> pd.DataFrame:
    """Audit rows mismatches first, then approximate, then ok; within a status by check and scope."""
    rank = audit["status"].map({s: i for i, s in enumerate(AUDIT_STATUSES)}).fillna(len(AUDIT_STATUSES))
    out = audit.assign(_rank=rank).sort_values(["_rank", "check", "scope"], kind="stable")
    return out.drop(columns="_rank").reset_index(drop=True)


def audit_find(audit: pd.DataFrame | None, tokens: list[str], stated: int | None = None) -> pd.DataFrame:
    """Audit rows whose scope holds every token as a word (and whose stated figure is `stated`, if given)."""
    if audit is None or audit.empty:
        return empty_audit()
    words = audit["scope"].astype(str).str.split()
    hit = words.map(lambda ws: all(t in ws for t in tokens))
    if stated is not None:
        hit &= audit["stated"].astype("Float64") == stated
    return sort_audit(audit.loc[hit.astype(bool)])


def audit_counts(audit: pd.DataFrame | None) -> dict[str, int]:
    """Number of audit checks by status (checks), every status present even when 0."""
    if audit is None:
        return {s: 0 for s in AUDIT_STATUSES}
    counts = audit["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in AUDIT_STATUSES}


def funded_audit(audit: pd.DataFrame | None) -> pd.DataFrame:
    """Audit rows about the funded placements (sources in the section Individinriktade insatser) not ok."""
    if audit is None:
        return empty_audit()
    rows = audit.loc[audit["sources"].str.contains(FUNDED_SECTION, regex=False) & (audit["status"] != "ok")]
    return sort_audit(rows)
