"""Publishing data/processed in one step: old or new folder, never a mix, no stray work folders."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import time

import pytest

from asfdata.paths import RAW_DIR, ROOT
from asfdata.pipeline import write
from asfdata.pipeline.build import build, processed_files
from asfdata.pipeline.write import contents, publish, with_manifest

FILES = {"a.csv": b"x\n1\n", "MANIFEST.sha256": b"m\n"}


def test_a_folder_holding_the_same_bytes_is_not_written_even_read_only(tmp_path):
    out = tmp_path / "processed"
    build(RAW_DIR, out)
    inode = out.stat().st_ino
    out.chmod(stat.S_IRUSR | stat.S_IXUSR)  # read-only: nothing needs writing, so no error
    try:
        assert publish(out, processed_files(RAW_DIR)) is False
    finally:
        out.chmod(0o755)
    assert out.stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]


def test_new_files_replace_the_folder_as_a_whole(tmp_path):
    out = tmp_path / "processed"
    publish(out, with_manifest({"old.csv": b"old\n"}))
    assert publish(out, FILES) is True
    assert contents(out) == FILES  # old.csv, listed in the old manifest, went with the old folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]


def test_a_writer_killed_while_staging_leaves_the_old_folder_whole(tmp_path, monkeypatch):
    out = tmp_path / "processed"
    publish(out, FILES)

    def killed(folder, files):
        (folder / "a.csv").write_bytes(b"half")
        raise KeyboardInterrupt  # as a kill would stop it, before anything is renamed

    monkeypatch.setattr(write, "stage", killed)
    with pytest.raises(KeyboardInterrupt):
        publish(out, {"a.csv": b"new\n", "MANIFEST.sha256": b"m2\n"})
    assert contents(out) == FILES
    monkeypatch.undo()
    new = {"a.csv": b"new\n", "MANIFEST.sha256": b"m2\n"}
    publish(out, new)  # the next writer removes the work folder left behind
    assert contents(out) == new
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]


def test_a_kill_between_the_two_renames_is_repaired_by_the_next_build(tmp_path):
    out = tmp_path / "processed"
    publish(out, FILES)
    os.rename(out, tmp_path / ".processed.old-deadbeef")  # the first rename done, the second not
    (tmp_path / ".processed.incoming-deadbeef").mkdir()
    build(RAW_DIR, out)
    assert contents(out) == processed_files(RAW_DIR)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]


def test_two_builds_at_once_both_succeed(tmp_path):
    out = tmp_path / "processed"
    cmd = [sys.executable, "-m", "asfdata", "build", "--out", str(out)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert contents(out) == processed_files(RAW_DIR)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]


def test_a_full_disk_leaves_the_old_folder_whole_and_no_work_folder(tmp_path, monkeypatch):
    out = tmp_path / "processed"
    publish(out, FILES)

    def full_disk(folder, files):
        name = sorted(files)[0]
        (folder / name).write_bytes(files[name][:1])  # the disk fills while the first file is written
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / name))

    monkeypatch.setattr(write, "stage", full_disk)
    with pytest.raises(OSError) as failed:
        publish(out, {"a.csv": b"new\n", "MANIFEST.sha256": b"m2\n"})
    assert failed.value.errno == errno.ENOSPC
    assert contents(out) == FILES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]


def test_stale_work_folders_go_even_when_nothing_is_published_and_nothing_else_does(tmp_path):
    out = tmp_path / "processed"
    publish(out, FILES)
    stale = [".processed.old-deadbeef", ".processed.incoming-0badc0de"]  # as a killed writer leaves them
    for name in stale:
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.csv").write_bytes(b"half")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine")
    kept = {
        ".processed.old-dead": "folder",  # not a token of 8 hex digits
        ".processed.incoming-deadbeef.bak": "folder",  # more than the name
        ".processed.old-DEADBEEF": "folder",  # publish writes its tokens in lower case
        ".other.old-deadbeef": "folder",  # another folder's
        ".processed.old-feedface": "file",  # not a folder
        ".processed.old-cafebabe": "link",  # a link to a folder of someone else's
        ".processed.incoming-12345678": "newer",  # made after this run began
    }
    for name, kind in kept.items():
        path = tmp_path / name
        if kind == "file":
            path.write_text("mine")
        elif kind == "link":
            path.symlink_to(elsewhere)
        else:
            path.mkdir()
    later = time.time() + 3600
    os.utime(tmp_path / ".processed.incoming-12345678", (later, later))
    assert publish(out, FILES) is False  # nothing to publish
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["processed", "elsewhere", *kept])
    assert (elsewhere / "keep.txt").read_text() == "mine"
