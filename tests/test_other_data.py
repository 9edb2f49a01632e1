"""The report on valid data it has not seen: every chapter runs, or the report refuses at its start with one
plain line saying what the study needs (asfdata/report/needs.py), never a traceback from a notebook.

One build per class of change, not one per case: a copy of data/raw is changed as a transcriber would
(rows appended, rows removed with the inventory's pointers following, a cell set, names renamed), built in
this process, and every chapter notebook's cells are run on it as the report's kernels run them
(tests/chapter_cells.py; a chart drawn only where the change reaches it). Expected texts come from the
catalogs; the figures in them are this data's.

Two shortcuts keep the six builds near a second each: a class's chapters share one load of its processed
frames (each notebook gets copies, as each kernel reads its own), and the people model of the funded
placements, which depends only on their frames and which no class changes, is built once for each content
of those frames (a cache keyed by the frames' text and types), not once for every call.
"""

from __future__ import annotations

import csv
import html
import re
import shutil
from pathlib import Path

import pytest
from chapter_cells import run_cells  # tests/ is on sys.path (pytest rootdir-less import)
from conftest import edit_cell, line_of  # tests/ is on sys.path
from prose import missing  # tests/ is on sys.path

from asfdata.chapters import employees, goals, placements
from asfdata.cli import main
from asfdata.pipeline import audit, data, people
from asfdata.pipeline import statements as checked_statements
from asfdata.registry import REPORT_CHAPTERS
from asfdata.render import palette, words
from asfdata.report import needs
from asfdata.report.edition import Job, build_report
from asfdata.report.inputs import EPOCH_MAX, check_source_date_epoch
from asfdata.study import Study

SNAPSHOTS, INVENTORY = "snapshots.csv", "inventory.csv"
TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)  # a text of a drawn chart (SVG)


# ---- changing a copy of data/raw ---------------------------------------------------------------------------


def rows_of(path: Path) -> list[list[str]]:
    """Every row of a CSV, the header first."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    """A CSV of rows, as data/raw writes them (LF, quotes where needed)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def append(raw: Path, name: str, *records: dict[str, str]) -> None:
    """Rows appended to raw/name, given by column (others empty)."""
    header, *body = rows_of(raw / name)
    write_rows(raw / name, [header, *body, *[[r.get(c, "") for c in header] for r in records]])


def remove(raw: Path, name: str, **match: str) -> None:
    """The rows of raw/name whose cells equal match removed; the inventory's pointers to that file follow
    (a figure of a removed row goes, the lines below move up)."""
    header, *body = rows_of(raw / name)
    gone = [line for line, r in enumerate(body, start=2)
            if all(r[header.index(k)] == v for k, v in match.items())]
    write_rows(raw / name, [header, *[r for line, r in enumerate(body, start=2) if line not in gone]])
    head, *pointers = rows_of(raw / INVENTORY)
    file, row = head.index("file"), head.index("row")
    kept = [head]
    for r in pointers:
        if r[file] == name and r[row]:
            if int(r[row]) in gone:
                continue
            r[row] = str(int(r[row]) - sum(line < int(r[row]) for line in gone))
        kept.append(r)
    write_rows(raw / INVENTORY, kept)


def rename(raw: Path, names: tuple[str, ...], old: str, new: str) -> None:
    """Every cell that is old, in the files names, made new."""
    for name in names:
        header, *body = rows_of(raw / name)
        write_rows(raw / name, [header, *[[new if cell == old else cell for cell in r] for r in body]])


def autumn(year: int, measure: str, category: str, value: int) -> dict[str, str]:
    """A row of snapshots.csv."""
    return {"year": str(year), "measure": measure, "category": category, "value": str(value),
            "source": f"Milstolpar {year}"}


def built(raw: Path) -> Path:
    """raw built, as `python -m asfdata build` builds it, into a folder beside it; the study needs
    nothing the data lack."""
    processed = raw.parent / "processed"
    assert main(["build", "--raw", str(raw), "--out", str(processed)]) == 0
    assert needs.lacking(processed) == []
    return processed


