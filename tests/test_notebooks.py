"""The notebooks: committed clean and thin, and every one runs in a fresh kernel in both languages, stating
the key numbers in that language's format. The chapters are read as the real report's build ran them (kept
beside each edition); the explorer, and one chapter again, are run here."""

from __future__ import annotations

import html
import re
from multiprocessing.pool import ThreadPool

import nbformat
import pytest
from prose import as_written, missing  # tests/ is on sys.path (pytest rootdir-less import)
from visible import visible_text

from asfdata import registry
from asfdata.chapters import data_quality, funded, goals, information, placements, summary
from asfdata.chapters.common import annex_pointer
from asfdata.paths import NOTEBOOK_DIR
from asfdata.pipeline.people_statements import who_text
from asfdata.render import words
from asfdata.render.html import CHAPTER
from asfdata.report import edition
from asfdata.report.edition import CHAPTERS, NOTEBOOK_ONLY_TAG, TITLE_PAGE_TAG, Job, git, merge
from asfdata.report.execute import execute, kernel_environment
from asfdata.report.verify import split_chapters
from asfdata.study import REFORM_YEAR

REPORT = list(CHAPTERS)  # the report's one list of its chapters
AGAIN = "02_placements"  # run again here: the chapter with the most charts and tables
ALL = [c.notebook for c in registry.CHAPTERS]  # the report's, then the explorer
LANGS = ["en", "sv"]
AUTORELOAD = "%load_ext autoreload\n%autoreload 2"  # the opening code cell of every notebook
STUDY = ("02_placements", "10_annex_placements", "12_annex_glossary")  # the study's years are parameters

