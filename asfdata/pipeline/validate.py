"""Validating raw files against the contract: every problem of every file, found with vectorised
checks column by column and reported at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from asfdata.pipeline.contract import (
    DATA_SPECS,
    FORMULA_BEFORE_LETTER,
    FORMULA_FIRST,
    GROUP_DOMAINS,
    MAX_COUNT_DIGITS,
    NA,
    REFERENCE_SPECS,
    TOTAL_CATEGORY,
    UNKNOWN_GENDER,
    YEAR_DIGITS,
    RawSpec,
)
from asfdata.pipeline.errors import SHOWN_PER_KIND, Problem, RawDataError
from asfdata.pipeline.read import RawTable, read_raw

MONTHS = tuple(str(m) for m in range(1, 13))
Rule = tuple[Callable[[pd.Series], pd.Series], str]  # finds the bad cells of a column; the message
FORMULA = ("begins like a spreadsheet formula ('=', or '+', '-', '@' before a letter), which Excel "
           "would run when it opens data/processed: reword it (see data/raw/README.md)")

# Where the allowed values of each derived domain come from, for error messages.
DERIVED_DOMAINS = {
    "total": "'all'",
    "groups": "total, region, gender or placed_by",
    "flags": "true or false",
    "months": "a month 1-12, or NA",
    "municipality_names": "reference/municipalities.csv, municipality or report_name",
    "outcome_genders": "reference/genders.csv, or unknown",
    "snapshot_measures": "reference/snapshot_breakdowns.csv",
    "snapshot_categories": "'all' or reference/regions.csv, genders.csv, placing_bodies.csv",
}


def domains(refs: dict[str, pd.DataFrame]) -> dict[str, set[str]]:
    """Allowed values of every reference domain, from the reference lists."""
    col = {name: spec.key[0] for name, spec in REFERENCE_SPECS.items()}
    d = {name: set(refs[name][col[name]]) for name in REFERENCE_SPECS if name in refs}
    d["total"] = {TOTAL_CATEGORY}
    d["groups"] = set(GROUP_DOMAINS)
    d["flags"] = {"true", "false"}
    d["months"] = set(MONTHS)
    if "municipalities" in refs:
        d["municipality_names"] = d["municipalities"] | set(refs["municipalities"]["report_name"])
    if "genders" in refs:
        d["outcome_genders"] = d["genders"] | {UNKNOWN_GENDER}
    if "snapshot_breakdowns" in refs:
        d["snapshot_measures"] = set(refs["snapshot_breakdowns"]["measure"])
        d["snapshot_categories"] = set().union(
            *(d.get(dom, set()) for dom in GROUP_DOMAINS.values())
        )
    return d


def mask(values) -> np.ndarray:
    """A boolean check result as a NumPy array (missing counts as False)."""
    return np.asarray(pd.Series(values).fillna(False), dtype=bool)


def column_rules(spec: RawSpec, allowed: dict[str, set[str]]) -> dict[str, list[Rule]]:
    """For every column of spec, the rules its cells must pass: (finds bad cells, message)."""
    rules: dict[str, list[Rule]] = {c: [] for c in spec.columns}
    for c in spec.counts:
        rules[c] += [
            (lambda s: s == "", "blank count: write NA when the report does not state the value"),
            (lambda s: s.str.fullmatch(r"-[0-9]+"), "negative count: counts are whole numbers of 0 or more"),
            (lambda s: s.str.fullmatch(f"[0-9]{{{MAX_COUNT_DIGITS + 1},}}"),
             f"too large for a count (more than {MAX_COUNT_DIGITS} digits)"),
            (lambda s: ~s.str.fullmatch(r"NA|-?[0-9]+") & (s != ""),
             "not a whole number (write the figure as digits, or NA when not stated)"),
        ]
    for c in spec.years:
        rules[c] += [
            (lambda s: s == "", "blank year: every year here must be stated"),
            (lambda s: s == NA, "NA is not a year: every year here must be stated"),
            (lambda s: ~s.str.fullmatch(f"[0-9]{{{YEAR_DIGITS}}}") & (s != "") & (s != NA),
             f"not a year (a year has {YEAR_DIGITS} digits, e.g. 2018)"),
        ]
    for c in spec.text:
        rules[c].append((lambda s: s == "", "blank text"))
        if c not in spec.nullable:
            rules[c].append((lambda s: s == NA, "NA is not allowed here"))
    ref_files = {name: s.file for name, s in REFERENCE_SPECS.items()}
    for c, dom in spec.refs.items():
        where = ref_files.get(dom) or DERIVED_DOMAINS.get(dom, dom)
        values = allowed.get(dom, set()) | ({NA} if c in spec.nullable else set())
        rules[c] += [
            (lambda s: s == "", f"blank (allowed: {where})"),
            (lambda s, v=values: ~s.isin(v) & (s != ""), f"not in the reference list ({where})"),
        ]
    for c in spec.columns:
        if c not in (*spec.counts, *spec.years):
            rules[c].append((formula_like, FORMULA))
    return rules


def formula_like(s: pd.Series) -> pd.Series:
    """Cells a spreadsheet program would read as a formula (see FORMULA_FIRST in the contract)."""
    first, second = s.str.slice(0, 1), s.str.slice(1, 2)
    return (first == FORMULA_FIRST) | (first.isin(FORMULA_BEFORE_LETTER) & second.str.isalpha())


def at_rows(table: RawTable, bad: np.ndarray, columns: list[str], message: str) -> list[Problem]:
    """Problems of one kind at the rows where bad is true: the first SHOWN_PER_KIND, then a count."""
    rows = np.flatnonzero(bad)
    shown = table.frame[columns].iloc[rows[:SHOWN_PER_KIND]]
    out = [Problem(table.name, int(table.row_lines[r]), ", ".join(columns), " / ".join(cells), message)
           for r, cells in zip(rows, shown.itertuples(index=False), strict=False)]
    if out:
        out[-1] = replace(out[-1], more=len(rows) - len(out))
    return out


def problems_of(table: RawTable, spec: RawSpec, allowed: dict[str, set[str]]) -> list[Problem]:
    """Every problem of one raw table: its columns, every cell's rules, duplicated keys."""
    header = ", ".join(spec.columns)
    present = list(table.frame.columns)
    out = [Problem(table.name, 1, c, None, f"unexpected column (expected: {header})")
           for c in present if c not in spec.columns]
    out += [Problem(table.name, 1, c, None, f"missing column (expected: {header})")
            for c in spec.columns if c not in present]
    if out:
        return out
    if table.frame.empty:
        return [Problem(table.name, 2, None, None, "no data rows after the header")]
    for c, rules in column_rules(spec, allowed).items():
        for find, message in rules:
            out += at_rows(table, mask(find(table.frame[c])), [c], message)
    key = list(spec.key)
    dup = mask(table.frame.duplicated(subset=key, keep="first"))
    out += at_rows(table, dup, key, f"duplicated key ({', '.join(key)}): this row repeats an "
                   "earlier row's key")
    return out


