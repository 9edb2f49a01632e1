"""References between the raw files, and from the code and the words into them: each must lead to a row that
exists, and each of the report's names must name one row. validate.load_raw runs a rule once every file it
reads has passed its own checks; each problem names the file, line, column and value where the reference
stands, and what to do.

- funded_outcomes.csv -> funded_placements.csv: an outcome follows places of its year and municipality;
- an assumption cited (A01 …) in any text cell of a raw file, or in a words catalog (asfdata/registry.py:
  CATALOGS; their texts make the audit's notes and the report) -> a row of assumptions.csv;
- the claims the chapters read, by id or by the beginning of their ids (asfdata/study.py: the CLAIM_*
  and *_CLAIMS constants) -> rows of claims.csv;
- the report's names of a reference list's rows (the contract's RawSpec.names) -> one row each, compared
  with the keys in Unicode NFC.
`sum_of` of reference/measures.csv is a list of measures in the contract and is checked with the cells.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from asfdata import catalogs, study
from asfdata.paths import ROOT
from asfdata.pipeline.contract import ASSUMPTION_CITATION, DATA_SPECS, LIST_SEP, REFERENCE_SPECS, RawSpec
from asfdata.pipeline.errors import SHOWN_PER_KIND, Problem, of_kind
from asfdata.pipeline.read import RawTable
from asfdata.registry import CATALOGS

ASSUMPTIONS = DATA_SPECS["assumptions"].file
STUDY = Path(study.__file__)
CITED = re.compile("A[0-9]{2}")  # what a citation has (ASSUMPTION_CITATION), found fast in a whole file


def joined(table: RawTable, columns: tuple[str, ...] | list[str]) -> pa.ChunkedArray:
    """The cells of several columns as one column, one after the other (no copy), to search them at once."""
    return pa.chunked_array([chunk for c in columns for chunk in table.cells.column(c).chunks], pa.string())


def matching(a: pa.ChunkedArray, pattern: str) -> np.ndarray:
    """Which cells match a regular expression (RE2), searched among the column's distinct values."""
    values = pc.unique(a)
    hits = values.filter(pc.match_substring_regex(values, pattern))
    if not len(hits):
        return np.zeros(len(a), dtype=bool)
    return pc.is_in(a, value_set=hits).to_numpy(zero_copy_only=False).astype(bool)


def municipality_units(table: RawTable, municipalities: RawTable) -> np.ndarray:
    """Each row's year and municipality as one number: year × municipalities + the municipality's row in
    reference/municipalities.csv (found by its short name or by the report's name, 'Hudiksvalls kommun')."""
    m, n = municipalities.cells, municipalities.cells.num_rows
    names = pa.concat_arrays([m.column(c).combine_chunks() for c in ("municipality", "report_name")])
    found = pc.index_in(table.cells.column("municipality"), value_set=names).fill_null(-1).to_numpy()
    year = pc.cast(table.cells.column("year"), pa.int64()).to_numpy()
    return year * (n + 1) + np.where(found < 0, n, found % n)  # n: a name of neither (none passes its checks)


def outcome_problems(outcomes: RawTable, placements: RawTable, municipalities: RawTable) -> list[Problem]:
    """An outcome of a year and municipality that funded_placements.csv has no row for (both files have
    passed their checks: every year and municipality is one of the reference lists')."""
    placed = municipality_units(placements, municipalities)
    bad = np.flatnonzero(~np.isin(municipality_units(outcomes, municipalities), placed))
    lines, frame = outcomes.row_lines, outcomes.frame
    what = (f"no row of {placements.name} for this year and municipality, and an outcome follows places "
            "used: add the places' row there, or correct the year or the municipality")
    return of_kind([Problem(outcomes.name, int(lines[r]), "year, municipality",
                            f"{frame['year'].iat[r]} / {frame['municipality'].iat[r]}", what)
                    for r in bad[:SHOWN_PER_KIND]], len(bad))


