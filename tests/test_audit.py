"""The audit's rules on small hand-made frames (pass and fail), and on the real data (back test)."""

from __future__ import annotations

import pandas as pd
import pytest

from asfdata.paths import RAW_DIR
from asfdata.pipeline import audit as A
from asfdata.pipeline.data import assumptions
from asfdata.pipeline.tidy import tidy_all
from asfdata.pipeline.validate import load_raw


def snap(rows):
    """A snapshots frame from (year, measure, group, category, value) tuples."""
    df = pd.DataFrame(rows, columns=["year", "measure", "group", "category", "value"])
    return df.assign(value=df["value"].astype("Int64"), source="S " + df["year"].astype(str))


def claims(rows):
    """A claims frame from (id, measure, category, gender, municipality, y0, y1, value, approx)."""
    cols = ["claim_id", "measure", "category", "gender", "municipality", "year_from", "year_to",
            "value", "approximate"]
    return pd.DataFrame(rows, columns=cols).assign(source="Summary")


def records(rows) -> list[dict]:
    """Audit rows as dicts, whether a rule returned a frame or a list."""
    return rows.to_dict("records") if isinstance(rows, pd.DataFrame) else rows


MEASURES = pd.DataFrame({"measure": ["employees", "placements", "people_active", "informed"],
                         "sum_of": ["", "", "employees; placements", ""]})


def test_total_vs_parts_passes_and_fails():
    df = snap([(2018, "placements", "total", "all", 244), (2018, "placements", "placed_by", "A", 152),
               (2018, "placements", "placed_by", "K", 74), (2018, "placements", "placed_by", "O", 17),
               (2019, "placements", "total", "all", 130), (2019, "placements", "placed_by", "A", 93),
               (2019, "placements", "placed_by", "K", 26), (2019, "placements", "placed_by", "O", 11)])
    rows = records(A.total_vs_parts(df))
    assert [(r["scope"], r["stated"], r["computed"], r["difference"], r["status"]) for r in rows] == [
        ("placements 2018 by placed_by", 244, 243, 1, "mismatch"),
        ("placements 2019 by placed_by", 130, 130, 0, "ok"),
    ]
    assert rows[0]["note"] == "off by one"
    assert rows[0]["sources"] == "S 2018"


def test_total_vs_parts_skips_unstated_parts():
    df = snap([(2016, "employees", "total", "all", 10), (2016, "employees", "gender", "women", 4),
               (2016, "employees", "gender", "men", None)])
    assert records(A.total_vs_parts(df)) == []


def test_mechanical_notes():
    assert A.mechanical_note(1257, 1275) == "two digits swapped (1257 vs 1275)"
    assert A.mechanical_note(244, 243) == "off by one"
    assert A.mechanical_note(123, 117, {"A": 81, "K": 26, "O": 10}) == "no mechanical cause found"
    assert A.mechanical_note(168, 123, {"A": 81, "K": 26, "O": 16}) == \
        "O written 61 instead of 16 would make the parts add up"
    assert A.mechanical_note(5, 5) == ""


def test_period_total_and_approximate_claims():
    frames = {
        "snapshots": snap([(y, "informed", "total", "all", v) for y, v in [(2016, 95), (2017, 586)]]
                          + [(2016, "employees", "total", "all", 179),
                             (2016, "placements", "total", "all", 156)]),
        "funded_placements": pd.DataFrame(columns=["year", "municipality", "places_used", "source"]),
        "claims": claims([
            ("p", "informed", "all", None, None, 2016, 2017, 681, False),
            ("q", "informed", "all", None, None, 2016, 2017, 618, False),
            ("e", "employees", "all", None, None, 2016, 2016, 200, True),
            ("f", "employees", "all", None, None, 2016, 2016, 190, True),
            ("a", "people_active", "all", None, None, 2016, 2016, 350, True),
        ]),
    }
    rows = A.claims_vs_detail(frames, MEASURES)
    got = [(r["check"], r["stated"], r["computed"], r["status"]) for r in rows]
    assert got == [
        ("period_total_vs_years", 681, 681, "ok"),
        ("period_total_vs_years", 618, 681, "mismatch"),
        ("same_figure_two_sections", 200, 179, "mismatch"),  # 10.5 % off: outside ±10 %
        ("same_figure_two_sections", 190, 179, "approximate"),  # 5.8 % off
        ("same_figure_two_sections", 350, 335, "approximate"),  # employees + placements
    ]


