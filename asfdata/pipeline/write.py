"""Writing processed files: fixed CSV format, the SHA-256 manifest, and publishing a folder in one step."""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from asfdata.paths import MANIFEST_NAME
from asfdata.pipeline.errors import InputError

if sys.platform != "win32":  # no fcntl on Windows: writers are not serialised there (see exclusive)
    import fcntl

if TYPE_CHECKING:
    import pandas as pd

INCOMING = "incoming"  # work folders: .<folder>.incoming-*, .<folder>.old-* beside the folder
OLD = "old"


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


def remove_stale(parent: Path, pattern: str) -> None:
    """Remove work folders left by a writer that was killed (call with parent's lock held)."""
    for path in parent.glob(pattern):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def contents(folder: Path) -> dict[str, bytes] | None:
    """Every file of folder by name (None when it does not exist)."""
    if not folder.is_dir():
        return None
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def publish(out_dir: Path, files: dict[str, bytes]) -> bool:
    """Make out_dir hold exactly files, in one step: the new folder is written beside it and renamed
    into its place, so readers and a kill at any moment see the old folder or the new one, never a
    mix. Returns False, writing nothing, when out_dir already holds exactly these bytes (it may then
    be read-only)."""
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
    parent = out_dir.parent
    with exclusive(parent):
        remove_stale(parent, f".{out_dir.name}.{INCOMING}-*")
        remove_stale(parent, f".{out_dir.name}.{OLD}-*")
        token = secrets.token_hex(4)
        incoming = parent / f".{out_dir.name}.{INCOMING}-{token}"
        incoming.mkdir()
        stage(incoming, files)
        if out_dir.exists():
            old = parent / f".{out_dir.name}.{OLD}-{token}"
            os.rename(out_dir, old)
            os.rename(incoming, out_dir)  # between the two renames out_dir is missing for an instant
            shutil.rmtree(old)
        else:
            os.rename(incoming, out_dir)
    return True


def write_atomic(out_dir: Path, files: dict[str, bytes]) -> None:
    """Write files into out_dir, keeping its other files; each replaced atomically after all were
    written (work folders of a killed writer are removed first)."""
    with exclusive(out_dir):
        remove_stale(out_dir, f".{INCOMING}-*")
        with tempfile.TemporaryDirectory(dir=out_dir, prefix=f".{INCOMING}-") as tmp:
            stage(Path(tmp), files)
            for name in sorted(files):
                dst = out_dir / name
                dst.parent.mkdir(parents=True, exist_ok=True)
                os.replace(Path(tmp) / name, dst)
