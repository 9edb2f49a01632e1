"""The A4 print of the main body is at most 25 pages in both editions, checked in Chromium (issue 21); the
whole print has no blank page.

The main body runs from the title to the first annex: each edition (conftest.real_reports) is opened once
in Debian's Chromium (test_browser's fixture: skipped without it, failed under CI), laid out for print,
every section from the first annex on (a chapter numbered from asfdata.registry.APPENDIX on, and those after
it) and "About this report" hidden (display: none), then printed to A4 as test_browser prints it. Only over
the budget is it printed again with each chapter from one on hidden as well, so that the failure says
where the pages go. Pages are counted in the PDF's bytes (its /Type /Page objects); a blank page is one
whose content draws no glyph (read with the standard library's zlib: no PDF library); both are checked on a
page Chromium prints with a known number of pages, one of them blank.
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


def glyphs_per_page(pdf: bytes) -> list[int]:
    """The glyphs each page draws, in the page tree's order (a page drawing none is blank)."""
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
        glyphs = 0
        for ref in re.findall(REF, contents.group(1)) if contents else []:
            head, data = objects[int(ref)]
            data = zlib.decompress(data or b"") if b"/FlateDecode" in head else data or b""
            for one, array in SHOWN.findall(data):
                glyphs += sum(len(s) // 4 for s in HEX.findall(one or array))
        out.append(glyphs)
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