def test_funded_rules_on_a_small_case():
    fp = pd.DataFrame({"year": [2018, 2018], "municipality": ["X", "Y"], "places_granted": [3, 2],
                       "places_used": [2, 1], "women": pd.array([1, 1], "Int64"),
                       "men": pd.array([1, None], "Int64"), "source": "D"})
    fo = pd.DataFrame({"year": [2018, 2018, 2018], "municipality": ["X", "X", "Y"],
                       "outcome": ["work", "back", "extended"], "gender": ["men", "men", "unknown"],
                       "count": [1, 1, 1], "source": "D"})
    cl = claims([("u", "unique_individuals", "all", None, None, 2018, 2018, 2, False),
                 ("w", "outcome", "work", "women", "X", 2018, 2018, 1, False),
                 ("b", "outcome", "back", "women", None, 2018, 2018, 1, False)])
    used = records(A.outcomes_vs_places_used(fp, fo))
    assert [(r["scope"], r["stated"], r["computed"], r["status"]) for r in used] == [
        ("X 2018", 2, 2, "ok"), ("Y 2018", 1, 1, "ok"), ("all municipalities 2018–2018", 3, 3, "ok")]
    uniq = A.unique_individuals_vs_places_used(cl, fp, fo)[0]
    assert (uniq["stated"], uniq["computed"], uniq["status"]) == (2, 2, "ok")  # 3 used − 1 extended
    assert A.summary_outcomes_vs_individuals(cl)[0]["status"] == "ok"  # 1 + 1 outcomes = 2
    detail = {(r["check"], r["scope"]): (r["stated"], r["computed"], r["status"])
              for r in A.summary_outcome_vs_detail(cl, fo)}
    assert detail == {
        ("summary_outcome_count", "outcome work (any gender) X"): (1, 1, "ok"),
        ("summary_outcome_gender", "outcome work women X"): (1, 0, "mismatch"),  # detail: a man
        ("summary_outcome_count", "outcome back (any gender)"): (1, 1, "ok"),
        ("summary_outcome_gender", "outcome back women"): (1, 0, "mismatch"),
    }
    placed = {(r["check"], r["scope"]): (r["stated"], r["computed"], r["status"])
              for r in records(A.outcome_genders_vs_placed(cl, fp, fo))}
    assert placed[("outcome_genders_vs_placed_detail", "X men")] == (2, 1, "mismatch")
    assert placed[("outcome_genders_vs_placed_summary", "X women")] == (1, 1, "ok")
    genders = {r["scope"]: (r["stated"], r["computed"]) for r in A.summary_genders_vs_detail(cl, fp)}
    assert genders == {"funded placements women": (2, 2), "funded placements men": (0, 1)}


def test_within_stated_range():
    cl = claims([("lo", "staffing_percent", "min", None, None, 2016, 2020, 50, False),
                 ("hi", "staffing_percent", "max", None, None, 2016, 2020, 100, False),
                 ("x", "staffing_percent", "raised", None, None, 2019, 2019, 80, False),
                 ("y", "staffing_percent", "cut", None, None, 2019, 2019, 25, False)])
    got = [(r["scope"], r["stated"], r["computed"], r["status"]) for r in A.within_stated_range(cl)]
    assert got == [("staffing_percent 2019 raised", 80, 80, "ok"),
                   ("staffing_percent 2019 cut", 25, 50, "mismatch")]


@pytest.fixture(scope="module")
def real_audit():
    raw = load_raw(RAW_DIR)
    return A.audit(tidy_all(raw), raw["measures"])