@pytest.fixture(autouse=True, scope="module")
def people_model_once():
    """people.Model built once for each content of its frames (see the module's docstring) while this
    module's tests run, wherever the build and the chapters make one."""
    made: dict[tuple, people.Model] = {}
    model = people.Model

    def content(frame) -> tuple | None:
        return None if frame is None else (frame.to_csv(index=False), tuple(map(str, frame.dtypes)))

    def once(fp, fo, claims, basis: bool = True, statements=None) -> people.Model:
        key = (content(fp), content(fo), content(claims), basis, content(statements))
        if key not in made:
            made[key] = model(fp, fo, claims, basis=basis, statements=statements)
        return made[key]

    with pytest.MonkeyPatch.context() as mp:
        for module in (people, checked_statements, audit):
            mp.setattr(module, "Model", once)
        yield


def chapters(processed: Path, lang: str = "en", drawn: tuple[str, ...] = ()) -> dict[str, str]:
    """Every chapter's HTML, run on processed, by chapter id; drawn names the functions whose charts are
    drawn (e.g. 'fig_companies'). The chapters share one load of the frames, each getting copies."""
    frames = data.load(processed)
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(data, "load", lambda _=None, study=None: frames.replace(study=study or Study()).copy())
        for c in REPORT_CHAPTERS:
            blocks = run_cells(c, {"lang": lang, "processed_dir": str(processed)}, drawn)
            assert blocks, c.notebook
            out[c.id] = "".join(blocks)
    return out


