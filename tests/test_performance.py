"""What keeps the build fast, checked without a clock (the timings and their budgets: `make bench`).

The package imports nothing heavy, the up-to-date check imports no pandas (tests/test_report.py),
and a report build executes each chapter exactly once, with the data step done before any kernel starts
(Jupyter is imported meanwhile).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import nbformat

from asfdata.paths import ROOT
from asfdata.report import edition, execute
from asfdata.report.edition import CHAPTERS, Job, build_report

HEAVY = ("pandas", "numpy", "matplotlib", "pyarrow", "babel", "scipy", "nbclient", "nbconvert", "zmq")


def test_import_asfdata_and_its_command_line_import_nothing_heavy():
    script = "import sys, json, asfdata, asfdata.cli; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          cwd=ROOT)
    loaded = {m.split(".")[0] for m in json.loads(done.stdout)}
    assert sorted(loaded & set(HEAVY)) == []


def test_a_build_executes_each_chapter_once_after_the_data_step(monkeypatch, tmp_path):
    events: list[tuple[str, str]] = []

    def fake_execute(path, params, ready=None, **kw):
        events.append(("kernel", path.stem))  # the kernel starts before the data is ready
        ready()
        events.append(("cells", path.stem))
        return nbformat.read(path, as_version=4)

    class FakeDataStep:
        def __init__(self, job, log):
            events.append(("data", "start"))

        def wait(self):
            events.append(("data", "wait"))

        def stop(self):
            events.append(("data", "stop"))

    monkeypatch.setattr(execute, "execute", fake_execute)
    monkeypatch.setattr(edition, "DataStep", FakeDataStep)
    job = replace(Job(), force=True, report_dir=tmp_path)
    assert build_report(job, log=lambda _: None) == [tmp_path / "asf-evaluation-report.html"]
    kernels = sorted(stem for what, stem in events if what == "kernel")
    assert kernels == sorted(CHAPTERS)  # six chapters, one fresh kernel each
    assert sorted(stem for what, stem in events if what == "cells") == sorted(CHAPTERS)
    assert events[0] == ("data", "start") and ("data", "stop") not in events  # stopped only when interrupted
    # the data step has ended before any kernel starts: bad raw data are its one error block, no "start …"
    assert events[1] == ("data", "wait") and events[2][0] == "kernel"
    assert json.loads((tmp_path / edition.TIMINGS_NAME).read_text()).keys() == set(
        f"{c}.ipynb" for c in CHAPTERS)
