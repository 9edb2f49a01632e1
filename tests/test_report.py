"""The HTML report (asfdata.report.edition): reproducible, incremental, self-contained, failing loudly.

Most tests build a report from two tiny notebooks made here (a few seconds each); the real report
is built once per session (a no-op when reports/ already holds a build of the same inputs).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from conftest import edit_cell

from asfdata.cli import failure_lines
from asfdata.paths import ROOT
from asfdata.render import words
from asfdata.report import edition as report
from asfdata.report import inputs
from asfdata.report.edition import CHAPTERS, Job, build_report
from asfdata.report.verify import verify_report

PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4z8DwHwAFAAIBodPhsgAAAABJRU5ErkJggg==")
SCRIPT = "<script>alert(1)</script>"
TINY = {
    "01_alpha": [
        "from IPython.display import HTML, Markdown, display\n"
        "display(Markdown('# Alpha' if lang == 'en' else '# Alfa'))",
        f"display(HTML('<figure><img src=\"data:image/png;base64,{PNG}\" alt=\"One dot\">'\n"
        "             '<figcaption>People placed: 244</figcaption></figure>'))",
    ],
    "02_beta": [
        "import pandas as pd\nfrom IPython.display import HTML, Markdown, display\n"
        "display(Markdown('# Beta'))",
        f"display(HTML(pd.DataFrame({{'description': [{SCRIPT!r}], 'n': [130]}}).to_html(index=False)))",
    ],
}


def write_notebook(path: Path, cells: list[str]) -> Path:
    """A notebook whose first code cell is tagged parameters (lang = "en"), then cells."""
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                                           "display_name": "Python 3"}})
    nb.cells = [nbformat.v4.new_code_cell('lang = "en"', metadata={"tags": ["parameters"]}),
                *(nbformat.v4.new_code_cell(c) for c in cells)]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i}"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def quiet(message: str) -> None:
    """Progress lines are not needed here."""


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Job:
    """A Swedish report of two tiny notebooks, both editions, in a scratch folder."""
    root = tmp_path_factory.mktemp("tiny")
    notebooks = tuple(write_notebook(root / "nb" / f"{name}.ipynb", cells) for name, cells in TINY.items())
    job = Job(lang="sv", with_code=True, force=True, notebooks=notebooks, report_dir=root / "reports",
              data=False)  # the real report's tests build data/processed
    assert build_report(job, log=quiet) == [out for out, _ in job.outputs()]
    return job


@pytest.fixture(scope="module")
def real(real_report) -> Path:
    """The real English report in reports/ (conftest.real_report: built unless already up to date)."""
    return real_report


class _Refs(HTMLParser):
    """Collects every URL a page could load: link attributes and CSS url()/@import."""

    LINKING = {"src", "href", "srcset", "poster", "action", "formaction", "data", "xlink:href", "background"}

    def __init__(self):
        super().__init__()
        self.refs: list[str] = []
        self.css = False

    def handle_starttag(self, tag, attrs):
        self.css = tag == "style"
        for name, value in attrs:
            if name in self.LINKING and value is not None:
                urls = [v.strip().split(" ")[0] for v in value.split(",")] if name == "srcset" else [value]
                self.refs += urls
            if name == "style" and value:
                self.handle_css(value)

    def handle_endtag(self, tag):
        self.css = False

    def handle_data(self, data):
        if self.css:
            self.handle_css(data)

    def handle_css(self, css: str):
        self.refs += re.findall(r'url\(\s*["\']?([^"\')]*)', css)
        self.refs += re.findall(r'@import\s+(?:url\()?["\']?([^"\')\s;]*)', css)


def external_refs(html: str) -> list[str]:
    """Every URL the page could load that is neither a fragment nor a data: URL."""
    parser = _Refs()
    parser.feed(html)
    return [r for r in parser.refs if not r.strip().startswith(("#", "data:"))]


def test_two_forced_builds_are_byte_identical(tiny, tmp_path):
    again = replace(tiny, report_dir=tmp_path)
    build_report(again, log=quiet)
    for (first, _), (second, _) in zip(tiny.outputs(), again.outputs(), strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_the_executed_chapters_are_kept_beside_the_edition_while_its_inputs_hold(tiny):
    kept = report.stored_runs(tiny)
    assert [len(nb.cells) for nb in kept] == [4, 4]  # parameters, injected parameters, two cells each
    # both editions (plain and with code) render from the kept runs byte for byte
    rendered = report.render_editions(tiny, kept, report.revision())
    assert {out.name: rendered[out] == out.read_bytes() for out, _ in tiny.outputs()} == {
        "asf-utvarderingsrapport.html": True, "asf-utvarderingsrapport-with-code.html": True}
    assert report.stored_runs(replace(tiny, lang="en")) is None  # no English edition was built there
    runs = tiny.runs()
    original = runs.read_bytes()
    try:
        runs.write_bytes(original.replace(b'"inputs": "', b'"inputs": "0', 1))  # run from other inputs
        assert report.stored_runs(tiny) is None
        runs.unlink()
        assert report.stored_runs(tiny) is None
    finally:
        runs.write_bytes(original)
    assert len(report.stored_runs(tiny)) == 2


def test_unchanged_inputs_skip_execution_without_importing_pandas(tiny):
    before = {out: out.stat().st_mtime_ns for out, _ in tiny.outputs()}
    script = """if True:
        import json, sys, time
        from pathlib import Path
        from asfdata.report.edition import Job, build_report
        kw = json.loads(sys.argv[1])
        job = Job(lang=kw["lang"], with_code=True, processed_dir=Path(kw["processed"]),
                  notebooks=tuple(map(Path, kw["notebooks"])), report_dir=Path(kw["reports"]))
        t0 = time.perf_counter()
        written = build_report(job)
        took = time.perf_counter() - t0
        heavy = sorted(m for m in ("pandas", "nbconvert", "nbclient") if m in sys.modules)
        print(json.dumps({"written": len(written), "took": took, "heavy": heavy}))
    """
    kw = {"lang": tiny.lang, "processed": str(tiny.processed_dir), "reports": str(tiny.report_dir),
          "notebooks": [str(p) for p in tiny.notebooks]}
    done = subprocess.run([sys.executable, "-c", script, json.dumps(kw)], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    *said, last = done.stdout.splitlines()
    result = json.loads(last)
    assert len(said) == 2 and all("is up to date" in line for line in said), done.stdout
    assert result["written"] == 0 and result["heavy"] == []  # its time: make bench (noop_seconds)
    assert {out: out.stat().st_mtime_ns for out, _ in tiny.outputs()} == before


def test_every_input_the_report_shows_is_in_the_digest(tiny, tmp_path):
    base = report.inputs_digest(tiny, False, "abc")
    assert report.inputs_digest(tiny, False, "abc") == base
    assert report.inputs_digest(tiny, True, "abc") != base
    assert report.inputs_digest(tiny, False, "abd") != base
    assert report.inputs_digest(replace(tiny, lang="en"), False, "abc") != base
    raw = tmp_path / "raw"
    shutil.copytree(tiny.raw_dir, raw)
    assert report.inputs_digest(replace(tiny, raw_dir=raw), False, "abc") == base
    snapshots = raw / "snapshots.csv"
    snapshots.write_text(snapshots.read_text().replace("244", "245", 1))
    assert report.inputs_digest(replace(tiny, raw_dir=raw), False, "abc") != base
    changed = write_notebook(tmp_path / "01_alpha.ipynb", [*TINY["01_alpha"], "1 + 1"])
    assert report.inputs_digest(replace(tiny, notebooks=(changed, tiny.notebooks[1])), False, "abc") != base


def test_a_changed_words_catalog_makes_the_report_out_of_date(tiny, tmp_path, monkeypatch):
    package = tmp_path / "asfdata"
    shutil.copytree(inputs.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(inputs, "PACKAGE_DIR", package)
    monkeypatch.setattr(inputs, "TEMPLATE_DIR", package / "report" / "templates")
    base = report.inputs_digest(tiny, False, "abc")
    catalog = package / "chapters" / "placements.toml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("fell most", "dropped"), encoding="utf-8")
    assert report.inputs_digest(tiny, False, "abc") != base


def test_a_failing_notebook_stops_the_build_and_keeps_the_previous_report(tiny, tmp_path):
    shutil.copytree(tiny.report_dir, tmp_path, dirs_exist_ok=True)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    broken = write_notebook(tmp_path.parent / "nb-broken" / "03_broken.ipynb", ["x = 1", "x / 0"])
    job = Job(lang="sv", force=True, raw_dir=tiny.raw_dir, processed_dir=tmp_path.parent / "processed",
              notebooks=(tiny.notebooks[0], broken), report_dir=tmp_path)
    with pytest.raises(report.ReportError) as failed:
        build_report(job, log=quiet)
    code, lines = failure_lines(failed.value)  # what `python -m asfdata report` prints and exits with
    assert code == 1
    err = "\n".join(lines)
    assert "03_broken.ipynb" in err and re.search(r"cell \d+", err) and "x / 0" in err, err
    assert "ZeroDivisionError" in err
    assert "previous report is left in place" in err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_the_page_is_self_contained_with_lang_chapters_and_alt_text(tiny):
    for out, code in tiny.outputs():
        html = out.read_text(encoding="utf-8")
        assert external_refs(html) == [], out.name
        assert not re.search(r"<(?:script|link)\b", html, re.I), "no script or stylesheet link"
        assert "No description has been provided" not in html
        assert re.search(r'<html lang="sv">', html)
        sections = re.findall(r'<section class="chapter"[^>]*\bid="([^"]+)"', html)
        assert sections == ["ch-01_alpha", "ch-02_beta"]
        assert re.findall(r'<a href="(#ch-[^"]+)">([^<]+)</a>', html) == [("#ch-01_alpha", "Alfa"),
                                                                         ("#ch-02_beta", "Beta")]
        assert ('class="highlight hl-ipython3"' in html) == code, "code shown only in the edition with code"
        for fact in (report.SOURCE_REPORT, report.PERIOD, words.t("report_built", "sv"),
                     words.t("report_commit", "sv"), "pandas"):
            assert fact in html
        assert "@page" in html and "size: A4" in html and "break-before: page" in html


def test_text_from_the_data_is_escaped(tiny):
    html = tiny.outputs()[0][0].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert SCRIPT not in html


def test_verify_report_names_the_chapter_whose_figure_changed(tiny, tmp_path, capsys):
    published = tiny.outputs()[0][0].read_text(encoding="utf-8")
    assert published.count("People placed: 244") == 1
    changed = tmp_path / "published.html"
    changed.write_text(published.replace("People placed: 244", "People placed: 245"), encoding="utf-8")
    assert verify_report(changed, None, job=replace(tiny, with_code=False)) == 1
    out = capsys.readouterr().out
    assert "DIFFERS" in out and "chapter 01_alpha:" in out and "chapter 02_beta:" not in out, out


def test_the_real_report_has_every_chapter_and_loads_nothing(real):
    html = real.read_text(encoding="utf-8")
    assert re.search(r'<html lang="en">', html)
    assert re.findall(r'<section class="chapter"[^>]*\bid="ch-([^"]+)"', html) == list(CHAPTERS)
    assert external_refs(html) == []
    assert "No description has been provided" not in html


def test_make_report_with_nothing_changed_says_so(real):
    done = subprocess.run([sys.executable, "-m", "asfdata", "report"], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0 and "is up to date" in done.stdout, done.stdout + done.stderr


def test_markup_in_a_raw_description_reaches_the_report_as_text(raw_copy, tmp_path):
    """raw → processed → chapter 04 → HTML: a <script> in a raw event description shows as text."""
    edit_cell(raw_copy / "events.csv", 2, "description_en", f"Opening {SCRIPT}")
    job = Job(force=True, raw_dir=raw_copy, processed_dir=tmp_path / "processed",
              notebooks=(ROOT / "notebooks/04_information_reach_and_activities.ipynb",),
              report_dir=tmp_path / "reports")
    build_report(job, log=quiet)
    assert SCRIPT in (tmp_path / "processed/events.csv").read_text(encoding="utf-8")
    page = job.outputs()[0][0].read_text(encoding="utf-8")
    assert "Opening &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert SCRIPT not in page
