"""The notebooks: committed clean and thin, and every one runs in a fresh kernel in both languages, stating
the key numbers in that language's format. The chapters are read as the real report's build ran them (kept
beside each edition); the explorer, and one chapter again, are run here."""

from __future__ import annotations

import html
import re
from multiprocessing.pool import ThreadPool

import nbformat
import pytest

from asfdata.paths import NOTEBOOK_DIR
from asfdata.report import edition
from asfdata.report.edition import CHAPTERS, NOTEBOOK_ONLY_TAG, Job, git, merge
from asfdata.report.execute import execute, kernel_environment
from asfdata.report.verify import split_chapters

REPORT = list(CHAPTERS)  # the report's one list of its chapters
AGAIN = "02_placements_and_the_2019_reform"  # run again here: the chapter with the most charts and tables
ALL = REPORT + ["explore"]
LANGS = ["en", "sv"]
M = "\u2212"  # minus sign

# Key sentences and numbers each notebook must state (hand-calculated from the report).
EXPECT = {
    # 00: the bottom line (stated 244 and 123 beside the sums of their parts 152+74+17 = 243 and
    # 81+26+10 = 117), 8 of 10 back (the summary), 130/243 − 1 = −46.5 %, Kommunen 26/74 − 1 = −64.9 %,
    # goal verdicts 2 partly, 2 not met, 1 not shown.
    ("00_summary", "en"): [
        "<h2>Summary</h2>",
        "rose to 244 (sum of the parts 243) in autumn 2018 and then fell to 123 (sum of the parts 117)",
        "1 went on to work, 1 was referred to Arbetsförmedlingen and 8 went back to public support",
        "fell by 46.5\u00a0% from autumn 2018 to autumn 2019",
        f"Kommunen ({M}64.9\u00a0%)",
        "its yearly figures add up to 1,275",
        "2 are partly met, 2 not met, and for 1 the figures cannot tell",
        "<h3>Glossary</h3>",
        "<h3>Main limitations</h3>",
    ],
    ("00_summary", "sv"): [
        "<h2>Sammanfattning</h2>",
        "steg till 244 (summan av delarna 243) hösten 2018 och sjönk sedan till 123 (summan av delarna 117)",
        "8 återgick till offentlig försörjning",
        "minskade med 46,5\u00a0% från hösten 2018 till hösten 2019",
        "summerar till 1\u00a0275",
        "2 är delvis uppfyllda, 2 inte uppfyllda och för 1 kan siffrorna inte avgöra",
        "<h3>Ordlista</h3>",
    ],
    ("01_employee_trends", "en"): [
        "from 179 in autumn 2016 to 209 in autumn 2020 (+30, +16.8\u00a0%)",
        "<td>63.1</td>",
        "+49 (+27.4\u00a0%)",
        f"<td>{M}10.5</td>",
    ],
    ("01_employee_trends", "sv"): [
        "från 179 hösten 2016 till 209 hösten 2020 (+30; +16,8\u00a0%)",
        "<td>63,1</td>",
        "+49 (+27,4\u00a0%)",
        f"<td>{M}10,5</td>",
    ],
    # 02, who made up the fall: 243 − 130 = 113; 59/113 = 52.2 %, 48/113 = 42.5 %; Arbetsförmedlingen's
    # share 152/243 = 62.6 % → 93/130 = 71.5 %.
    ("02_placements_and_the_2019_reform", "en"): [
        "Arbetsförmedlingen accounted for 59 (52.2\u00a0%), Kommunen for 48 (42.5\u00a0%)",
        "rose, from 62.6\u00a0% to 71.5\u00a0%",
        f"({M}59, {M}38.8\u00a0%)",
        f"({M}48, {M}64.9\u00a0%)",
        f"({M}6, {M}35.3\u00a0%)",
        "<td>134.3</td>",
        "<td>87.0</td>",
        "<td>65.3</td>",
        "<td>26.0</td>",
        f"<td>{M}35.2</td>",
        f"<td>{M}60.2</td>",
        "<td>+5.0</td>",
        "<td>244</td>",
        "<td>+6</td>",
        "Poisson test",
        "For 2020 the report names a second cause",
    ],
    ("02_placements_and_the_2019_reform", "sv"): [
        "ökade därför, från 62,6\u00a0% till 71,5\u00a0%",
        f"({M}59; {M}38,8\u00a0%)",
        f"({M}48; {M}64,9\u00a0%)",
        "<td>134,3</td>",
        f"<td>{M}60,2</td>",
        "<td>+5,0</td>",
        "Poissontest",
        "För 2020 anger rapporten en andra orsak",
    ],
    # 03, the ten people: 9 readings = Nordanstig's man to work, to Arbetsförmedlingen or back (3) × Hofors
    # 2018's unstated outcome (3); "the 8 back were women" holds in none (Hudiksvall 2018's man went back).
    ("03_funded_placements", "en"): [
        "in 9 readings",
        "<td>The 8 who returned to public support were women.</td>",
        "These 2 sets of statements are the smallest",
        "Of 23 funded places granted 2016–2018, 11 were used",
        "by the report's summary, 8 went back to public support",
        "(2 of 10 here) runs from 2.5\u00a0% to 55.6\u00a0%",
        "<td>0.3–44.5</td>",
        "<td>2.5–55.6</td>",
        "fewer than three people",
        "the detail states 1 man, the summary 1 woman",
    ],
    ("03_funded_placements", "sv"): [
        "Av 23 beviljade",
        "<td>0,3–44,5</td>",
        "<td>2,5–55,6</td>",
        "färre än tre personer",
    ],
    ("04_information_reach_and_activities", "en"): [
        "add up to 1,275",
        f"a total of 1,257 ({M}18 against the sum)",
        "not what caused what",
        "<td>1,275</td>",
    ],
    ("04_information_reach_and_activities", "sv"): [
        "summerar till 1\u00a0275",
        f"totalt 1\u00a0257 ({M}18 mot summan)",
        "sammanträffande i tid",
        "<td>1\u00a0275</td>",
    ],
    # 05: 3 municipalities (Hudiksvall, Bollnäs, Nordanstig) hold the 4 policy documents of the milestones;
    # 6 collaboration groups in 2017, 4 continuing in 2019; 230 → 243 = +13 (+5.7 %); the employees' rise
    # +30 from 179 against +9 from "ca 200": 30/9 = 3.3, the largest ratio of the two readings.
    ("05_goals_and_claims", "en"): [
        "<h2>5 Goals and the report's own claims</h2>",
        "4 policy documents or action plans in 3 of the 10 municipalities",
        "Collaboration groups formed in 6 municipalities in 2017; 4 of them continued in 2019",
        "all placements 230 → 243 (+13; +5.7\u00a0%)",
        "<td>partly met</td>",
        "<td>not met</td>",
        "a factor of up to 3.3",
    ],
    ("05_goals_and_claims", "sv"): [
        "<h2>5 Målen och rapportens egna påståenden</h2>",
        "4 policydokument eller handlingsplaner i 3 av de 10 kommunerna",
        "alla placeringar 230 → 243 (+13; +5,7\u00a0%)",
        "<td>delvis uppfyllt</td>",
        "en faktor 3,3",
    ],
    ("06_data_quality", "en"): [
        "<h2>6 Data quality: audit and assumptions</h2>",
        "<td>mismatch</td>",
        "<td>A01</td>",
        "<h3>Assumptions log</h3>",
    ],
    ("06_data_quality", "sv"): ["<td>avviker</td>", "<h3>Antagandelogg</h3>", "<td>A01</td>"],
    # 07: the inventory's 99 transcribed figures in their sentences, quoted in Swedish in both editions.
    ("07_appendix_sources", "en"): [
        "<h2>Appendix: every figure and the sentence it comes from</h2>",
        "The 99 transcribed figures and the sentences they come from",
        '<q lang="sv">Totalt registrerat antal individer i volym som fått information om ASF över perioden '
        "är 1\u00a0257 personer, exklusive podd-lyssnare.</q>",
        "<code>claims.csv 25</code>",
    ],
    ("07_appendix_sources", "sv"): [
        "<h2>Bilaga: varje uppgift och meningen den kommer från</h2>",
        "De 99 överförda uppgifterna och meningarna de kommer från",
    ],
    ("explore", "en"): ["<h2>Explore the yearly figures</h2>", "(2018 = 100)"],
    ("explore", "sv"): ["<h2>Utforska årssiffrorna</h2>", "(2018 = 100)"],
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
    for words in ("What it", "`lang`", "`processed_dir`", 'lang = "sv"', "På svenska", NOTEBOOK_ONLY_TAG):
        assert words in about.source, f"{stem}: the opening cell says {words!r}"
    assert not re.search(r"^\s{0,3}#{1,2}\s", about.source, re.M)  # the chapter's title is its h1 output
    code = [c for c in cells if c.cell_type == "code"]
    assert code == cells  # the reader's words come from asfdata, in lang
    for c in code:
        assert c.outputs == [] and c.execution_count is None, f"{stem}: commit the notebook without outputs"
    assert [c.id for c in code] == [f"cell-{i:02d}" for i in range(len(code))]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert re.match(r'lang = "en"', code[0].source)
    for c in code[1:]:
        for line in c.source.splitlines():
            assert not re.match(r"\s*(def|class|for|while|if|with)\b", line), (
                f"{stem}: logic belongs in asfdata"
            )
            assert not line.startswith("import ") and ("from " not in line or "from asfdata" in line), line


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
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
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
    for expected in EXPECT[(stem, lang)]:
        assert html.unescape(expected) in shown, f"{stem} ({lang}) does not state {expected!r}"
    if stem == "06_data_quality":
        statuses = re.findall(r"<td[^>]*>(mismatch|approximate|ok|avviker|ungefärlig|stämmer)</td>", text)
        order = {"mismatch": 0, "avviker": 0, "approximate": 1, "ungefärlig": 1, "ok": 2, "stämmer": 2}
        assert [order[s] for s in statuses] == sorted(order[s] for s in statuses)  # mismatches first
    if stem == "explore":
        assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)


@pytest.mark.parametrize("code", [False, True])
def test_the_report_leaves_the_opening_cell_out(executed, code):
    stems = [s for s in REPORT if not isinstance(executed[(s, "en")], Exception)]
    nbs = [executed[(s, "en")] for s in stems]
    merged = merge(nbs, [NOTEBOOK_DIR / f"{s}.ipynb" for s in stems], code)
    assert [c for c in merged.cells if c.cell_type == "markdown"] == []
    ids = [c.id for c in merged.cells if c.cell_type == "code"]
    # numbered without the opening cell: parameters 0 (shown with code), injected 1, imports 2, outputs 3…
    first, last = f"{stems[0]}-0", f"{stems[0]}-{len(nbs[0].cells) - 2}"
    assert (first in ids) is code and f"{stems[0]}-3" in ids and last in ids
    assert f"{stems[0]}-{len(nbs[0].cells) - 1}" not in ids


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
