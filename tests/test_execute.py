"""Executing a notebook (asfdata.report.execute): a dying kernel, an unreadable file and the kernels'
socket folders left by a killed build, each handled in plain words."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty

import pytest

from asfdata.paths import ROOT
from asfdata.report.execute import (
    OWNER_NAME,
    POLL_SLICE,
    SOCKET_PREFIX,
    NotebookError,
    _client_class,
    clean_stale_sockets,
    execute,
    socket_base,
)

HANG_GUARD = 240  # seconds: only so that a regression fails instead of hanging the suite


def notebook(path: Path, cells: list[str]) -> Path:
    """A notebook whose first code cell is tagged parameters (lang = "en"), then cells."""
    source = [{"cell_type": "code", "id": f"c{i}", "metadata": {"tags": ["parameters"]} if i == 0 else {},
               "execution_count": None, "outputs": [], "source": text}
              for i, text in enumerate(['lang = "en"', *cells])]
    nb = {"cells": source, "metadata": {"kernelspec": {"name": "python3", "language": "python",
                                                       "display_name": "Python 3"}},
          "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_a_kernel_that_dies_fails_the_build_naming_the_notebook_and_cell(tmp_path):
    dying = notebook(tmp_path / "07_dying.ipynb", ["x = 1", "import os\nos._exit(3)", "y = 2"])
    script = f"""if True:
        from pathlib import Path
        from asfdata.report.edition import Job, build_report
        job = Job(force=True, data=False, notebooks=(Path({str(dying)!r}),),
                  report_dir=Path({str(tmp_path)!r}))
        build_report(job)
    """
    # The cell timeout (300 s) is above the guard: only noticing the death passes in time.
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                          timeout=HANG_GUARD)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-2:]
    assert last == ["asfdata.report.edition.ReportError: notebook 07_dying.ipynb: cell 3 failed "
                    "('import os'):", "the kernel died (exited or was killed, e.g. for memory)"], done.stderr
    assert not list(tmp_path.glob("*.html"))


def test_an_invalid_notebook_file_is_named_with_the_reason(tmp_path):
    broken = tmp_path / "08_broken.ipynb"
    broken.write_text('{"cells": [', encoding="utf-8")
    with pytest.raises(NotebookError) as err:
        execute(broken)
    assert str(err.value).startswith("08_broken.ipynb: cannot be read as a notebook (Notebook does not ")
    assert "cell -1" not in str(err.value) and "failed" not in str(err.value)


def socket_folder(tmp: Path, name: str, owner: str | None, age: float = 0) -> Path:
    folder = tmp / f"{SOCKET_PREFIX}{name}"
    folder.mkdir()
    (folder / "kernel-1").write_text("")
    if owner is not None:
        (folder / OWNER_NAME).write_text(owner)
    then = time.time() - age
    os.utime(folder, (then, then))
    return folder


def test_a_temporary_directory_too_deep_for_sockets_gives_way_to_tmp(monkeypatch, tmp_path, request):
    deep = tmp_path / ("d" * 60)
    deep.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(deep))
    assert socket_base() == Path("/tmp")  # len(deep) + len("/asf-kernel-xxxxxxxx/kernel-5") > 100
    shallow = Path(tempfile.mkdtemp(prefix="t", dir="/tmp"))
    request.addfinalizer(lambda: shutil.rmtree(shallow, ignore_errors=True))
    monkeypatch.setattr(tempfile, "tempdir", str(shallow))
    assert socket_base() == shallow


def test_socket_folders_whose_owner_is_gone_are_removed(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    dead = socket_folder(tmp_path, "dead", gone.stdout)
    alive = socket_folder(tmp_path, "alive", f"{os.getpid()}\n")
    old = socket_folder(tmp_path, "old", None, age=2 * 3600)  # of a version without owner files
    young = socket_folder(tmp_path, "young", None)  # being created by someone right now
    unreadable = socket_folder(tmp_path, "unreadable", "", age=60)  # a recent folder whose owner is unclear
    other = tmp_path / "unrelated"
    other.mkdir()
    assert sorted(clean_stale_sockets(tmp_path)) == sorted([dead, old])
    kept = [alive, young, unreadable, other]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in kept)


def test_killed_runs_leave_sockets_that_the_next_run_removes(tmp_path, request):
    sleepy = notebook(tmp_path / "sleepy.ipynb", ["import time\ntime.sleep(120)"])
    script = (f"from pathlib import Path\nfrom asfdata.report.edition import import_jupyter\n"
              f"from asfdata.report.execute import execute_all\nimport_jupyter()\n"
              f"execute_all([Path({str(sleepy)!r})], {{}}, print)")  # in a thread, as the build runs it
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}  # the orphaned kernel's too
    runs = {}  # signal -> (its temporary directory, the run), both at once
    short = Path(tempfile.mkdtemp(prefix="asf-t-", dir="/tmp"))  # tmp_path can be too deep for a socket
    request.addfinalizer(lambda: shutil.rmtree(short, ignore_errors=True))
    for sig in (signal.SIGKILL, signal.SIGTERM):
        sockets = short / sig.name
        sockets.mkdir()
        env = {**os.environ, "TMPDIR": str(sockets)}
        runs[sig] = sockets, subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=env, **quiet)
    for sig, (sockets, proc) in runs.items():
        deadline = time.monotonic() + HANG_GUARD
        while len(list(sockets.glob(f"{SOCKET_PREFIX}*/kernel-?"))) < 5 and time.monotonic() < deadline:
            time.sleep(0.2)  # until the kernel has bound its five sockets
        left = list(sockets.glob(f"{SOCKET_PREFIX}*"))
        assert len(left) == 1, sig.name
        proc.send_signal(sig)
        proc.wait(timeout=HANG_GUARD)
        assert left[0].exists(), sig.name  # nothing ran to clean up
        assert clean_stale_sockets(sockets) == left
        assert list(sockets.iterdir()) == []


class Socket:
    """A socket whose poll is ready only from its ready_at-th call on (a missed wake-up before)."""

    def __init__(self, ready_at: int | None):
        self.ready_at, self.polls = ready_at, []

    async def poll(self, timeout_ms):
        self.polls.append(timeout_ms)
        return self.ready_at is not None and len(self.polls) >= self.ready_at


def sliced_channel(socket: Socket):
    cls = _client_class().shell_channel_class
    channel = cls.__new__(cls)  # without __init__, which wants a real zmq socket
    channel.socket = socket

    async def recv():
        return {"msg_type": "execute_reply"}

    channel._recv = recv
    return channel


def test_kernel_clients_wait_in_slices_so_a_missed_wake_up_costs_a_second():
    assert POLL_SLICE == 1.0
    waiting = Socket(ready_at=3)  # on iopub nbclient waits without a timeout
    assert asyncio.run(sliced_channel(waiting).get_msg(timeout=None)) == {"msg_type": "execute_reply"}
    assert waiting.polls == [1000, 1000, 1000]
    silent = Socket(ready_at=None)
    with pytest.raises(Empty):
        asyncio.run(sliced_channel(silent).get_msg(timeout=0.25))
    assert silent.polls and all(0 <= ms <= 250 for ms in silent.polls)  # never past the deadline


def test_kernels_without_a_usable_home_leave_nothing_in_the_temporary_folder(tmp_path, request):
    plots = notebook(tmp_path / "01_plot.ipynb",
                     ["import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()"])
    script = f"""if True:
        from pathlib import Path
        from asfdata.report.edition import Job, build_report
        build_report(Job(force=True, data=False, notebooks=(Path({str(plots)!r}),),
                         report_dir=Path({str(tmp_path / "reports")!r})), log=lambda message: None)
    """
    temporary = Path(tempfile.mkdtemp(prefix="asf-t-", dir="/tmp"))  # tmp_path can be too deep for a socket
    request.addfinalizer(lambda: shutil.rmtree(temporary, ignore_errors=True))
    (tmp_path / "file").write_text("")
    home = tmp_path / "file" / "home"  # missing, and impossible to make (even for root)
    env = {k: v for k, v in os.environ.items() if k not in ("MPLCONFIGDIR", "IPYTHONDIR", "XDG_CACHE_HOME")}
    env.update({"TMPDIR": str(temporary), "HOME": str(home)})
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=HANG_GUARD)
    assert done.returncode == 0, done.stderr
    assert list(temporary.iterdir()) == []  # no tmp*, matplotlib-*, socket folder or kernels' home left
    assert "not a writable location" not in done.stderr  # IPython's warning when it falls back to a tmp*