# The figures each notebook states, hand-calculated from the report: each group in one piece of text (a
# sentence's paragraph, a list item, a caption), written the English way (tests/prose.py: as each language
# writes them). The words around them are the catalogs' (golden files: tests/test_golden.py).
FIGURES = {
    "00_summary": [
        # the answer on the title page: collaboration groups formed in 6 of the 10 municipalities (Bollnäs,
        # Söderhamn, Nordanstig, Hofors, Gävle, Hudiksvall); placements ended below 2016 (156 → 123 stated,
        # 156 → 117 parts); 1 of the 10 people went on to work; of the five goals 2 partly met (known,
        # structures), 2 not met (placements, funded places), 1 cannot be judged (knowledge)
        ["6", "10", "2016", "1", "10", "2", "2", "1"],
        # the goal table's reasons: documents in 3 of 10 municipalities; groups in 6 of 10, 4 continuing in
        # 2019; 11 of 23 places used, 1 of 10 to work; 45 staff trained (the contacts without their disputed
        # count)
        ["3", "10"], ["6", "10", "4", "2019"], ["11", "23", "1", "10"], ["45"],
        # the bottom line: stated 244 and 123 beside the sums of their parts 152+74+17 = 243, 81+26+10 = 117
        ["244", "243", "2018", "123", "117"],
        # 130/243 − 1 = −46.5 %, the most for Kommunen: 26/74 − 1 = −64.9 %
        ["46.5 %", "2018", "2019", "-64.9 %"],
        ["1", "10"],  # 1 of the 10 to work (most back in public support: 8 by the summary, 7 by the detail)
        ["1,257", "2016", "2020", "1,275"],
        ["7", "39"],  # the audit: 7 mismatches in 39 checks (what to ask for next: totals that add up)
    ],
    "01_employees": [["179", "2016", "209", "2020", "+30", "+16.8 %"],
                           ["2016", "2017", "+49", "+27.4 %"]],
    # 02, who made up the fall: 243 − 130 = 113; 59/113 = 52.2 %, 48/113 = 42.5 %; Arbetsförmedlingen's
    # share 152/243 = 62.6 % → 93/130 = 71.5 %.
    "02_placements": [
        ["113", "59", "52.2 %", "48", "42.5 %", "62.6 %", "71.5 %"],
        ["152", "93", "-59", "-38.8 %", "74", "26", "-48", "-64.9 %", "17", "11", "-6", "-35.3 %"],
        ["2020", "2019", "130", "117", "-10.0 %"],  # the pandemic year
    ],
    # 03: 11 of 23 places used = 47.8 %; 2 of 10 to work or Arbetsförmedlingen: exact 95 % interval
    # 2.5 %–55.6 %, 1 of 10: 0.3 %–44.5 %
    "03_funded": [
        ["23", "2016", "2018", "11", "47.8 %", "10", "1", "1", "8", "2", "2.5 %", "55.6 %"],
        ["9", "2", "11"],  # the genders of the places used
        ["1", "10", "0.3 %", "44.5 %"],
    ],
    "04_information": [["1,275", "2016", "2020", "1,257", "-18", "2017", "586"]],
    # 05: 3 municipalities (Hudiksvall, Bollnäs, Nordanstig) hold the 4 policy documents of the milestones;
    # 6 collaboration groups in 2017, 4 continuing in 2019; 230 → 243 = +13 (+5.7 %); the employees' rise
    # +30 from 179 against +9 from "ca 200": 30/9 = 3.3, the largest ratio of the two readings.
    "05_goals": [["4", "3", "10"], ["6", "2017", "4", "2019"], ["230", "243", "+13", "+5.7 %"],
                            ["3.3"]],
    # 06 and 09: 39 checks = 7 mismatch + 3 consistent if + 1 approximate + 28 ok
    "06_data_quality": [["39", "7", "3", "1", "28"]],
    "07_sources": [["99", "45"]],  # the inventory's 99 transcribed figures in their 45 sentences
    # 08: referred to Arbetsförmedlingen, detail 1 man against summary 1 woman; back to public support, detail
    # 1 woman, 1 man and 5 of unstated gender against summary 8 women; 3 of the audit's mismatches are about
    # these placements. 9 readings of the yearly detail; 2 smallest sets of corrections.
    "08_annex_people": [["1", "1", "1", "1", "5", "8", "3"], ["9"], ["2"]],
    "09_annex_audit": [["39", "7", "3", "1", "28"]],
    # 10: employees per company 179/34 = 5.3 → 209/28 = 7.5; indexed to 2018, in 2020 Kommunen 26/74 = 35,
    # Arbetsförmedlingen 81/152 = 53, Others 10/17 = 59; per company 243/30 = 8.1 in 2018 → 117/28 = 4.2
    # (parts) or 123/28 = 4.4 (stated) in 2020; per employee 243/204 = 1.19 → 117/209 = 0.56; from 2018 to
    # 2019 the placing bodies changed by −35.3 % (Others) to −64.9 % (Kommunen), 3 of 5 public series less.
    "10_annex_placements": [
        ["5.3", "7.5", "2016", "2020"], ["34", "28", "179", "209"], ["2018", "100", "2020", "35", "53", "59"],
        ["8.1", "2018", "4.2", "4.4", "2020"], ["1.19", "2018", "0.56", "2020"],
        ["2018", "2019", "-35.3 %", "-64.9 %", "3", "5"],
    ],
    # 11: 40 milestones coded from the report, 8, 10, 6, 10, 6 per year: 2017 and 2019 tie with 10 each; two
    # February 2017 projects may be one (A16): then 2017 has 10 − 1 = 9 and the total is 40 − 1 = 39
    "11_annex_milestones": [["40", "2017", "2019", "10"], ["2017", "2017", "9", "39"]],
    # 12: the index's base year (2018 = 100); the periods of the means, 2016–2018 and 2019–2020
    "12_annex_glossary": [["2018", "100"], ["2016", "2018", "2019", "2020"]],
    "explore": [["2018", "100"]],  # indexed: 2018 = 100
}
# Table cells each notebook shows (figures, as FIGURES)
CELLS = {
    "01_employees": ["63.1", "-10.5"],
    "02_placements": ["134.3", "87.0", "65.3", "26.0", "-35.2", "-60.2", "+5.0", "244",
                                          "+6"],
    "03_funded": ["0.3–44.5", "2.5–55.6"],
    "04_information": ["1,275"],
    # 06: the mismatches alone, stated, computed and their difference: 244 − 243, 123 − 117, 1,257 − 1,275,
    # 200 − 179
    "06_data_quality": ["244", "243", "+1", "123", "117", "+6", "1,257", "1,275", "-18", "200", "179", "+21"],
    "08_annex_people": ["8", "5"],  # the summary's 8 women back to public support; 5 of unstated gender
    "09_annex_audit": ["A01", "244", "243", "+1"],
    # 10: the index on 2018, 2020: 26/74 = 35.1, 81/152 = 53.3, 10/17 = 58.8
    "10_annex_placements": ["35.1", "53.3", "58.8"],
}
# Texts of the catalogs each notebook shows (headings as such; the chapter's heading: every chapter), and
# the report's own sentences the appendix quotes (in Swedish, in both editions).
HEADINGS = {
    "00_summary": [(3, lambda lang: summary.t("h_goals", lang)),
                   (3, lambda lang: summary.t("h_key_findings", lang)),
                   (3, lambda lang: summary.t("h_next", lang)),
                   (3, lambda lang: summary.t("h_limitations", lang))],
    "06_data_quality": [(3, lambda lang: data_quality.t("h_disagreements", lang))],
    "08_annex_people": [(3, lambda lang: funded.t("h_contradictions", lang)),
                        (3, lambda lang: funded.t("h_statements", lang)),
                        (4, lambda lang: funded.t("h_corrections", lang))],
    "09_annex_audit": [(3, lambda lang: data_quality.t("h_audit", lang)),
                       (3, lambda lang: data_quality.t("h_assumptions", lang))],
    "10_annex_placements": [(3, lambda lang: placements.t("h_context_events", lang, year=REFORM_YEAR)),
                            (3, lambda lang: placements.t("h_context_compare", lang))],
    "11_annex_milestones": [(3, lambda lang: information.t("h_timeline", lang)),
                            (3, lambda lang: information.t("h_events", lang))],
}
TEXTS = {
    "02_placements": [lambda lang: placements.t("five_no_test", lang)],
    "03_funded": [lambda lang: funded.t("small_note", lang)],
    "08_annex_people": [lambda lang: who_text(lang, 8, "back", "women", None)],
    "11_annex_milestones": [lambda lang: information.t("timeline_caution", lang)],
}
# The annex each chapter points to (a paragraph linking to it: asfdata.chapters.common.annex_pointer)
POINTERS = {"00_summary": "12", "01_employees": "10", "02_placements": "10",
            "03_funded": "08", "04_information": "11",
            "06_data_quality": "09"}
