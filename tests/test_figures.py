"""Tests of a chart as inline SVG (asfdata.render.svg), of the HTML figure holding its two drawings
(asfdata.render.html), of the report's figures as a reader meets them, and of the explorer
(asfdata.chapters.explore)."""

from __future__ import annotations

import html as htmllib
import re

import pandas as pd
import pytest
from matplotlib.figure import Figure

from asfdata import metrics as M
from asfdata.chapters import explore as X
from asfdata.chapters import funded, placements
from asfdata.render import charts
from asfdata.render.html import figure_html
from asfdata.render.phrases import series_values
from asfdata.render.svg import chart_svgs

YEARS = [2016, 2017, 2018, 2019, 2020]


@pytest.fixture(scope="module")
def placed(frames) -> pd.DataFrame:
    return M.with_sum_of_parts(frames["snapshots"], "placements", "placed_by")


# ---- SVG and the HTML figure -------------------------------------------------------------------------------


def test_svg_is_clean_real_text_and_reproducible(placed):
    def build() -> tuple[str, ...]:
        return chart_svgs(charts.line_chart, placed, ylabel="People placed", lang="sv")

    svgs = build()
    assert svgs == build()  # byte-reproducible
    wide, phone = svgs
    assert 'width="504pt"' in wide and 'width="259.2pt"' in phone  # 7.0 in and 3.6 in × 72
    for svg in svgs:
        assert svg.startswith("<svg ") and svg.endswith("</svg>") and svg.count("<svg") == 1
    svg = wide
    # every text is 9 pt (FONT): said once, on the root; the texts inherit it
    assert svg.startswith('<svg font-size="9px" ') and svg.count("font-size") == 1
    assert ">People placed</text>" in svg and ">Övriga (utan ersättning)</text>" in svg  # real text
    for absent in ("id=", "<use", "<defs", "clip-path", "<metadata", "<?xml", "<!DOCTYPE", "Date",
                   "font-family", "matplotlib", "xlink"):
        assert absent not in svg, absent
    assert not re.search(r"\d\.\d{3}", re.sub(r">[^<]*<", "><", svg))  # coordinates to 0.01 pt


def test_figure_html_has_caption_and_labelled_chart(placed):
    svgs = chart_svgs(charts.line_chart, placed, ylabel="y", lang="en")
    html = figure_html(svgs, title='Fell <b>', subtitle="People; number", takeaway="It fell.",
                       source="Source: report", alt='Line chart: "A" <script>', table="<table></table>")
    assert html.startswith('<figure class="asf-figure">\n<figcaption>\n'
                           '<p class="asf-figure-title">Fell &lt;b&gt;')
    caption = html[html.index("<figcaption>"):html.index("</figcaption>")]
    for part in ("asf-figure-title", "asf-figure-subtitle", "asf-figure-takeaway", "asf-source"):
        assert f'<p class="{part}">' in caption
    label = 'aria-label="It fell. Line chart: &quot;A&quot; &lt;script&gt;"'
    # both drawings in the one figure, each labelled (the stylesheet shows one: asf-chart-screen or -phone)
    assert html.count("<svg ") == 2
    # the phone's hidden where no stylesheet shows it (a notebook): the wide drawing alone is seen there
    assert html.index(f'<svg class="asf-chart asf-chart-screen" role="img" {label} font-size=') < html.index(
        f'<svg class="asf-chart asf-chart-phone" role="img" {label} style="display: none" ') < html.index(
        "</figure>")
    assert html.index("</figure>") < html.index("<table></table>")  # the data table follows the figure
    assert "<script>" not in html


def test_report_figures_state_their_findings(frames):
    html = htmllib.unescape(re.sub(r"<td[^>]*>", "<td>", placements.fig_placements_parts(frames, "en")))
    label = re.search(r'aria-label="([^"]+)"', html).group(1)
    assert label.startswith("In 2 of 5 autumns the report's total and its parts disagree")
    assert "2018: 244" in label and "2020: 123" in label
    assert "<td>244</td>" in html and "<td>243</td>" in html
    title = "The stated total differs from the sum of the parts in 2018 (244 / 243)"
    assert f'<p class="asf-figure-title">{title}' in html
    sv = htmllib.unescape(funded.fig_outcome_intervals(frames, "sv"))
    # Clopper–Pearson for 1 of 10: 0.25–44.50 %; Swedish alt text with semicolons and an en-dash range
    assert "Vidare till arbete: 1 av 10 (10,0\u00a0%; intervall 0,3–44,5\u00a0%)" in sv
    # 2 of 10 reached work or Arbetsförmedlingen: exact 95 % interval 2.5 %–55.6 %
    assert "Med 10 personer är varje intervall brett: även ”Arbete eller Arbetsförmedlingen” (2 av 10) är " \
        "förenligt med andelar från 2,5\u00a0% till 55,6\u00a0%." in sv


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
    assert "From 2016 to 2020: Total 95 → 176." in html
    assert re.search(r"<td[^>]*>586</td>", html)


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
