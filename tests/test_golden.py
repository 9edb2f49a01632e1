"""The words of both editions, as a reader sees them, against the golden files in tests/golden/<lang>/: one
file per chapter (asfdata.registry.REPORT_CHAPTERS, by notebook), the title page (_title) and "About this
report" (_about), one piece of text a line (tests/visible.py). This is the one test that pins the report's
prose: every other test checks figures and structure. After a deliberate change of words, `make golden`
rewrites the files (tools/golden.py); review their diff before committing it.
"""

from __future__ import annotations

import difflib
import re

import pytest
from visible import ABOUT, GOLDEN_DIR, LANGS, TITLE, golden_parts  # tests/ is on sys.path

from asfdata.registry import REPORT_CHAPTERS
from asfdata.render import words
from asfdata.report.inputs import UNCOMMITTED, revision

SHOWN = 40  # lines of the diff a failure shows
HINT = "run `make golden` after a deliberate change, and review the diff"


@pytest.fixture(scope="module")
def editions(real_reports) -> dict[str, str]:
    """The built editions (conftest.real_reports: each built once per session, unless up to date)."""
    return {lang: path.read_text(encoding="utf-8") for lang, path in real_reports.items()}


def golden_diff(parts: dict[str, str], lang: str) -> list[str]:
    """A unified diff from the golden files of lang to the parts of its built edition (empty: the same)."""
    folder = GOLDEN_DIR / lang
    kept = {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
    out = []
    for part in [*parts, *(p for p in kept if p not in parts)]:
        out += difflib.unified_diff(
            kept.get(part, "").splitlines(), parts.get(part, "").splitlines(), lineterm="",
            fromfile=f"tests/golden/{lang}/{part}.txt" if part in kept else "/dev/null",
            tofile=f"{lang} edition: {part}" if part in parts else "/dev/null")
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_the_editions_words_are_the_golden_files(editions, lang):
    diff = golden_diff(golden_parts(editions[lang], lang), lang)
    changed = sum(1 for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---"))
    if diff:
        shown = "\n".join(diff[:SHOWN]) + (f"\n… {len(diff) - SHOWN} more lines" if len(diff) > SHOWN else "")
        pytest.fail(f"the {lang} edition's words differ from tests/golden/{lang}/ ({changed} lines): {HINT}\n"
                    f"{shown}", pytrace=False)


def test_every_chapter_has_its_golden_file(editions):
    """One file per chapter of the registry, the title page and the about part, in both languages."""
    parts = [TITLE, *(c.notebook for c in REPORT_CHAPTERS), ABOUT]
    for lang in LANGS:
        assert list(golden_parts(editions[lang], lang)) == parts
        assert sorted(p.stem for p in (GOLDEN_DIR / lang).glob("*.txt")) == sorted(parts)


def test_the_golden_files_leave_out_what_changes_from_build_to_build(editions):
    """No commit, build date, uncommitted-changes note, manifest SHA-256 or software version."""
    commit = revision().removesuffix(UNCOMMITTED)
    for lang in LANGS:
        html = editions[lang]
        about = html[html.index('id="about"'):]
        varying = re.findall(r"<dd>([^<]+)</dd>", about) + re.findall(r"<td>([^<]+)</td>", about)
        assert len(varying) >= 4  # build date, commit, manifest and versions: there, to be left out
        text = "\n".join(golden_parts(html, lang).values())
        assert [v for v in varying if v in text.splitlines()] == []
        assert commit == "unknown" or commit[:12] not in text
        assert words.t("report_uncommitted", lang) not in text
        assert words.t("report_built", lang) in text.splitlines()  # the labels stay


def test_a_changed_sentence_is_one_line_of_the_diff():
    page = ('<html lang="en"><body><section id="ch-01_x"><h2>1 X</h2><p>Placements fell most.</p>'
            '<svg class="asf-chart asf-chart-screen" role="img" aria-label="Line chart: 1, 2"><text>2016'
            '</text></svg><svg class="asf-chart asf-chart-phone" role="img" aria-label="Line chart: 1, 2">'
            '<text>16</text></svg><p>Then rose.</p></section></body></html>')
    parts = golden_parts(page, "en")
    assert parts == {"01_x": "## 1 X\nPlacements fell most.\n[alt] Line chart: 1, 2\n2016\nThen rose.\n"}
    changed = golden_parts(page.replace("fell most", "dropped most"), "en")
    diff = list(difflib.unified_diff(parts["01_x"].splitlines(), changed["01_x"].splitlines(), lineterm=""))
    assert [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-Placements fell most.", "+Placements dropped most."]
