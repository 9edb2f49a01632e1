"""Writing processed files: fixed CSV format, atomic replacement, the SHA-256 manifest."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from asfdata.paths import MANIFEST_NAME

if TYPE_CHECKING:
    import pandas as pd


def csv_text(df: pd.DataFrame) -> str:
    """A frame as CSV text: UTF-8, LF, header, integers as integers, booleans true/false."""
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == bool or str(out[c].dtype) == "boolean":
            out[c] = out[c].map({True: "true", False: "false"}).astype("str")
    return out.to_csv(index=False, lineterminator="\n")


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def manifest_text(files: dict[str, bytes]) -> str:
    """sha256sum-style manifest of files (name -> bytes), sorted by name."""
    return "".join(f"{sha256(files[n])}  {n}\n" for n in sorted(files))


def write_atomic(out_dir: Path, files: dict[str, bytes]) -> None:
    """Write all files into out_dir; each replaced atomically only after all were written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".incoming-") as tmp:
        staged = []
        for name, data in sorted(files.items()):
            path = Path(tmp) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            staged.append((path, out_dir / name))
        for src, dst in staged:
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)


def with_manifest(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files plus their manifest."""
    return {**files, MANIFEST_NAME: manifest_text(files).encode()}