def text(page: str) -> str:
    """What a reader reads of HTML: tags left out, entities and spaces as a browser shows them."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def chart_texts(page: str) -> list[str]:
    """The texts of the drawn charts of HTML (as SVG writes them: escaped)."""
    return [m.group(1) for m in TEXT.finditer(page)]


def alt_texts(page: str) -> list[str]:
    """The alternative texts of the charts of HTML, as a screen reader reads them."""
    return [html.unescape(a) for a in re.findall(r'aria-label="([^"]*)"', page)]


def table(page: str, caption: str) -> str:
    """The HTML of the table of page with this caption."""
    start = page.index(f"<caption>{html.escape(caption)}</caption>")
    return page[start:page.index("</table>", start)]


def counted(n: int) -> str:
    """A count of autumn counts as prose writes it, by the shared words ('five')."""
    return words.t("number_words", "en").split()[n - 2]


def no_undefined_number(pages: dict[str, str]) -> None:
    """No chapter writes a number that is not one (nan, inf)."""
    found = {k: re.findall(r"(?i)\b(?:nan|inf)\b|∞", text(v)) for k, v in pages.items()}
    assert {k: v for k, v in found.items() if v} == {}


# ---- the classes of change ---------------------------------------------------------------------------------


def test_a_year_removed_narrows_the_periods_and_a_year_the_study_needs_is_refused(raw_copy, tmp_path):
    remove(raw_copy, SNAPSHOTS, year="2020")
    processed = built(raw_copy)
    pages = chapters(processed)
    no_undefined_number(pages)
    assert employees.t("intro", "en", y0=2016, y1=2019) in text(pages["01"])
    assert placements.t("h_five_points", "en", counts=counted(4)) in text(pages["02"])
    # the pandemic's year has no count: said so, not computed
    pandemic = placements.t("finding_pandemic_missing", "en", year=2020, ya=2019, yb=2020, missing="2020")
    assert pandemic in text(pages["02"])
    # the "after" period is the years counted: 2019 alone
    assert placements.t("col_after_mean", "en", years="2019") in text(pages["02"])
    # data without an autumn count the study's parameters need: the report refuses before any kernel
    lacking = tmp_path / "lacking"
    shutil.copytree(processed, lacking)
    header, *body = rows_of(lacking / SNAPSHOTS)
    write_rows(lacking / SNAPSHOTS, [header, *[r for r in body if r[0] not in ("2017", "2019")]])
    first = ("the before/after comparison needs autumn counts for 2018 and 2019: snapshots.csv has no "
             "placements by placing body for 2019")
    assert needs.lacking(lacking) == [first, "the claim about the 2018 training needs autumn counts for 2017 "
                                      "and 2018: snapshots.csv has no placements by placing body for 2017"]
    reports = tmp_path / "reports"
    with pytest.raises(needs.DataNotEnough) as refused:
        build_report(Job(lang="en", raw_dir=raw_copy, processed_dir=lacking, report_dir=reports, data=False),
                     log=lambda line: None)
    assert refused.value.lines() == [f"error: {first}"] and refused.value.exit_code == 2
    assert not reports.exists()


def test_a_year_added_is_shown_with_the_others(raw_copy):
    append(raw_copy, "reference/years.csv", {"year": "2021"})
    append(raw_copy, SNAPSHOTS, *[autumn(2021, m, c, v) for m, c, v in (
        ("companies", "all", 30), ("companies", "Hälsingland", 19), ("companies", "Gästrikland", 11),
        ("employees", "all", 215), ("employees", "women", 115), ("employees", "men", 100),
        ("placements", "all", 140), ("placements", "Arbetsförmedlingen", 90), ("placements", "Kommunen", 35),
        ("placements", "Övriga", 15), ("informed", "all", 150))])
    pages = chapters(built(raw_copy))
    no_undefined_number(pages)
    assert employees.t("intro", "en", y0=2016, y1=2021) in text(pages["01"])
    assert placements.t("h_five_points", "en", counts=counted(6)) in text(pages["02"])
    # indexed to 2018 (annex D): 35 / 74, 90 / 152 and 15 / 17 of 100, lowest first
    ends = ((47, "Kommunen"), (59, "Arbetsförmedlingen"), (88, "Övriga"))
    items = words.join([placements.t("item_index", "en", value=v, name=words.name(c, "en")) for v, c in ends],
                       "en")
    assert placements.t("title_indexed", "en", base=2018, last=2021, items=items) in text(pages["10"])
    # the study's "after" stays 2019–2020 (asfdata/study.py): the added autumn is charted, not averaged in
    assert placements.t("col_after_mean", "en", years="2019–2020") in text(pages["02"])


def test_a_third_region_is_drawn_and_named(raw_copy):
    append(raw_copy, "reference/regions.csv", {"region": "Uppland"})
    append(raw_copy, SNAPSHOTS, *[autumn(y, "companies", "Uppland", v)
                                  for y, v in zip(range(2016, 2021), (3, 4, 4, 5, 6), strict=True)])
    pages = chapters(built(raw_copy), drawn=("fig_companies",))
    no_undefined_number(pages)
    regions = [("Hälsingland", "fell", 22, 17), ("Gästrikland", "fell", 12, 11), ("Uppland", "rose", 3, 6)]
    items = [employees.t("item_region_first" if i == 0 else "item_region", "en", region=r,
                         verb=words.t(verb, "en"), a=a, b=b) for i, (r, verb, a, b) in enumerate(regions)]
    assert employees.t("takeaway_companies", "en", items="; ".join(items)) in text(pages["01"])
    assert "Uppland" in chart_texts(pages["01"])
    spare = palette.SPARE[0].lower()  # a colour no other region of the chart has, as the SVG writes it: #328
    assert f"fill:{f'#{spare[1::2]}' if spare[1::2] == spare[2::2] else spare}" in pages["01"]


def test_a_new_placing_body_is_drawn_listed_and_ranked(raw_copy):
    body = "Försäkringskassan"
    append(raw_copy, "reference/placing_bodies.csv", {"placed_by": body, "report_words": body})
    append(raw_copy, SNAPSHOTS, *[autumn(y, "placements", body, v)
                                  for y, v in zip(range(2016, 2021), (4, 6, 9, 12, 5), strict=True)])
    processed = built(raw_copy)
    pages = chapters(processed, drawn=("fig_placements",))
    no_undefined_number(pages)
    assert body in chart_texts(pages["02"])
    assert words.t("placed_by", "en", name=body) in text(pages["02"])
    bodies = "; ".join(f"{words.body(b, 'en')} {change}" for b, change in (
        ("Arbetsförmedlingen", "152 → 93 (−59; −38.8 %)"), ("Kommunen", "74 → 26 (−48; −64.9 %)"),
        ("Övriga", "17 → 11 (−6; −35.3 %)"), (body, "9 → 12 (+3; +33.3 %)")))
    reform = goals.t("claim_reform_figures", "en", y0=2018, y1=2019, bodies=bodies)
    assert text(html.escape(reform)) in text(pages["05"])
    # its part of the fall 2018 → 2019 (−3 of 110) beside the three others'; in Swedish, by its own name
    parts = ["110", "59", "53.6 %", "48", "43.6 %", "6", "5.5 %", "-3", "-2.7 %"]
    assert missing(parts, pages["02"], "en") == []
    sv = "".join(run_cells(REPORT_CHAPTERS[2], {"lang": "sv", "processed_dir": str(processed)}))
    assert words.t("placed_by", "sv", name=body) in text(sv)


def test_a_base_of_zero_is_a_dash_with_a_note(raw_copy):
    path = raw_copy / SNAPSHOTS
    edit_cell(path, line_of(path, year="2018", measure="placements", category="Övriga"), "value", "0")
    pages = chapters(built(raw_copy), drawn=("fig_placements_indexed",))
    no_undefined_number(pages)
    others = words.name("Övriga", "en")
    note = words.t("undefined_note", "en", items=words.t("undefined_item", "en", name=others, year=2018))
    # under the change from 2018 (chapter 2) and under the index on 2018 (annex D), once each
    assert (text(pages["02"]).count(note), text(pages["10"]).count(note)) == (1, 1)
    ends = ((35, "Kommunen"), (53, "Arbetsförmedlingen"))  # and none for the others: undefined
    items = words.join([placements.t("item_index", "en", value=v, name=words.name(c, "en")) for v, c in ends],
                       "en")
    assert placements.t("title_indexed", "en", base=2018, last=2020, items=items) in text(pages["10"])
    indexed = table(pages["10"], placements.t("caption_indexed", "en", base=2018))
    assert re.findall(rf'data-label="{re.escape(others)}">([^<]*)<', indexed) == [words.DASH] * 5


def test_names_are_text_as_written_in_charts_tables_and_alt_texts(raw_copy):
    # each short enough to stay on one line at the end of its series, as drawn for screens and paper
    mathtext, markup, body = "Hälsing $x^2$ land", "Gästrik <b> & &amp;", "Övr $a$ <i> & ga"
    places = ("reference/regions.csv", "reference/municipalities.csv", SNAPSHOTS)
    rename(raw_copy, places, "Hälsingland", mathtext)
    rename(raw_copy, places, "Gästrikland", markup)
    rename(raw_copy, ("reference/placing_bodies.csv", SNAPSHOTS), "Övriga", body)
    pages = chapters(built(raw_copy), drawn=("fig_companies", "fig_placements"))
    no_undefined_number(pages)
    # in the charts: the dollar signs kept (no mathtext), markup escaped once by the SVG
    regions, bodies = chart_texts(pages["01"]), chart_texts(pages["02"])
    assert mathtext in regions and html.escape(markup, quote=False) in regions
    assert html.escape(body, quote=False) in bodies
    # in tables, sentences and the charts' labels: escaped once, read as written
    for name, page in ((mathtext, pages["01"]), (markup, pages["01"]), (body, pages["02"])):
        assert f'<th scope="col">{html.escape(name, quote=False)}</th>' in page  # a column of a table
        assert f'data-label="{html.escape(name)}"' in page
        assert [a for a in alt_texts(page) if name in a] and name in text(page)
    for page in pages.values():
        assert "&amp;lt;" not in page and "<b>" not in page and "<i>" not in page


# ---- the environment ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "1e9", "-1", " 5", "１２", str(EPOCH_MAX + 1), "9" * 60])
def test_a_bad_source_date_epoch_is_one_plain_line_before_anything_runs(value, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    out_dir = tmp_path / "out"
    assert main(["report", "--lang", "en", "--raw", str(tmp_path / "none"), "--out", str(out_dir)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == (
        f"error: SOURCE_DATE_EPOCH={value[:40]!r} is not a build date: give whole seconds since 1970-01-01 "
        f"UTC, as `date +%s` writes them (0 to {EPOCH_MAX}, 9999-12-31), or unset it\n")
    assert not out_dir.exists()


@pytest.mark.parametrize("value", ["", "0", "1700000000", str(EPOCH_MAX)])
def test_a_source_date_epoch_of_whole_seconds_is_taken(value, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    check_source_date_epoch()
