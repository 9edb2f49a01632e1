"""Back tests of asfdata.metrics: expected values hand-calculated from the report, written as literals."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from asfdata import metrics
from asfdata.pipeline.audit_lookup import audit_about, audit_counts, audit_key, audit_row, sort_audit


@pytest.fixture(scope="module")
def placed(frames) -> pd.DataFrame:
    return metrics.series(frames.snapshots, "placements", "placed_by")


def audit_frame() -> pd.DataFrame:
    """A small hand-made audit in the contract of data/processed/audit.csv."""
    return pd.DataFrame(
        {
            "audit_id": [
                "total_vs_parts:placements:2018:placed_by",
                "total_vs_parts:placements:2019:placed_by",
                "period_total_vs_years:informed-period-total",
                "same_figure_two_sections:background-people-active-2016",
            ],
            "check": [
                "total_vs_parts",
                "total_vs_parts",
                "period_total_vs_years",
                "same_figure_two_sections",
            ],
            "scope": [
                "people placed 2018 by placing body",
                "people placed 2019 by placing body",
                "people informed 2016–2020",
                "people active 2016",
            ],
            "scope_sv": [
                "placerade 2018 per placerande aktör",
                "placerade 2019 per placerande aktör",
                "informerade 2016–2020",
                "verksamma personer 2016",
            ],
            "stated": pd.array([244, 130, 1257, 350], dtype="Int64"),
            "computed": pd.array([243, 130, 1275, 335], dtype="Int64"),
            "difference": pd.array([1, 0, -18, 15], dtype="Int64"),
            "status": ["mismatch", "ok", "mismatch", "approximate"],
            "sources": ["Milstolpar 2018", "Milstolpar 2019", "Milstolpar 2016; Sammanfattning", "Bakgrund"],
            "note": ["off by one", "", "two digits swapped (1257 vs 1275)", ""],
            "note_sv": ["skiljer sig med 1", "", "två siffror omkastade (1\u00a0257 mot 1\u00a0275)", ""],
            "statements": ["", "", "informed-period-total", "background-people-active-2016"],
        }
    )


# ---- the 2019 reform: per placing body ------------------------------------------------------------------


def test_change_2018_to_2019_per_placing_body(placed):
    ch = metrics.change_between(placed, 2018, 2019).set_index("category")
    # Arbetsförmedlingen 152 → 93: −59, −59/152 = −38.8 %
    assert ch.loc["Arbetsförmedlingen", ["start", "end", "change"]].tolist() == [152, 93, -59]
    assert round(ch.loc["Arbetsförmedlingen", "change_pct"], 1) == -38.8
    # Kommunen 74 → 26: −48, −64.9 %
    assert ch.loc["Kommunen", ["start", "end", "change"]].tolist() == [74, 26, -48]
    assert round(ch.loc["Kommunen", "change_pct"], 1) == -64.9
    # Övriga 17 → 11: −6, −35.3 %
    assert ch.loc["Övriga", ["start", "end", "change"]].tolist() == [17, 11, -6]
    assert round(ch.loc["Övriga", "change_pct"], 1) == -35.3


def test_period_means_before_and_after_per_placing_body(placed):
    pm = metrics.period_means(placed).set_index("category")
    # Arbetsförmedlingen: (96 + 155 + 152) / 3 = 134.33 before, (93 + 81) / 2 = 87.0 after, −35.2 %
    assert pm.loc["Arbetsförmedlingen", "before_mean"] == pytest.approx(134.3333, abs=1e-4)
    assert pm.loc["Arbetsförmedlingen", "after_mean"] == 87.0
    assert round(pm.loc["Arbetsförmedlingen", "change_pct"], 1) == -35.2
    assert pm.loc["Arbetsförmedlingen", "change"] == pytest.approx(-47.3333, abs=1e-4)
    # Kommunen: (57 + 65 + 74) / 3 = 65.33 before, (26 + 26) / 2 = 26.0 after, −60.2 %
    assert pm.loc["Kommunen", "before_mean"] == pytest.approx(65.3333, abs=1e-4)
    assert pm.loc["Kommunen", "after_mean"] == 26.0
    assert round(pm.loc["Kommunen", "change_pct"], 1) == -60.2
    # Övriga: (3 + 10 + 17) / 3 = 10.0 before, (11 + 10) / 2 = 10.5 after, +5.0 %
    assert pm.loc["Övriga", ["before_mean", "after_mean"]].tolist() == [10.0, 10.5]
    assert round(pm.loc["Övriga", "change_pct"], 1) == 5.0


def test_fell_most_is_ranked_by_percent_change_not_people(placed):
    pm = metrics.period_means(placed)
    assert pm["category"].tolist() == ["Kommunen", "Arbetsförmedlingen", "Övriga"]
    assert pm["rank"].tolist() == [1, 2, 3]
    # in people Arbetsförmedlingen fell more (−47.3) than Kommunen (−39.3)
    assert pm.set_index("category")["change"].idxmin() == "Arbetsförmedlingen"


def test_indexed_to_2018_and_shares(placed):
    ix = metrics.indexed(placed, 2018).set_index(["year", "category"])["value"]
    assert ix[(2018, "Arbetsförmedlingen")] == 100.0
    assert round(ix[(2020, "Arbetsförmedlingen")], 1) == 53.3  # 81 / 152
    assert round(ix[(2019, "Kommunen")], 1) == 35.1  # 26 / 74
    sh = metrics.shares(placed)
    assert sh.groupby("year")["value"].sum().round(9).tolist() == [100.0] * 5
    assert (
        round(sh.set_index(["year", "category"]).loc[(2016, "Arbetsförmedlingen"), "value"], 1) == 61.5
    )  # 96/156
    with pytest.raises(ValueError, match="base year 2030"):
        metrics.indexed(placed, 2030)


def test_per_company_and_per_employee(frames):
    s = frames.snapshots
    parts = metrics.with_sum_of_parts(s, "placements", "placed_by")
    per_c = metrics.per_unit(parts, metrics.series(s, "companies")).set_index(["year", "category"])["value"]
    assert per_c[(2018, metrics.SUM_OF_PARTS)] == pytest.approx(243 / 30)
    assert per_c[(2020, metrics.SUM_OF_PARTS)] == pytest.approx(117 / 28)
    per_e = metrics.per_unit(parts, metrics.series(s, "employees")).set_index(["year", "category"])["value"]
    assert per_e[(2016, "Arbetsförmedlingen")] == pytest.approx(96 / 179)


def test_stated_total_against_sum_of_parts(frames):
    t = metrics.stated_vs_parts(frames.snapshots, "placements", "placed_by").set_index("year")
    assert t["stated_total"].tolist() == [156, 230, 244, 130, 123]
    assert t["sum_of_parts"].tolist() == [156, 230, 243, 130, 117]
    assert t["difference"].tolist() == [0, 0, 1, 0, 6]
    assert t["status"].tolist() == ["ok", "ok", "mismatch", "ok", "mismatch"]  # computed without an audit
    assert t["audit"].tolist() == [""] * 5


def test_stated_total_points_to_the_audit_row(frames):
    t = metrics.stated_vs_parts(frames.snapshots, "placements", "placed_by", audit_frame())
    t = t.set_index("year")
    assert t.loc[2018, "audit"] == "total_vs_parts:placements:2018:placed_by"
    assert t.loc[2019, "status"] == "ok"
    diffs = metrics.total_differences(frames.snapshots, audit_frame())
    assert diffs[["measure", "year", "difference"]].values.tolist() == [
        ["placements", 2018, 1.0],
        ["placements", 2020, 6.0],
    ]


def test_audit_rows_found_by_id_or_statement_sorted_and_counted():
    a = audit_frame()
    assert audit_key("total_vs_parts", "placements", 2018, "placed_by") == a.at[0, "audit_id"]
    key = audit_key("total_vs_parts", "placements", 2018, "placed_by")
    assert audit_row(a, key)["stated"].tolist() == [244]
    assert audit_about(a, "informed-period-total")["computed"].tolist() == [1275]
    assert audit_about(a, "informed").empty  # a whole id, never a word of it
    assert audit_row(None, "x").empty and audit_about(None, "x").empty
    assert sort_audit(a)["status"].tolist() == ["mismatch", "mismatch", "approximate", "ok"]
    assert audit_counts(a) == {"mismatch": 2, "consistent_if": 0, "approximate": 1, "ok": 1}
    assert audit_counts(None) == {"mismatch": 0, "consistent_if": 0, "approximate": 0, "ok": 0}


# ---- employees and companies ----------------------------------------------------------------------------


def test_employees_changes_and_womens_share(frames):
    s = frames.snapshots
    yoy = metrics.year_on_year(metrics.series(s, "employees")).set_index("year")
    assert math.isnan(yoy.loc[2016, "change"])
    assert yoy.loc[2017, "change"] == 49 and round(yoy.loc[2017, "change_pct"], 1) == 27.4  # 179 → 228
    assert yoy.loc[2018, "change"] == -24 and round(yoy.loc[2018, "change_pct"], 1) == -10.5
    whole = metrics.change_between(metrics.series(s, "employees"), 2016, 2020).iloc[0]
    assert (whole["change"], round(whole["change_pct"], 1)) == (30, 16.8)  # 179 → 209
    w = metrics.womens_share(s).set_index("year")["women_share"].round(1)
    assert w.tolist() == [63.1, 60.1, 55.4, 52.4, 53.1]  # 113/179, 137/228, 113/204, 108/206, 111/209


def test_background_figures_beside_the_2016_count(frames):
    b = metrics.background_comparison(frames.claims, frames.snapshots, audit_frame())
    b = b.set_index("measure")
    assert b.loc["companies", ["stated", "snapshot", "difference"]].tolist() == [34, 34, 0]
    assert b.loc["employees", ["stated", "snapshot", "difference"]].tolist() == [200, 179, 21]
    assert round(b.loc["employees", "difference_pct"], 1) == -10.5
    assert b.loc["people_active", ["stated", "snapshot"]].tolist() == [350, 335]  # 179 employees + 156 placed
    assert b.loc["people_active", "status"] == "approximate"


# ---- funded placements ------------------------------------------------------------------------------------


def test_funnel_23_11_10_and_outcomes(frames):
    f = metrics.funnel(frames.funded_placements, frames.claims)
    assert f["stage"].tolist()[:3] == ["places_granted", "places_used", "unique_individuals"]
    assert f["value"].tolist()[:3] == [23, 11, 10]
    assert dict(zip(f["stage"][3:], f["value"][3:], strict=True)) == {
        "outcome_work": 1,
        "outcome_arbetsformedlingen": 1,
        "outcome_back": 8,
    }


def test_use_rate_per_municipality_and_year(frames):
    u = metrics.use_rate(frames.funded_placements)
    rows = {
        (r.year, r.municipality): (r.places_granted, r.places_used, round(r.use_rate, 1))
        for r in u.itertuples()
    }
    assert rows[("2016", "Hofors")] == (4, 0, 0.0)
    assert rows[("2018", "Nordanstig")] == (7, 7, 100.0)
    assert rows[("2018", "Hudiksvall")] == (4, 2, 50.0)
    assert rows[("2016–2018", "all")] == (23, 11, 47.8)


def test_target_groups_and_gender(frames):
    tg = metrics.target_groups(frames.funded_placements).set_index("target_group")
    assert tg.loc["Individer med psykisk ohälsa", ["places_granted", "places_used"]].tolist() == [8, 3]
    assert tg.loc["Utrikes födda, företrädesvis kvinnor", "municipalities"] == "Nordanstig"
    g = metrics.gender_of_placed(frames.funded_placements)
    assert (g["women"].sum(), g["men"].sum()) == (9, 2)
    assert g["small"].tolist() == [True, True, True, False]  # 1, 1, 2 and 7 places used


def test_outcome_detail_against_summary(frames):
    cmp = metrics.outcome_comparison(frames.funded_outcomes, frames.claims)
    cmp = cmp.set_index(["outcome", "gender"])
    assert cmp.loc[("arbetsformedlingen", "men"), ["detail", "summary"]].tolist() == [1, 0]
    assert cmp.loc[("arbetsformedlingen", "women"), ["detail", "summary"]].tolist() == [0, 1]
    assert cmp.loc[("back", "women"), "summary"] == 8
    # Hudiksvall 2018: 1 woman and 1 man placed, "2 åter": one of each (A14); Nordanstig's 5 stay unknown
    assert cmp.loc[("back", "women"), "detail"] == 1 and cmp.loc[("back", "men"), "detail"] == 1
    assert cmp.loc[("back", "unknown"), "detail"] == 5
    # one place used by one woman: Hudiksvall 2017 (extended) and Hofors 2018 (outcome not stated)
    assert cmp.loc[("extended", "women"), "detail"] == 1 and cmp.loc[("not_stated", "women"), "detail"] == 1
    assert ("extended", "unknown") not in cmp.index and ("not_stated", "unknown") not in cmp.index
    assert cmp.loc[("work", "men"), ["detail", "summary"]].tolist() == [1, 1]


def test_clopper_pearson_intervals_for_1_and_2_of_10():
    share, lo, hi = metrics.proportion_ci(1, 10)
    assert (share, round(lo, 4), round(hi, 4)) == (0.1, 0.0025, 0.4450)
    share, lo, hi = metrics.proportion_ci(2, 10)
    assert (share, round(lo, 4), round(hi, 4)) == (0.2, 0.0252, 0.5561)
    assert metrics.proportion_ci(0, 10)[1] == 0.0 and metrics.proportion_ci(10, 10)[2] == 1.0
    with pytest.raises(ValueError):
        metrics.proportion_ci(11, 10)


def test_clopper_pearson_equals_scipy_binomtest():
    from scipy.stats import binomtest  # here: scipy.stats costs 0.8 s to import, for this one test

    for k, n in [(0, 10), (1, 10), (2, 10), (5, 7), (10, 10)]:
        ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="exact")
        _, lo, hi = metrics.proportion_ci(k, n)
        assert (lo, hi) == pytest.approx((ci.low, ci.high), abs=1e-12)


def test_outcome_intervals_out_of_the_unique_individuals(frames):
    ci = metrics.outcome_intervals(frames.claims).set_index("outcome")
    assert ci["k"].tolist() == [1, 1, 2] and ci["n"].tolist() == [10, 10, 10]
    assert ci.loc["work", ["share", "low", "high"]].round(2).tolist() == [10.0, 0.25, 44.5]
    assert ci.loc["either", ["share", "low", "high"]].round(2).tolist() == [20.0, 2.52, 55.61]


# ---- information and milestones ------------------------------------------------------------------------


def test_informed_cumulative_against_the_stated_total(frames):
    cum = metrics.informed_cumulative(frames.snapshots)
    assert cum["informed"].tolist() == [95, 586, 235, 183, 176]
    assert cum["cumulative"].tolist() == [95, 681, 916, 1099, 1275]
    v = metrics.informed_vs_stated(frames.snapshots, frames.claims, audit_frame())
    assert (v["stated"], v["computed"], v["difference"]) == (1257, 1275, -18)
    assert v["audit"] == "period_total_vs_years:informed-period-total"


def test_events_sorted_by_year_and_month_words(frames):
    ev = metrics.events_table(frames.events)
    first_2016 = ev.loc[ev["year"] == 2016, "period_text"].head(2).tolist()
    assert first_2016 == ["våren", "augusti"]  # spring before August
    counts = metrics.event_counts(frames.events)
    assert counts["count"].sum() == len(frames.events)
    assert counts.set_index(["year", "kind"]).loc[(2019, "reorganisation"), "count"] == 1
