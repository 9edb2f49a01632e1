"""Shared fixtures: the processed frames, the notebooks run once per session, the real report built
once, a scratch copy of data/raw and helpers to edit one cell of it; and how tests share workers.

`make test` runs the suite on two workers (pytest-xdist, --dist loadfile): each test file stays on one
worker, so its fixtures are built once, and the slowest files go first (FILE_SECONDS); chapter_runs
serves tests/test_notebooks.py alone, and the workers take turns to build the real report.
"""

from __future__ import annotations

import csv
import fcntl
import os
import shutil
from multiprocessing.pool import ThreadPool
from pathlib import Path

import pytest

from asfdata.paths import NOTEBOOK_DIR, RAW_DIR
from asfdata.report.edition import CHAPTERS, Job, build_report, git, import_jupyter

import_jupyter()  # before a test module imports nbformat: without rfc3987_syntax (seconds per worker)

LANGS = ("en", "sv")
NOTEBOOKS = (*CHAPTERS, "explore")
# Rough seconds per notebook: the slowest start first, so both kernels finish together.
SECONDS = {"02_placements_and_the_2019_reform": 9, "04_information_reach_and_activities": 7,
           "03_funded_placements": 6, "01_employee_trends": 5, "explore": 4}
FALSE_WORDS = {"", "0", "false", "no", "off"}
# Rough seconds of the slowest files on one worker (test_notebooks.py: its kernels' CPU, two at a time;
# test_browser.py: Chromium, more with a stale Swedish edition to build). `make test` hands whole files to
# its workers in collection order (--no-loadscope-reorder): the slowest first, so that the workers end
# together; the files not listed are quick and follow in their usual order.
FILE_SECONDS = {"test_notebooks.py": 24, "test_browser.py": 20, "test_mutations.py": 15, "test_report.py": 10,
                "test_charts.py": 9, "test_provenance.py": 6, "test_setup.py": 5, "test_execute.py": 4,
                "test_cli.py": 3, "test_publish.py": 3, "test_validation.py": 2}


def in_ci() -> bool:
    """True when the CI variable is set to anything but 0/false/no/off (CI=false is not CI)."""
    return os.environ.get("CI", "").strip().lower() not in FALSE_WORDS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slowest files first (a stable sort: the order within a file stays)."""
    items.sort(key=lambda item: -FILE_SECONDS.get(item.path.name, 0))


@pytest.fixture(scope="session")
def chapter_runs() -> dict:
    """Every notebook (the chapters and the explorer) run once per language, each in a fresh kernel,
    two at a time, with the parameters and environment of the report build:
    (stem, lang) -> the executed notebook, or the exception that stopped it."""
    from asfdata.report.execute import execute, kernel_environment

    def run(job):
        stem, lang = job
        try:
            return job, execute(NOTEBOOK_DIR / f"{stem}.ipynb", {"lang": lang})
        except Exception as err:  # reported by the tests of that notebook
            return job, err

    slowest_first = sorted(NOTEBOOKS, key=lambda s: -SECONDS.get(s, 0))
    with kernel_environment(git("log", "-1", "--format=%ct")), ThreadPool(2) as pool:
        return dict(pool.map(run, [(s, lang) for s in slowest_first for lang in LANGS], chunksize=1))


@pytest.fixture(scope="session")
def real_report(tmp_path_factory) -> Path:
    """The real English report in reports/, built unless up to date; workers take turns to build it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the session's folder, above every worker's own
    with open(shared / "real-report.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        build_report(Job())
    return Job().outputs()[0][0]


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