VERDICTS = {"00_summary": ["cannot_tell", "partly", "not_met"],  # cells: the goals' verdicts
            "05_goals": ["partly", "not_met"]}
QUOTED = {
    ("07_sources", "en"): [
        '<q lang="sv">Totalt registrerat antal individer i volym som fått information om ASF över perioden '
        "är 1\u00a0257 personer, exklusive podd-lyssnare.</q>",
        "<code>claims.csv 25</code>",
    ],
}


def read(stem: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOK_DIR / f"{stem}.ipynb", as_version=4)


def test_the_notebooks_are_the_chapters_and_the_explorer():
    assert sorted(p.stem for p in NOTEBOOK_DIR.glob("*.ipynb")) == sorted(ALL)


@pytest.mark.parametrize("stem", ALL)
def test_committed_without_outputs_and_thin(stem):
    nb = read(stem)
    about, cells = nb.cells[0], nb.cells[1:]
    assert about.cell_type == "markdown" and about.metadata.get("tags") == [NOTEBOOK_ONLY_TAG]
    for said in ("What it", "`lang`", "`processed_dir`", 'lang = "sv"', "På svenska", NOTEBOOK_ONLY_TAG):
        assert said in about.source, f"{stem}: the opening cell says {said!r}"
    assert not re.search(r"^\s{0,3}#{1,2}\s", about.source, re.M)  # the chapter's title is its h1 output
    code = [c for c in cells if c.cell_type == "code"]
    assert code == cells  # the reader's words come from asfdata, in lang
    for c in code:
        assert c.outputs == [] and c.execution_count is None, f"{stem}: commit the notebook without outputs"
    assert [c.id for c in code] == [f"cell-{i:02d}" for i in range(len(code))]
    # the first code cell turns autoreload on, for JupyterLab alone (the report leaves it out, as it runs)
    assert code[0].source == AUTORELOAD and code[0].metadata.get("tags") == [NOTEBOOK_ONLY_TAG]
    assert "parameters" in code[1].metadata.get("tags", [])
    assert re.match(r'lang = "en"', code[1].source)
    for c in code[2:]:
        for line in c.source.splitlines():
            assert not re.match(r"\s*(def|class|for|while|if|with)\b", line), (
                f"{stem}: logic belongs in asfdata"
            )
            assert not line.startswith("import ") and ("from " not in line or "from asfdata" in line), line


