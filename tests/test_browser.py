"""The built report in a real browser: Playwright for Python driving Debian's Chromium.

`make test` installs the chromium package when it is missing and the user is root; elsewhere a
missing /usr/bin/chromium skips these tests (with the reason printed), except when CI is set.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import in_ci

from asfdata.paths import PROCESSED_DIR, REPORT_DIR
from asfdata.render import words
from asfdata.report.edition import CHAPTERS, chapter_id

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOT = REPORT_DIR / "asf-evaluation-report.png"


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium; skipped (failed under CI) when it is not installed."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium (make chromium, as root) to run these"
        if in_ci():
            pytest.fail(f"CI is set and {reason}")
        print(f"\nskipping the browser tests: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def loaded(browser, real_report):
    """The English report (conftest.real_report) opened by file URL, every request recorded."""
    path = real_report
    requests: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("request", lambda r: requests.append(r.url))
    # Nothing may leave the file: whatever is attempted is recorded above, then refused here.
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
               else route.abort())
    page.goto(path.as_uri(), wait_until="load")
    yield page, requests, path
    page.close()


def test_no_request_leaves_the_file(loaded):
    page, requests, path = loaded
    assert requests and requests[0] == path.as_uri()
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []


def test_every_image_loaded_and_has_alt_text(loaded):
    page = loaded[0]
    images = page.eval_on_selector_all(
        "img", "els => els.map(e => ({ok: e.complete, w: e.naturalWidth, h: e.naturalHeight, "
               "alt: (e.getAttribute('alt') || '').trim(), src: e.src.slice(0, 40)}))")
    assert images, "the report has figures"
    bad = [i for i in images if not (i["ok"] and i["w"] > 0 and i["h"] > 0 and i["alt"])]
    assert bad == []


def test_contents_and_every_chapter_heading_are_there(loaded):
    page = loaded[0]
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
        heading = page.locator(f"section#{anchor} :is(h1, h2)").first
        assert heading.is_visible()
        assert link.inner_text().strip() == heading.inner_text().strip()


def stated(measure: str, year: int) -> int:
    """The stated total of a measure in a year, from data/processed/snapshots.csv."""
    with (PROCESSED_DIR / "snapshots.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if (row["measure"], row["group"], row["year"]) == (measure, "total", str(year)):
                return int(row["value"])
    raise LookupError((measure, year))


def test_key_numbers_appear_as_the_data_say(loaded):
    page = loaded[0]
    placements = page.locator(f"section#{chapter_id(Path('02_placements_and_the_2019_reform.ipynb'))}")
    text = placements.inner_text()
    for year in (2018, 2019):
        assert words.num(stated("placements", year), "en") in text, year
    employees = page.locator(f"section#{chapter_id(Path('01_employee_trends.ipynb'))}").inner_text()
    assert words.num(stated("employees", 2020), "en") in employees


def test_print_layout_puts_each_chapter_on_a_new_a4_page(loaded):
    page = loaded[0]
    page.emulate_media(media="print")
    try:
        breaks = page.eval_on_selector_all("section.chapter",
                                           "els => els.map(e => getComputedStyle(e).breakBefore)")
    finally:
        page.emulate_media(media="screen")
    assert breaks == ["page"] * len(CHAPTERS)


def test_full_page_screenshot(loaded):
    page = loaded[0]
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
