"""The built report in a real browser: Playwright for Python driving Debian's Chromium.

`make test` installs the chromium package when it is missing and the user is root; elsewhere a
missing /usr/bin/chromium skips these tests (with the reason printed), except when CI is set.
Both editions are measured: nothing wider than the text column at 1280 px and at a 390 px phone width,
charts at a size where their smallest text is the footnote size (on screen and on A4), the page's structure
(one h1, captions, header scopes), the accessibility engine axe-core (bundled in the locked
axe-playwright-python wheel, run inside the page), and the page printed to PDF. Each edition is loaded
once; every test sets the window width and medium it measures at (a fresh layout, without a reload).
"""

from __future__ import annotations

import csv
import re
from importlib import resources
from pathlib import Path

import pytest
from conftest import in_ci
from test_charts import report_chart_functions

from asfdata.paths import PROCESSED_DIR, REPORT_DIR
from asfdata.render import words
from asfdata.report.edition import CHAPTERS, chapter_id

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOT = REPORT_DIR / "asf-evaluation-report.png"
LANGS = ("en", "sv")
A4_COLUMN = round((210 - 2 * 16) / 25.4 * 96)  # px: A4 less the stylesheet's 16 mm side margins (@page)
WIDTHS = (1280, 390)  # a laptop screen and a phone
HEIGHT = 900  # px: the window's height at every width
CHARTS = len(report_chart_functions())  # one chart each (asfdata.registry.REPORT_CHAPTERS' modules)
AXE = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")

# Every element of the text column that reaches past the column's content box (1 px of rounding allowed).
OVERFLOW = """() => {
  const main = document.querySelector('main'), cs = getComputedStyle(main);
  const box = main.getBoundingClientRect();
  const left = box.left + parseFloat(cs.paddingLeft), right = box.right - parseFloat(cs.paddingRight);
  const out = [];
  for (const e of main.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && (r.right > right + 1 || r.left < left - 1)) {
      const cap = e.closest('table, figure')?.querySelector('caption, .asf-figure-title')?.textContent || '';
      out.push(`${e.tagName} ${Math.round(r.width)} px: ${cap.slice(0, 50)}`);
    }
  }
  return {column: right - left, page: document.documentElement.scrollWidth, wide: out.slice(0, 10)};
}"""

# The smallest text of each chart shown (px: font size in the SVG's units × the SVG's scale), and the
# footnote size of the page (a source line's computed font size). Each chart is drawn twice, wide and for
# phones; the stylesheet shows one (the other has no box: width 0).
CHART_TEXT = """() => {
  const charts = [...document.querySelectorAll('svg.asf-chart')].filter(
    svg => svg.getBoundingClientRect().width > 0).map(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize));
    return Math.min(...sizes) * scale;
  });
  const foot = parseFloat(getComputedStyle(document.querySelector('.asf-source')).fontSize);
  return {smallest: Math.min(...charts), footnote: foot, charts: charts.length};
}"""

