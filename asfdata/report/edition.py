"""The HTML evaluation report: up-to-date check, chapters run in parallel, one self-contained file.

`python -m asfdata report` checks first, with the standard library only (asfdata.report.inputs),
whether anything the report shows has changed; only then does it import pandas and Jupyter, rebuild
data/processed, execute every chapter notebook in a fresh kernel (as many at once as there are
cores), merge them behind a title page and a table of contents and render one HTML file with
the template in asfdata/templates/asf (nothing loaded from the network, a print stylesheet).
Beside each edition it keeps a stamp of its inputs and the executed chapters it was rendered from
(`stored_runs` reads them back while they match, so the tests need not run the chapters again).
`python -m asfdata verify --report FILE` (asfdata.report.verify) rebuilds and compares byte for byte.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import html
import json
import os
import platform
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from asfdata import QUIET_INTERRUPT_ENV
from asfdata.paths import MANIFEST_NAME, NOTEBOOK_DIR, PROCESSED_DIR, RAW_DIR, REPORT_DIR, ROOT
from asfdata.pipeline.errors import BAD_INPUT, Failure, for_terminal
from asfdata.pipeline.write import write_atomic
from asfdata.registry import REPORT_CHAPTERS
from asfdata.report import needs
from asfdata.report.inputs import (
    TEMPLATE_DIR,
    UNCOMMITTED,
    build_date,
    check_source_date_epoch,
    git,
    inputs_digest,
    is_up_to_date,
    revision,
    stamp_path,
    stamp_text,
)
from asfdata.study import PERIOD, SOURCE_REPORT  # no imports of its own: the up-to-date check stays light

# The chapters, in order: the notebooks that make the report (asfdata/registry.py; explore.ipynb is not one).
CHAPTERS = tuple(c.notebook for c in REPORT_CHAPTERS)
REPORT_NAMES = {"en": "asf-evaluation-report", "sv": "asf-utvarderingsrapport"}
CODE_SUFFIX = "-with-code"
TEMPLATE_NAME = "asf"
CHAPTER_ID_PREFIX = "ch-"
TIMINGS_NAME = ".asf-chapter-seconds.json"  # last build's seconds per notebook, to run the longest first
RUNS_SUFFIX = ".chapters.json"  # beside an edition: the executed chapters it was rendered from
NOTEBOOK_ONLY_TAG = "asf-notebook-only"  # cells for readers in JupyterLab, left out of the report
TITLE_PAGE_TAG = "asf-title-page"  # cells whose output the title page shows, before the contents
STOP_SECONDS = 30  # how long an interrupted data step may take to remove its work folders before it is killed
KEY_PACKAGES = (
    "pandas", "numpy", "matplotlib", "seaborn", "scipy", "babel",
    "nbconvert", "nbclient", "ipykernel", "jupyterlab",
)


def word(key: str, lang: str, **values) -> str:
    """A word of the title page (asfdata.render.words, key report_<key>), placeholders filled in."""
    from asfdata.render import words  # here: the up-to-date check imports nothing of the presentation layer

    return words.t(f"report_{key}", lang, **values)


def package_tables(processed_dir: Path) -> str:
    """How many tables the data package in processed_dir lists (its resources), in figures; '–' without
    one."""
    from asfdata.numbers import DASH  # here: as word() above

    package = processed_dir / "datapackage.json"
    if not package.exists():
        return DASH
    return str(len(json.loads(package.read_text(encoding="utf-8"))["resources"]))


NOT_BUILT = "report not built; the previous report is left in place"


class ReportError(Failure):
    """The report could not be built (data or a notebook failed); the previous report is left in place."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code  # BAD_INPUT when the raw data were refused

    def lines(self) -> list[str]:
        """What the command line prints on stderr."""
        return [f"error: {self}", f"error: {NOT_BUILT}"]


class DataRefused(ReportError):
    """The data step refused the raw data (exit 2) and has said why in its one error block on stderr: the
    report adds only that it was not built, as the block's last line, not as another error."""

    def __init__(self, message: str):
        super().__init__(message, BAD_INPUT)

    def lines(self) -> list[str]:
        """The line after the data step's block."""
        return ["report: not built; the previous report is left in place"]


