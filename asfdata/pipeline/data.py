"""Loading data for analysis: the processed frames, typed. A chapter reads nothing else: the processed
folder holds all its inputs (figures, audit, inventory, assumptions log, municipalities)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from asfdata.paths import PROCESSED_DIR
from asfdata.pipeline.contract import PROCESSED_COLUMNS

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


def load(processed_dir: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """Every processed frame, typed, by name (from data/processed unless a folder is given)."""
    folder = Path(processed_dir) if processed_dir else PROCESSED_DIR
    return {name: read_processed(name, folder) for name in PROCESSED_COLUMNS}
