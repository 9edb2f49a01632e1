"""Executing notebooks in a fresh kernel with parameters (nbclient, no timing metadata).

Each kernel talks over IPC sockets in its own folder asf-kernel-* of the temporary directory (its
connection file too), with the owner's process id inside; folders whose owner is gone (a build
killed by SIGKILL or SIGTERM) are removed when the next kernel starts. The async kernel manager
notices a kernel that dies (os._exit, killed for memory) within about a second.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from queue import Empty

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
SOCKET_PREFIX = "asf-kernel-"
OWNER_NAME = "owner.pid"
ORPHAN_SECONDS = 3600  # a socket folder without an owner file older than this is removed too
SOCKET_PATH_MAX = 100  # bytes of a socket's path that every system takes
POLL_SLICE = 1.0  # seconds a kernel client waits on a socket before it looks again


class NotebookError(Exception):
    """A notebook failed: names the notebook, the failing cell (when one did) and the error."""

    def __init__(self, notebook: str, cell_index: int | None, source: str, error: str):
        self.notebook, self.cell_index, self.source, self.error = notebook, cell_index, source, error
        if cell_index is None:
            super().__init__(f"{notebook}: {error}")
            return
        first = source.strip().splitlines()[0] if source.strip() else ""
        super().__init__(f"{notebook}: cell {cell_index} failed ({first!r}):\n{error}")


def inject_parameters(nb, params: dict) -> None:
    """Insert a cell assigning params right after the cell tagged 'parameters' (as papermill does)."""
    import nbformat  # Jupyter: only when notebooks run

    if not params:
        return
    tagged = [i for i, c in enumerate(nb.cells) if PARAMETERS_TAG in c.metadata.get("tags", [])]
    where = tagged[0] + 1 if tagged else 0
    source = "\n".join(f"{k} = {v!r}" for k, v in sorted(params.items()))
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    cell.pop("id", None)
    nb.cells.insert(where, cell)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def socket_base() -> Path:
    """The temporary directory, or /tmp when that is too deep for a socket's path (at most
    SOCKET_PATH_MAX bytes: 108 on Linux, 104 on macOS, a deep TMPDIR goes beyond)."""
    tmp = Path(tempfile.gettempdir())
    longest = tmp / f"{SOCKET_PREFIX}{'x' * 8}" / "kernel-5"
    return tmp if len(os.fsencode(longest)) <= SOCKET_PATH_MAX else Path("/tmp")


def clean_stale_sockets(tmp: Path | None = None) -> list[Path]:
    """Remove the socket folders whose owner process is gone; return them."""
    tmp = Path(tmp or socket_base())
    removed = []
    for folder in tmp.glob(f"{SOCKET_PREFIX}*"):
        try:
            owner = (folder / OWNER_NAME).read_text().strip()  # written whole (renamed into place)
            stale = not _alive(int(owner))
        except (FileNotFoundError, ValueError):  # older versions' folders, or one being made right now
            try:
                stale = time.time() - folder.stat().st_mtime > ORPHAN_SECONDS
            except OSError:
                continue
        except OSError:
            continue
        if stale:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _socket_folder() -> Path:
    """A new private folder for one kernel's sockets, marked with this process's id."""
    clean_stale_sockets()
    folder = Path(tempfile.mkdtemp(prefix=SOCKET_PREFIX, dir=socket_base()))
    (folder / f".{OWNER_NAME}").write_text(f"{os.getpid()}\n")
    os.replace(folder / f".{OWNER_NAME}", folder / OWNER_NAME)  # a reader sees all of it or nothing
    return folder


def _client_class():
    """An async kernel client whose shell and iopub waits poll in slices of POLL_SLICE seconds.

    pyzmq's asyncio poll can miss the wake-up of a message that has already arrived (zmq's file
    descriptor signals edges, and another operation on the socket may consume the edge); the
    wait then lasts its whole timeout (the cell's 300 s, or for ever on iopub). Polled in slices,
    a missed wake-up costs at most a slice."""
    from jupyter_client.asynchronous.client import AsyncKernelClient  # Jupyter: only when notebooks run
    from jupyter_client.channels import AsyncZMQSocketChannel  # Jupyter: only when notebooks run

    class SlicedChannel(AsyncZMQSocketChannel):
        # async over the sync base's get_msg, as jupyter_client's own AsyncZMQSocketChannel (which ignores
        # the same error): the stubs cannot say that the async channel changes the method's kind
        async def get_msg(self, timeout: float | None = None) -> dict:  # type: ignore[override]
            deadline = None if timeout is None else time.monotonic() + timeout
            while True:
                left = POLL_SLICE if deadline is None else max(0.0, deadline - time.monotonic())
                try:
                    return await super().get_msg(timeout=min(POLL_SLICE, left))
                except Empty:
                    if deadline is not None and time.monotonic() >= deadline:
                        raise

    class SlicedClient(AsyncKernelClient):
        shell_channel_class = SlicedChannel
        iopub_channel_class = SlicedChannel

    return SlicedClient


def read_notebook(path: Path):
    """The notebook at path, or NotebookError saying why it cannot be read."""
    import nbformat  # Jupyter: only when notebooks run (edition.import_jupyter imports it first)

    try:
        return nbformat.read(path, as_version=4)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:  # missing, not JSON, bad schema
        detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise NotebookError(path.name, None, "", f"cannot be read as a notebook ({detail})") from None


async def _run(client, ready: Callable[[], None] | None):
    """Start the kernel, wait until ready() returns (it raises to give up), then run every cell."""
    await client.async_start_new_kernel()
    try:
        if ready is not None:
            await asyncio.to_thread(ready)
    except BaseException:
        await client.km.shutdown_kernel(now=True)
        raise
    return await client.async_execute(cleanup_kc=True)  # km= is ours: nbclient would not stop it


def execute(path: Path, params: dict | None = None, cwd: Path | None = None, timeout: int = 300,
            ready: Callable[[], None] | None = None):
    """Run a notebook top to bottom in a fresh kernel; return the executed NotebookNode.

    The kernel starts at once; its first cell runs when ready() has returned (the data it reads
    is being built meanwhile). Raises NotebookError naming the cell that failed, timed out or
    whose kernel died."""
    from jupyter_client.manager import AsyncKernelManager  # Jupyter: only when notebooks run
    from nbclient import NotebookClient  # Jupyter: only when notebooks run
    from nbclient.exceptions import (  # Jupyter: only when notebooks run
        CellExecutionError,
        CellTimeoutError,
        DeadKernelError,
    )

    nb = read_notebook(path)
    inject_parameters(nb, params or {})
    folder = _socket_folder()
    km = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=str(folder / "kernel"),
                            connection_file=str(folder / "kernel.json"), client_factory=_client_class())
    running: list[int] = []  # index of the cell being executed
    client = NotebookClient(
        nb,
        km=km,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd or path.parent)}},
        record_timing=False,
        shutdown_kernel="immediate",
        on_cell_execute=lambda cell, cell_index: running.append(cell_index),
    )

    def failed(index: int | None, error: str) -> NotebookError:
        source = nb.cells[index].source if index is not None else ""
        return NotebookError(path.name, index, source, error)

    try:
        asyncio.run(_run(client, ready))
    except CellExecutionError as err:
        index = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and any(
            o.get("output_type") == "error" for o in c.get("outputs", []))), None)
        raise failed(index, f"{err.ename}: {err.evalue}") from None
    except DeadKernelError:
        index = running[-1] if running else None
        raise failed(index, "the kernel died (exited or was killed, e.g. for memory)") from None
    except CellTimeoutError:
        raise failed(running[-1] if running else None, f"no reply within {timeout} s") from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return nb


@contextmanager
def kernel_environment(commit_time: str | None):
    """Kernels inherit a fixed hash seed and SOURCE_DATE_EPOCH (matplotlib's SVG/PDF dates)."""
    fixed = {"PYTHONHASHSEED": "0"}
    if commit_time and not os.environ.get("SOURCE_DATE_EPOCH"):
        fixed["SOURCE_DATE_EPOCH"] = commit_time
    saved = {k: os.environ.get(k) for k in fixed}
    os.environ.update(fixed)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def execute_all(notebooks: Sequence[Path], params: dict, log: Callable[[str], None],
                seconds: dict[str, float] | None = None,
                ready: Callable[[], None] | None = None) -> tuple[list, dict[str, float]]:
    """Execute every notebook in its own fresh kernel, as many at once as there are cores.

    The longest first, by seconds (last build's times; unknown ones first), so the cores finish
    together. The first kernels start at once and run their first cell when ready() returns (it
    raises to give up). Returns the executed notebooks in the given order and each one's seconds
    (from ready to done); the first failure cancels what has not started and is raised: a
    NotebookError naming the notebook (and the cell), or what ready() raised."""
    took: dict[str, float] = {}

    def run(nb: Path):
        log(f"  start {nb.name}")
        started, refused = [time.perf_counter()], []

        def go() -> None:
            try:
                if ready is not None:
                    ready()
            except BaseException as err:
                refused.append(err)
                raise
            started[0] = time.perf_counter()

        try:
            out = execute(nb, params, ready=go)
        except NotebookError:
            raise
        except Exception as err:  # what ready() raised, or a kernel that cannot start
            if refused:
                raise refused[0] from None
            raise NotebookError(nb.name, None, "", f"{type(err).__name__}: {err}") from err
        took[nb.name] = time.perf_counter() - started[0]
        log(f"  done  {nb.name} in {took[nb.name]:.1f} s")
        return out

    order = sorted(notebooks, key=lambda nb: -(seconds or {}).get(nb.name, float("inf")))
    workers = max(1, min(len(notebooks), os.cpu_count() or 1))
    results: dict[Path, object] = {}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="asf-kernel") as pool:
        futures = {pool.submit(run, nb): nb for nb in order}
        for fut in as_completed(futures):
            try:
                results[futures[fut]] = fut.result()
            except BaseException as err:
                for other in futures:
                    other.cancel()
                if isinstance(err, NotebookError):
                    log(f"  FAILED {err.notebook}")
                raise
    return [results[nb] for nb in notebooks], took