STRUCTURE = """() => {
  const q = s => [...document.querySelectorAll(s)];
  const levels = q('main h1, main h2, main h3, main h4, main h5, main h6').map(h => +h.tagName[1]);
  const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1).length;
  const charts = q('figure svg').filter(s => s.getBoundingClientRect().width > 0);  // the drawing shown
  return {
    h1: q('h1').map(h => h.textContent.trim()),
    skips,
    tables: q('table').length,
    uncaptioned: q('table').filter(t => !t.querySelector(':scope > caption')).length,
    captionsEndingInAStop: q('caption').filter(c => c.textContent.trim().endsWith('.')).length,
    unscoped: q('th').filter(th => !['col', 'row'].includes(th.getAttribute('scope'))).length,
    figures: q('figure').length,
    uncaptionedFigures: q('figure').filter(f => !f.querySelector(':scope > figcaption')).length,
    untitledFigures: q('figure').filter(f => !f.querySelector(
      ':scope > figcaption > :is(h3, h4).asf-figure-title')).length,  // heading navigation reaches each
    charts: charts.length,
    unlabelled: charts.filter(s => s.getAttribute('role') !== 'img' || !s.getAttribute('aria-label')
      || !s.getAttribute('aria-label').startsWith(
        s.closest('figure').querySelector('.asf-figure-takeaway').textContent)).length,
    images: q('img').length,
    termsNotBeside: q('dl.asf-glossary dd, dl.asf-dl dd').filter(dd => dd.getBoundingClientRect().left
      <= dd.previousElementSibling.getBoundingClientRect().right).length,
    textAlign: q('table.asf-table th.asf-text, table.asf-table td.asf-text').filter(
      c => getComputedStyle(c).textAlign !== 'left').length,
    numberAlign: q('table.asf-table td:not(.asf-text)').filter(
      c => getComputedStyle(c).textAlign !== 'right'
        || getComputedStyle(c).fontVariantNumeric !== 'tabular-nums').length,
  };
}"""


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium; skipped (failed under CI) when it is not installed."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium (make chromium, as root) to run these"
        if in_ci():
            pytest.fail(f"CI is set and {reason}")
        print(f"\nskipping the browser tests: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright  # here: only with Chromium there (60 ms in every worker)

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(browser, real_reports) -> dict[str, tuple]:
    """Each edition of the real report (conftest.real_reports: built unless up to date) opened once by file
    URL, every request recorded (the tests below set the width and media they need, then measure):
    lang -> (page, requests, path)."""
    out = {}
    for lang, path in real_reports.items():
        requests: list[str] = []
        page = browser.new_page(viewport={"width": 1280, "height": HEIGHT})
        page.on("request", lambda r, seen=requests: seen.append(r.url))
        # Nothing may leave the file: whatever is attempted is recorded above, then refused here.
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                   else route.abort())
        page.goto(path.as_uri(), wait_until="load")
        out[lang] = (page, requests, path)
    yield out
    for page, _, _ in out.values():
        page.close()


def view(pages: dict, lang: str, width: int = 1280, media: str = "screen"):
    """The edition's page laid out at width px for media (the screen, or print), scrolled to the top."""
    page = pages[lang][0]
    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.emulate_media(media=media)
    page.evaluate("() => window.scrollTo(0, 0)")
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_no_request_leaves_the_file(pages, lang):
    page, requests, path = pages[lang]
    assert requests and requests[0] == path.as_uri()
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []


def test_contents_and_every_chapter_heading_are_there(pages):
    page = view(pages, "en")
    assert page.locator("html").get_attribute("lang") == "en"
    toc = page.locator("nav.asf-toc a")
    assert toc.count() == len(CHAPTERS) + 1  # the chapters, then "About this report"
    about = toc.nth(len(CHAPTERS))
    assert about.get_attribute("href") == "#about"
    assert page.locator("section#about h2").inner_text().strip() == about.inner_text().strip()
    for i, chapter in enumerate(CHAPTERS):
        anchor = chapter_id(Path(f"{chapter}.ipynb"))
        link = toc.nth(i)
        assert link.get_attribute("href") == f"#{anchor}"
        heading = page.locator(f"section#{anchor} h2").first
        assert heading.is_visible()
        assert link.inner_text().strip() == heading.inner_text().strip()


@pytest.mark.parametrize("lang", LANGS)
def test_structure_one_h1_captions_scopes_labels_alignment(pages, lang):
    s = view(pages, lang).evaluate(STRUCTURE)
    assert s["h1"] == [words.t("report_title", lang)]
    assert s["skips"] == 0  # h2 chapters, h3 sections, h4 below: no level skipped
    assert s["tables"] >= 25 and s["uncaptioned"] == 0 and s["unscoped"] == 0
    assert s["captionsEndingInAStop"] == 0  # every caption ends one way: a phrase, no full stop
    assert s["figures"] == s["charts"] == CHARTS and s["uncaptionedFigures"] == 0 and s["unlabelled"] == 0
    assert s["untitledFigures"] == 0  # each chart's title a heading, a level below its section's
    assert s["images"] == 0  # every chart is inline SVG
    assert s["termsNotBeside"] == 0  # glossary and goals: each meaning beside its term (a grid, not stacked)
    assert s["textAlign"] == 0 and s["numberAlign"] == 0


