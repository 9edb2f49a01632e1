"""The package's layout keeps its rules: who may import whom, read from the source with ast."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from asfdata import registry
from asfdata.paths import ROOT

PACKAGE = ROOT / "asfdata"
JUPYTER = ("nbclient", "nbconvert", "nbformat", "jupyter_client")
SENTENCES = ("asfdata.chapters", "asfdata.render.html", "asfdata.render.phrases")


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
# Every Python file of ours: the package, the set-up tools, the benchmarks and the tests.
OWN_FILES = sorted(p for d in ("asfdata", "tools", "benchmarks", "tests") for p in (ROOT / d).rglob("*.py"))
# Parts of a comment that silence a tool and say nothing to a reader: `noqa: F401`, `type: ignore[...]`.
TOOL_WORDS = re.compile(r"#?\s*(noqa(:\s*[A-Z]+[0-9]+(\s*,\s*[A-Z]+[0-9]+)*)?|type:\s*ignore(\[[^\]]*\])?)")


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


PART_OF = re.compile(r'catalogs\.load\(registry\.chapter\("(\w+)"\)\.catalog\)')  # a chapter part; 1: its id


def test_a_chapter_imports_another_chapter_only_in_the_summary():
    """A part of a chapter (a module that loads the chapter's catalog by its id, as claims_tested loads
    chapter 5's) may import that chapter's module."""
    for m, path in MODULES.items():
        if m.startswith("asfdata.chapters.") and m != "asfdata.chapters.summary":
            part = PART_OF.search(path.read_text(encoding="utf-8"))
            allowed = ("asfdata.chapters.common", *([registry.chapter(part[1]).module_name] if part else []))
            bad = [n for n, _, _ in imports(path)
                   if n.startswith("asfdata.chapters") and not n.startswith(allowed)]
            assert bad == [], m


def test_only_the_report_runs_jupyter():
    outside = [m for m in MODULES if not m.startswith("asfdata.report")]
    found = [f"{m} imports {n}" for m in outside for n, _, _ in imports(MODULES[m]) if n.startswith(JUPYTER)]
    assert found == []


def reasons(path: Path) -> dict[int, str]:
    """line -> what its comment says to a reader (tool directives such as noqa left out), for every line
    with a comment."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return {tok.start[0]: TOOL_WORDS.sub("", tok.string).strip("# ") for tok in tokens
            if tok.type == tokenize.COMMENT}


def test_a_noqa_alone_is_no_reason(tmp_path):
    source = tmp_path / "example.py"
    source.write_text("def f():\n    import a  # noqa: F401\n    import b  # noqa: F401  # here: slow\n"
                      "    import c  # when run\n    import d\n    x = '#'\n")
    assert reasons(source) == {2: "", 3: "here: slow", 4: "when run"}


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_inside_functions_say_why(path):
    """An import inside a function says on its (first) line why it is not at the top of the module."""
    said = reasons(path)
    bad = sorted({line for _, line, inner in imports(path) if inner and not said.get(line)})
    assert bad == [], f"{path.relative_to(ROOT)}: lines {bad} import inside a function without saying why"


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
