"""Tests of the chart kinds (asfdata.render.charts) and the explorer (asfdata.chapters.explore): fixed
colours, integer years, the HTML figure."""

from __future__ import annotations

import base64
import re

import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from asfdata import metrics as M
from asfdata.chapters import explore as X
from asfdata.chapters import funded, placements
from asfdata.render import charts
from asfdata.render.html import figure_html
from asfdata.render.phrases import series_values

YEARS = [2016, 2017, 2018, 2019, 2020]


@pytest.fixture(scope="module")
def placed(frames) -> pd.DataFrame:
    return M.with_sum_of_parts(frames["snapshots"], "placements", "placed_by")


def texts(fig: Figure) -> list[str]:
    """Every text drawn on a figure: suptitle, figure texts, axis titles and labels, annotations."""
    out = [t.get_text() for t in fig.texts] + ([fig._suptitle.get_text()] if fig._suptitle else [])
    for ax in fig.axes:
        out += [ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()] + [t.get_text() for t in ax.texts]
    return out


def test_every_category_has_one_fixed_colour(frames):
    cats = set(frames["snapshots"]["category"]) | {"sum_of_parts", "work", "arbetsformedlingen", "either"}
    assert cats <= set(charts.COLOURS)
    assert charts.colour("Arbetsförmedlingen") == "#0072B2" and charts.colour("Kommunen") == "#E69F00"
    with pytest.raises(KeyError):
        charts.colour("no such category")


def test_line_chart_integer_years_labels_title_source_and_colours(placed):
    fig = charts.line_chart(
        placed,
        title="Placements fell",
        ylabel="People",
        source="Source: report",
        lang="en",
        at=[(2018.5, "2019: reform")],
    )
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert list(ax.get_xticks()) == YEARS
    assert [lab.get_text() for lab in ax.get_xticklabels()] == [str(y) for y in YEARS]  # no 2015.5
    assert ax.get_xlabel() == "Year (autumn count)" and ax.get_ylabel() == "People"
    drawn = texts(fig)
    assert "Placements fell" in drawn and "Source: report" in drawn and "2019: reform" in drawn
    colours = {
        line.get_label(): to_hex(line.get_color()).upper() for line in ax.lines if line.get_label()[0] != "_"
    }
    assert colours["Arbetsförmedlingen"] == "#0072B2" and colours["Sum of the parts"] == "#000000"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Arbetsförmedlingen", "Kommunen", "Others (unpaid)", "Sum of the parts"]


def test_same_colour_for_a_category_in_every_chart(frames, placed):
    counts = M.event_counts(frames["events"])
    fig = charts.timeline_chart(
        placed, counts, title="t", ylabel="y", source="s", lang="en", top_title="a", bottom_title="b"
    )
    top = fig.axes[0]
    kommunen = [to_hex(line.get_color()).upper() for line in top.lines if line.get_label() == "Kommunen"]
    assert kommunen == [charts.colour("Kommunen")]
    assert list(fig.axes[1].get_xticks()) == YEARS  # the milestones share the placement series' years
    assert "Reorganisation of Arbetsförmedlingen" in [t.get_text() for t in fig.axes[1].get_yticklabels()]


def test_swedish_value_axis_uses_decimal_comma_and_space():
    assert charts.tick_label(1000, "sv") == "1\u00a0000"
    assert charts.tick_label(0.5, "sv") == "0,5"
    assert charts.tick_label(2.25, "en") == "2.25"


def test_stacked_chart_marks_the_stated_total(frames):
    d = M.series(frames["snapshots"], "placements", "placed_by")
    stated = pd.DataFrame({"year": [2018, 2020], "value": [244, 123]})
    fig = charts.stacked_bar_chart(d, stated=stated, title="t", ylabel="People", source="s", lang="sv")
    drawn = texts(fig)
    assert "angiven summa 244" in drawn and "angiven summa 123" in drawn and "243" in drawn and "117" in drawn
    assert list(fig.axes[0].get_xticks()) == YEARS


def test_other_chart_kinds_return_figures_with_title_and_source(frames):
    f = M.funnel(frames["funded_placements"], frames["claims"])
    bars = charts.bar_chart(
        pd.DataFrame({"label": f["stage"], "category": f["stage"], "value": f["value"]}),
        title="Funnel",
        xlabel="Places",
        source="S1",
        lang="en",
    )
    ci = M.outcome_intervals(frames["claims"]).rename(columns={"outcome": "category"})
    dots = charts.interval_chart(ci, title="Intervals", xlabel="Share (%)", source="S2", lang="en")
    cum = M.informed_cumulative(frames["snapshots"])
    bl = charts.bar_line_chart(
        cum, reference=(1257.0, "Stated"), title="Informed", ylabel="People", source="S3", lang="en"
    )
    for fig, title, source in ((bars, "Funnel", "S1"), (dots, "Intervals", "S2"), (bl, "Informed", "S3")):
        assert isinstance(fig, Figure) and title in texts(fig) and source in texts(fig)
    assert [t.get_text() for t in bars.axes[0].texts] == ["23", "11", "10", "1", "1", "8"]  # bar labels
    assert list(bl.axes[0].get_xticks()) == YEARS
    assert "10.0\u00a0% (0.3–44.5\u00a0%)" in texts(dots)