# axe-core over a part of the page (a CSS selector): the rules of WCAG 2.2 A and AA (tags wcag2a, wcag2aa,
# wcag21a, wcag21aa, wcag22aa: target-size among them, which axe runs only when asked) and its best
# practices, in two runs. The contrast rule leaves out chart text (axe cannot see an SVG text's backdrop: it
# reported all 305 as undecided; tests/test_charts.py checks those colours from the ones drawn) and tables:
# on their 1,898 cells it took 3.6 of its 4.4 s per edition. CONTRAST below checks every text of the page,
# tables included.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_RUN = """async ([where, tags]) => {
  const opts = {resultTypes: ['violations', 'incomplete']};
  const rest = await axe.run(where, {...opts, runOnly: {type: 'tag', values: tags},
                                     rules: {'color-contrast': {enabled: false}}});
  const text = await axe.run({include: [[where]], exclude: [['svg.asf-chart text'], ['table']]},
                             {...opts, runOnly: ['color-contrast']});
  const ran = [rest, text].flatMap(r => [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable]);
  return {version: rest.testEngine.version, passes: rest.passes.length + text.passes.length,
          ran: [...new Set(ran.map(rule => rule.id))],
          violations: [...rest.violations, ...text.violations],
          incomplete: [...rest.incomplete, ...text.incomplete]};
}"""

# WCAG 2.x contrast of every shown element's own text (chart text aside), from the computed styles: its
# colour over the background colours beneath it, composited up to the first opaque one (the canvas is
# white); at least 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold), as axe-core's color-contrast.
# A backdrop the styles cannot decide (a background image, opacity, a filter or blend, a text shadow, a
# colour that is not rgb(), a positioned box over the text) is "undecided" and fails the test. Each
# element's ratio is kept in data-contrast, to compare with axe's.
CONTRAST = """where => {
  const rgba = s => {
    const m = /^rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(?:, ([\\d.]+))?\\)$/.exec(s);
    return m && [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
  };
  const over = (top, below) => top.slice(0, 3).map((v, i) => v * top[3] + below[i] * (1 - top[3]));
  const lum = c => c.map(v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const meets = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
  const positioned = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect(), at = getComputedStyle(e).position;
    return ['absolute', 'fixed', 'sticky'].includes(at) && r.width > 1 && r.height > 1;
  });
  const out = {checked: 0, lowest: Infinity, failing: [], undecided: []};
  for (const e of document.querySelector(where).querySelectorAll('*')) {
    if (e.closest('svg') || ![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const cs = getComputedStyle(e), box = e.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || cs.visibility !== 'visible') continue;  // not shown
    const name = `${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 40)}"`;
    const fg = rgba(cs.color), layers = [];
    let why = !fg ? cs.color : cs.textShadow !== 'none' ? 'text-shadow' : '';
    for (let a = e; a && !why; a = a.parentElement) {
      const s = getComputedStyle(a), bg = rgba(s.backgroundColor);
      if (!bg) why = s.backgroundColor;
      else if (s.backgroundImage !== 'none') why = 'background-image';
      else if (s.opacity !== '1' || s.filter !== 'none' || s.mixBlendMode !== 'normal') why = 'opacity';
      else if (layers.push(bg) && bg[3] === 1) break;
    }
    const covers = p => !p.contains(e) && !e.contains(p) && meets(p.getBoundingClientRect(), box);
    if (!why && positioned.some(covers)) {
      why = 'a positioned box over it';
    }
    if (why) {
      out.undecided.push(`${name}: ${why}`);
      continue;
    }
    const bg = layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
    const [hi, lo] = [lum(over(fg, bg)), lum(bg)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05), size = parseFloat(cs.fontSize);
    const large = size >= 24 || (size >= 18.66 && +cs.fontWeight >= 700);
    e.dataset.contrast = ratio.toFixed(2);
    out.checked++;
    out.lowest = Math.min(out.lowest, ratio);
    if (ratio < (large ? 3 : 4.5)) out.failing.push(`${name}: ${ratio.toFixed(2)}`);
  }
  return out;
}"""

# axe-core's contrast rule over one part of the page, each text's ratio beside CONTRAST's (data-contrast).
AXE_RATIOS = """async where => {
  const r = await axe.run({include: [[where]]}, {runOnly: ['color-contrast'], elementRef: true});
  return [...r.passes, ...r.violations, ...r.incomplete].flatMap(rule => rule.nodes).map(
    n => [n.element.tagName, n.any[0].data.contrastRatio, +n.element.dataset.contrast]);
}"""


def load_axe(page) -> None:
    """axe-core into an open page, once (it stays until the page is reloaded)."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE)


