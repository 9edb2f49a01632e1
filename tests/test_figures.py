"""Tests of a chart as inline SVG (asfdata.render.svg), of the HTML figure holding its two drawings
(asfdata.render.html) and of the report's figures as a reader meets them (the explorer's: test_explore.py)."""

from __future__ import annotations

import html as htmllib
import re

import pandas as pd
import pytest

from asfdata import metrics
from asfdata.chapters import funded, placements
from asfdata.render import charts, words
from asfdata.render.html import figure_html
from asfdata.render.phrases import series_values
from asfdata.render.svg import chart_svgs


@pytest.fixture(scope="module")
def placed(frames) -> pd.DataFrame:
    return metrics.with_sum_of_parts(frames.snapshots, "placements", "placed_by")


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
    html = htmllib.unescape(re.sub(r"<td[^>]*>", "<td>", placements.fig_placements_parts(frames, "en").html))
    label = re.search(r'aria-label="([^"]+)"', html).group(1)
    # in 2 of 5 autumns the stated total (244, 123) differs from the sum of its parts (243, 117)
    assert label.startswith(placements.t("takeaway_parts", "en", n="2", years="5"))
    assert "2018: 244" in label and "2020: 123" in label
    assert "<td>244</td>" in html and "<td>243</td>" in html
    items = words.join(["2018 (244 / 243)", "2020 (123 / 117)"], "en")
    title = placements.t("title_parts", "en", items=items)
    assert f'<p class="asf-figure-title">{title}</p>' in html
    sv = htmllib.unescape(funded.fig_outcome_intervals(frames, "sv").html)
    # Clopper–Pearson for 1 of 10: 0.25–44.50 %; Swedish alt text with semicolons and an en-dash range
    work = funded.t("item_interval", "sv", name=words.name("work", "sv"), k="1", n="10", share="10,0\u00a0%",
                    lo="0,3", hi="44,5\u00a0%")
    assert re.search(r'aria-label="[^"]*' + re.escape(work), sv)
    assert "(10,0\u00a0%; " in work and "0,3–44,5\u00a0%)" in work  # a semicolon, an en-dash range
    # 2 of 10 reached work or Arbetsförmedlingen: exact 95 % interval 2.5 %–55.6 %
    takeaway = funded.t("takeaway_intervals", "sv", n="10", k="2", name=words.name("either", "sv"),
                        lo="2,5\u00a0%", hi="55,6\u00a0%")
    assert f'<p class="asf-figure-takeaway">{takeaway}</p>' in sv


def test_alt_text_lists_numbers_so_that_decimal_commas_cannot_be_misread(frames):
    per_company = metrics.series(frames.snapshots, "employees").assign(category="all")
    e = metrics.series(frames.snapshots, "companies")
    # 179/34 = 5.26, 228/34 = 6.71, 204/30 = 6.80, 206/28 = 7.36, 209/28 = 7.46
    per_company["value"] = per_company["value"].to_numpy() / e["value"].to_numpy()
    total, women, men = ({lang: words.name(c, lang) for lang in ("en", "sv")}
                         for c in ("all", "women", "men"))
    assert series_values(per_company, "sv", 1) == f"{total['sv']}: 5,3; 6,7; 6,8; 7,4; 7,5"
    assert series_values(per_company, "en", 1) == f"{total['en']}: 5.3, 6.7, 6.8, 7.4, 7.5"
    two = metrics.series(frames.snapshots, "employees", "gender")
    assert series_values(two, "sv") == (f"{women['sv']}: 113; 137; 113; 108; 111. "
                                        f"{men['sv']}: 66; 91; 91; 98; 98")
