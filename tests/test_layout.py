"""The package's layout keeps its rules: who may import whom, read from the source with ast."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from asfdata.paths import ROOT

PACKAGE = ROOT / "asfdata"
JUPYTER = ("nbclient", "nbconvert", "nbformat", "jupyter_client")
SENTENCES = ("asfdata.chapters", "asfdata.render.html", "asfdata.render.phrases")


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path) -> list[tuple[str, int, bool]]:
    """(module, line, inside a function) of every import in a file; `from a import b` gives a and a.b."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inner = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
             for n in ast.walk(f) if n is not f}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        out += [(n, node.lineno, id(node) in inner) for n in names]
    return out


def importing(prefix: str, banned: tuple[str, ...]) -> list[str]:
    """'module:line imports name' for every module under prefix importing a module under a banned prefix."""
    return [f"{m}:{line} imports {name}" for m, path in MODULES.items() if m.startswith(prefix)
            for name, line, _ in imports(path) if name.startswith(banned)]


def test_the_imports_are_read_correctly():
    found = {name for name, _, _ in imports(MODULES["asfdata.chapters.explore"])}
    assert {"asfdata.render.charts.line_chart", "ipywidgets", "pandas"} <= found
    assert importing("asfdata.chapters.summary", ("asfdata.chapters.goals",)) != []


def test_the_toolkit_never_imports_a_chapter():
    assert importing("asfdata.render", ("asfdata.chapters",)) == []


def test_chart_code_never_imports_sentence_code():
    assert importing("asfdata.render.charts", SENTENCES) == []


def test_metrics_and_the_pipeline_import_no_presentation():
    presentation = ("asfdata.render", "asfdata.chapters")
    assert importing("asfdata.metrics", (*presentation, "asfdata.report")) == []
    assert importing("asfdata.pipeline", (*presentation, "asfdata.metrics")) == []


def test_a_chapter_imports_another_chapter_only_in_the_summary():
    allowed = ("asfdata.chapters.common",)
    for m, path in MODULES.items():
        if m.startswith("asfdata.chapters.") and m != "asfdata.chapters.summary":
            bad = [n for n, _, _ in imports(path)
                   if n.startswith("asfdata.chapters") and not n.startswith(allowed)]
            assert bad == [], m


def test_only_the_report_runs_jupyter():
    outside = [m for m in MODULES if not m.startswith("asfdata.report")]
    found = [f"{m} imports {n}" for m in outside for n, _, _ in imports(MODULES[m]) if n.startswith(JUPYTER)]
    assert found == []


@pytest.mark.parametrize("prefix", ["asfdata.render", "asfdata.chapters", "asfdata.metrics",
                                    "asfdata.pipeline.audit_lookup"])
def test_imports_inside_functions_say_why(prefix):
    bad = []
    for m, path in MODULES.items():
        if m.startswith(prefix):
            lines = path.read_text(encoding="utf-8").splitlines()
            bad += [f"{m}:{line}" for _, line, inner in imports(path) if inner and "#" not in lines[line - 1]]
    assert bad == []


def test_the_study_parameters_are_written_once():
    """Years and claim ids appear as values only in asfdata/study.py (docstrings may mention them)."""
    mine = ("asfdata.render", "asfdata.chapters", "asfdata.metrics", "asfdata.pipeline.audit_lookup")
    found = []
    for m, path in MODULES.items():
        if m.startswith(mine):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                value = node.value if isinstance(node, ast.Constant) else None
                year = isinstance(value, int) and not isinstance(value, bool) and 1990 <= value <= 2100
                claim = isinstance(value, str) and re.match(r"(funded|background|informed)-", value)
                if year or claim:
                    found.append(f"{m}:{node.lineno} {value!r}")
    assert found == []