def citations(table: RawTable, columns: list[str]) -> list[tuple[int, str, str]]:
    """(line, column, id) of every assumption the cells of columns cite."""
    out: list[tuple[int, str, str]] = []
    if not columns or not CITED.search(table.text):  # most files cite none: one quick look at the whole file
        return out
    cells, n = joined(table, columns), table.cells.num_rows  # column after column, n cells each
    hits = np.flatnonzero(pc.match_substring_regex(cells, ASSUMPTION_CITATION).to_numpy(zero_copy_only=False))
    for h, cell in zip(hits, cells.take(pa.array(hits, pa.int64())).to_pylist(), strict=True):
        out += [(int(table.row_lines[h % n]), columns[h // n], cited)
                for cited in dict.fromkeys(re.findall(ASSUMPTION_CITATION, cell))]
    return out


def cited_columns(spec: RawSpec, name: str) -> list[str]:
    """The columns of a raw file whose text may cite an assumption (not the assumption's own id)."""
    return [c for c in (*spec.text, *spec.notes) if not (name == "assumptions" and c in spec.key)]


@functools.cache
def catalog_citations() -> tuple[tuple[str, int, str, str], ...]:
    """(catalog, line, field, id) of every assumption a words catalog's texts cite (en, sv and their plural
    forms; not the notes to translators); the catalog as a path from the project's folder, the field with
    the key of its text ('en [outcomes_vs_used]')."""
    out = []
    for path in CATALOGS:
        raw = path.read_text(encoding="utf-8")
        starts = sorted((line, key) for key, line in catalogs.table_lines(raw).items())
        tables = [line for line, _ in starts]
        for i, line in enumerate(raw.splitlines(), 1):
            field, eq, _ = line.partition("=")
            if not eq or field.strip().split(".")[0] not in catalogs.LANGS or not tables or i < tables[0]:
                continue
            key = starts[np.searchsorted(tables, i, side="right") - 1][1]
            out += [(str(path.relative_to(ROOT)), i, f"{field.strip()} [{key}]", cited)
                    for cited in dict.fromkeys(re.findall(ASSUMPTION_CITATION, line))]
    return tuple(out)


def assumption_problems(tables: dict[str, RawTable]) -> list[Problem]:
    """Every citation of an assumption that assumptions.csv lacks, where it stands: a raw file's cell (of
    the tables given, which have passed their checks) or a words catalog's text."""
    known = set(tables["assumptions"].frame["id"])
    specs = {**REFERENCE_SPECS, **DATA_SPECS}
    what = (f"cites assumption {{}}, which {ASSUMPTIONS} does not have: add its row there, or correct the "
            "citation")
    out = [Problem(t.name, line, column, cited, what.format(cited)) for name, t in tables.items()
           for line, column, cited in citations(t, cited_columns(specs[name], name)) if cited not in known]
    return out + [Problem(file, line, field, cited, what.format(cited))
                  for file, line, field, cited in catalog_citations() if cited not in known]


@functools.cache
def claims_read() -> tuple[tuple[str, int, str, bool], ...]:
    """(constant, its line in asfdata/study.py, the claim id or the beginning of ids, whether a beginning) of
    every claim the chapters read: the CLAIM_* and *_CLAIMS constants."""
    lines = {m.group(1): i for i, line in enumerate(STUDY.read_text(encoding="utf-8").splitlines(), 1)
             if (m := re.match(r"([A-Z_]+) = ", line))}
    return tuple((name, lines.get(name, 0), value, name.endswith("_CLAIMS"))
                 for name, value in vars(study).items()
                 if isinstance(value, str) and (name.startswith("CLAIM_") or name.endswith("_CLAIMS")))


def claim_problems(claims: RawTable) -> list[Problem]:
    """Each claim the chapters read that claims.csv lacks (or, for a beginning of ids, no claim begins so)."""
    ids = set(claims.frame["claim_id"])
    where = str(STUDY.relative_to(ROOT))
    out = []
    for name, line, value, prefix in claims_read():
        read = f"{where}, line {line}: {name}"
        if prefix and not any(i.startswith(value) for i in ids):
            out.append(Problem(claims.name, None, "claim_id", f"{value}…", f"the report reads the claims "
                               f"whose ids begin so ({read}) and no claim does: add them"))
        elif not prefix and value not in ids:
            out.append(Problem(claims.name, None, "claim_id", value, f"the report reads this claim ({read}) "
                               "and no row has it: add the claim's row, or correct its id"))
    return out


def name_problems(table: RawTable, spec: RawSpec) -> list[Problem]:
    """A name of the report (spec.names: values joined with LIST_SEP) that names two rows of a reference list,
    or names a row whose key is another row's; compared in Unicode NFC."""
    if not spec.names:
        return []
    frame, key = table.frame, spec.key[0]
    nfc = functools.partial(unicodedata.normalize, "NFC")
    owner = {nfc(k): (k, int(line)) for k, line in zip(frame[key], table.row_lines, strict=True)}
    out = []
    for c in spec.names:
        for k, cell, line in zip(frame[key], frame[c], table.row_lines, strict=True):
            for name in dict.fromkeys(n.strip() for n in cell.split(LIST_SEP.strip()) if n.strip()):
                other, at = owner.setdefault(nfc(name), (k, int(line)))
                if nfc(other) != nfc(k):
                    out.append(Problem(table.name, int(line), c, name, f"also the name of {other!r} (line "
                                       f"{at}): each of the report's names names one row of {table.name}; "
                                       "correct one of them"))
    return out


def reference_problems(tables: dict[str, RawTable]) -> list[Problem]:
    """Every reference rule whose files are among tables (the files that passed their own checks)."""
    out = []
    if {"funded_outcomes", "funded_placements", "municipalities"} <= tables.keys():
        out += outcome_problems(tables["funded_outcomes"], tables["funded_placements"],
                                tables["municipalities"])
    if "assumptions" in tables:
        out += assumption_problems(tables)
    if "claims" in tables:
        out += claim_problems(tables["claims"])
    return out
