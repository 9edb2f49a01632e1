"""Shared fixtures: the processed frames, both editions of the real report built once per session (their
executed chapters kept beside them), a scratch copy of data/raw and helpers to edit one cell of it; and
how tests share workers.

`make test` runs the suite on two workers (pytest-xdist, --dist loadfile): each test file stays on one
worker, so its fixtures are built once, in the order FILE_SECONDS gives (the browser test first, as it
builds the editions out of date); the workers take turns to build each edition of the real report.
"""

from __future__ import annotations

import csv
import fcntl
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from asfdata.paths import RAW_DIR, ROOT
from asfdata.pipeline.data import Frames, load
from asfdata.report.edition import Job, build_report, import_jupyter, stored_runs

import_jupyter()  # before a test module imports nbformat: without rfc3987_syntax (seconds per worker)

LANGS = ("en", "sv")
FALSE_WORDS = {"", "0", "false", "no", "off"}
# Rough seconds of the slowest files on one worker. test_browser.py goes first and builds the editions that
# are out of date (after `make report` the Swedish one, on a fresh clone both: about 9 s each) while the other
# worker runs the files that need no edition; test_notebooks.py follows them (its three kernels first), when
# the editions are built. Before, it went second and waited for the Swedish edition: 3-5 s slower in total.
# `make test` hands whole files to its workers in collection order (--no-loadscope-reorder): the slowest
# first, so that the workers end together; the files not listed are quick and follow in their usual order.
# test_dashboard.py (make explore in Chromium: its server, a kernel, Ctrl-C) needs no edition.
# test_golden.py and test_both_readings.py read both built editions (1 s each): listed after the browser
# test, they run among the last, when they are built, and never wait for one. test_print.py prints both in
# Chromium (6 s; 15 s when the main body is over its page budget and each chapter is printed again).
FILE_SECONDS = {"test_browser.py": 18, "test_golden.py": 1, "test_both_readings.py": 1,
                "test_mutations.py": 11, "test_charts.py": 9, "test_notebooks.py": 8.5, "test_report.py": 14,
                "test_dashboard.py": 12,
                "test_other_data.py": 8, "test_provenance.py": 24, "test_execute.py": 7, "test_print.py": 6,
                "test_cli.py": 4,
                "test_processed_only.py": 3.5, "test_publish.py": 3, "test_setup.py": 2,
                "test_papermill.py": 4, "test_sections.py": 4,
                "test_validation.py": 2, "test_context.py": 1.5}


def in_ci() -> bool:
    """True when the CI variable is set to anything but 0/false/no/off (CI=false is not CI)."""
    return os.environ.get("CI", "").strip().lower() not in FALSE_WORDS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slowest files first (a stable sort: the order within a file stays)."""
    items.sort(key=lambda item: -FILE_SECONDS.get(item.path.name, 0))


@pytest.fixture(scope="session")
def real_reports(tmp_path_factory) -> dict[str, Path]:
    """Both editions of the real report in reports/, each built (with its executed chapters kept beside
    it, edition.stored_runs) unless up to date. Workers take turns per edition, each first building one
    that no other worker is building: on a fresh clone one builds the English while the other builds
    the Swedish."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the session's folder, above every worker's own
    left = list(LANGS)
    for wait in (False, True):
        for lang in list(left):
            with open(shared / f"real-report-{lang}.lock", "w") as lock:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
                except BlockingIOError:  # another worker is building it: the other edition first
                    continue
                job = Job(lang=lang)
                if stored_runs(job) is None:  # out of date, or built before the chapters were kept
                    build_report(replace(job, force=True))
                left.remove(lang)
    return {lang: Job(lang=lang).outputs()[0][0] for lang in LANGS}


@pytest.fixture(scope="session")
def real_report(real_reports) -> Path:
    """The real English report in reports/ (see real_reports)."""
    return real_reports["en"]


@pytest.fixture(scope="session")
def frames() -> Frames:
    """The processed frames, typed (asfdata.pipeline.data.load), shared by the analysis tests."""
    return load()


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A copy of data/raw that a test may break."""
    dst = tmp_path / "raw"
    shutil.copytree(RAW_DIR, dst)
    return dst


def project_copy(dst: Path) -> Path:
    """The project's package, data and notebooks copied to dst, a git repository with them committed: a
    checkout whose `python -m asfdata` (run with dst as its folder) reads and writes dst's folders alone
    (its kernels import the installed package, which reads only the folders it is given)."""
    for name in ("asfdata", "data", "notebooks"):
        shutil.copytree(ROOT / name, dst / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / ".gitignore", dst / ".gitignore")  # bytecode and reports/ are no changes
    git = ["git", "-C", str(dst), "-c", "user.name=test", "-c", "user.email=test@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    return dst


def git_status(folder: Path) -> list[str]:
    """`git status --porcelain` of a repository, one line per changed path."""
    done = subprocess.run(["git", "-C", str(folder), "status", "--porcelain"], capture_output=True,
                          text=True, check=True)
    return done.stdout.splitlines()


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


@contextmanager
def failing_after(seconds: float) -> Iterator[None]:
    """Within the block, the test fails after seconds instead of hanging (as opening a FIFO would, waiting
    for a writer for ever); pytest.fail is no exception the command line turns into an exit code."""
    def stop(signum, frame):
        pytest.fail(f"still running after {seconds} s: was a FIFO opened?")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