def axe(page, where: str = "html") -> dict:
    """axe-core's violations and undecided ("incomplete") rules for the part where of an open page."""
    load_axe(page)
    return page.evaluate(AXE_RUN, [where, AXE_TAGS])


def axe_lines(found: list[dict]) -> list[str]:
    """One line per rule: its id, impact, help and the first element it names."""
    return [f"{v['id']} ({v['impact']}): {v['help']}: {len(v['nodes'])} x {v['nodes'][0]['target']}"
            for v in found]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_accessibility_engine_finds_no_violation(pages, lang, width):
    """WCAG 2.2 AA by axe-core, on a laptop and on a phone (the contents' links were too small a target for
    2.5.8 until each was made 24 px high)."""
    result = axe(view(pages, lang, width))
    print(f"\n{lang} at {width} px: axe-core {result['version']}, {result['passes']} rules passed")
    assert axe_lines(result["violations"]) == []
    assert axe_lines(result["incomplete"]) == []
    assert result["passes"] >= 35  # the rules did run: 43 pass on this page
    assert {"target-size", "heading-order", "color-contrast", "svg-img-alt"} <= set(result["ran"])


@pytest.mark.parametrize(("width", "media"), [(1280, "screen"), (390, "screen"), (A4_COLUMN, "print")])
@pytest.mark.parametrize("lang", LANGS)
def test_every_text_has_the_contrast_it_needs(pages, lang, width, media):
    """Every text of the page, the 1,956 cells of its 35 tables among them, on a laptop, a phone and A4 (on
    paper 1,451 cells of 22 tables: the charts' tables of plotted numbers stay on screen)."""
    found = view(pages, lang, width, media).evaluate(CONTRAST, "body")
    print(f"\n{lang} at {width} px ({media}): {found['checked']} texts, lowest ratio {found['lowest']:.2f}")
    assert found["failing"] == [] and found["undecided"] == []
    # the check did run: on screen 2,558 texts in English, 2,555 in Swedish; printed 2,000 and 1,997
    assert found["checked"] >= (1800 if media == "print" else 2300)


def test_the_contrast_check_agrees_with_the_accessibility_engine(pages):
    """Both compute the same ratio for every text of the first chapter, its tables too (axe-core cuts
    its ratio to two decimals; on the whole English page the two were at most 0.03 apart)."""
    page = view(pages, "en")
    load_axe(page)
    where = f"section#{chapter_id(Path(f'{CHAPTERS[1]}.ipynb'))}"
    assert page.evaluate(CONTRAST, where)["checked"] >= 150
    ratios = page.evaluate(AXE_RATIOS, where)
    assert len(ratios) >= 150 and {tag for tag, _, _ in ratios} >= {"TD", "TH", "P"}
    assert [r for r in ratios if abs(r[1] - r[2]) > 0.05] == []


