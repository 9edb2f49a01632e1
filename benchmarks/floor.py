"""The floor of a report build: the same kinds of work, with nothing of ours in the notebooks.

As many notebooks as the report has chapters, each holding only the imports the report notebooks
make (directly or through asfdata), executed the same way (fresh kernels, as many at once as the
build runs) and exported with the same template; plus one process that imports pandas, as the
build's data step does. Run as a script: `python benchmarks/floor.py` prints its seconds.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import PY, ROOT, notebook_imports  # noqa: E402

from asfdata.report import edition as report  # noqa: E402
from asfdata.report.execute import execute_all  # noqa: E402


def floor_notebooks(folder: Path, imports: list[str], count: int) -> tuple[Path, ...]:
    """count notebooks: a parameters cell, then one cell importing every module of imports."""
    import nbformat  # Jupyter: here, after report.import_jupyter() (run_floor), as in a build

    paths = []
    for i in range(count):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell('lang = "en"', metadata={"tags": ["parameters"]}),
                    nbformat.v4.new_code_cell("\n".join(f"import {m}" for m in imports))]
        for j, cell in enumerate(nb.cells):
            cell["id"] = f"c{j}"
        path = folder / f"{i:02d}_floor.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return tuple(paths)


def run_floor() -> float:
    """Seconds of one floor build (to be measured in a fresh process, like the build)."""
    t0 = time.perf_counter()
    data = subprocess.Popen([PY, "-c", "import pandas"])  # the data step's stand-in; kernels start meanwhile
    report.import_jupyter()
    chapters = [ROOT / "notebooks" / f"{c}.ipynb" for c in report.CHAPTERS]
    with tempfile.TemporaryDirectory(prefix="asf-floor-") as tmp:
        notebooks = floor_notebooks(Path(tmp), notebook_imports(chapters), len(chapters))
        job = report.Job(notebooks=notebooks, report_dir=Path(tmp), force=True)
        executed, _ = execute_all(notebooks, {"lang": "en"}, lambda _: None, ready=data.wait)
        ids = [(report.chapter_id(p), p.stem, "") for p in notebooks]  # (anchor, title, question)
        matter = report.front_matter(job, False, "floor", ids)
        html = report.render(report.merge(executed, notebooks, False), matter, "en", False, Path(tmp))
        (Path(tmp) / "floor.html").write_bytes(html)
    return time.perf_counter() - t0


if __name__ == "__main__":
    print(f"{run_floor():.3f}")
