"""What a report is built from, with the standard library only: the digest of every input, the
git revision and the build date. `python -m asfdata report` compares the digest with the stamp
beside each edition before anything heavy is imported (nothing changed: ~0.1 s, no pandas).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from asfdata.paths import ROOT
from asfdata.pipeline.errors import BAD_INPUT, Failure

if TYPE_CHECKING:
    from asfdata.report.edition import Job

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the whole asfdata package (its code is an input)
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
LOCK_FILE = ROOT / "requirements.lock"
UNCOMMITTED = "+uncommitted"  # marks a commit whose working tree had changes (words: report_uncommitted)


def stamp_path(output: Path) -> Path:
    """The file beside output that records the inputs it was built from."""
    return output.with_name(f".{output.name}.inputs")


def _run_git(*args: str) -> str | None:
    """Output of a git command run in the project folder, or None when it fails."""
    try:
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def git(*args: str) -> str | None:
    """Output of a git command about the project (possibly empty), or None when git is missing or
    the project is not the top level of its own repository (e.g. an archive unpacked in another)."""
    top = _run_git("rev-parse", "--show-toplevel")
    if not top or Path(top).resolve() != ROOT.resolve():
        return None
    return _run_git(*args)


def revision() -> str:
    """The commit the report is built from, marked UNCOMMITTED when the working tree has changes
    (git status, untracked files included); 'unknown' outside the project's own repository."""
    commit = git("rev-parse", "HEAD")
    if not commit:
        return "unknown"
    return commit + UNCOMMITTED if git("status", "--porcelain") else commit


EPOCH_MAX = 253402300799  # 9999-12-31 23:59:59 UTC, the last second a date (datetime) can hold


class BadEnvironment(Failure):
    """An environment variable the build reads holds a value it cannot use (one line, exit code 2)."""

    exit_code = BAD_INPUT


def check_source_date_epoch() -> None:
    """BadEnvironment unless SOURCE_DATE_EPOCH is unset, empty or whole seconds since 1970-01-01 UTC
    (ASCII digits, as `date +%s` writes them) up to EPOCH_MAX."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if value and not (re.fullmatch(r"[0-9]+", value, re.ASCII) and int(value) <= EPOCH_MAX):
        raise BadEnvironment(
            f"SOURCE_DATE_EPOCH={value[:40]!r} is not a build date: give whole seconds since 1970-01-01 UTC, "
            f"as `date +%s` writes them (0 to {EPOCH_MAX}, 9999-12-31), or unset it")


def build_date(commit_time: str | None) -> str:
    """The build date: SOURCE_DATE_EPOCH, else the last commit's date (UTC); never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or commit_time
    if not epoch:
        return ""
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).strftime("%Y-%m-%d")


def _files(folder: Path, pattern: str) -> list[Path]:
    """Files under folder matching pattern, sorted (none when folder is missing)."""
    return sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


def inputs_digest(job: Job, code: bool, commit: str) -> str:
    """SHA-256 over everything the report shows: raw data, the processed files the chapters read,
    package code, its words catalogs and template, notebooks, parameters, git commit, locked versions,
    Python and the build-date setting."""
    h = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        h.update(f"{label}\0{len(data)}\0".encode())
        h.update(data)

    groups = [
        ("raw", job.raw_dir, _files(job.raw_dir, "*")),
        ("processed", job.processed_dir, _files(job.processed_dir, "*")),
        ("package", PACKAGE_DIR, [*_files(PACKAGE_DIR, "*.py"), *_files(PACKAGE_DIR, "*.toml"),
                                  *_files(TEMPLATE_DIR, "*")]),
    ]
    for group, base, files in groups:
        for p in files:
            add(f"{group}/{p.relative_to(base).as_posix()}", p.read_bytes())
    for nb in job.notebooks:
        add(f"notebook/{nb.name}", nb.read_bytes() if nb.exists() else b"<missing>")
    add("lock", LOCK_FILE.read_bytes() if LOCK_FILE.exists() else b"<missing>")
    add("params", f"lang={job.lang} code={code} processed={job.processed_dir.resolve()}".encode())
    add("commit", commit.encode())
    add("python", sys.version.encode())
    add("source_date_epoch", os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    return h.hexdigest()


def stamp_text(digest: str, html: bytes) -> str:
    """What the stamp beside an edition holds: the inputs' digest and the edition's SHA-256."""
    return f"inputs {digest}\noutput {hashlib.sha256(html).hexdigest()}\n"


def is_up_to_date(output: Path, digest: str) -> bool:
    """True when output exists, unchanged, and was built from inputs with this digest."""
    stamp = stamp_path(output)
    if not (output.exists() and stamp.exists()):
        return False
    return stamp.read_text() == stamp_text(digest, output.read_bytes())