def test_the_accessibility_engine_finds_an_injected_fault(pages):
    """The checks above can fail: an image without alternative text and faint text are both found, by
    axe-core and by the contrast check, in a paragraph and in a table cell, with the same ratio."""
    page = view(pages, "en")
    page.evaluate("""() => { document.querySelector('main').insertAdjacentHTML('beforeend',
      '<div id="axe-probe"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbbbbb">'
      + 'faint</p></div>');
      document.querySelector('table.asf-table td').insertAdjacentHTML('beforeend',
      '<span id="cell-probe" style="color:#a0a0a0">faint cell</span>'); }""")
    try:
        result = axe(page, "#axe-probe")
        found = page.evaluate(CONTRAST, "main")
        ratios = page.evaluate(AXE_RATIOS, "#axe-probe p")
    finally:
        page.evaluate("() => ['#axe-probe', '#cell-probe'].forEach(s => document.querySelector(s).remove())")
    assert {v["id"] for v in result["violations"]} == {"image-alt", "color-contrast"}
    # on white, #bbbbbb: 1.05 / (0.4969 + 0.05) = 1.92; #a0a0a0: 1.05 / (0.3515 + 0.05) = 2.61
    assert found["failing"] == ['span "faint cell": 2.61', 'p "faint": 1.92']
    assert ratios == [["P", 1.91, 1.92]]  # 1.9198: axe-core cuts it to two decimals, the check rounds


def stated(measure: str, year: int) -> int:
    """The stated total of a measure in a year, from data/processed/snapshots.csv."""
    with (PROCESSED_DIR / "snapshots.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if (row["measure"], row["group"], row["year"]) == (measure, "total", str(year)):
                return int(row["value"])
    raise LookupError((measure, year))


def test_key_numbers_appear_as_the_data_say(pages):
    page = view(pages, "en")
    placements = page.locator(f"section#{chapter_id(Path('02_placements.ipynb'))}")
    text = placements.inner_text()
    for year in (2018, 2019):
        assert words.num(stated("placements", year), "en") in text, year
    employees = page.locator(f"section#{chapter_id(Path('01_employees.ipynb'))}").inner_text()
    assert words.num(stated("employees", 2020), "en") in employees


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_nothing_is_wider_than_the_column(pages, lang, width):
    page = view(pages, lang, width)
    m = page.evaluate(OVERFLOW)
    text = page.evaluate(CHART_TEXT)
    print(f"\n{lang} at {width} px: column {m['column']:.0f} px; smallest chart text "
          f"{text['smallest']:.1f} px, footnotes {text['footnote']:.1f} px")
    assert m["wide"] == [] and m["page"] == width
    # one drawing of each chart shown: on a phone the narrow one, at its natural size
    assert text["smallest"] >= text["footnote"] - 0.01 and text["charts"] == CHARTS


# On a phone each table cell is two columns, its header (the label, drawn by the stylesheet from data-label)
# in the left half and its value in the right: every part of every value (text, a quotation, code, a line
# break) must start in the right half. Cells whose value holds elements are counted, to show they were seen.
CELL_VALUES = """() => {
  const out = {cells: 0, mixed: 0, early: []};
  for (const td of document.querySelectorAll('main table td[data-label]')) {
    const box = td.getBoundingClientRect();
    if (!box.width || getComputedStyle(td, '::before').content === 'none') continue;
    out.cells++;
    out.mixed += td.children.length > 0;
    const range = document.createRange();
    range.selectNodeContents(td);
    if ([...range.getClientRects()].some(r => r.width > 0 && r.left < box.left + box.width / 2 - 1)) {
      const caption = td.closest('table').querySelector('caption').textContent.slice(0, 40);
      out.early.push(`${caption} | ${td.dataset.label}: ${td.textContent.slice(0, 40)}`);
    }
  }
  return out;
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_every_table_cell_is_one_label_and_one_value(pages, lang):
    """At 390 px, in every table of the edition: nothing of a value starts in its label's column (before, a
    value of text and a quotation or code was laid out as several grid items, some under the label: 88
    cells in English, 85 in Swedish)."""
    found = view(pages, lang, 390).evaluate(CELL_VALUES)
    print(f"\n{lang} at 390 px: {found['cells']} cells, {found['mixed']} of them with elements in the value")
    assert found["early"] == []
    # 1,708 cells, 183 of them (180 in Swedish) hold <q>, <code>, <br> or <wbr> in their values
    assert found["cells"] >= 1500 and found["mixed"] >= 150


# Text that reaches past the right edge of the screen (a word too long for its line pushes the page
# sideways without making any box wider), and how wide the page scrolls.
TEXT_BEYOND = """() => {
  const width = document.documentElement.clientWidth, out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(n);
    if ([...range.getClientRects()].some(r => r.right > width + 1)) {
      out.push(n.textContent.trim().slice(0, 50));
    }
  }
  return {page: document.documentElement.scrollWidth, beyond: out.slice(0, 10)};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_a_small_phone_does_not_scroll_sideways(pages, lang):
    """At 360 px (a common Android width) the Swedish title's "Arbetsintegrerande" made the page 371 px
    wide; the phone drawings of the charts are shown there too, at 328 / 345.6 = 95 % of their size."""
    m = view(pages, lang, 360).evaluate(TEXT_BEYOND)
    assert m == {"page": 360, "beyond": []}


