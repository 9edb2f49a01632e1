"""Finding, sorting and counting rows of the audit (data/processed/audit.csv) for the chapters: by audit_id
or by the statements a row checks, never by the words of its scope."""

from __future__ import annotations

import pandas as pd

from asfdata.pipeline.contract import AUDIT_STATUSES, PROCESSED_COLUMNS
from asfdata.study import FUNDED_SECTION


def empty_audit() -> pd.DataFrame:
    """An audit frame without rows, with the columns of audit.csv."""
    return pd.DataFrame(columns=list(PROCESSED_COLUMNS["audit"]))


def audit_key(check: str, *scope: object) -> str:
    """The audit_id of a check: the rule, then what it was applied to, joined with ':'
    ('total_vs_parts:placements:2018:placed_by'; 'period_total_vs_years:informed-period-total')."""
    return ":".join([check, *map(str, scope)])


def sort_audit(audit: pd.DataFrame) -> pd.DataFrame:
    """Audit rows mismatches first, then consistent_if, approximate, ok; within a status by audit_id."""
    rank = audit["status"].map({s: i for i, s in enumerate(AUDIT_STATUSES)}).fillna(len(AUDIT_STATUSES))
    out = audit.assign(_rank=rank).sort_values(["_rank", "audit_id"], kind="stable")
    return out.drop(columns="_rank").reset_index(drop=True)


def audit_row(audit: pd.DataFrame | None, audit_id: str) -> pd.DataFrame:
    """The audit row with this audit_id (no row when there is none)."""
    if audit is None or audit.empty:
        return empty_audit()
    return audit.loc[audit["audit_id"] == audit_id].reset_index(drop=True)


def audit_about(audit: pd.DataFrame | None, statement_id: str) -> pd.DataFrame:
    """The audit rows that check a statement of the report (its id in their statements), sorted."""
    if audit is None or audit.empty:
        return empty_audit()
    hit = audit["statements"].fillna("").str.split("; ").map(lambda ids: statement_id in ids)
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
