"""The chapters read the processed folder only: `processed_dir` defines all of a chapter's inputs.

A copy of data/raw is built into a processed folder and deleted; every chapter notebook then runs on that
folder alone and shows what the report's build showed, opening no file of a raw folder nor of data/processed.
The notebooks are thin calls of asfdata.chapters, so their cells run here, in this process, as the report's
kernel runs them (a kernel per notebook would cost seconds; tests/chapter_cells.py), with one shortcut: a
chart is not drawn (its <svg> is left empty; drawing is more than half of the time, and reads no data), the
rest of every block is compared byte for byte. No module of the chapters or of the toolkit, and no notebook,
names the raw folder.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import nbformat
from chapter_cells import run_cells  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata import registry
from asfdata.cli import main
from asfdata.paths import NOTEBOOK_DIR, PROCESSED_DIR, RAW_DIR, ROOT
from asfdata.registry import REPORT_CHAPTERS
from asfdata.report.edition import NOTEBOOK_ONLY_TAG, Job, stored_runs

RAW_NAMES = ("RAW_DIR", "raw_dir", "INVENTORY_PATH", "read_raw", "load_raw", "data/raw")
WATCHED: list[str] = []  # folders whose files no chapter may open (empty: nothing is watched)
OPENED: list[str] = []  # the files of WATCHED that were opened
HOOKED: list[bool] = []  # the audit hook is added once per process (it cannot be removed)
# A drawn chart, as figure_html labels it: the label is kept, the drawing left out.
DRAWN = re.compile(r'(<svg class="[^"]*" role="img" aria-label="[^"]*" (?:style="display: none" )?)'
                   r"[^>]*>.*?</svg>", re.S)


def note_opened(event: str, args: tuple) -> None:
    """Audit hook: note each file opened under a folder of WATCHED (idle while WATCHED is empty)."""
    if WATCHED and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
        path = os.path.abspath(os.fsdecode(args[0]))
        OPENED.extend(path for folder in WATCHED if path == folder or path.startswith(folder + os.sep))


def watching(*folders: Path) -> None:
    """Note from now on every file opened under folders (none: stop)."""
    if not HOOKED:
        sys.addaudithook(note_opened)
        HOOKED.append(True)
    WATCHED[:] = [os.path.abspath(f) for f in folders]


def shown_by(nb: nbformat.NotebookNode) -> list[str]:
    """The HTML blocks an executed notebook shows in the report, in order (the cells for JupyterLab alone,
    such as the tidy rows, left out)."""
    outputs = [o for c in nb.cells if NOTEBOOK_ONLY_TAG not in c.metadata.get("tags", [])
               for o in c.get("outputs", [])]
    return [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]


def test_no_chapter_module_toolkit_module_or_notebook_names_the_raw_folder():
    files = [*sorted((ROOT / "asfdata" / "chapters").glob("*.py")),
             *sorted((ROOT / "asfdata" / "render").glob("*.py")), *sorted(NOTEBOOK_DIR.glob("*.ipynb"))]
    assert len(files) > len(registry.CHAPTERS) * 2  # the chapters' modules and notebooks are among them
    named = {f.name: [n for n in RAW_NAMES if n in f.read_text(encoding="utf-8")] for f in files}
    assert {name: found for name, found in named.items() if found} == {}


def test_the_chapters_run_on_the_processed_folder_alone(real_report, tmp_path):
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    shutil.copytree(RAW_DIR, raw)
    assert main(["build", "--raw", str(raw), "--out", str(processed)]) == 0
    shutil.rmtree(raw)
    runs = stored_runs(Job(lang="en"))  # what the report's build showed (real_report: up to date)
    assert runs is not None
    OPENED.clear()
    watching(raw, RAW_DIR, PROCESSED_DIR)
    try:
        shown = [run_cells(c, {"lang": "en", "processed_dir": str(processed)}) for c in REPORT_CHAPTERS]
    finally:
        watching()
    assert OPENED == []
    report = [shown_by(nb) for nb in runs]
    for chapter, blocks, built in zip(REPORT_CHAPTERS, shown, report, strict=True):
        assert blocks and blocks == [DRAWN.sub(r"\1/>", block) for block in built], chapter.notebook
    charts = [sum(block.count("<svg ") for block in blocks) for blocks in (*shown, *report)]
    assert charts[:len(shown)] == charts[len(shown):] and sum(charts) > 0  # every chart, undrawn here
