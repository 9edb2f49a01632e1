"""Shared fixtures: a scratch copy of data/raw, and helpers to edit one cell of it."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from asfdata.paths import RAW_DIR


@pytest.fixture(scope="session")
def frames() -> dict:
    """The processed frames, typed (asfdata.pipeline.data.load), shared by the analysis tests."""
    from asfdata.pipeline.data import load

    return load()


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A copy of data/raw that a test may break."""
    dst = tmp_path / "raw"
    shutil.copytree(RAW_DIR, dst)
    return dst


def edit_cell(path: Path, line: int, column: str, value: str) -> None:
    """Set one cell of a CSV (line as an editor counts it, header = 1)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[line - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def line_of(path: Path, **match: str) -> int:
    """Editor line of the first row whose cells equal match."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for i, row in enumerate(rows[1:], start=2):
        if all(row[header.index(k)] == v for k, v in match.items()):
            return i
    raise LookupError(match)
