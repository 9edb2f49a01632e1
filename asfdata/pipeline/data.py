"""Loading data for analysis: the processed frames, typed, and the assumptions log."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from asfdata.paths import PROCESSED_DIR, RAW_DIR
from asfdata.pipeline.contract import DATA_SPECS, PROCESSED_COLUMNS, REFERENCE_SPECS
from asfdata.pipeline.read import read_raw

INT_TYPES = {"integer": "Int64", "boolean": "boolean", "text": "str"}


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


def assumptions(raw_dir: Path = RAW_DIR) -> pd.DataFrame:
    """The assumptions log (data/raw/assumptions.csv): id, assumption, reason, effect, sources."""
    spec = DATA_SPECS["assumptions"]
    return read_raw(raw_dir / spec.file, spec.file).frame


def reference(name: str, raw_dir: Path = RAW_DIR) -> pd.DataFrame:
    """One reference list of data/raw/reference (e.g. municipalities), every column as text."""
    spec = REFERENCE_SPECS[name]
    return read_raw(raw_dir / spec.file, spec.file).frame


def load(processed_dir: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """Every processed frame, typed, by name (from data/processed unless a folder is given)."""
    folder = Path(processed_dir) if processed_dir else PROCESSED_DIR
    return {name: read_processed(name, folder) for name in PROCESSED_COLUMNS}
