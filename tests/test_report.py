"""The HTML report (asfdata.report.edition): reproducible, incremental, self-contained, failing loudly.

Most tests build a report from two tiny notebooks made here (a few seconds each); the real report
is built once per session (a no-op when reports/ already holds a build of the same inputs).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from conftest import edit_cell, failing_after

from asfdata.cli import failure_lines, main
from asfdata.paths import RAW_DIR, ROOT
from asfdata.render import words
from asfdata.report import edition as report
from asfdata.report import inputs
from asfdata.report.edition import CHAPTERS, Job, build_report
from asfdata.report.verify import edition_of, verify_report

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
            followed = (tag, name) == ("a", "href")  # a link is followed when clicked, never loaded
            if name in self.LINKING and value is not None and not followed:
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
    """raw → processed → annex E (the milestones, listed with their descriptions) → HTML: a <script> in a raw
    event description shows as text."""
    edit_cell(raw_copy / "events.csv", 2, "description_en", f"Opening {SCRIPT}")
    job = Job(force=True, raw_dir=raw_copy, processed_dir=tmp_path / "processed",
              notebooks=(ROOT / "notebooks/11_annex_milestones.ipynb",),
              report_dir=tmp_path / "reports")
    build_report(job, log=quiet)
    assert SCRIPT in (tmp_path / "processed/events.csv").read_text(encoding="utf-8")
    page = job.outputs()[0][0].read_text(encoding="utf-8")
    assert "Opening &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert SCRIPT not in page


def first_cell_marks(path: Path, marker: Path, then: str = "") -> Path:
    """A notebook whose first cell (after the parameters) creates marker, then runs then."""
    return write_notebook(path, [f"from pathlib import Path\nPath({str(marker)!r}).touch()\n{then}"])


def test_a_bad_inventory_row_stops_the_report_before_any_cell_runs(raw_copy, tmp_path, capfd):
    inventory = raw_copy / "inventory.csv"
    edit_cell(inventory, 2, "line", "5a")  # a line that is not a number
    edit_cell(inventory, 4, "row", "999")  # a row claims.csv does not have
    edit_cell(inventory, 5, "file", "missing.csv")  # a file that does not exist
    ran = tmp_path / "ran"
    appendix = first_cell_marks(tmp_path / "07_appendix.ipynb", ran)
    job = Job(force=True, raw_dir=raw_copy, processed_dir=tmp_path / "processed",
              report_dir=tmp_path / "reports", notebooks=(appendix,))
    with pytest.raises(report.ReportError) as failed:
        build_report(job, log=quiet)
    assert failed.value.exit_code == 2
    err = capfd.readouterr().err  # the data step's message, from its own process
    assert err.startswith("error: 3 problem(s) in the raw data; nothing was written:\n"), err
    for where in ("inventory.csv, line 2, column 'line', value '5a': not a whole number",
                  "inventory.csv, line 4, column 'row', value '999': no record of claims.csv starts on this",
                  "inventory.csv, line 5, column 'file', value 'missing.csv': not a data file of the raw"):
        assert f"\n  {where}" in err, err
    assert not ran.exists() and not (tmp_path / "processed").exists() and not (tmp_path / "reports").exists()


def test_folders_named_like_options_reach_the_data_step_whole(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(RAW_DIR, tmp_path / "-x")
    step = report.DataStep(Job(raw_dir=Path("-x"), processed_dir=Path("--out")), quiet)
    step.wait()  # `build --raw -x --out --out` would be refused by the command line (exit 2)
    assert step.process.args[-2:] == ["--raw=-x", "--out=--out"]
    assert (tmp_path / "--out" / "MANIFEST.sha256").is_file()


def marked(mark: str) -> list[str]:
    """The command lines of the running processes whose environment holds ASF_TEST_RUN=mark."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if f"ASF_TEST_RUN={mark}".encode() in (proc / "environ").read_bytes().split(b"\0"):
                found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:  # not a process, gone, or someone else's
            continue
    return found


