"""Executing notebooks in a fresh kernel with parameters (nbclient, no timing metadata).

Each kernel talks over IPC sockets in its own folder asf-kernel-* of the temporary directory (its
connection file too), with the owner's process id inside; folders whose owner is gone (a build
killed by SIGKILL or SIGTERM) are removed when the next kernel starts. The async kernel manager
notices a kernel that dies (os._exit, killed for memory) within about a second. A build given up (a
notebook failed, Ctrl-C) cancels the notebooks still running, which shuts their kernels down at once.

Kernels get a private home for their configuration and caches (matplotlib's, IPython's, Jupyter's), made
per build in a folder of the same kind and removed at its end: a user's settings do not change the report,
and a missing or unwritable HOME leaves no temporary folders behind.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import threading
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
# The kernels' private home: variable -> its folder in it, each made empty but for matplotlib's font list,
# copied in when the user has one (building it costs each kernel 0.15 s of CPU); XDG_CACHE_HOME serves the
# other libraries' caches.
KERNEL_HOME = {
    "MPLCONFIGDIR": "matplotlib",
    "IPYTHONDIR": "ipython",
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_DATA_DIR": "jupyter-data",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "XDG_CACHE_HOME": "cache",
}


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


def _private_folder() -> Path:
    """A new private folder (one kernel's sockets, the kernels' home), marked with this process's id."""
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


class Running:
    """The notebooks executing now, each by its thread's asyncio task: cancel() stops them all at once
    (nbclient shuts their kernels down), as a build given up by a failure or by Ctrl-C needs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tasks: set[asyncio.Task] = set()
        self.cancelled = False

    def add(self, task: asyncio.Task) -> None:
        """Count in a task of the calling thread; it is cancelled at once when cancel() came first."""
        with self._lock:
            self._tasks.add(task)
            if self.cancelled:
                task.cancel()

    def discard(self, task: asyncio.Task) -> None:
        """Count a task out (it is ending)."""
        with self._lock:
            self._tasks.discard(task)

    def cancel(self) -> None:
        """Cancel every task counted in, now and later (each in its own thread's event loop)."""
        with self._lock:
            self.cancelled = True
            for task in self._tasks:  # counted out before its loop closes: the loop still runs
                task.get_loop().call_soon_threadsafe(task.cancel)


async def _run(client, ready: Callable[[], None] | None, running: Running | None):
    """Start the kernel, wait until ready() returns (it raises to give up), then run every cell; cancelled
    through running at any point, the kernel is shut down."""
    task = asyncio.current_task()
    assert task is not None  # asyncio.run runs this coroutine as a task
    if running is not None:
        running.add(task)
    try:
        await client.async_start_new_kernel()
        if ready is not None:
            await asyncio.to_thread(ready)
        return await client.async_execute(cleanup_kc=True)  # km= is ours: nbclient would not stop it
    except BaseException:
        if client.km is not None and client.km.has_kernel:  # cancelled, or given up, before nbclient ran
            await client.km.shutdown_kernel(now=True)
        raise
    finally:
        if running is not None:
            running.discard(task)


def execute(path: Path, params: dict | None = None, cwd: Path | None = None, timeout: int = 300,
            ready: Callable[[], None] | None = None, running: Running | None = None):
    """Run a notebook top to bottom in a fresh kernel; return the executed NotebookNode.

    The kernel starts at once; its first cell runs when ready() has returned (the data it reads
    is being built meanwhile). Raises NotebookError naming the cell that failed, timed out or
    whose kernel died; running.cancel() stops it (its kernel shut down)."""
    from jupyter_client.manager import AsyncKernelManager  # Jupyter: only when notebooks run
    from nbclient import NotebookClient  # Jupyter: only when notebooks run
    from nbclient.exceptions import (  # Jupyter: only when notebooks run
        CellExecutionError,
        CellTimeoutError,
        DeadKernelError,
    )

    nb = read_notebook(path)
    inject_parameters(nb, params or {})
    folder = _private_folder()
    km = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=str(folder / "kernel"),
                            connection_file=str(folder / "kernel.json"), client_factory=_client_class())
    cells: list[int] = []  # index of the cell being executed, the last one last
    client = NotebookClient(
        nb,
        km=km,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd or path.parent)}},
        record_timing=False,
        shutdown_kernel="immediate",
        on_cell_execute=lambda cell, cell_index: cells.append(cell_index),
    )

    def failed(index: int | None, error: str) -> NotebookError:
        source = nb.cells[index].source if index is not None else ""
        return NotebookError(path.name, index, source, error)

    try:
        asyncio.run(_run(client, ready, running))
    except CellExecutionError as err:
        index = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and any(
            o.get("output_type") == "error" for o in c.get("outputs", []))), None)
        raise failed(index, f"{err.ename}: {err.evalue}") from None
    except DeadKernelError:
        index = cells[-1] if cells else None
        raise failed(index, "the kernel died (exited or was killed, e.g. for memory)") from None
    except CellTimeoutError:
        raise failed(cells[-1] if cells else None, f"no reply within {timeout} s") from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return nb