def say(message: str) -> None:
    """Progress on stdout, flushed at once (the build runs for a while, often piped)."""
    # one write: lines from the kernel threads do not interleave; names escaped (errors.for_terminal)
    sys.stdout.write(f"{for_terminal(message)}\n")
    sys.stdout.flush()


@dataclass(frozen=True)
class Job:
    """What to build and from where; the defaults are the project's own folders and chapters."""

    lang: str = "en"
    with_code: bool = False
    force: bool = False
    raw_dir: Path = RAW_DIR
    processed_dir: Path = PROCESSED_DIR
    notebooks: tuple[Path, ...] = tuple(NOTEBOOK_DIR / f"{c}.ipynb" for c in CHAPTERS)
    report_dir: Path = REPORT_DIR
    data: bool = True  # rebuild processed_dir from raw_dir first (tests of the page alone skip it)

    def runs(self) -> Path:
        """The file beside the plain edition that keeps the executed chapters it was rendered from."""
        return self.report_dir / f".{REPORT_NAMES[self.lang]}{RUNS_SUFFIX}"

    def outputs(self) -> list[tuple[Path, bool]]:
        """(file, code shown) for every edition this job writes."""
        plain = self.report_dir / f"{REPORT_NAMES[self.lang]}.html"
        coded = self.report_dir / f"{REPORT_NAMES[self.lang]}{CODE_SUFFIX}.html"
        return [(plain, False), (coded, True)] if self.with_code else [(plain, False)]


def commit_text(commit: str, lang: str) -> str:
    """A revision as the title page shows it: 'abc… (uncommitted changes)' in the edition's language."""
    if commit == "unknown":
        return word("unknown", lang)
    if commit.endswith(UNCOMMITTED):
        return f"{commit.removesuffix(UNCOMMITTED)} ({word('uncommitted', lang)})"
    return commit


# --- the front matter -----------------------------------------------------------------------------

def package_versions() -> list[tuple[str, str]]:
    """Python and the key packages, as installed."""
    from importlib import metadata  # here: 20 ms to import, and only the title page needs it

    out = [("Python", platform.python_version())]
    for name in KEY_PACKAGES:
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            continue
    return out


def _code_spans(text: str):
    """Escaped text with `commands` set as <code>, safe for the template."""
    from markupsafe import Markup  # here: Jinja's (nbconvert's); the up-to-date check imports no third party

    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text, quote=False)))


def front_matter(job: Job, code: bool, commit: str, chapters: list[tuple[str, str, str]],
                 answer: str = "") -> dict:
    """Everything the title page, the table of contents and the closing "About this report" show
    (see templates/asf/index.html.j2)."""
    words = functools.partial(word, lang=job.lang)
    manifest = job.processed_dir / MANIFEST_NAME
    digest = hashlib.sha256(manifest.read_bytes()).hexdigest() if manifest.exists() else words("unknown")
    date = build_date(git("log", "-1", "--format=%ct")) or words("unknown")
    return {
        "edition": "code" if code else "reader",
        "kicker": words("kicker"),
        "title": words("title"),
        "subtitle": words("subtitle_code") if code else "",
        "answer": answer,
        "facts": [
            (words("evaluated"), words("evaluated_text")),
            (words("period"), PERIOD),
            (words("source"), SOURCE_REPORT),
        ],
        "about": words("about"),
        "about_link": words("about_link"),
        "about_intro": words("about_intro"),
        "build_facts": [
            (words("built"), date),
            (words("commit"), commit_text(commit, job.lang)),
            (_code_spans(words("manifest")), digest),
        ],
        "versions_caption": words("versions"),
        "versions": package_versions(),
        "reproduce": _code_spans(words("reproduce")),
        "data": _code_spans(words("data", tables=package_tables(job.processed_dir))),
        "contents": words("contents"),
        "chapters": chapters,
    }


# --- executing, merging, rendering ----------------------------------------------------------------

def chapter_id(notebook: Path) -> str:
    """The HTML id of a notebook's chapter section, e.g. ch-01_employees."""
    return CHAPTER_ID_PREFIX + re.sub(r"[^A-Za-z0-9_-]", "-", notebook.stem)


