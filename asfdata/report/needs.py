"""What the study's parameters need of the data, checked before any chapter runs.

The chapters take their years, regions and placing bodies from the data, but the analysis compares the
autumns the study names (asfdata/study.py: BASE_YEAR and REFORM_YEAR for the before/after comparison,
TRAINING_YEAR for the claim about the 2018 training) and the background's figures with the autumn count of
their year. Data without such a count are valid data this study cannot evaluate: the report refuses them
with one plain line naming what it needs, before a kernel runs a cell, instead of failing inside a notebook.
Standard library only: it reads the processed CSVs as text (no pandas), so the report's start stays light.
"""

from __future__ import annotations

import csv
from pathlib import Path

from asfdata.pipeline.errors import BAD_INPUT, Failure
from asfdata.study import BACKGROUND_CLAIMS, BASE_YEAR, REFORM_YEAR, TRAINING_YEAR

SNAPSHOTS, CLAIMS = "snapshots.csv", "claims.csv"
PLACED_BY = ("placements", "placed_by")  # people placed by placing body (measure, breakdown)
# What needs which autumn counts: (what, measure, breakdown, years).
NEEDS: tuple[tuple[str, str, str, tuple[int, ...]], ...] = (
    ("the before/after comparison", *PLACED_BY, (BASE_YEAR, REFORM_YEAR)),
    (f"the claim about the {TRAINING_YEAR} training", *PLACED_BY, (TRAINING_YEAR - 1, TRAINING_YEAR)),
)
ACTIVE = ("employees", "placements")  # people active, the background's figure: employees and people placed
BREAKDOWNS = {"placed_by": "placing body"}  # a breakdown (snapshots' group) as a message names it


class DataNotEnough(Failure):
    """Valid data that lack an autumn count the study needs (one line, exit code 2)."""

    exit_code = BAD_INPUT


def _rows(path: Path) -> list[dict[str, str]]:
    """The rows of a processed CSV (UTF-8, a header line), each a dict of text cells."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _years(years: list[int]) -> str:
    """'2018 and 2019', '2016, 2017 and 2018'."""
    shown = [str(y) for y in years]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def lacking(processed_dir: Path) -> list[str]:
    """One line for each need of the study that the processed data in processed_dir do not meet."""
    counted: dict[tuple[str, str], set[int]] = {}
    for r in _rows(processed_dir / SNAPSHOTS):
        counted.setdefault((r["measure"], r["group"]), set()).add(int(r["year"]))
    needs = list(NEEDS)
    for r in _rows(processed_dir / CLAIMS):
        if r["claim_id"].startswith(BACKGROUND_CLAIMS):
            measures = ACTIVE if r["measure"] == "people_active" else (r["measure"],)
            needs += [(f"the background's comparison ({r['claim_id']})", m, "total", (int(r["year_from"]),))
                      for m in measures]
    out = []
    for what, measure, group, years in needs:
        missing = [y for y in years if y not in counted.get((measure, group), set())]
        if missing:
            breakdown = "" if group == "total" else f" by {BREAKDOWNS.get(group, group)}"
            line = (f"{what} needs autumn counts for {_years(list(years))}: {SNAPSHOTS} has no "
                    f"{measure}{breakdown} for {_years(missing)}")
            if line not in out:
                out.append(line)
    return out


def check(processed_dir: Path) -> None:
    """Raise DataNotEnough with the first need the processed data do not meet (nothing when all are met)."""
    lines = lacking(processed_dir)
    if lines:
        raise DataNotEnough(lines[0])
