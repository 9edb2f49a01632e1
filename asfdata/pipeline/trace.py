"""Provenance: every raw line, tidy row, claim, audit row and assumption behind a measure in a year."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from asfdata.pipeline.audit import audit
from asfdata.pipeline.contract import DATA_SPECS
from asfdata.pipeline.errors import InputError
from asfdata.pipeline.read import read_raw
from asfdata.pipeline.tidy import tidy_all
from asfdata.pipeline.validate import load_raw

FUNDED_COUNT_COLUMNS = ("places_granted", "places_used", "women", "men")
ASSUMPTION_ID = re.compile(r"\bA\d{2}\b")


def csv_line(values: list) -> str:
    """Cells as one CSV line, as data/processed writes them (missing empty, booleans true/false)."""
    cells = ["" if pd.isna(v) else str(v).lower() if isinstance(v, bool) else str(v) for v in values]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(cells)
    return buf.getvalue()


def related_measures(measure: str, measures: pd.DataFrame) -> set[str]:
    """The measure and every measure defined as a sum that includes it (measures.csv, sum_of)."""
    parts = measures.set_index("measure")["sum_of"].fillna("")
    return {measure} | {m for m, s in parts.items() if measure in [p.strip() for p in s.split(";")]}


def matches(name: str, df: pd.DataFrame, related: set[str], measure: str, year: int) -> pd.Series:
    """Which rows of one frame (raw or tidy) hold a figure of measure in year."""
    y = pd.to_numeric(df["year"] if "year" in df else df["year_from"], errors="coerce")
    if name == "snapshots":
        return (df["measure"] == measure) & (y == year)
    if name == "claims":
        y1 = pd.to_numeric(df["year_to"], errors="coerce")
        return df["measure"].isin(related) & (y <= year) & (year <= y1)
    if name == "funded_placements":
        return pd.Series(measure in FUNDED_COUNT_COLUMNS, index=df.index) & (y == year)
    if name == "funded_outcomes":
        return pd.Series(measure in {"outcome", "places_used"}, index=df.index) & (y == year)
    return pd.Series(False, index=df.index)


def trace(measure: str, year: int, raw_dir: Path) -> str:
    """The provenance of measure in year, as text; InputError for a measure the data do not have."""
    raw = load_raw(raw_dir)
    known = set(raw["measures"]["measure"])
    if measure not in known:
        raise InputError(f"unknown measure {measure!r}; known: {', '.join(sorted(known))}")
    frames = tidy_all(raw)
    related = related_measures(measure, raw["measures"])
    out = [f"trace: {measure} {year}", "", "Raw figures (data/raw, file:line: the line as written):"]
    sources: set[str] = set()
    for name, spec in DATA_SPECS.items():
        if name not in frames:
            continue
        table = read_raw(raw_dir / spec.file, spec.file)
        hit = matches(name, table.frame, related, measure, year)
        text_lines, starts = table.text.split("\n"), table.lines()
        for i in hit[hit].index:
            out.append(f"  {spec.file}:{starts[i]}: {text_lines[starts[i] - 1]}")
        sources |= set(table.frame.loc[hit, "source"])
    out += ["", "Report sections: " + ("; ".join(sorted(sources)) or "(none)")]
    out += ["", "Tidy rows (data/processed):"]
    for name, df in frames.items():
        hit = matches(name, df, related, measure, year)
        for _, r in df[hit].iterrows():
            out.append(f"  {name}.csv: {csv_line(r.to_list())}")
    checks = audit(frames, raw["measures"])
    y0, y1 = checks["year_from"], checks["year_to"]
    touched = checks[checks["measure"].isin(related) & (y0 <= year) & (year <= y1)]
    out += ["", "Audit rows:"]
    for r in touched.itertuples():
        out.append(f"  {r.status:<11} {r.check}: {r.scope}: stated {r.stated}, computed {r.computed}"
                   f" ({r.difference:+d})" + (f"; {r.note}" if r.note else ""))
    if touched.empty:
        out.append("  (none)")
    cited = set(ASSUMPTION_ID.findall(" ".join(touched["note"])))
    log = raw["assumptions"]
    by_source = log["sources"].map(lambda s: bool(sources & {x.strip() for x in s.split(";")}))
    used = log[log["id"].isin(cited) | by_source]
    out += ["", "Assumptions:"]
    out += [f"  {r.id}: {r.assumption}" for r in used.itertuples()] or ["  (none)"]
    return "\n".join(out)
