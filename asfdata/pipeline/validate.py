"""Validating raw files against the contract: every problem of every file, found with vectorised
checks column by column and reported at once."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from asfdata.pipeline.contract import (
    DATA_SPECS,
    FORMULA_STARTS,
    GROUP_DOMAINS,
    LIST_SEP,
    MAX_COUNT_DIGITS,
    NA,
    NUMBER,
    REFERENCE_SPECS,
    TOTAL_CATEGORY,
    UNKNOWN_GENDER,
    YEAR_DIGITS,
    RawSpec,
)
from asfdata.pipeline.errors import SHOWN_PER_KIND, InputError, Problem, RawDataError, of_kind
from asfdata.pipeline.read import RawTable, read_raw
from asfdata.pipeline.references import joined, matching, name_problems, reference_problems

MONTH_VALUES = tuple(str(m) for m in range(1, 13))  # the month column as written: 1 to 12
Check = tuple[np.ndarray, str]  # which cells of a column break a rule; what the rule says
FORMULA = ("begins like a spreadsheet formula ('=', '+', '-', '@', a tab or a line end, and is no number), "
           "which Excel would run when it opens data/processed: reword it (see data/raw/README.md)")
# Characters an id or a name may not hold, as RE2 writes them: controls, format characters (zero-width
# space, joiners, marks of direction, soft hyphen) and every space but the plain one (no-break, thin …).
INVISIBLE = (r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{202F}\x{205F}"
             r"\x{3000}]")

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
    d["months"] = set(MONTH_VALUES)
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


def mask(values: pd.Series) -> np.ndarray:
    """A boolean check result as a NumPy array (missing counts as False)."""
    return values.to_numpy(dtype=bool, na_value=False)


def np_bool(result: pa.ChunkedArray) -> np.ndarray:
    """An Arrow boolean result as a NumPy array."""
    return result.to_numpy(zero_copy_only=False).astype(bool)


def equal(a: pa.ChunkedArray, value: str) -> np.ndarray:
    """Which cells equal value."""
    return np_bool(pc.equal(a, value))


def decimal(a: pa.ChunkedArray) -> np.ndarray:
    """Which cells are ASCII digits only (and not blank)."""
    return np_bool(pc.ascii_is_decimal(a))


def count_checks(a: pa.ChunkedArray) -> list[Check]:
    """A count: digits (at most MAX_COUNT_DIGITS), or NA."""
    blank, digits = equal(a, ""), decimal(a)
    negative = np_bool(pc.starts_with(a, "-")) & decimal(pc.utf8_slice_codeunits(a, 1))
    too_long = digits & (pc.utf8_length(a).to_numpy(zero_copy_only=False) > MAX_COUNT_DIGITS)
    return [
        (blank, "blank count: write NA when the report does not state the value"),
        (negative, "negative count: counts are whole numbers of 0 or more"),
        (too_long, f"too large for a count (more than {MAX_COUNT_DIGITS} digits)"),
        (~digits & ~blank & ~negative & ~equal(a, NA),
         "not a whole number (write the figure as digits, or NA when not stated)"),
    ]


def line_checks(a: pa.ChunkedArray) -> list[Check]:
    """A line of the report's text: a whole number of 1 or more (at most MAX_COUNT_DIGITS digits), always
    stated."""
    blank, na, digits = equal(a, ""), equal(a, NA), decimal(a)
    too_long = digits & (pc.utf8_length(a).to_numpy(zero_copy_only=False) > MAX_COUNT_DIGITS)
    zero = digits & ~too_long & np_bool(pc.match_substring_regex(a, "^0+$"))
    todo = "write the line of the report's text where its words stand (1 is the first line)"
    return [
        (blank | na, f"no line: {todo}"),
        (zero | too_long | (~digits & ~blank & ~na),
         f"not a line number (a whole number of 1 or more): {todo}"),
    ]


def year_checks(a: pa.ChunkedArray) -> list[Check]:
    """A calendar year: YEAR_DIGITS digits, always stated."""
    blank, na = equal(a, ""), equal(a, NA)
    year = decimal(a) & (pc.utf8_length(a).to_numpy(zero_copy_only=False) == YEAR_DIGITS)
    return [
        (blank, "blank year: every year here must be stated"),
        (na, "NA is not a year: every year here must be stated"),
        (~year & ~blank & ~na, f"not a year (a year has {YEAR_DIGITS} digits, e.g. 2018)"),
    ]


QUOTE_TODO = ("copy the report's own words at the row's line, verbatim, a few words enough to find them "
              "(see data/raw/README.md)")


def text_checks(a: pa.ChunkedArray, na_allowed: bool, quote: bool = False) -> list[Check]:
    """Required text: not blank, and not NA unless the column allows it; a quote (the report's words) says
    what to write."""
    if quote:
        return [(equal(a, "") | equal(a, NA), f"no words of the report: {QUOTE_TODO}")]
    return [(equal(a, ""), "blank text")] + ([] if na_allowed else [(equal(a, NA), "NA is not allowed here")])


def ref_checks(a: pa.ChunkedArray, allowed: set[str], where: str) -> list[Check]:
    """A value of a reference list (where names it); one written in another Unicode form than the list's
    (decomposed letters, NFD) is named as such."""
    blank = equal(a, "")
    values = pa.array(sorted(allowed), pa.string())
    unknown = ~np_bool(pc.is_in(a, value_set=values)) & ~blank
    other_form = np.zeros(len(a), dtype=bool)
    if unknown.any():
        other_form = unknown & np_bool(pc.is_in(pc.utf8_normalize(a, form="NFC"),
                                                value_set=pc.utf8_normalize(values, form="NFC")))
    return [(blank, f"blank (allowed: {where})"),
            (unknown & ~other_form, f"not in the reference list ({where})"),
            (other_form, f"the letters of a value of {where}, but in another Unicode form (decomposed, "
             "NFD): retype it, or save the file in NFC")]


def list_checks(a: pa.ChunkedArray, allowed: set[str], where: str, blank_ok: bool = False) -> list[Check]:
    """Values of a reference list joined with LIST_SEP, one at least unless blank_ok (where names the
    list)."""
    parts = pc.split_pattern(a.combine_chunks(), LIST_SEP)
    known = np_bool(pc.is_in(pc.utf8_trim_whitespace(pc.list_flatten(parts)),
                             value_set=pa.array(sorted(allowed), pa.string())))
    bad = np.zeros(len(a), dtype=bool)
    bad[pc.list_parent_indices(parts).to_numpy()[~known]] = True
    blank = equal(a, "")
    joined_with = f"values are joined with '{LIST_SEP}'"
    return [*([] if blank_ok else [(blank, f"blank (allowed: values of {where}; {joined_with})")]),
            (bad & ~blank, f"a value not in the reference list ({where}; {joined_with})")]


def formula_checks(a: pa.ChunkedArray) -> list[Check]:
    """Text a spreadsheet program would run as a formula: it begins with one of FORMULA_STARTS and is no
    NUMBER."""
    first = pc.utf8_slice_codeunits(a, 0, 1)
    starts = np_bool(pc.is_in(first, value_set=pa.array(FORMULA_STARTS)))
    if not starts.any():
        return []
    return [(starts & ~np_bool(pc.match_substring_regex(a, f"^{NUMBER}$")), FORMULA)]


def invisible_checks(a: pa.ChunkedArray) -> list[Check]:
    """An id or name holding a character that cannot be seen (INVISIBLE), one check per character, the
    message naming it (U+200B ZERO WIDTH SPACE)."""
    hit = matching(a, INVISIBLE)
    if not hit.any():
        return []
    rows = np.flatnonzero(hit)
    first = [next(ch for ch in cell if invisible(ch)) for cell in a.take(pa.array(rows)).to_pylist()]
    out = []
    for ch in dict.fromkeys(first):
        these = np.zeros(len(a), dtype=bool)
        these[rows[[c == ch for c in first]]] = True
        name = unicodedata.name(ch, "") or "a control character"  # controls have no name
        out.append((these, f"holds U+{ord(ch):04X} ({name}), a character that cannot be seen: delete it "
                    "(an id or a name is written in visible characters and plain spaces)"))
    return out


def invisible(ch: str) -> bool:
    """Whether a character is one INVISIBLE matches: a control, a format character, any space but ' '."""
    category = unicodedata.category(ch)
    return category in ("Cc", "Cf", "Zl", "Zp") or (category == "Zs" and ch != " ")


def column_checks(spec: RawSpec, allowed: dict[str, set[str]], table: RawTable) -> dict[str, list[Check]]:
    """For every column of spec, its cells checked against its rules: (bad cells, message)."""
    ref_files = {name: s.file for name, s in REFERENCE_SPECS.items()}
    unseen = bool(matching(joined(table, spec.ids), INVISIBLE).any())  # one search for all the ids
    out: dict[str, list[Check]] = {}
    for c in spec.columns:
        a = table.cells.column(c)
        if c in spec.counts:
            checks = count_checks(a)
        elif c in spec.lines:
            checks = line_checks(a)
        else:
            checks = year_checks(a) if c in spec.years else formula_checks(a)
        if c in spec.text:
            checks += text_checks(a, c in spec.nullable, c in spec.quotes)
        if c in spec.refs:
            dom = spec.refs[c]
            where = ref_files.get(dom) or DERIVED_DOMAINS.get(dom, dom)
            checks += ref_checks(a, allowed.get(dom, set()) | ({NA} if c in spec.nullable else set()), where)
        if c in spec.lists:
            checks += list_checks(a, allowed.get(spec.lists[c], set()), ref_files[spec.lists[c]],
                                  blank_ok=c in spec.notes)
        if c in spec.patterns:
            rx, what = spec.patterns[c]
            checks += [(~np_bool(pc.match_substring_regex(a, f"^(?:{rx})$")) & ~equal(a, ""), f"not {what}")]
        if c in spec.ids and unseen:
            checks += invisible_checks(a)
        out[c] = checks
    return out


def at_rows(table: RawTable, bad: np.ndarray, columns: list[str], message: str) -> list[Problem]:
    """Problems of one kind at the rows where bad is true: the first SHOWN_PER_KIND, then a count."""
    rows = np.flatnonzero(bad)
    if not len(rows):
        return []
    shown = table.frame[columns].iloc[rows[:SHOWN_PER_KIND]].itertuples(index=False)
    where = ", ".join(columns)
    return of_kind([Problem(table.name, int(table.row_lines[r]), where, " / ".join(cells), message)
                    for r, cells in zip(rows, shown, strict=False)], len(rows))


def empty_problems(table: RawTable) -> list[Problem]:
    """Data rows follow the header (which read_raw has checked against the contract's columns)."""
    return [Problem(table.name, 2, None, None, "no data rows after the header")] if table.frame.empty else []


def cell_problems(table: RawTable, spec: RawSpec, allowed: dict[str, set[str]]) -> list[Problem]:
    """Every cell's rules and the key of a table whose columns are right."""
    out = []
    for c, checks in column_checks(spec, allowed, table).items():
        for bad, message in checks:
            out += at_rows(table, bad, [c], message)
    key = list(spec.key)
    dup = mask(table.frame.duplicated(subset=key, keep="first"))
    out += at_rows(table, dup, key, f"duplicated key ({', '.join(key)}): this row repeats an "
                   "earlier row's key")
    out += at_rows(table, nfc_duplicates(table, key) & ~dup, key,
                   f"duplicated key ({', '.join(key)}): the letters of an earlier row's key, in another "
                   "Unicode form (decomposed, NFD): one of them is written in two ways; delete or correct it")
    return out


def nfc_duplicates(table: RawTable, key: list[str]) -> np.ndarray:
    """Rows whose key, in Unicode NFC, is an earlier row's (compared in NFC, 'ä' decomposed is 'ä')."""
    columns = [table.cells.column(c) for c in key]
    distinct = pc.unique(joined(table, key))
    if pc.all(pc.equal(pc.utf8_normalize(distinct, form="NFC"), distinct)).as_py() is not False:
        return np.zeros(table.cells.num_rows, dtype=bool)  # every key written in NFC: as compared before
    nfc = pd.DataFrame({c: pc.utf8_normalize(col, form="NFC").to_pandas() for c, col in zip(key, columns,
                                                                                          strict=True)})
    return mask(nfc.duplicated(keep="first"))


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
            these = bad & mask(df["measure"] == m) & mask(groups == g)
            out += at_rows(table, these, ["category"],
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
            tables[name] = read_raw(raw_dir / spec.file, spec.file, spec.columns)
        except RawDataError as err:
            problems.extend(err.problems)
    return tables, problems


def load_raw(raw_dir: Path) -> dict[str, pd.DataFrame]:
    """Read and validate every raw file; return text frames or raise RawDataError listing all.

    The reference lists come first: when one is broken, its problems are reported alone (the data
    files are checked against the lists, so their problems would only repeat the same cause). The
    references between files (references.py) are checked among the files that pass their own checks."""
    if not raw_dir.is_dir():
        raise InputError(f"{raw_dir} is not a folder: give the folder of the raw data (--raw)")
    ref_tables, problems = load_tables(raw_dir, REFERENCE_SPECS)
    for table in ref_tables.values():
        problems += empty_problems(table)
    if problems:
        raise RawDataError(problems)
    refs = {n: t.frame for n, t in ref_tables.items()}
    allowed = domains(refs)
    for name, table in ref_tables.items():
        problems += cell_problems(table, REFERENCE_SPECS[name], allowed) or name_problems(
            table, REFERENCE_SPECS[name])
    if problems:
        raise RawDataError(problems)
    data_tables, problems = load_tables(raw_dir, DATA_SPECS)
    passed = dict(ref_tables)  # the files whose own checks pass: the references between them are checked
    for name, table in data_tables.items():
        spec = DATA_SPECS[name]
        found = empty_problems(table) or cell_problems(table, spec, allowed)
        found = found or cross_problems(name, table, refs)
        problems += found
        if not found:
            passed[name] = table
    problems += reference_problems(passed)
    if problems:
        raise RawDataError(problems)
    return {**refs, **{n: t.frame for n, t in data_tables.items()}}