@pytest.mark.parametrize("lang", LANGS)
def test_on_a4_nothing_is_wider_than_the_column_and_chart_text_is_footnote_size(pages, lang):
    """The print stylesheet laid out in the width of A4's text column (210 mm less 2 × 16 mm)."""
    page = view(pages, lang, A4_COLUMN, media="print")
    m = page.evaluate(OVERFLOW)
    text = page.evaluate(CHART_TEXT)
    assert m["wide"] == []
    assert text["smallest"] >= text["footnote"] - 0.01 and text["charts"] == CHARTS


def test_print_layout(pages):
    """Each chapter on a new page, figures kept with their captions, table headers repeated, and the
    target of a link in an appendix printed after it."""
    page = view(pages, "en", media="print")
    try:
        page.evaluate("""() => { const a = document.createElement('a'); a.id = 'probe';
          a.href = 'https://example.org/report.pdf'; a.textContent = 'the report';
          document.querySelector('#about').append(a); }""")
        style = page.evaluate("""() => ({
          breaks: [...document.querySelectorAll('section.chapter')].map(e => getComputedStyle(e).breakBefore),
          figures: [...document.querySelectorAll('figure')].map(e => getComputedStyle(e).breakInside),
          heads: [...document.querySelectorAll('thead')].map(e => getComputedStyle(e).display),
          link: getComputedStyle(document.querySelector('#probe'), '::after').content,
        })""")
    finally:
        page.evaluate("() => document.querySelector('#probe').remove()")
    assert style["breaks"] == ["page"] * len(CHAPTERS)
    assert set(style["figures"]) == {"avoid"} and set(style["heads"]) == {"table-header-group"}
    assert style["link"] == '" <https://example.org/report.pdf>"'


@pytest.mark.parametrize("lang", LANGS)
def test_printed_to_pdf(pages, lang):
    pdf = view(pages, lang, media="print").pdf(format="A4", prefer_css_page_size=True)  # screen: screen CSS
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    print(f"\n{lang}: {pages} A4 pages, {len(pdf):,} bytes of PDF")
    assert pages >= len(CHAPTERS) + 2  # title page and contents, then every chapter on a page of its own


def test_screenshot_of_the_first_screen(pages):
    """The title page as a reader first sees it at 1280 × 900 px (the whole page took 2.8 s and 5 MB)."""
    page = view(pages, "en")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.read_bytes()[16:24] == (1280).to_bytes(4, "big") + (900).to_bytes(4, "big")  # PNG IHDR