@pytest.mark.parametrize("stem", [c.notebook for c in registry.REPORT_CHAPTERS])
def test_after_the_imports_the_tidy_rows_then_the_sections(stem):
    """After its parameters and imports, a chapter notebook shows the tidy rows it starts from (the study's
    years where its parameters set them), in cells the report leaves out; then its sections, each a call."""
    code = [c for c in read(stem).cells if c.cell_type == "code"]
    only = [c.source for c in code[3:] if NOTEBOOK_ONLY_TAG in c.metadata.get("tags", [])]
    study = "reform_year = None" in code[1].source
    if stem == "12_annex_glossary":  # it reads no frames: the years it fills in
        assert only == [c.source for c in code[3:4]] and only[0].startswith("study")
    else:
        assert only == [c.source for c in code[3:3 + len(only)]] and only[0].startswith("frames.")
        assert study == (len(only) == 2) and (not study or only[1].startswith("frames.study"))
    sections = code[3 + len(only):]
    assert sections and all(re.fullmatch(r"show\(.+\)", c.source) for c in sections)
    assert study == (stem in STUDY)


@pytest.fixture(scope="module")
def fresh() -> dict:
    """Run here, each in a fresh kernel, two at a time, as the report build runs its chapters: the explorer
    in both languages, and AGAIN (to compare with the build's run). (stem, lang) -> the executed notebook,
    or the exception that stopped it."""
    def run(job):
        stem, lang = job
        try:
            return job, execute(NOTEBOOK_DIR / f"{stem}.ipynb", {"lang": lang})
        except Exception as err:  # reported by the tests of that notebook
            return job, err

    with kernel_environment(git("log", "-1", "--format=%ct")), ThreadPool(2) as pool:
        return dict(pool.map(run, [(AGAIN, "en"), ("explore", "en"), ("explore", "sv")], chunksize=1))


