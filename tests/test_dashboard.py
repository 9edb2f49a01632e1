"""The dashboard without code in a real browser: `make explore lang=sv` (Voilà, asfdata/explore_server.py) on
a free port, opened in Debian's Chromium by Playwright; a control changed as a reader changes it, the chart
and the table redrawn, the table saved as CSV; no request leaving 127.0.0.1; Ctrl-C stopping it in one line.

Chromium as in test_browser.py: a missing /usr/bin/chromium skips these tests (with the reason printed),
except when CI is set; Playwright never downloads a browser. The server starts once for the module (about
3 s), the page once (Voilà runs the notebook in a fresh kernel: about 9 s)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
from conftest import in_ci

from asfdata.chapters import explore
from asfdata.paths import ROOT
from asfdata.render import words

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run"]
LANG = "sv"  # make explore lang=sv: the Swedish dashboard (the English is the default path)
START_SECONDS = 180  # make explore prints its address within this (a set-up of .venv may come first)
PAGE_MS = 120_000  # Voilà runs the notebook in a fresh kernel before the first chart shows
REDRAW_MS = 30_000
CHART = "figure svg[role=img]"  # the chart shown (the phone's drawing is left empty in the widgets)
HEADER = [words.t("col_year", LANG), words.name("women", LANG), words.name("men", LANG)]  # employees


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """`make explore lang=sv port=N` in a session of its own, as a terminal runs it: its address, the process
    and what it printed (stdout, stderr), read as it comes; stopped at the end if a test has not."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    proc = subprocess.Popen(["make", "--no-print-directory", "explore", f"lang={LANG}", f"port={port}"],
                            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    out: dict[str, list[str]] = {"stdout": [], "stderr": []}
    readers = [threading.Thread(target=lambda s=stream, k=key: out[k].extend(s), daemon=True)
               for key, stream in (("stdout", proc.stdout), ("stderr", proc.stderr))]
    for r in readers:
        r.start()
    started = time.monotonic()
    while not any("explore: open " in line for line in out["stdout"]):
        if proc.poll() is not None or time.monotonic() - started > START_SECONDS:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail(f"make explore did not start: {''.join(out['stderr'])[-2000:]}")
        time.sleep(0.1)
    address = next(line for line in out["stdout"] if "explore: open " in line).split()[2]
    yield {"address": address, "port": port, "proc": proc, "out": out, "readers": readers,
           "seconds": time.monotonic() - started}
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)