def import_jupyter() -> None:
    """Import nbformat/nbclient/nbconvert once, in the main thread, without rfc3987_syntax.

    jsonschema (via nbformat) imports rfc3987_syntax when present, which builds ~35 Lark grammars
    at import (seconds; python-jsonschema/jsonschema#1428). No notebook schema uses the `iri`
    formats it checks, so this process blocks it; jsonschema then skips those two formats.
    """
    # None in sys.modules blocks an import (the import system's documented rule); typeshed allows modules only
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    import nbclient  # noqa: F401  # here: importing Jupyter once, after the block above, is this function's job
    import nbconvert  # noqa: F401  # here: likewise
    import nbformat  # noqa: F401  # here: likewise


_HEADING_OR_FIGURE_TITLE = re.compile(r'<h([1-6])\b|<p class="asf-figure-title">(.*?)</p>', re.S)
_EMPTY_SVG_ELEMENT = re.compile(r"></(?:path|circle)>")  # a chart's path or circle, which hold nothing
_HEADING_MD = re.compile(r"^\s{0,3}#{1,2}\s+(.+?)\s*#*\s*$", re.M)
_HEADING_HTML = re.compile(r"<h[12]\b[^>]*>(.*?)</h[12]>", re.S | re.I)


def chapter_heading(nb, path: Path, lang: str) -> str:
    """The chapter's title: its first level-1 or level-2 heading, in markdown or in an output;
    else the words' chapter_<number>, else the notebook's name."""
    from asfdata.render import words  # here: the up-to-date check imports nothing of the presentation layer

    for cell in nb.cells:
        texts = [("md", cell.source)] if cell.cell_type == "markdown" else []
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            texts += [("md", data.get("text/markdown", "")), ("html", data.get("text/html", ""))]
        for kind, text in texts:
            text = "".join(text) if isinstance(text, list) else text
            m = (_HEADING_MD if kind == "md" else _HEADING_HTML).search(text)
            if m:
                plain = re.sub(r"<[^>]+>|[*`]", "", m.group(1)).replace("¶", "")
                return " ".join(html.unescape(plain).split())
    key = f"chapter_{path.stem.split('_')[0]}"
    return words.t(key, lang) if words.has(key) else path.stem


def merge(executed: Sequence, notebooks: Sequence[Path], code: bool):
    """One notebook: each chapter between marker cells, cell ids fixed, cells tagged NOTEBOOK_ONLY_TAG
    dropped, code cells without output and stderr dropped unless the code is shown."""
    import nbformat  # Jupyter: only when chapters are merged (after import_jupyter, as in build_report)

    merged = nbformat.v4.new_notebook()
    merged.metadata = copy.deepcopy({k: v for k, v in executed[0].metadata.items()
                                     if k in ("kernelspec", "language_info")})
    for nb, path in zip(executed, notebooks, strict=True):
        stem = path.stem
        cells = []
        left_out = (NOTEBOOK_ONLY_TAG, TITLE_PAGE_TAG)
        for i, cell in enumerate(c for c in nb.cells if not set(left_out) & set(c.metadata.get("tags", []))):
            cell = copy.deepcopy(cell)
            cell["id"] = f"{stem}-{i}"[-64:]
            if cell.cell_type == "code" and not code:
                cell.outputs = [o for o in cell.outputs if o.get("name") != "stderr"]
                if not cell.outputs:
                    continue
            cells.append(cell)
        marker = {"notebook": path.name}
        merged.cells += [
            nbformat.v4.new_raw_cell("", id=f"{stem}-open"[-64:],
                                     metadata={"asf": {**marker, "open": chapter_id(path)}}),
            *cells,
            nbformat.v4.new_raw_cell("", id=f"{stem}-close"[-64:],
                                     metadata={"asf": {**marker, "close": True}}),
        ]
    return merged


def title_page_html(executed: Sequence) -> str:
    """The HTML outputs of the cells tagged TITLE_PAGE_TAG (the summary's one-sentence answer), in order."""
    found = []
    for nb in executed:
        for cell in nb.cells:
            if TITLE_PAGE_TAG in cell.metadata.get("tags", []):
                for out in cell.get("outputs", []):
                    text = out.get("data", {}).get("text/html", "")
                    found.append("".join(text) if isinstance(text, list) else text)
    return "".join(found)


def chapter_question(notebook: Path, lang: str) -> str:
    """The question a chapter answers (shared words, key question_<id>), empty when it has none."""
    from asfdata.render import words  # here: the up-to-date check imports nothing of the presentation layer

    key = f"question_{notebook.stem.split('_')[0]}"
    return words.t(key, lang) if words.has(key) else ""