@pytest.fixture(scope="module")
def executed(fresh, real_reports) -> dict:
    """Every notebook executed in a fresh kernel in both languages, (stem, lang) -> notebook: the chapters
    as the real report's build ran them (kept beside each edition: edition.stored_runs), the explorer here.
    The runs here come first: they use the cores while another worker may be building an edition."""
    out = {(stem, lang): fresh[(stem, lang)] for stem, lang in fresh if stem == "explore"}
    for lang in LANGS:
        runs = edition.stored_runs(Job(lang=lang))
        assert runs is not None, f"the {lang} edition's executed chapters are not kept beside it"
        out.update(zip([(stem, lang) for stem in REPORT], runs, strict=True))
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("stem", ALL)
def test_notebook_runs_and_states_key_numbers(executed, stem, lang):
    nb = executed[(stem, lang)]
    if isinstance(nb, Exception):
        pytest.fail(f"{stem} ({lang}) failed: {nb}")
    every = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in every if o.output_type == "error"]
    assert not [o for o in every if o.output_type == "stream" and o.name == "stderr"]
    # a chapter as the report shows it: the cells for JupyterLab alone (the tidy rows, as pandas shows
    # them) left out; the explorer whole
    shows = [c for c in nb.cells if stem not in REPORT or NOTEBOOK_ONLY_TAG not in c.metadata.get("tags", [])]
    outputs = [o for c in shows for o in c.get("outputs", [])]
    assert not [o for o in outputs if "image/png" in o.get("data", {})]  # figures are embedded HTML
    text = "\n".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "<img" not in text and "<h1" not in text  # charts are inline SVG; the page's one h1 is its title
    for chart in re.findall(r"<svg [^>]*>", text):
        assert re.search(r'role="img" aria-label="[^"]{20,}"', chart), "every chart has an alternative text"
    # each chart drawn twice, wide and for phones (asfdata.render.widths), in one figure
    assert text.count("<figure") == text.count("<figcaption>") == text.count("<svg ") / 2
    assert text.count("<table") == text.count("<caption>")  # every table has a caption
    if stem in REPORT:
        assert 'id="' not in text  # no random ids: byte-reproducible outputs
    # cells without their class, data-label, line-break opportunities (<wbr> after underscores) and the label
    # of a note on a row's second line
    cells = re.sub(r'<td [^>]*>(<span class="asf-note-label">[^<]*</span> )?', "<td>", text)
    shown = html.unescape(cells.replace("<wbr>", ""))
    ours = re.sub(r"<td>[^<]*[^\W\d_][^<]*</td>", "", shown)  # without text cells: the report's own words
    plain = re.sub(r"<[^>]+>", " ", ours)
    assert not re.findall(r"\d %|\d \d{3}(?!\d)", plain), "a number that can break: use words.num"
    pieces = [piece for _, piece in visible_text(text, lang)]
    for group in FIGURES[stem]:
        assert any(missing(group, piece, lang) == [] for piece in pieces), f"{stem} ({lang}) lacks {group}"
    for figure in CELLS.get(stem, []):
        assert f"<td>{as_written(figure, lang)}</td>" in shown, f"{stem} ({lang}) shows no cell {figure!r}"
    chapter = registry.CHAPTERS[ALL.index(stem)]
    headings = [(int(level), html.unescape(h)) for level, h in re.findall(r"<h(\d)>([^<]*)</h\1>", text)]
    assert headings[0] == (CHAPTER, words.chapter_heading(chapter.id, lang))  # the chapter's heading first
    for level, heading in HEADINGS.get(stem, []):
        assert (level, heading(lang)) in headings, f"{stem} ({lang}) has no heading {heading(lang)!r}"
    reader = " ".join(pieces)  # the text as a reader sees it (`code` without its backticks)
    for said in TEXTS.get(stem, []):
        assert said(lang).replace("`", "") in reader, f"{stem} ({lang}) does not say {said(lang)!r}"
    for verdict in VERDICTS.get(stem, []):
        assert f"<td>{goals.t(f'verdict_{verdict}', lang)}</td>" in shown
    for quoted in QUOTED.get((stem, lang), []):
        assert quoted in text
    if stem in POINTERS:  # the chapter keeps a paragraph linking to the annex that holds its detail
        assert annex_pointer(POINTERS[stem], lang).html in text
    kinds = ("mismatch", "consistent_if", "approximate", "ok")
    order = {words.status(s, lang): i for i, s in enumerate(kinds)}  # each status's word in lang
    statuses = [order[c] for c in re.findall(r"<td[^>]*>([^<]*)</td>", text) if c in order]
    if stem == "06_data_quality":  # the chapter shows the mismatches alone (each of the 7 once)
        assert statuses == [0] * 7
    if stem == "09_annex_audit":  # annex C: every check, each status, mismatches first
        assert statuses == sorted(statuses) and set(statuses) == set(range(len(kinds)))
        assert len(statuses) == 39 and f"<td>{words.status('mismatch', lang)}</td>" in shown
    if stem == "12_annex_glossary":  # every term of the glossary (shared words glossary_term_), once
        terms = [e.key for e in words.SHARED.prefixed("glossary_term_")]
        assert text.count("<dt>") == len(terms) >= 10
        assert f"<dt>{html.escape(words.t('glossary_term_reserved_contract', lang))}</dt>" in text
    if stem == "explore":
        assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)


