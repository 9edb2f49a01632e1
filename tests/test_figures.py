"""Tests of a chart as inline SVG (asfdata.render.svg), of the HTML figure holding its two drawings
(asfdata.render.html), of the report's figures as a reader meets them, and of the explorer
(asfdata.chapters.explore)."""

from __future__ import annotations

import html as htmllib
import re

import pandas as pd
import pytest
from matplotlib.figure import Figure
from prose import before, missing  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata import metrics
from asfdata.chapters import explore, funded, placements
from asfdata.render import charts, words
from asfdata.render.html import figure_html
from asfdata.render.phrases import series_values
from asfdata.render.svg import chart_svgs

YEARS = [2016, 2017, 2018, 2019, 2020]


@pytest.fixture(scope="module")
def placed(frames) -> pd.DataFrame:
    return metrics.with_sum_of_parts(frames["snapshots"], "placements", "placed_by")


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
    assert ">People placed</text>" in svg and f">{words.name('Övriga', 'sv')}</text>" in svg  # real text
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
    # in 2 of 5 autumns the stated total (244, 123) differs from the sum of its parts (243, 117)
    assert label.startswith(placements.t("takeaway_parts", "en", n="2", years="5"))
    assert "2018: 244" in label and "2020: 123" in label
    assert "<td>244</td>" in html and "<td>243</td>" in html
    items = words.join(["2018 (244 / 243)", "2020 (123 / 117)"], "en")
    title = placements.t("title_parts", "en", items=items)
    assert f'<p class="asf-figure-title">{title}</p>' in html
    sv = htmllib.unescape(funded.fig_outcome_intervals(frames, "sv"))
    # Clopper–Pearson for 1 of 10: 0.25–44.50 %; Swedish alt text with semicolons and an en-dash range
    work = funded.t("item_interval", "sv", name=words.name("work", "sv"), k="1", n="10", share="10,0\u00a0%",
                    lo="0,3", hi="44,5\u00a0%")
    assert re.search(r'aria-label="[^"]*' + re.escape(work), sv)
    assert "(10,0\u00a0%; " in work and "0,3–44,5\u00a0%)" in work  # a semicolon, an en-dash range
    # 2 of 10 reached work or Arbetsförmedlingen: exact 95 % interval 2.5 %–55.6 %
    takeaway = funded.t("takeaway_intervals", "sv", n="10", k="2", name=words.name("either", "sv"),
                        lo="2,5\u00a0%", hi="55,6\u00a0%")
    assert f'<p class="asf-figure-takeaway">{takeaway}</p>' in sv


# ---- explorer ----------------------------------------------------------------------------------------------


def test_explore_frame_scales(frames):
    s = frames["snapshots"]
    assert explore.breakdowns(s, "placements") == ["total", "placed_by"]
    assert explore.breakdowns(s, "informed") == ["total"]
    ab = explore.explore_frame(s, "employees", "gender")
    assert ab.loc[ab["year"] == 2016, "value"].tolist() == [113, 66]
    ix = explore.explore_frame(s, "placements", "placed_by", "indexed", 2017).set_index(["year", "category"])[
        "value"
    ]
    assert ix[(2017, "Kommunen")] == 100.0 and round(ix[(2018, "Kommunen")], 1) == 113.8  # 74 / 65
    sh = explore.explore_frame(s, "companies", "region", "share").set_index(["year", "category"])["value"]
    assert round(sh[(2016, "Hälsingland")], 1) == 64.7  # 22 / 34
    with pytest.raises(ValueError, match="unknown measure"):
        explore.explore_frame(s, "salaries")
    with pytest.raises(ValueError, match="no breakdown"):
        explore.explore_frame(s, "informed", "gender")
    with pytest.raises(ValueError, match="unknown scale"):
        explore.explore_frame(s, "informed", "total", "log")


def test_explore_chart_and_html(frames):
    fig, frame = explore.explore_chart(frames["snapshots"], "employees", "gender", "share", lang="sv")
    assert isinstance(fig, Figure) and list(fig.axes[0].get_xticks()) == YEARS
    assert fig.axes[0].get_ylabel() == explore.t("axis_share", "sv")
    assert frame.groupby("year")["value"].sum().round(9).tolist() == [100.0] * 5
    html = explore.explore_html(frames["snapshots"], "informed", "total", "absolute", lang="en")
    # the alternative text: every year's figure, 95 + 586 + 235 + 183 + 176 (the takeaway's first and last)
    label = re.search(r'aria-label="([^"]+)"', html).group(1)
    assert missing(["2016", "2020", "95", "586", "235", "183", "176"], label, "en") == []
    assert before(label, "95", "586", "235", "183", "176")
    finding = f"{words.name('all', 'en')} 95 → 176"
    takeaway = explore.t("explore_takeaway", "en", first=2016, last=2020, finding=finding)
    assert f'<p class="asf-figure-takeaway">{takeaway}</p>' in html
    assert re.search(r"<td[^>]*>586</td>", html)


def test_explorer_widgets_call_the_tested_function(frames, monkeypatch):
    calls = []
    monkeypatch.setattr(explore, "explore_html", lambda *a: calls.append(a) or "<p>x</p>")
    box = explore.explorer(frames, "en")
    _, measure, breakdown, scale, base, beside, _ = box.children
    assert calls[-1][1:5] == ("placements", "placed_by", "absolute", 2018) and beside.disabled
    scale.value = "indexed"
    beside.value = True  # the national programme volume beside the placements: the context frame is passed
    assert not beside.disabled and calls[-1][6] is frames["context"]
    beside.value, scale.value = False, "absolute"
    assert calls[-1][6] is None
    measure.value = "employees"
    assert breakdown.value == "gender" and calls[-1][1:3] == ("employees", "gender")
    scale.value = "indexed"
    base.value = 2016
    assert calls[-1][3:5] == ("indexed", 2016) and not base.disabled
    scale.value = "share"
    assert base.disabled and beside.disabled


def test_alt_text_lists_numbers_so_that_decimal_commas_cannot_be_misread(frames):
    per_company = metrics.series(frames["snapshots"], "employees").assign(category="all")
    e = metrics.series(frames["snapshots"], "companies")
    # 179/34 = 5.26, 228/34 = 6.71, 204/30 = 6.80, 206/28 = 7.36, 209/28 = 7.46
    per_company["value"] = per_company["value"].to_numpy() / e["value"].to_numpy()
    total, women, men = ({lang: words.name(c, lang) for lang in ("en", "sv")}
                         for c in ("all", "women", "men"))
    assert series_values(per_company, "sv", 1) == f"{total['sv']}: 5,3; 6,7; 6,8; 7,4; 7,5"
    assert series_values(per_company, "en", 1) == f"{total['en']}: 5.3, 6.7, 6.8, 7.4, 7.5"
    two = metrics.series(frames["snapshots"], "employees", "gender")
    assert series_values(two, "sv") == (f"{women['sv']}: 113; 137; 113; 108; 111. "
                                        f"{men['sv']}: 66; 91; 91; 98; 98")