def stderr_notes(executed: Sequence, notebooks: Sequence[Path]) -> list[str]:
    """One line per cell that wrote to stderr (shown only in the edition with code)."""
    notes = []
    for nb, path in zip(executed, notebooks, strict=True):
        for i, cell in enumerate(nb.cells):
            for o in cell.get("outputs", []):
                if o.get("name") == "stderr":
                    first = o.get("text", "").strip().splitlines()[:1] or [""]
                    notes.append(f"  note: {path.name} cell {i} wrote to stderr: {first[0][:120]}")
    return notes


def render(merged, matter: dict, lang: str, code: bool, cwd: Path) -> bytes:
    """The merged notebook as one self-contained HTML page."""
    from nbconvert import HTMLExporter  # Jupyter: only when a page is rendered (after import_jupyter)

    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        language_code=lang,
        theme="light",
        embed_images=True,
        exclude_input=not code,
        exclude_input_prompt=not code,
        exclude_output_prompt=not code,
    )
    merged.metadata["title"] = matter["title"]
    body, _ = exporter.from_notebook_node(
        merged, resources={"metadata": {"name": matter["title"], "path": str(cwd)}, "asf": matter})
    # nbconvert's last pass (BeautifulSoup) writes each empty SVG element with an end tag: self-closed again
    return figure_headings(_EMPTY_SVG_ELEMENT.sub("/>", body)).encode("utf-8")


def figure_headings(page: str) -> str:
    """Each figure's title (asfdata.render.html.figure_html: <p class="asf-figure-title">) made a heading one
    level below the heading it stands under, h4 at most, so that heading navigation reaches every chart
    without skipping a level (a figure under a chapter's h2 is an h3, under a section's h3 an h4)."""
    level = 1

    def swap(m: re.Match) -> str:
        nonlocal level
        if m.group(1):  # a heading of the page: the figures after it stand under it
            level = int(m.group(1))
            return m.group(0)
        n = min(level + 1, 4)
        return f'<h{n} class="asf-figure-title">{m.group(2)}</h{n}>'

    return _HEADING_OR_FIGURE_TITLE.sub(swap, page)


def chapter_params(job: Job) -> dict:
    """The parameters every chapter notebook gets."""
    params = {"lang": job.lang}
    if job.processed_dir.resolve() != PROCESSED_DIR.resolve():  # keep paths out of the default page
        params["processed_dir"] = str(job.processed_dir)
    return params


def render_editions(job: Job, executed: Sequence, commit: str) -> dict[Path, bytes]:
    """Every edition of the job rendered from the executed chapter notebooks."""
    pairs = list(zip(executed, job.notebooks, strict=True))
    chapters = [(chapter_id(p), chapter_heading(nb, p, job.lang), chapter_question(p, job.lang))
                for nb, p in pairs]
    rendered = {}
    for out, code in job.outputs():
        matter = front_matter(job, code, commit, chapters, title_page_html(executed))
        rendered[out] = render(merge(executed, job.notebooks, code), matter, job.lang, code,
                               job.notebooks[0].parent)
    return rendered