@pytest.mark.parametrize("code", [False, True])
def test_the_report_leaves_the_opening_cell_out(executed, code):
    stems = [s for s in REPORT if not isinstance(executed[(s, "en")], Exception)]
    nbs = [executed[(s, "en")] for s in stems]
    merged = merge(nbs, [NOTEBOOK_DIR / f"{s}.ipynb" for s in stems], code)
    assert [c for c in merged.cells if c.cell_type == "markdown"] == []
    ids = [c.id for c in merged.cells if c.cell_type == "code"]
    # numbered without the cells for JupyterLab alone (the opening cell, autoreload, the tidy rows):
    # parameters 0 (shown with code), injected 1, imports 2, outputs 3…; the summary leaves out its answer
    # too (tagged for the title page: the report shows it there)
    for stem, nb in zip(stems, nbs, strict=True):
        left_out = {NOTEBOOK_ONLY_TAG, TITLE_PAGE_TAG}
        kept = [c for c in nb.cells if not left_out & set(c.metadata.get("tags", []))]
        last = len(kept) - 1
        assert (f"{stem}-0" in ids) is code and f"{stem}-3" in ids and f"{stem}-{last}" in ids, stem
        assert f"{stem}-{last + 1}" not in ids, stem
    # the answer is no output of the merged chapters: the title page shows it (edition.title_page_html)
    answer = edition.title_page_html(nbs)
    assert answer.startswith('<p class="asf-answer">') and answer.count("<p") == 1
    outputs = [o.get("data", {}).get("text/html", "") for c in merged.cells for o in c.get("outputs", [])]
    assert outputs and not [o for o in outputs if answer in o]


def test_only_the_summary_answer_is_tagged_for_the_title_page():
    tagged = {stem: [c.source for c in read(stem).cells if TITLE_PAGE_TAG in c.metadata.get("tags", [])]
              for stem in ALL}
    assert {stem: cells for stem, cells in tagged.items() if cells} == {
        "00_summary": ["show(summary.answer(frames, lang))"]}


@pytest.mark.parametrize("lang", LANGS)
def test_the_answer_is_on_the_title_page_once_before_the_contents(real_reports, frames, lang):
    """The summary's answer (its cell tagged TITLE_PAGE_TAG) stands once in each edition: inside the title
    page (header.asf-title-page), before the contents (nav#contents), not again in the summary. The page is
    read with its entities resolved (the build writes the HTML again, its attributes in its own order)."""
    page = html.unescape(real_reports[lang].read_text(encoding="utf-8"))
    answer = html.unescape(re.sub(r"<[^>]+>", "", summary.answer(frames, lang).html)).strip()
    assert len(answer) > 100 and page.count(answer) == 1
    header = re.search(r'<header\b[^>]*\bclass="asf-title-page"[^>]*>(.*?)</header>', page, re.S)
    contents = re.search(r'<nav\b[^>]*\bid="contents"', page)
    assert header and contents and header.end() < contents.start()
    shown = re.search(r'<p\b[^>]*\bclass="asf-answer"[^>]*>(.*?)</p>', header.group(1), re.S)
    assert shown and shown.group(1).strip() == answer
    assert page.index(f'id="{registry.chapter("00").anchor}"') > contents.end()  # the summary follows


def test_a_chapter_run_again_renders_the_real_report_byte_for_byte(real_report, executed, fresh):
    """Two independent runs of AGAIN, each in a fresh kernel (the report build's and this module's): the
    report rendered from the build's runs with this one in its place is the published report."""
    assert not isinstance(fresh[(AGAIN, "en")], Exception), fresh[(AGAIN, "en")]
    runs = [fresh[(c, "en")] if c == AGAIN else executed[(c, "en")] for c in CHAPTERS]
    rebuilt = edition.render_editions(Job(), runs, edition.revision())[real_report]
    published = real_report.read_bytes()
    old, new = (split_chapters(b.decode("utf-8")) for b in (published, rebuilt))
    assert [part for part in {**old, **new} if old.get(part) != new.get(part)] == []  # names the chapter
    assert rebuilt == published
