"""Writing processed files: fixed CSV format, the SHA-256 manifest, and publishing a folder in one step."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import secrets
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from asfdata.paths import MANIFEST_NAME
from asfdata.pipeline.contract import formula_like
from asfdata.pipeline.errors import Failure, InputError

if sys.platform != "win32":  # no fcntl on Windows: writers are not serialised there (see exclusive)
    import fcntl

if TYPE_CHECKING:
    import pandas as pd

INCOMING = "incoming"  # work folders: .<folder>.incoming-*, .<folder>.old-* beside the folder
OLD = "old"
TOKEN_BYTES = 4  # a work folder's token: 8 hex digits (publish)
TEMP_NAME = "[a-z0-9_]{8}"  # what tempfile appends to a prefix (write_atomic's work folders)


def csv_text(df: pd.DataFrame) -> str:
    """A frame as CSV text: UTF-8, LF, header, integers as integers, booleans true/false."""
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == bool or str(out[c].dtype) == "boolean":
            out[c] = out[c].map({True: "true", False: "false"}).astype("str")
    return out.to_csv(index=False, lineterminator="\n")


class FormulaCellError(Failure):
    """A processed cell a spreadsheet would run as a formula: the raw data passed its checks, so the build
    made it (a bug); nothing is published."""

    exit_code = 1

    def __init__(self, found: list[tuple[str, int, str, str]]):
        name, line, column, cell = found[0]
        more = "" if len(found) == 1 else f" (and {len(found) - 1} more such cell{'s' * (len(found) > 2)})"
        super().__init__(f"{name}, line {line}, column '{column}', value {cell[:40]!r}: a cell a spreadsheet "
                         f"would run as a formula{more}; the raw data passed its checks, so this is a bug of "
                         "the build: nothing was written")


def formula_cells(files: dict[str, bytes]) -> list[tuple[str, int, str, str]]:
    """(file, line, column, cell) of every cell of the CSV files a spreadsheet would run as a formula
    (contract.formula_like)."""
    found = []
    for name in sorted(n for n in files if n.endswith(".csv")):
        rows = csv.reader(io.StringIO(files[name].decode("utf-8"), newline=""))
        header, line = next(rows, []), 1
        for row in rows:
            start, line = line + 1, rows.line_num
            found += [(name, start, column, cell) for column, cell in zip(header, row, strict=False)
                      if formula_like(cell)]
    return found


def refuse_formulas(files: dict[str, bytes]) -> None:
    """Raise FormulaCellError when a CSV of files holds a cell a spreadsheet would run as a formula."""
    if found := formula_cells(files):
        raise FormulaCellError(found)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def manifest_text(files: dict[str, bytes]) -> str:
    """sha256sum-style manifest of files (name -> bytes), sorted by name."""
    return "".join(f"{sha256(files[n])}  {n}\n" for n in sorted(files))


def with_manifest(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files plus their manifest."""
    return {**files, MANIFEST_NAME: manifest_text(files).encode()}


def read_manifest(data: bytes) -> tuple[dict[str, str], list[int]]:
    """A manifest's SHA-256 by file name, and the numbers of its lines that are not 'SHA-256  name'."""
    listed, bad = {}, []
    for i, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        digest, sep, name = line.partition("  ")
        if sep and len(digest) == 64:
            listed[name] = digest
        elif line:
            bad.append(i)
    return listed, bad


@contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on folder (flock on the folder itself: no lock file is left)."""
    folder.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":  # no flock: writers are not serialised
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def stage(folder: Path, files: dict[str, bytes]) -> None:
    """Write files into folder, each flushed to disk."""
    for name, data in sorted(files.items()):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())


def work_folders(folder: str) -> str:
    """The regular expression of the whole names of publish's work folders beside folder."""
    return rf"\.{re.escape(folder)}\.(?:{INCOMING}|{OLD})-[0-9a-f]{{{2 * TOKEN_BYTES}}}"


def remove_stale(parent: Path, name: str, before: float) -> list[Path]:
    """Remove the work folders a killed writer left in parent: the folders (not links, not files) whose
    whole name matches the regular expression name, last changed before `before` (seconds since the
    epoch: when this run began); call with parent's lock held. Returns them; nothing else is touched."""
    removed = []
    for path in parent.iterdir():
        if not re.fullmatch(name, path.name):
            continue
        try:
            status = path.lstat()
        except OSError:  # gone meanwhile
            continue
        if stat.S_ISDIR(status.st_mode) and status.st_mtime <= before:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def contents(folder: Path) -> dict[str, bytes] | None:
    """Every file of folder by name (None when it does not exist)."""
    if not folder.is_dir():
        return None
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def publish(out_dir: Path, files: dict[str, bytes]) -> bool:
    """Make out_dir hold exactly files, in one step: the new folder is written beside it and renamed
    into its place, so readers and a kill at any moment see the old folder or the new one, never a
    mix. Returns False, writing nothing, when out_dir already holds exactly these bytes (it may then
    be read-only). Either way the work folders of an earlier writer that was killed are removed first;
    a write that fails (a full disk) removes its own and leaves the old folder in place."""
    started = time.time()
    parent = out_dir.parent
    if parent.is_dir():
        with exclusive(parent):
            remove_stale(parent, work_folders(out_dir.name), started)
    if contents(out_dir) == files:
        return False
    if out_dir.is_dir():
        manifest = out_dir / MANIFEST_NAME
        made = set(files) | (set(read_manifest(manifest.read_bytes())[0]) if manifest.is_file() else set())
        foreign = sorted(p.name for p in out_dir.iterdir() if p.name not in made or p.is_dir())
        if foreign:
            raise InputError(f"{out_dir} holds what the build does not make ({', '.join(foreign)}): "
                             "give an empty folder, or the processed folder, as --out")
        if not os.access(out_dir, os.W_OK):
            raise InputError(f"{out_dir} is read-only and differs from the rebuild: make it writable")
    with exclusive(parent):
        token = secrets.token_hex(TOKEN_BYTES)
        incoming = parent / f".{out_dir.name}.{INCOMING}-{token}"
        incoming.mkdir()
        try:
            stage(incoming, files)
            if out_dir.exists():
                old = parent / f".{out_dir.name}.{OLD}-{token}"
                os.rename(out_dir, old)
                try:
                    os.rename(incoming, out_dir)  # between the two renames out_dir is missing for an instant
                except BaseException:
                    os.rename(old, out_dir)  # the old folder back in its place
                    raise
                shutil.rmtree(old)
            else:
                os.rename(incoming, out_dir)
        finally:
            shutil.rmtree(incoming, ignore_errors=True)  # a failed write's work folder (renamed away if not)
    return True


def write_atomic(out_dir: Path, files: dict[str, bytes]) -> None:
    """Write files into out_dir, keeping its other files; each replaced atomically after all were
    written (work folders of a killed writer are removed first)."""
    started = time.time()
    with exclusive(out_dir):
        remove_stale(out_dir, rf"\.{INCOMING}-{TEMP_NAME}", started)
        with tempfile.TemporaryDirectory(dir=out_dir, prefix=f".{INCOMING}-") as tmp:
            stage(Path(tmp), files)
            for name in sorted(files):
                dst = out_dir / name
                dst.parent.mkdir(parents=True, exist_ok=True)
                os.replace(Path(tmp) / name, dst)
