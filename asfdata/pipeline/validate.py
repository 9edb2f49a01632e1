"""Validating raw files against the contract: every problem of every file, reported at once."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from asfdata.pipeline.contract import (
    DATA_SPECS,
    GROUP_DOMAINS,
    NA,
    REFERENCE_SPECS,
    TOTAL_CATEGORY,
    UNKNOWN_GENDER,
    RawSpec,
)
from asfdata.pipeline.errors import Problem, RawDataError
from asfdata.pipeline.read import RawTable, read_raw

COUNT_PATTERN = r"NA|[0-9]+"
MONTHS = tuple(str(m) for m in range(1, 13))

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


def count_message(value: str) -> str:
    """Why a count cell is wrong, in words."""
    if value == "":
        return "blank count: write NA when the report does not state the value"
    if value.startswith("-") and value[1:].isdigit():
        return "negative count: counts are whole numbers of 0 or more"
    return "not a whole number (write the figure as digits, or NA when not stated)"


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


def schema(spec: RawSpec, allowed: dict[str, set[str]]):
    """The pandera schema of one raw file (all cells are text until validated)."""
    import pandera.pandas as pa

    checks: dict[str, list] = {c: [] for c in spec.columns}
    for c in spec.counts:
        checks[c].append(pa.Check(lambda s: s.str.fullmatch(COUNT_PATTERN), name="count"))
    for c in spec.text:
        bad = {""} if c in spec.nullable else {"", NA}
        checks[c].append(pa.Check(lambda s, bad=bad: ~s.isin(bad), name="text"))
    for c, dom in spec.refs.items():
        values = allowed.get(dom, set()) | ({NA} if c in spec.nullable else set())
        checks[c].append(pa.Check(lambda s, v=values: s.isin(v), name=f"ref:{dom}"))
    return pa.DataFrameSchema(
        {c: pa.Column(str, checks=checks[c]) for c in spec.columns},
        strict=True,
        unique=list(spec.key),
        report_duplicates="exclude_first",
    )


def problems_of(table: RawTable, spec: RawSpec, allowed: dict[str, set[str]]) -> list[Problem]:
    """Every problem of one raw table, as Problems naming file, line, column and value."""
    import pandera.pandas as pa

    if table.frame.empty:
        return [Problem(table.name, 2, None, None, "no data rows after the header")]
    try:
        schema(spec, allowed).validate(table.frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        return [*to_problems(err.failure_cases, table, spec)]
    return []


def to_problems(cases: pd.DataFrame, table: RawTable, spec: RawSpec):
    """Translate pandera's failure cases into Problems."""
    lines = table.lines()
    header = ", ".join(spec.columns)
    ref_files = {name: s.file for name, s in REFERENCE_SPECS.items()}
    for case in cases.itertuples(index=False):
        check, col, value = str(case.check), case.column, case.failure_case
        if check == "column_in_schema":
            yield Problem(table.name, 1, str(value), None, f"unexpected column (expected: {header})")
            continue
        if check == "column_in_dataframe":
            yield Problem(table.name, 1, str(value), None, f"missing column (expected: {header})")
            continue
        line = lines[int(case.index)] if pd.notna(case.index) else 1
        value = "" if pd.isna(value) else str(value)
        if check == "count":
            msg = count_message(value)
        elif check == "text":
            msg = "blank text" if value == "" else "NA is not allowed here"
        elif check.startswith("ref:"):
            where = ref_files.get(check[4:]) or DERIVED_DOMAINS.get(check[4:], check[4:])
            msg = f"not in the reference list ({where})" if value else f"blank (allowed: {where})"
        elif "uniqueness" in check:
            key = ", ".join(spec.key)
            msg = f"duplicated key ({key}): this row repeats an earlier row's key"
            col = ", ".join(spec.key)
            value = " / ".join(table.frame.loc[int(case.index), list(spec.key)])
        else:
            msg = f"fails check {check}"
        yield Problem(table.name, line, None if pd.isna(col) else str(col), value, msg)


def dedupe_key_problems(problems: list[Problem]) -> list[Problem]:
    """One problem per row for a duplicated key (pandera lists each key column)."""
    seen, out = set(), []
    for p in problems:
        marker = (p.file, p.line, p.message)
        if "duplicated key" in p.message and marker in seen:
            continue
        seen.add(marker)
        out.append(p)
    return out


def cross_problems(name: str, table: RawTable, refs: dict[str, pd.DataFrame]) -> list[Problem]:
    """Rules across columns: a snapshot's breakdown must be one its measure has; years in order."""
    df, out = table.frame, []
    if name == "snapshots" and {"measure", "category"} <= set(df.columns):
        group_of = category_groups(refs)
        pairs = set(map(tuple, refs["snapshot_breakdowns"][["measure", "group"]].to_numpy()))
        groups = df["category"].map(group_of)
        known = df["measure"].isin({m for m, _ in pairs}) & groups.notna()
        ok = (df["measure"] + "\t" + groups).isin({f"{m}\t{g}" for m, g in pairs})
        bad = [(i, df["measure"].iloc[i], df["category"].iloc[i], groups.iloc[i])
               for i in (known & ~ok).to_numpy().nonzero()[0]]
        lines = table.lines() if bad else []
        for i, m, c, g in bad:
            out.append(Problem(table.name, lines[i], "category", c,
                               f"measure {m!r} has no breakdown by {g} "
                               "(see reference/snapshot_breakdowns.csv)"))
    if name == "claims" and {"year_from", "year_to"} <= set(df.columns):
        y0 = pd.to_numeric(df["year_from"], errors="coerce")
        y1 = pd.to_numeric(df["year_to"], errors="coerce")
        bad_rows = [i for i, b in enumerate((y0 > y1).to_list()) if b]
        lines = table.lines() if bad_rows else []
        for i in bad_rows:
            out.append(Problem(table.name, lines[i], "year_to", df["year_to"].iloc[i],
                               f"year_to is before year_from ({df['year_from'].iloc[i]})"))
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
    """Read and validate every raw file; return text frames or raise RawDataError listing all."""
    ref_tables, problems = load_tables(raw_dir, REFERENCE_SPECS)
    refs = {n: t.frame for n, t in ref_tables.items()}
    allowed = domains(refs)
    for name, table in ref_tables.items():
        problems += problems_of(table, REFERENCE_SPECS[name], allowed)
    data_tables, read_problems = load_tables(raw_dir, DATA_SPECS)
    problems += read_problems
    for name, table in data_tables.items():
        problems += problems_of(table, DATA_SPECS[name], allowed)
        problems += cross_problems(name, table, refs)
    if problems:
        raise RawDataError(dedupe_key_problems(problems))
    return {**refs, **{n: t.frame for n, t in data_tables.items()}}