def font_lists() -> list[Path]:
    """matplotlib's font lists (fontlist-v*.json) where it keeps them without a private home: MPLCONFIGDIR,
    else matplotlib/ in XDG_CACHE_HOME or ~/.cache (as matplotlib looks); [] when there are none."""
    cache = os.environ.get("MPLCONFIGDIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "matplotlib")
    try:
        return sorted(p for p in Path(cache).glob("fontlist-v*.json") if p.is_file())
    except OSError:  # an unreadable folder: the kernels build their own
        return []


@contextmanager
def kernel_environment(commit_time: str | None):
    """Kernels inherit a fixed hash seed, SOURCE_DATE_EPOCH (matplotlib's SVG/PDF dates) and a private home
    for their configuration and caches (KERNEL_HOME), made here and removed at the end."""
    home = _private_folder()
    fixed = {"PYTHONHASHSEED": "0", **{k: str(home / sub) for k, sub in KERNEL_HOME.items()}}
    if commit_time and not os.environ.get("SOURCE_DATE_EPOCH"):
        fixed["SOURCE_DATE_EPOCH"] = commit_time
    saved = {k: os.environ.get(k) for k in fixed}
    try:
        for sub in KERNEL_HOME.values():
            (home / sub).mkdir()
        for font_list in font_lists():
            try:
                shutil.copyfile(font_list, Path(fixed["MPLCONFIGDIR"]) / font_list.name)
            except OSError:  # unreadable: the kernels build their own
                pass
        os.environ.update(fixed)
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(home, ignore_errors=True)


def execute_all(notebooks: Sequence[Path], params: dict, log: Callable[[str], None],
                seconds: dict[str, float] | None = None,
                ready: Callable[[], None] | None = None,
                give_up: Callable[[], None] | None = None) -> tuple[list, dict[str, float]]:
    """Execute every notebook in its own fresh kernel, as many at once as there are cores.

    The longest first, by seconds (last build's times; unknown ones first), so the cores finish
    together. The first kernels start at once and run their first cell when ready() returns (it
    raises to give up). Returns the executed notebooks in the given order and each one's seconds
    (from ready to done); the first failure cancels every notebook, running or not (their kernels
    shut down), and is raised: a NotebookError naming the notebook (and the cell), or what ready()
    raised. An interrupt (Ctrl-C) does the same, first calling give_up(), which stops what ready()
    waits for."""
    took: dict[str, float] = {}
    running = Running()

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
            out = execute(nb, params, ready=go, running=running)
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
        try:
            for fut in as_completed(futures):
                try:
                    results[futures[fut]] = fut.result()
                except NotebookError as err:
                    log(f"  FAILED {err.notebook}")
                    raise
        except BaseException as err:  # the pool's exit then waits only for kernels shutting down
            for other in futures:
                other.cancel()
            running.cancel()
            if give_up is not None and not isinstance(err, Exception):  # Ctrl-C, not a notebook's failure
                give_up()
            raise
    return [results[nb] for nb in notebooks], took
