"""Measurements for `make bench`: medians and ratios, each ratio measured within one run."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
PY = sys.executable

from generate import generate  # noqa: E402  (beside this file: found through the path set above)


def wall(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> float:
    """Seconds one command takes, start to end (it must succeed)."""
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    took = time.perf_counter() - t0
    if done.returncode != 0:
        tail = "\n".join(done.stdout.splitlines()[-40:])
        raise SystemExit(f"{tail}\nbench: {' '.join(map(str, cmd))} failed (exit {done.returncode}) in {cwd}")
    return took


def median(fn: Callable[[], float], runs: int) -> float:
    """Median of runs calls of fn (each returning seconds)."""
    return statistics.median(fn() for _ in range(runs))


def interleaved(a: Callable[[], float], b: Callable[[], float], runs: int) -> tuple[float, float]:
    """Medians of a and b measured alternately, so both see the same machine load."""
    ta, tb = [], []
    for _ in range(runs):
        ta.append(a())
        tb.append(b())
    return statistics.median(ta), statistics.median(tb)


def set_up_times() -> dict[str, float]:
    """Seconds of a fresh clone's first `make report` with uv, the same with uv unavailable
    (ASF_NO_UV=1: pip), and of creating a venv and `pip install -r requirements.lock` (the baseline).

    Each in its own fresh clone of HEAD (uncommitted changes are not measured), one after the
    other; the package caches of uv and pip are as this machine has them, for all three."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "VIRTUAL_ENV")}
    cases = {
        "pip_install_seconds": (None, [["python3", "-m", "venv", ".venv"],
                                       [".venv/bin/python", "-m", "pip", "install", "--quiet",
                                        "-r", "requirements.lock"]]),
        "first_report_uv_seconds": ({}, [["make", "--no-print-directory", "report"]]),
        "first_report_pip_seconds": ({"ASF_NO_UV": "1"}, [["make", "--no-print-directory", "report"]]),
    }
    out = {}
    for key, (extra, commands) in cases.items():
        with tempfile.TemporaryDirectory(prefix="asf-clone-") as tmp:
            clone = Path(tmp) / "asf-evaluation"
            subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
            out[key] = sum(wall(cmd, env={**env, **(extra or {})}, cwd=clone) for cmd in commands)
    return out


def import_times(runs: int) -> tuple[float, float]:
    """Median seconds of `python -c "import asfdata"` and `python -c "import pandas"`."""
    return interleaved(lambda: wall([PY, "-c", "import asfdata"]),
                       lambda: wall([PY, "-c", "import pandas"]), runs)


def pipeline_seconds(raw: Path) -> float:
    """Seconds to validate, tidy and audit one raw folder (the package's own code)."""
    from asfdata.pipeline.audit import audit  # here: pandas, not in floor.py (which imports this module)
    from asfdata.pipeline.tidy import tidy_all  # here: as above
    from asfdata.pipeline.validate import load_raw  # here: as above

    t0 = time.perf_counter()
    raw_frames = load_raw(raw)
    audit(tidy_all(raw_frames), raw_frames["measures"])
    return time.perf_counter() - t0


def scaling(sizes: list[int], runs: int) -> dict[str, float]:
    """Median seconds of validation + tidying + audit on generated raw data of each size (rows)."""
    pipeline_seconds(ROOT / "data/raw")  # warm: imports (pandas, pyarrow) are not what scales
    out = {}
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="asf-scale-") as tmp:
            generate(Path(tmp), n)
            out[str(n)] = median(lambda tmp=tmp: pipeline_seconds(Path(tmp)), runs)
    return out


def spoil(path: Path, column: str, value: str = "x") -> None:
    """Set column to value on every data line of a generated raw file (no quoted values in it)."""
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    i = header.split(",").index(column)
    lines = [",".join(cells[:i] + [value] + cells[i + 1:]) for cells in (r.split(",") for r in rows)]
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")


def error_listing(n_rows: int, runs: int) -> tuple[float, float]:
    """Median seconds of making the processed files from n_rows generated valid rows, and of refusing
    the same rows with an error on every line (every problem found, grouped, its message made);
    measured alternately. Budget: the second at most 2 x the first at 10^6 rows."""
    from asfdata.pipeline.build import processed_files  # here: pandas (see pipeline_seconds)
    from asfdata.pipeline.errors import RawDataError  # here: beside processed_files

    def refuse(raw: Path) -> float:
        t0 = time.perf_counter()
        try:
            processed_files(raw)
        except RawDataError as err:
            err.lines()
            return time.perf_counter() - t0
        raise AssertionError("the spoiled data were accepted")

    def build(raw: Path) -> float:
        t0 = time.perf_counter()
        processed_files(raw)
        return time.perf_counter() - t0

    with tempfile.TemporaryDirectory(prefix="asf-errors-") as tmp:
        valid, spoiled = Path(tmp) / "valid", Path(tmp) / "spoiled"
        generate(valid, n_rows)
        shutil.copytree(valid, spoiled)
        for name, column in (("snapshots.csv", "value"), ("funded_placements.csv", "places_used"),
                             ("funded_outcomes.csv", "count")):  # every line of the generated files
            spoil(spoiled / name, column)
        return interleaved(lambda: build(valid), lambda: refuse(spoiled), runs)


def notebook_imports(notebooks: list[Path]) -> list[str]:
    """Third-party modules the notebooks import, directly or through asfdata modules they import.

    Follows asfdata modules imported at module level (a package module imported inside a function,
    e.g. validation, may never run in a notebook) and keeps every third-party import found in them,
    including those inside functions (plots import matplotlib lazily)."""
    seen, todo, found = set(), [], set()

    def visit(tree: ast.Module) -> None:
        top = {id(n) for n in tree.body}
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                if name.split(".")[0] != "asfdata":
                    if name.split(".")[0] not in sys.stdlib_module_names:
                        found.add(name)
                elif id(node) in top:  # asfdata modules a function imports may never run
                    todo.append(name)

    for nb in notebooks:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        for c in cells:
            if c["cell_type"] == "code":  # IPython's magics (%autoreload) are no Python: left out
                source = "".join(line for line in c["source"] if not line.lstrip().startswith("%"))
                visit(ast.parse(source))
    while todo:
        name = todo.pop()
        path = ROOT / (name.replace(".", "/") + ".py")
        if path in seen or not path.exists():
            continue
        seen.add(path)
        visit(ast.parse(path.read_text(encoding="utf-8")))
    return sorted(n for n in found if importable(n))


def importable(name: str) -> bool:
    """True when name is a module (not an attribute imported from one)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def machine() -> str:
    """A one-line description of this machine."""
    mem = ""
    try:
        kb = int(next(ln for ln in open("/proc/meminfo") if ln.startswith("MemTotal")).split()[1])
        mem = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores{mem}, "
            f"Python {platform.python_version()}")
