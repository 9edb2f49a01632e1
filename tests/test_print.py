"""The A4 print of the main body is at most 25 pages in both editions, checked in Chromium (issue 21); the
whole print has no blank page, breaks a page only before a chapter or annex, leaves no other page more than
half empty and no table's caption and header at the foot of a page without its first row (issue 22).

The main body runs from the title to the first annex: each edition (conftest.real_reports) is opened once
in Debian's Chromium (test_browser's fixture: skipped without it, failed under CI), laid out for print,
every section from the first annex on (a chapter numbered from asfdata.registry.APPENDIX on, and those after
it) and "About this report" hidden (display: none), then printed to A4 as test_browser prints it. Only over
the budget is it printed again with each chapter from one on hidden as well, so that the failure says
where the pages go. Pages are counted in the PDF's bytes (its /Type /Page objects); a blank page is one
whose content draws no glyph (read with the standard library's zlib: no PDF library); both are checked on a
page Chromium prints with a known number of pages, one of them blank. How full a page is comes from the
height of its lowest text (the PDF's text and graphics matrices followed); where chapters and tables stand
from marks, white letters of a size no other text has, put on each chapter's heading and each table's
caption and first row for one print (checked on a known page too).
"""

from __future__ import annotations

import re
import zlib
from itertools import pairwise

import pytest
from conftest import LANGS
from test_browser import browser  # noqa: F401  # its fixture: one Chromium for this module

from asfdata.registry import APPENDIX, REPORT_CHAPTERS, Chapter

BUDGET = 25  # A4 pages of the main body, at most (issue 21)
PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")  # a page object, not the page tree's /Pages nodes
OBJECT = re.compile(rb"(\d+) 0 obj\b")
REF = rb"(\d+)\s+0\s+R"
HEX = re.compile(rb"<([0-9A-Fa-f]*)>")  # a string of glyph ids, four hex digits each (Chromium's fonts)
SHOWN = re.compile(rb"(<[0-9A-Fa-f]*>)\s*Tj|\[([^\]]*)\]\s*TJ")  # text drawn: one string, or an array
NUMBER = re.compile(rb"[-+]?(?:\d+\.?\d*|\.\d+)")
TOKEN = re.compile(rb"<[0-9A-Fa-f]*>|\[[^\]]*\]|/[^\s/\[\]<>()]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+")
PROBE = "print-probe"  # the id of the style sheet that hides sections while a test prints

# A style sheet hiding the sections the selectors name; the number of elements each selector found.
HIDE = """([id, selectors]) => {
  const style = document.createElement('style');
  style.id = id;
  style.textContent = selectors.map(s => `${s} { display: none !important; }`).join('\\n');
  document.head.append(style);
  return selectors.map(s => document.querySelectorAll(s).length);
}"""


def annex(c: Chapter) -> bool:
    """True for an annex: a chapter numbered from APPENDIX on."""
    return c.id.isdigit() and int(c.id) >= APPENDIX


def main_body() -> tuple[tuple[Chapter, ...], tuple[Chapter, ...]]:
    """The report's chapters before the first annex, and those from it on (REPORT_CHAPTERS' order, the
    report's)."""
    first = next((i for i, c in enumerate(REPORT_CHAPTERS) if annex(c)), len(REPORT_CHAPTERS))
    return REPORT_CHAPTERS[:first], REPORT_CHAPTERS[first:]


def selector(c: Chapter) -> str:
    """The CSS selector of a chapter's section (its data-notebook: the notebook's file name)."""
    return f'section.chapter[data-notebook="{c.notebook}.ipynb"]'


# ---- the PDF, read with the standard library ---------------------------------------------------------------


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF: its /Type /Page objects (Chromium writes no object streams)."""
    return len(PAGE.findall(pdf))


def pdf_objects(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Each object of a PDF: number -> (its dictionary, its stream's bytes or None). A stream is skipped by
    its /Length, so that its bytes are never read as objects."""
    out: dict[int, tuple[bytes, bytes | None]] = {}
    pos = 0
    while m := OBJECT.search(pdf, pos):
        at = min(i for i in (pdf.find(b"stream", m.end()), pdf.find(b"endobj", m.end())) if i >= 0)
        head = pdf[m.end():at]
        if pdf.startswith(b"endobj", at):
            out[int(m.group(1))], pos = (head, None), at
            continue
        start = at + len(b"stream") + (2 if pdf[at + 6:at + 8] == b"\r\n" else 1)
        length = re.search(rb"/Length\s+(\d+)(?!\s+\d+\s+R)", head)
        stop = start + int(length.group(1)) if length else pdf.index(b"endstream", start)
        out[int(m.group(1))], pos = (head, pdf[start:stop]), stop
    return out