class DataStep:
    """raw -> processed (with the audit), started at once in its own process (`python -m asfdata build`);
    the report waits for it before any kernel starts, so that bad raw data are one error block (its own)
    and no chapter starts.

    The process has a session of its own: Ctrl-C in the terminal reaches the build alone, whose stop()
    interrupts it; the process then says nothing (QUIET_INTERRUPT_ENV), so "interrupted" is said once.
    Folders are passed as --raw=FOLDER: a name that begins with '-' is never read as an option."""

    def __init__(self, job: Job, log: Callable[[str], None]):
        self.job, self.log, self.t0 = job, log, time.perf_counter()
        self.lock = threading.Lock()
        self.lacking: list[str] = []  # what the study needs of the data and they lack (asfdata.report.needs)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "asfdata", "build", f"--raw={job.raw_dir}", f"--out={job.processed_dir}"],
            start_new_session=True, env={**os.environ, QUIET_INTERRUPT_ENV: "1"})

    def wait(self) -> None:
        """Wait until it has ended; DataRefused when it refused the raw data (it has said why), ReportError
        when it failed otherwise, DataNotEnough when the data lack what the study needs
        (asfdata.report.needs; it logs and checks once, however often it is called)."""
        with self.lock:
            first = self.process.returncode is None
            code = self.process.wait()
            if first and code == 0:
                took = time.perf_counter() - self.t0
                self.log(f"data: {_shown(self.job.processed_dir)} built ({took:.1f} s)")
                self.lacking = needs.lacking(self.job.processed_dir)
        if code != 0:
            what = (f"building {_shown(self.job.processed_dir)} from {_shown(self.job.raw_dir)} failed "
                    f"(exit {code}, see above)")
            raise DataRefused(what) if code == BAD_INPUT else ReportError(what)
        if self.lacking:
            raise needs.DataNotEnough(self.lacking[0])

    def stop(self) -> None:
        """Interrupt it unless it has ended, and wait while it removes its work folders (killed after
        STOP_SECONDS)."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def build_report(job: Job, log: Callable[[str], None] = say) -> list[Path]:
    """Build the job's editions unless they are up to date; returns the files written ([] if none).

    Raises BadEnvironment first, before anything runs, for a SOURCE_DATE_EPOCH that is no build date;
    ReportError when a notebook fails; nothing in job.report_dir is touched then."""
    check_source_date_epoch()
    commit = revision()
    outputs = job.outputs()
    digests = {out: inputs_digest(job, code, commit) for out, code in outputs}
    if not job.force and all(is_up_to_date(out, digests[out]) for out, _ in outputs):
        for out, _ in outputs:
            log(f"report: {_shown(out)} is up to date (nothing changed; --force rebuilds)")
        return []

    t0 = time.perf_counter()
    if not job.data:  # the processed data are there already: what the study needs of them, before any kernel
        needs.check(job.processed_dir)
    step = DataStep(job, log) if job.data else None  # Jupyter is imported meanwhile; no kernel starts yet
    try:
        import_jupyter()
        from asfdata.report.execute import NotebookError, execute_all, kernel_environment  # after Jupyter

        if step is not None:  # the raw data validated and built before any kernel: a refusal is one block
            step.wait()
            digests = {out: inputs_digest(job, code, commit) for out, code in outputs}  # as now processed
        log(f"chapters: executing {len(job.notebooks)} notebooks (lang={job.lang})")
        timings = job.report_dir / TIMINGS_NAME
        try:
            with kernel_environment(git("log", "-1", "--format=%ct")):
                executed, took = execute_all(job.notebooks, chapter_params(job), log, _read_json(timings))
        except NotebookError as err:
            raise ReportError(f"notebook {err}") from None
    except BaseException:
        if step is not None:
            step.stop()  # interrupted (else it has ended): the data step, in a session of its own, stops too
        raise
    for note in stderr_notes(executed, job.notebooks):
        log(note)
    rendered = render_editions(job, executed, commit)
    files = {timings.name: json.dumps({k: round(v, 1) for k, v in took.items()}, sort_keys=True).encode()}
    for out, page in rendered.items():  # editions, their stamps and the timings live in report_dir
        files[out.name] = page
        files[stamp_path(out).name] = stamp_text(digests[out], page).encode()
    plain = outputs[0][0]
    files[job.runs().name] = json.dumps({"inputs": digests[plain], "chapters": executed}).encode()
    write_atomic(job.report_dir, files)
    for out, page in rendered.items():
        log(f"report: wrote {_shown(out)} ({len(page) / 1e6:.1f} MB)")
    log(f"report: built in {time.perf_counter() - t0:.1f} s")
    return list(rendered)


def stored_runs(job: Job) -> list | None:
    """The executed chapter notebooks the job's plain edition was rendered from (as build_report kept
    them beside it), when that edition is up to date and they match its inputs; else None."""
    out = job.outputs()[0][0]
    digest = inputs_digest(job, False, revision())
    kept = _read_json(job.runs())
    if kept.get("inputs") != digest or not is_up_to_date(out, digest):
        return None
    import_jupyter()
    import nbformat  # Jupyter: only when runs are read (after import_jupyter, as in build_report)

    chapters = [nbformat.from_dict(nb) for nb in kept.get("chapters", [])]
    return chapters if len(chapters) == len(job.notebooks) else None


def _shown(path: Path) -> str:
    """A path relative to the project when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
