"""Loading data for analysis: the tidy frames, from data/raw or data/processed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from asfdata.paths import PROCESSED_DIR, RAW_DIR, REFERENCE_SUBDIR
from asfdata.pipeline.contract import PROCESSED_COLUMNS

INT_TYPES = {"integer": "Int64", "boolean": "boolean", "text": "str"}


def build_frames(raw_dir: Path = RAW_DIR) -> dict[str, pd.DataFrame]:
    """Validate data/raw and return every tidy frame (raises RawDataError listing all problems)."""
    from asfdata.pipeline.tidy import tidy_all
    from asfdata.pipeline.validate import load_raw

    return tidy_all(load_raw(raw_dir))


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
    """The assumptions log (data/raw/assumptions.csv): id; assumption, reason and effect, each in English
    (_en) and Swedish (_sv); sources."""
    return pd.read_csv(raw_dir / "assumptions.csv", dtype="str", keep_default_na=False)


def reference(name: str, raw_dir: Path = RAW_DIR) -> pd.DataFrame:
    """One reference list of data/raw/reference (e.g. municipalities), every column as text."""
    return pd.read_csv(raw_dir / REFERENCE_SUBDIR / f"{name}.csv", dtype="str", keep_default_na=False)


def load(processed_dir: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """Every processed frame, typed, by name (from data/processed unless a folder is given)."""
    folder = Path(processed_dir) if processed_dir else PROCESSED_DIR
    return {name: read_processed(name, folder) for name in PROCESSED_COLUMNS}