def test_figure_html_embeds_png_with_escaped_alt_and_is_reproducible(placed):
    def build() -> str:
        fig = charts.line_chart(placed, title="t", ylabel="y", source="s", lang="en")
        png = charts.figure_png(fig)
        return figure_html(png, alt='A "chart" <script>', caption="Source <b>", table="<table></table>")

    html = build()
    assert html == build()  # byte-reproducible
    assert html.startswith('<figure class="asf-figure">')
    assert 'alt="A &quot;chart&quot; &lt;script&gt;"' in html
    assert "<figcaption>Source &lt;b&gt;</figcaption>" in html and "<table></table>" in html
    png = base64.b64decode(re.search(r'base64,([^"]+)"', html).group(1))
    assert png.startswith(b"\x89PNG") and b"Software" not in png and b"matplotlib" not in png


def test_report_figures_state_their_findings(frames):
    html = placements.fig_placements_parts(frames, "en")
    alt = re.search(r'alt="([^"]+)"', html).group(1)
    assert "2018: 244" in alt and "2020: 123" in alt
    assert "<td>244</td>" in html and "<td>243</td>" in html
    sv = funded.fig_outcome_intervals(frames, "sv")
    # Swedish alt text: an en-dash range and semicolons between the items (1/10: Clopper–Pearson 0.3–44.5 %)
    assert "Vidare till arbete: 1 av 10 (10,0\u00a0%; intervall 0,3\u201344,5\u00a0%); Aktualiserad" in sv


# ---- explorer ----------------------------------------------------------------------------------------------


def test_explore_frame_scales(frames):
    s = frames["snapshots"]
    assert X.breakdowns(s, "placements") == ["total", "placed_by"]
    assert X.breakdowns(s, "informed") == ["total"]
    ab = X.explore_frame(s, "employees", "gender")
    assert ab.loc[ab["year"] == 2016, "value"].tolist() == [113, 66]
    ix = X.explore_frame(s, "placements", "placed_by", "indexed", 2017).set_index(["year", "category"])[
        "value"
    ]
    assert ix[(2017, "Kommunen")] == 100.0 and round(ix[(2018, "Kommunen")], 1) == 113.8  # 74 / 65
    sh = X.explore_frame(s, "companies", "region", "share").set_index(["year", "category"])["value"]
    assert round(sh[(2016, "Hälsingland")], 1) == 64.7  # 22 / 34
    with pytest.raises(ValueError, match="unknown measure"):
        X.explore_frame(s, "salaries")
    with pytest.raises(ValueError, match="no breakdown"):
        X.explore_frame(s, "informed", "gender")
    with pytest.raises(ValueError, match="unknown scale"):
        X.explore_frame(s, "informed", "total", "log")


def test_explore_chart_and_html(frames):
    fig, frame = X.explore_chart(frames["snapshots"], "employees", "gender", "share", lang="sv")
    assert isinstance(fig, Figure) and list(fig.axes[0].get_xticks()) == YEARS
    assert fig.axes[0].get_ylabel() == "Andel av summan av delarna (%)"
    assert frame.groupby("year")["value"].sum().round(9).tolist() == [100.0] * 5
    html = X.explore_html(frames["snapshots"], "informed", "total", "absolute", lang="en")
    assert (
        "Line chart of people informed during the year (total, absolute) for each autumn 2016–2020. Total: "
        "95, 586" in html
    )
    assert "<td>586</td>" in html


def test_explorer_widgets_call_the_tested_function(frames, monkeypatch):
    calls = []
    monkeypatch.setattr(X, "explore_html", lambda *a: calls.append(a) or "<p>x</p>")
    box = X.explorer(frames, "en")
    _, measure, breakdown, scale, base, _ = box.children
    assert calls[-1][1:5] == ("placements", "placed_by", "absolute", 2018)
    measure.value = "employees"
    assert breakdown.value == "gender" and calls[-1][1:3] == ("employees", "gender")
    scale.value = "indexed"
    base.value = 2016
    assert calls[-1][3:5] == ("indexed", 2016) and not base.disabled
    scale.value = "share"
    assert base.disabled


def test_alt_text_lists_numbers_so_that_decimal_commas_cannot_be_misread(frames):
    per_company = M.series(frames["snapshots"], "employees").assign(category="all")
    e = M.series(frames["snapshots"], "companies")
    # 179/34 = 5.26, 228/34 = 6.71, 204/30 = 6.80, 206/28 = 7.36, 209/28 = 7.46
    per_company["value"] = per_company["value"].to_numpy() / e["value"].to_numpy()
    assert series_values(per_company, "sv", 1) == "Totalt: 5,3; 6,7; 6,8; 7,4; 7,5"
    assert series_values(per_company, "en", 1) == "Total: 5.3, 6.7, 6.8, 7.4, 7.5"
    two = M.series(frames["snapshots"], "employees", "gender")
    assert series_values(two, "sv") == "Kvinnor: 113; 137; 113; 108; 111. Män: 66; 91; 91; 98; 98"
