"""Loading data for analysis: the processed frames, typed. A chapter reads nothing else: the processed
folder holds all its inputs (figures, audit, inventory, assumptions log, municipalities).

`load()` gives a `Frames`: one attribute per processed file (JupyterLab completes `frames.` with them), and
the study's years (`frames.study`, asfdata.study.Study). A test or an evaluator swaps one frame with
`frames.replace(audit=None)`."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from asfdata.paths import PROCESSED_DIR
from asfdata.pipeline.contract import PROCESSED_COLUMNS
from asfdata.study import Study

INT_TYPES = {"integer": "Int64", "boolean": "boolean", "text": "str"}


@dataclass(frozen=True, eq=False)
class Frames:
    """The processed frames a chapter reads, one per file of data/processed (their columns, units and
    meanings: data/processed/dictionary.md), and the years the analysis compares."""

    snapshots: pd.DataFrame  # autumn counts 2016–2020: year, measure, group, category, value, source
    funded_placements: pd.DataFrame  # the funded placements by year and municipality: places, genders
    funded_outcomes: pd.DataFrame  # what followed them, by year, municipality, outcome and gender
    claims: pd.DataFrame  # every other figure of the report: summaries, period totals, background
    events: pd.DataFrame  # the dated milestones, in English and Swedish
    context: pd.DataFrame  # public figures beside the report's own, with their publishers
    context_events: pd.DataFrame  # dated public facts around Arbetsförmedlingen's reorganisation
    inventory: pd.DataFrame  # every number in the report's text: transcribed (where) or excluded (why)
    assumptions: pd.DataFrame  # the assumptions log (A01 …), in English and Swedish
    municipalities: pd.DataFrame  # the county's municipalities: short name, the report's name, region
    statements: pd.DataFrame | None  # the report's statements the audit checks (None: not at hand)
    audit: pd.DataFrame | None  # the consistency checks, one row per check (None: not at hand)
    audit_statements: pd.DataFrame  # which statements each check checks
    audit_assumptions: pd.DataFrame  # which assumptions each check's note cites
    study: Study = field(default_factory=Study)  # the years compared: reform, base, before and after

    def replace(self, **changes) -> Frames:
        """A copy with the frames (or study) named changed: frames.replace(audit=None)."""
        return dataclasses.replace(self, **changes)

    def copy(self) -> Frames:
        """A copy whose frames are copies too (changing one leaves this one as it is)."""
        return self.replace(**{f.name: value.copy() for f in dataclasses.fields(self)
                               if isinstance(value := getattr(self, f.name), pd.DataFrame)})


def read_processed(name: str, processed_dir: Path = PROCESSED_DIR) -> pd.DataFrame:
    """One processed file as a typed frame (integers nullable, text as str)."""
    cols = PROCESSED_COLUMNS[name]
    dtypes = {c: INT_TYPES[t] if t != "boolean" else "str" for c, (t, _, _) in cols.items()}
    df = pd.read_csv(processed_dir / f"{name}.csv", dtype=dtypes, keep_default_na=False,
                     na_values={c: [""] for c in cols})
    for c, (t, _, _) in cols.items():
        if t == "boolean":
            df[c] = df[c].map({"true": True, "false": False}).astype("boolean")
    return df


def load(processed_dir: Path | str | None = None, study: Study | None = None) -> Frames:
    """Every processed frame, typed (from data/processed unless a folder is given), with the study's years
    (asfdata.study.Study: its defaults unless given)."""
    folder = Path(processed_dir) if processed_dir else PROCESSED_DIR
    frames = {name: read_processed(name, folder) for name in PROCESSED_COLUMNS}
    return Frames(**frames, study=study or Study())
