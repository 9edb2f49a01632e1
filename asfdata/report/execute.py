"""Executing notebooks in a fresh kernel with parameters (nbclient, no timing metadata)."""

from __future__ import annotations

from pathlib import Path

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"


class NotebookError(Exception):
    """A notebook failed: names the notebook, the failing cell and the error."""

    def __init__(self, notebook: str, cell_index: int, source: str, error: str):
        self.notebook, self.cell_index, self.source, self.error = notebook, cell_index, source, error
        first = source.strip().splitlines()[0] if source.strip() else ""
        super().__init__(f"{notebook}: cell {cell_index} failed ({first!r}):\n{error}")


def inject_parameters(nb, params: dict) -> None:
    """Insert a cell assigning params right after the cell tagged 'parameters' (as papermill does)."""
    import nbformat

    if not params:
        return
    tagged = [i for i, c in enumerate(nb.cells) if PARAMETERS_TAG in c.metadata.get("tags", [])]
    where = tagged[0] + 1 if tagged else 0
    source = "\n".join(f"{k} = {v!r}" for k, v in sorted(params.items()))
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    cell.pop("id", None)
    nb.cells.insert(where, cell)


def execute(path: Path, params: dict | None = None, cwd: Path | None = None, timeout: int = 300):
    """Run a notebook top to bottom in a fresh kernel; return the executed NotebookNode."""
    import tempfile

    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    inject_parameters(nb, params or {})
    sockets = tempfile.TemporaryDirectory(prefix="asf-kernel-")  # IPC sockets, outside the tree
    km = KernelManager(kernel_name="python3", transport="ipc", ip=f"{sockets.name}/kernel")
    client = NotebookClient(
        nb,
        km=km,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd or path.parent)}},
        record_timing=False,
        shutdown_kernel="immediate",
    )
    try:
        client.execute(cleanup_kc=True)  # we pass km=, so nbclient would not stop the kernel itself
    except CellExecutionError as err:
        index = next(
            (i for i, c in enumerate(nb.cells) if c.cell_type == "code" and any(
                o.get("output_type") == "error" for o in c.get("outputs", []))), -1)
        source = nb.cells[index].source if index >= 0 else ""
        raise NotebookError(path.name, index, source, f"{err.ename}: {err.evalue}") from None
    finally:
        sockets.cleanup()
    return nb