def test_real_audit_mismatches_back_test(real_audit):
    bad = real_audit[real_audit["status"] != "ok"]
    got = sorted(zip(bad["check"], bad["scope"], bad["stated"], bad["computed"], bad["status"], strict=True))
    assert got == [
        ("outcome_genders_vs_placed_detail", "Nordanstig men", 2, 1, "mismatch"),
        ("period_total_vs_years", "informed 2016–2020", 1257, 1275, "mismatch"),
        ("same_figure_two_sections", "employees 2016", 200, 179, "mismatch"),
        ("same_figure_two_sections", "people_active 2016", 350, 335, "approximate"),
        ("summary_genders_vs_detail", "funded placements men", 1, 2, "mismatch"),
        ("summary_outcome_count", "outcome back (any gender)", 8, 7, "mismatch"),
        ("summary_outcome_gender", "outcome arbetsformedlingen women Nordanstig", 1, 0, "mismatch"),
        ("summary_outcome_gender", "outcome back women", 8, 7, "mismatch"),
        ("total_vs_parts", "placements 2018 by placed_by", 244, 243, "mismatch"),
        ("total_vs_parts", "placements 2020 by placed_by", 123, 117, "mismatch"),
    ]
    assert len(real_audit) == 42 and (real_audit["status"] == "ok").sum() == 32


def test_real_audit_sources_and_notes(real_audit):
    informed = real_audit[real_audit["scope"] == "informed 2016–2020"].iloc[0]
    assert informed["sources"].split("; ") == [
        "Milstolpar 2016", "Milstolpar 2017", "Milstolpar 2018", "Milstolpar 2019", "Milstolpar 2020",
        "Sammanfattning Strukturinriktade insatser 2016–2020"]
    assert "two digits swapped (1257 vs 1275)" in informed["note"]
    assert (real_audit["difference"] == real_audit["stated"] - real_audit["computed"]).all()
    cited = set(real_audit["note"].str.findall(r"\bA\d{2}\b").explode().dropna())
    assert cited and cited <= set(assumptions()["id"])


def test_audit_command_prints_mismatches_first_and_strict_fails(capsys):
    from asfdata.cli import main

    assert main(["audit"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "9 mismatch, 1 approximate, 32 ok (42 checks)"
    body = [ln.split()[0] for ln in out.splitlines()[3:] if ln and not ln.startswith(" ")]
    assert body == sorted(body, key=["mismatch", "approximate", "ok"].index)
    assert main(["audit", "--strict"]) == 1


def test_funded_rules_fail_when_the_summary_and_detail_disagree():
    fp = pd.DataFrame({"year": [2017, 2018], "municipality": ["X", "X"], "places_granted": [4, 4],
                       "places_used": [2, 3], "women": pd.array([2, 2], "Int64"),
                       "men": pd.array([0, 1], "Int64"), "source": "D"})
    fo = pd.DataFrame({"year": [2017, 2018], "municipality": ["X", "X"], "outcome": ["back", "back"],
                       "gender": ["unknown", "unknown"], "count": [1, 3], "source": "D"})
    cl = claims([("u", "unique_individuals", "all", None, None, 2017, 2018, 4, False),
                 ("b", "outcome", "back", "women", None, 2017, 2018, 5, False)])
    used = {r["scope"]: (r["stated"], r["computed"], r["status"])
            for r in records(A.outcomes_vs_places_used(fp, fo))}
    assert used == {"X 2017": (1, 2, "mismatch"), "X 2018": (3, 3, "ok"),
                    "all municipalities 2017–2018": (4, 5, "mismatch")}
    uniq = A.unique_individuals_vs_places_used(cl, fp, fo)[0]
    assert (uniq["stated"], uniq["computed"], uniq["status"]) == (4, 5, "mismatch")  # nothing extended
    summary = A.summary_outcomes_vs_individuals(cl)[0]
    assert (summary["stated"], summary["computed"], summary["status"]) == (5, 4, "mismatch")
    count = [r for r in A.summary_outcome_vs_detail(cl, fo) if r["check"] == "summary_outcome_count"][0]
    got = (count["stated"], count["computed"], count["status"], count["note"])
    assert got == (5, 4, "mismatch", "off by one")
    genders = {r["scope"]: r["status"] for r in A.summary_genders_vs_detail(cl, fp)}
    assert genders == {"funded placements women": "mismatch", "funded placements men": "mismatch"}