def test_ctrl_c_in_the_data_step_or_in_the_kernels_is_one_line_and_leaves_nothing(tmp_path):
    """python -m asfdata report, with one tiny notebook, interrupted by Ctrl-C (SIGINT to its process group,
    as a terminal sends it) while the data step runs, then while a kernel runs a cell."""
    script = """if True:
        import json, sys
        from dataclasses import replace
        from pathlib import Path
        from asfdata.cli import main
        from asfdata.report import edition
        kw = json.loads(sys.argv[1])
        build = edition.build_report
        edition.build_report = lambda job, log=edition.say: build(replace(
            job, notebooks=(Path(kw["notebook"]),), report_dir=Path(kw["reports"])), log)
        sys.exit(main(["report", "--force", "--out", kw["processed"]]))
    """
    running = tmp_path / "running"
    notebook = first_cell_marks(tmp_path / "nb" / "01_slow.ipynb", running, "import time\ntime.sleep(120)")
    for moment in ("data step", "kernels"):
        scratch = tmp_path / moment.replace(" ", "-")
        (scratch / "tmp").mkdir(parents=True)
        mark = uuid.uuid4().hex
        kw = {"notebook": str(notebook), "reports": str(scratch / "reports"),
              "processed": str(scratch / "data" / "processed")}
        env = {**os.environ, "ASF_TEST_RUN": mark, "TMPDIR": str(scratch / "tmp")}
        proc = subprocess.Popen([sys.executable, "-c", script, json.dumps(kw)], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        def reached(moment: str = moment, mark: str = mark) -> bool:
            if moment == "data step":
                return any(" -m asfdata build " in c for c in marked(mark))
            return running.exists()

        deadline = time.monotonic() + 120  # only so that a regression fails instead of hanging
        while time.monotonic() < deadline and not reached():
            time.sleep(0.05)
        if moment == "data step":
            time.sleep(0.3)  # past its interpreter's start-up (a SIGINT then just ends it), within its ~1 s
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert (proc.returncode, err) == (130, "interrupted\n"), moment
        assert marked(mark) == [], moment  # no kernel, no data step left running
        assert list((scratch / "tmp").iterdir()) == [], moment  # sockets and the kernels' home removed
        left = sorted(p.name for p in (scratch / "data").glob("*"))
        assert left == ([] if moment == "data step" else ["processed"]), moment  # and no work folder
        assert running.exists() == (moment == "kernels"), moment
        running.unlink(missing_ok=True)


def test_verify_refuses_what_is_no_edition_and_shows_none_of_it(tmp_path, capsys):
    """One line, exit 2, before any rebuild: a file that is not .html, an .html page without the report's mark
    in its head (in its body is not enough), a FIFO (never opened: no hang) and a device."""
    secret = "root:x:0:0:SECRET"
    (tmp_path / "passwd").write_text(f"{secret}\n")
    (tmp_path / "page.html").write_text(f'<html lang="en"><head><title>{secret}</title></head>'
                                        '<body><meta content="reader" name="asf-edition"/></body></html>')
    os.mkfifo(tmp_path / "fifo.html")
    (tmp_path / "zero.html").symlink_to("/dev/zero")
    for name in ("passwd", "page.html", "fifo.html", "zero.html"):
        with failing_after(20):
            assert main(["verify", "--report", str(tmp_path / name)]) == 2
        assert capsys.readouterr() == ("", f"verify: {tmp_path / name} is not an edition of the report "
                                       "(an .html file the report build wrote, its head marked asf-edition): "
                                       "give one of reports/*.html; nothing of this file is shown\n")


def test_verify_reads_the_edition_from_the_mark_after_the_styles():
    styles = "x" * 300_000  # an edition's head holds some 260 000 characters of styles before the mark
    head = f'<!DOCTYPE html>\n<html lang="sv">\n<head><style>{styles}</style>'
    assert edition_of(f'{head}<meta content="code" name="asf-edition"/></head><body>') == ("sv", True)
    assert edition_of(f'{head}<meta content="reader" name="asf-edition"/></head><body>') == ("sv", False)