def cross_problems(name: str, table: RawTable, refs: dict[str, pd.DataFrame]) -> list[Problem]:
    """Rules across columns: a snapshot's breakdown must be one its measure has; years in order."""
    df, out = table.frame, []
    if name == "snapshots":
        group_of = category_groups(refs)
        pairs = set(map(tuple, refs["snapshot_breakdowns"][["measure", "group"]].to_numpy()))
        groups = df["category"].map(group_of)
        known = df["measure"].isin({m for m, _ in pairs}) & groups.notna()
        ok = (df["measure"] + "\t" + groups.fillna("")).isin({f"{m}\t{g}" for m, g in pairs})
        bad = mask(known & ~ok)
        for m, g in sorted(set(zip(df["measure"][bad], groups[bad], strict=True))):
            out += at_rows(table, bad & mask((df["measure"] == m) & (groups == g)), ["category"],
                           f"measure {m!r} has no breakdown by {g} (see reference/snapshot_breakdowns.csv)")
    if name == "claims":
        y0 = pd.to_numeric(df["year_from"], errors="coerce")
        y1 = pd.to_numeric(df["year_to"], errors="coerce")
        out += at_rows(table, mask(y0 > y1), ["year_from", "year_to"], "year_to is before year_from")
    return out


def category_groups(refs: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Snapshot category -> its group (total, region, gender, placed_by), from reference lists."""
    out = {TOTAL_CATEGORY: "total"}
    for group, dom in GROUP_DOMAINS.items():
        if dom in refs:
            out.update({v: group for v in refs[dom][REFERENCE_SPECS[dom].key[0]]})
    return out


def load_tables(raw_dir: Path, specs: dict[str, RawSpec]) -> tuple[dict, list[Problem]]:
    """Read every file of specs; collect read problems instead of stopping at the first."""
    tables, problems = {}, []
    for name, spec in specs.items():
        try:
            tables[name] = read_raw(raw_dir / spec.file, spec.file)
        except RawDataError as err:
            problems.extend(err.problems)
    return tables, problems


def load_raw(raw_dir: Path) -> dict[str, pd.DataFrame]:
    """Read and validate every raw file; return text frames or raise RawDataError listing all.

    The reference lists come first: when one is broken, its problems are reported alone (the data
    files are checked against the lists, so their problems would only repeat the same cause)."""
    ref_tables, problems = load_tables(raw_dir, REFERENCE_SPECS)
    refs = {n: t.frame for n, t in ref_tables.items()}
    if not problems:
        allowed = domains(refs)
        for name, table in ref_tables.items():
            problems += problems_of(table, REFERENCE_SPECS[name], allowed)
    if problems:
        raise RawDataError(problems)
    data_tables, problems = load_tables(raw_dir, DATA_SPECS)
    for name, table in data_tables.items():
        found = problems_of(table, DATA_SPECS[name], allowed)
        problems += found or cross_problems(name, table, refs)
    if problems:
        raise RawDataError(problems)
    return {**refs, **{n: t.frame for n, t in data_tables.items()}}
