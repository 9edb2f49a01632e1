"""Public context beside the report's figures (issue 25): data/raw/context.csv and context_events.csv are
validated like the report's own files, published in data/processed and the data package, traceable, and kept
apart from the audit."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from asfdata.chapters import explore
from asfdata.cli import main
from asfdata.paths import PROCESSED_DIR, RAW_DIR
from asfdata.pipeline.data import load
from asfdata.render import words


def raw_rows(name: str) -> list[dict[str, str]]:
    with (RAW_DIR / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_public_figure_has_its_publisher_address_and_reading_date():
    for name in ("context.csv", "context_events.csv"):
        rows = raw_rows(name)
        assert len(rows) >= 5, name
        for r in rows:
            assert r["publisher"] and r["address"].startswith("https://") and r["read_on"] == "2026-12-07", r
            assert r["note"] and r["note"][:1].isupper(), r  # described in the project's words


def test_the_figures_as_published_and_read():
    frames = load()
    context = frames.context.set_index("context_id")["value"]
    # SCB, full-year equivalents in labour-market programmes, Sweden: 151 639 (2018) -> 145 849 (2019)
    assert context["programme-fye-sweden-2018"] == 151639 and context["programme-fye-sweden-2019"] == 145849
    assert round((145849 / 151639 - 1) * 100, 1) == -3.8  # 145849 / 151639 − 1 = −3.8 %
    # Arbetsförmedlingen Gävleborg, in programmes with activity support at the end of May: 8 063 -> 7 481
    may = (context["programme-stock-gavleborg-2018-05"], context["programme-stock-gavleborg-2019-05"])
    assert may == (8063, 7481)
    assert frames.context["approximate"].sum() == 1  # extra jobs, October 2019: "about 6 000"
    # by date, a fact dated by its year alone after the days of that year
    dates = ["2018-12-21", "2019-01-30", "2019-10-28", "2019", "2020"]
    assert list(frames.context_events["date"]) == dates


def test_context_never_enters_the_audit():
    frames = load()
    assert not set(frames.context["measure"]) & set(frames.audit["measure"])
    assert not set(frames.context["measure"]) & set(frames.snapshots["measure"])


def test_the_data_package_publishes_both_files_with_keys():
    package = json.loads((PROCESSED_DIR / "datapackage.json").read_text(encoding="utf-8"))
    keys = {r["name"]: r["schema"]["primaryKey"] for r in package["resources"]
            if r["name"].startswith("context")}
    assert keys == {"context": ["context_id"], "context_events": ["event_id"]}


def test_trace_shows_a_public_figure_with_its_source(capsys):
    assert main(["trace", "programme_fye", "2019"]) == 0
    out = capsys.readouterr().out
    assert "programme-fye-sweden-2019" in out and "145849 full-year equivalents" in out
    assert "read on 2026-12-07" in out and "Audit rows" not in out
    assert main(["trace", "programme_fye", "2015"]) == 2
    assert capsys.readouterr().err == (
        "trace: no figure of programme_fye in 2015: programme_fye has years 2016, 2017, 2018, 2019, 2020\n")


@pytest.mark.parametrize(("column", "value", "message"), [
    ("period", "May 2019", "not a year or a month (2019, 2019-05)"),
    ("address", "www.scb.se", "not a web address"),
    ("read_on", "7 December", "not a date (2026-12-07)"),
])
def test_a_badly_written_period_address_or_date_is_refused(tmp_path, capsys, column, value, message):
    raw = tmp_path / "raw"
    shutil.copytree(RAW_DIR, raw)
    rows = raw_rows("context.csv")
    rows[0][column] = value
    with (raw / "context.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path / "out"
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"context.csv, line 2, column '{column}'" in err and message in err and not out.exists()


def test_the_explorer_draws_the_national_programme_volume_beside_the_placements_indexed():
    frames = load()
    snapshots, context = frames.snapshots, frames.context
    frame = explore.explore_frame(snapshots, "placements", "total", "indexed", 2018, context, totals="stated")
    national = frame.loc[frame["category"] == explore.CONTEXT_MEASURE].set_index("year")["value"].round(1)
    # SCB, indexed to 2018 = 100: 162986 / 151639 = 107.5; 145849 / 151639 = 96.2; 172472 / 151639 = 113.7
    assert national.to_dict() == {2016: 107.5, 2017: 105.2, 2018: 100.0, 2019: 96.2, 2020: 113.7}
    placed = frame.loc[frame["category"] == "all"].set_index("year")["value"].round(1)
    assert placed[2019] == 53.3  # the stated totals: 130 / 244 = 53.3
    # only beside the placements on the indexed scale: no unit is shared on any other
    absolute = explore.explore_frame(snapshots, "placements", "total", "absolute", 2018, context)
    assert explore.CONTEXT_MEASURE not in set(absolute["category"])
    shown = explore.explore_html(snapshots, "placements", "total", "indexed", 2018, "sv", context)
    assert words.t("cat_programme_fye", "sv") in shown and "helårsekvivalenter" in shown