def page_contents(pdf: bytes) -> list[bytes]:
    """Each page's content (its streams, inflated and joined), in the page tree's order."""
    objects = pdf_objects(pdf)
    catalog = next(head for head, _ in objects.values() if re.search(rb"/Type\s*/Catalog\b", head))

    def leaves(n: int) -> list[int]:
        head = objects[n][0]
        if not re.search(rb"/Type\s*/Pages\b", head):
            return [n]
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", head)
        return [page for kid in re.findall(REF, kids.group(1) if kids else b"") for page in leaves(int(kid))]

    root = re.search(rb"/Pages\s+" + REF, catalog)
    assert root, "the PDF's catalog names no page tree"
    out = []
    for page in leaves(int(root.group(1))):
        contents = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)", objects[page][0])
        data = b""
        for ref in re.findall(REF, contents.group(1)) if contents else []:
            head, stream = objects[int(ref)]
            data += (zlib.decompress(stream or b"") if b"/FlateDecode" in head else stream or b"") + b"\n"
        out.append(data)
    return out


def glyphs_per_page(pdf: bytes) -> list[int]:
    """The glyphs each page draws, in the page tree's order (a page drawing none is blank)."""
    return [sum(len(s) // 4 for one, array in SHOWN.findall(data) for s in HEX.findall(one or array))
            for data in page_contents(pdf)]


def _times(a: list[float], b: list[float]) -> list[float]:
    """The PDF matrix a (six numbers) followed by b."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def text_drawn(data: bytes) -> list[tuple[float, float]]:
    """(font size, baseline height in points from the page's foot) of every text a page's content draws:
    the graphics state's matrices (q, Q, cm) and the text's (Tm, Td) followed to the page."""
    ctm, saved, numbers, size = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], [], [], 0.0
    line = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    out = []
    for token in TOKEN.findall(data):
        if NUMBER.fullmatch(token):
            numbers.append(float(token))
            continue
        if token == b"q":
            saved.append(ctm)
        elif token == b"Q":
            ctm = saved.pop()
        elif token == b"cm":
            ctm = _times(numbers[-6:], ctm)
        elif token == b"Tf":
            size = numbers[-1]
        elif token == b"Tm":
            line = numbers[-6:]
        elif token == b"Td":
            line = _times([1, 0, 0, 1, *numbers[-2:]], line)
        elif token in (b"Tj", b"TJ"):
            out.append((size, _times(line, ctm)[5]))
        if not token.startswith((b"<", b"[", b"/")):
            numbers = []
    return out


# ---- printing ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def editions(browser, real_reports) -> dict:  # noqa: F811  # browser: test_browser's fixture
    """Each built edition opened once and laid out for print: lang -> page."""
    out = {}
    for lang, path in real_reports.items():
        page = browser.new_page()
        page.goto(path.as_uri(), wait_until="load")
        page.emulate_media(media="print")
        out[lang] = page
    yield out
    for page in out.values():
        page.close()


def printed(page, hidden: list[str]) -> bytes:
    """The page printed to A4 (as test_browser prints it) with the sections the selectors name hidden;
    each selector must find one section."""
    found = page.evaluate(HIDE, [PROBE, hidden])
    try:
        assert found == [1] * len(hidden), dict(zip(hidden, found, strict=True))
        return page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        page.evaluate("id => document.getElementById(id).remove()", PROBE)


def where_the_pages_go(page, main: tuple[Chapter, ...], rest: list[str], pages: int) -> list[str]:
    """The main body's pages (pages in all) part by part: the title page and contents, then each chapter
    (its pages and where they are), from prints with every chapter from one on hidden as well."""
    before = [page_count(printed(page, [selector(c) for c in main[k:]] + rest)) for k in range(len(main))]
    before.append(pages)
    parts = [f"title page and contents: {before[0]}"]
    for c, (start, end) in zip(main, pairwise(before), strict=True):
        where = f"page {end}" if end == start + 1 else f"pages {start + 1}–{end}"
        parts.append(f"{c.notebook}: {end - start} ({where})")
    return parts


def test_pages_and_blank_pages_are_counted_right(browser):  # noqa: F811
    """A page Chromium prints on four A4 pages, the second empty: four pages by every count (the page
    objects, the page tree's /Count, the pages with their glyphs), the second blank."""
    page = browser.new_page()
    try:
        page.set_content("<p>one</p><div style='break-before: page; height: 1px'></div>"
                         "<p style='break-before: page'>three</p><p style='break-before: page'>four</p>")
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        page.close()
    glyphs = glyphs_per_page(pdf)
    assert page_count(pdf) == len(glyphs) == 4 and re.findall(rb"/Count\s+(\d+)", pdf) == [b"4"]
    assert glyphs == [3, 0, 5, 4]  # one, (nothing), three, four


@pytest.mark.parametrize("lang", LANGS)
def test_the_main_body_prints_on_at_most_25_a4_pages(editions, lang):
    main, annexes = main_body()
    rest = [selector(c) for c in annexes] + ["section#about"]
    pages = page_count(printed(editions[lang], rest))
    print(f"\n{lang}: the main body (title to the first annex) prints on {pages} A4 pages")
    if pages > BUDGET:
        parts = where_the_pages_go(editions[lang], main, rest, pages)
        pytest.fail(f"{lang}: the main body prints on {pages} A4 pages, over {BUDGET}: " + "; ".join(parts))


@pytest.mark.parametrize("lang", LANGS)
def test_the_whole_print_has_no_blank_page(editions, lang):
    glyphs = glyphs_per_page(printed(editions[lang], []))
    fewest = sorted(range(len(glyphs)), key=glyphs.__getitem__)[:3]
    print(f"\n{lang}: {len(glyphs)} A4 pages in all; the fewest glyphs: "
          + ", ".join(f"page {i + 1} {glyphs[i]}" for i in fewest))
    assert [i + 1 for i, n in enumerate(glyphs) if n == 0] == []


# ---- how full each page is, and tables kept with their first row -------------------------------------------

# Marks of the print's structure, read back from the PDF by their font sizes (px; a chart's smallest text is
# 12 px): a chapter's heading, a table's caption and its first body row. Each is a white "x" placed
# absolutely at its element's top left, so that the page is laid out as without it.
MARKS = {"chapter": 1.37, "caption": 1.53, "row": 1.73}
MARK = """sizes => {
  const put = (element, size) => {
    const mark = document.createElement('span');
    mark.className = 'print-mark';
    mark.textContent = 'x';
    mark.style.cssText = `position: absolute; left: 0; top: 0; font-size: ${size}px; line-height: 1;
                          color: #fff`;
    element.style.position = 'relative';
    element.prepend(mark);
  };
  document.querySelectorAll('section.chapter').forEach(s => put(s.querySelector('h2'), sizes.chapter));
  let tables = 0;
  for (const table of document.querySelectorAll('table')) {
    const caption = table.querySelector(':scope > caption');
    const row = table.querySelector(':scope > tbody > tr > *');
    if (!caption || !row || !caption.getClientRects().length) continue;  // not printed: a chart's numbers
    put(caption, sizes.caption);
    put(row, sizes.row);
    tables++;
  }
  return tables;
}"""
UNMARK = "() => document.querySelectorAll('.print-mark').forEach(m => m.remove())"
MM = 72 / 25.4  # points per millimetre
TOP, FOOT = 297 * MM - 18 * MM, 20 * MM  # the text area's top and foot, points from the page's foot (@page)


def pages_of(pdf: bytes) -> list[tuple[float, list[str]]]:
    """Per page: how full it is (its lowest text's baseline, as a share of the text area's height; 0 for a
    page without text) and the marks on it, in order."""
    out = []
    for data in page_contents(pdf):
        drawn = text_drawn(data)
        heights = [y for size, y in drawn if size > 5]
        marks = [k for size, _ in drawn for k, s in MARKS.items() if abs(size - s) < 0.01]
        out.append(((TOP - min(heights)) / (TOP - FOOT) if heights else 0.0, marks))
    return out


@pytest.fixture(scope="module")
def marked(editions) -> dict[str, tuple[list[tuple[float, list[str]]], int]]:
    """Each edition printed whole with its marks: lang -> (pages_of its PDF, the tables marked)."""
    out = {}
    for lang, page in editions.items():
        tables = page.evaluate(MARK, MARKS)
        try:
            out[lang] = (pages_of(page.pdf(format="A4", prefer_css_page_size=True)), tables)
        finally:
            page.evaluate(UNMARK)
    return out


def test_the_marks_are_read_back_from_a_known_print(browser):  # noqa: F811
    """Two chapters and a table printed by Chromium: the marks are found on their pages, and the first page,
    its last text 92 mm down the 259 mm text area (a heading, then a paragraph's line at the foot of an 82 mm
    box), reads as a little over a third full."""
    page = browser.new_page()
    try:
        page.set_content(
            "<style>@page { size: A4; margin: 18mm 16mm 20mm } h2 { margin: 0; height: 10mm }"
            " p { margin: 0; height: 82mm; display: flex; align-items: flex-end }</style>"
            "<section class='chapter'><h2>One</h2><p>text</p></section>"
            "<section class='chapter' style='break-before: page'><h2>Two</h2>"
            "<table><caption>T</caption><tbody><tr><td>1</td></tr></tbody></table></section>")
        page.emulate_media(media="print")
        assert page.evaluate(MARK, MARKS) == 1
        pages = pages_of(page.pdf(format="A4", prefer_css_page_size=True))
    finally:
        page.close()
    assert [marks for _, marks in pages] == [["chapter"], ["chapter", "caption", "row"]]
    # page 1: the baseline of the paragraph's line, a little above 92 mm: 92 / 259 = 0.355
    assert 0.32 < pages[0][0] < 0.36


# Every element the print stylesheet breaks a page before or after: its tag, class and id.
FORCED_BREAKS = """() => [...document.querySelectorAll('body *')].filter(e => {
  const s = getComputedStyle(e), forced = ['page', 'left', 'right', 'recto', 'verso'];
  return forced.includes(s.breakBefore) || forced.includes(s.breakAfter);
}).map(e => `${e.tagName.toLowerCase()}.${e.className}${e.id ? '#' + e.id : ''}`)"""


@pytest.mark.parametrize("lang", LANGS)
def test_a_page_breaks_only_before_a_chapter_or_annex(editions, lang):
    """The print breaks pages after the contents and before each chapter and annex, nowhere else."""
    forced = editions[lang].evaluate(FORCED_BREAKS)
    assert forced == ["nav.asf-toc#contents"] + [f"section.chapter#{c.anchor}" for c in REPORT_CHAPTERS]


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_is_left_more_than_half_empty_but_the_last_of_a_chapter(marked, lang):
    """A page breaks only before a chapter or annex; every other page is filled at least halfway (a figure
    too tall for what is left of a page used to leave pages a third full, as in annex D)."""
    pages, _ = marked[lang]
    last = {i - 1 for i, (_, marks) in enumerate(pages) if "chapter" in marks} | {len(pages) - 1}
    thin = [f"page {i + 1}: {fill:.0%}" for i, (fill, _) in enumerate(pages) if fill < 0.5 and i not in last]
    print(f"\n{lang}: {len(pages)} pages, the fullness of each: "
          + " ".join(f"{fill:.0%}" for fill, _ in pages))
    assert thin == []
    assert sum("chapter" in marks for _, marks in pages) == len(REPORT_CHAPTERS)


@pytest.mark.parametrize("lang", LANGS)
def test_no_table_header_is_left_alone_at_the_foot_of_a_page(marked, lang):
    """Every printed table's caption (and header) stands on the page of its first row."""
    pages, tables = marked[lang]
    at = {kind: [i + 1 for i, (_, marks) in enumerate(pages) for m in marks if m == kind]
          for kind in ("caption", "row")}
    assert len(at["caption"]) == len(at["row"]) == tables >= 20  # 21 tables are printed
    assert [(k, c, r) for k, (c, r) in enumerate(zip(at["caption"], at["row"], strict=True)) if c != r] == []