@pytest.fixture(scope="module")
def page(server):
    """The dashboard in headless Chromium, its first chart shown; every request and web socket recorded,
    any not to 127.0.0.1 (or a data: address) refused after it is recorded."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium (make chromium, as root) to run these"
        if in_ci():
            pytest.fail(f"CI is set and {reason}")
        print(f"\nskipping the dashboard's browser tests: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright  # here: only with Chromium there (60 ms in every worker)

    seen: list[str] = []
    local = (f"http://127.0.0.1:{server['port']}/", f"ws://127.0.0.1:{server['port']}/", "data:")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        pg.on("request", lambda r: seen.append(r.url))
        pg.on("websocket", lambda w: seen.append(w.url))
        pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local)
                 else route.abort())
        started = time.monotonic()
        pg.goto(server["address"])
        pg.wait_for_selector(CHART, timeout=PAGE_MS)
        yield {"page": pg, "seen": seen, "local": local, "seconds": time.monotonic() - started}
        browser.close()


def control(pg, label_key: str):
    """The <select> of the control labelled by a catalog text (in LANG)."""
    label = explore.t(label_key, LANG)
    return pg.locator(".widget-dropdown", has=pg.locator("label", has_text=label)).locator("select")


def test_make_explore_prints_one_address_on_127_0_0_1_with_a_token(server):
    lines = "".join(server["out"]["stdout"]).splitlines()
    assert len(lines) == 1 and lines[0].startswith("explore: open ")
    assert server["address"].startswith(f"http://127.0.0.1:{server['port']}/?token=")
    assert len(server["address"].split("token=")[1]) == 48  # secrets.token_hex(24)
    print(f"\nmake explore printed its address after {server['seconds']:.1f} s")


def test_the_dashboard_shows_the_swedish_explorer_without_code(page):
    pg = page["page"]
    print(f"\nthe first chart showed {page['seconds']:.1f} s after the page was opened")
    assert pg.locator("h2").first.inner_text() == words.chapter_title("explore", LANG)
    assert control(pg, "widget_measure").input_value() == explore.t("measure_placements", LANG)
    assert pg.locator(".jp-InputArea, .jp-CodeCell .cm-editor").count() == 0  # no code
    for key in ("widget_view", "widget_breakdown", "widget_totals", "widget_per", "widget_scale"):
        assert control(pg, key).count() == 1, key
    # the notebook's opening cell for JupyterLab and its static example are run, not shown
    assert pg.get_by_text("This cell is for JupyterLab only").count() == 0
    assert pg.locator(CHART).count() == 1


def test_a_changed_control_redraws_the_chart_and_the_table(page):
    pg = page["page"]
    chart, table = pg.locator(CHART), pg.locator("table.asf-table").first
    old_chart, old_table = chart.inner_html(), table.inner_text()
    old_label = chart.get_attribute("aria-label")
    started = time.monotonic()
    control(pg, "widget_measure").select_option(label=explore.t("measure_employees", LANG))
    pg.wait_for_function(f"old => document.querySelector('{CHART}').getAttribute('aria-label') !== old",
                         arg=old_label, timeout=REDRAW_MS)
    print(f"\nredrawn {time.monotonic() - started:.2f} s after the measure was chosen")
    assert chart.inner_html() != old_chart  # the drawing itself, not only its label
    caption = table.locator("caption").inner_text()
    assert table.inner_text() != old_table and caption.startswith(explore.t("measure_employees", LANG))
    header = [c.strip() for c in table.locator("thead th").all_inner_texts()]
    assert header == HEADER
    assert "113" in table.locator("tbody tr").first.inner_text()  # women employed in 2016


def test_the_table_shown_saves_as_csv_for_excel_in_swedish(page):
    pg = page["page"]
    with pg.expect_download(timeout=REDRAW_MS) as saved:
        pg.locator("a.asf-download").click()
    data = Path(saved.value.path()).read_bytes()
    assert saved.value.suggested_filename == "asf-explore-employees.csv"
    lines = data.decode("utf-8-sig").splitlines()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark: Excel reads it as UTF-8
    assert lines[0] == ";".join(HEADER)
    assert lines[1] == "2016;113;66"  # the autumn count of 2016: 113 women, 66 men


def test_no_request_left_127_0_0_1(page):
    seen, local = page["seen"], page["local"]
    print(f"\n{len(seen)} requests and web sockets, all to 127.0.0.1")
    assert len(seen) > 10 and any(u.startswith(local[1]) for u in seen)  # the page, its assets, the kernel
    assert [u for u in seen if not u.startswith(local)] == []  # no CDN: not Font Awesome, not MathJax


def test_ctrl_c_stops_it_with_one_line_and_no_process_left(server, page):
    """Ctrl-C as a terminal sends it: SIGINT to the whole foreground process group, make and all."""
    proc = server["proc"]
    started = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    # the recipe ends with 0 (Ctrl-C is the usual end of a dashboard), so make adds no line of its own; make,
    # which had the SIGINT too, then ends by it, as a shell expects of a command stopped with Ctrl-C
    assert proc.wait(60) == -signal.SIGINT
    for r in server["readers"]:
        r.join(10)
    print(f"\nstopped {time.monotonic() - started:.1f} s after Ctrl-C")
    assert "".join(server["out"]["stderr"]) == "explore: stopped\n"
    left = subprocess.run(["pgrep", "-f", f"--port={server['port']}"], capture_output=True, text=True)
    assert left.stdout == ""  # Voilà (and with it the notebook's kernel) is gone
