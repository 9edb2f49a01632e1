"""Tests of the chart kinds (asfdata.render.charts, .charts_layout) at both widths (asfdata.render.widths):
fixed colours with enough contrast, names at line ends instead of legends, no colliding text in either
language, wide or on a phone, every text at the footnote size. Their SVG and HTML: tests/test_figures.py."""

from __future__ import annotations

import importlib
from itertools import combinations, pairwise

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Affine2D, Bbox

from asfdata import metrics, registry
from asfdata.render import charts, charts_layout, palette, svg, words
from asfdata.render.widths import PHONE, SCREEN, WIDTHS, drawn_at

YEARS = [2016, 2017, 2018, 2019, 2020]
LANGS = ("en", "sv")
SOURCE = tuple(words.t("source_prefix", lang) for lang in LANGS)  # a source line's first word


@pytest.fixture(scope="module")
def placed(frames) -> pd.DataFrame:
    return metrics.with_sum_of_parts(frames.snapshots, "placements", "placed_by")


def shown_ticks(axis) -> list[Text]:
    """The tick labels an axis draws: those of the major ticks inside its view interval."""
    lo, hi = sorted(axis.get_view_interval())
    return [t.label1 for t in axis.get_major_ticks() if lo - 1e-9 <= t.get_loc() <= hi + 1e-9]


def texts(fig: Figure) -> list[Text]:
    """Every visible, non-empty text drawn on a figure (titles, labels, ticks, annotations, legends)."""
    ticks, shown = set(), set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticks |= {id(t) for tick in axis.get_major_ticks() + axis.get_minor_ticks()
                      for t in (tick.label1, tick.label2)}
            shown |= {id(t) for t in shown_ticks(axis)}
    found = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return [t for t in found if id(t) not in ticks or id(t) in shown]


def drawn_words(fig: Figure) -> list[str]:
    return [t.get_text() for t in texts(fig)]


def hex_of(colour) -> str:
    return to_hex(colour).upper()


def report_chart_functions() -> list:
    """Every fig_* function of the report's chapters (asfdata.registry.REPORT_CHAPTERS: the explorer is not
    in the report): one chart each."""
    out = []
    for chapter in registry.REPORT_CHAPTERS:
        module = importlib.import_module(chapter.module_name)
        out += [getattr(module, n) for n in sorted(dir(module)) if n.startswith("fig_")]
    return out


@pytest.fixture(scope="module")
def report_figures(frames) -> list[tuple[str, str, Figure]]:
    """(chart function, language, Figure) of every chart of the report in both languages, at each width
    (asfdata.render.widths: the wide drawing, then the phone's), laid out and drawn. Each is taken where
    asfdata.render.svg would write it as SVG (the drawing functions lay it out before; writing it adds
    nothing these tests look at)."""
    drawn: list[Figure] = []

    def record(fig: Figure) -> str:
        drawn.append(fig)
        return "<svg></svg>"

    out = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(svg, "figure_svg", record)
        for fn in report_chart_functions():
            for lang in LANGS:
                before = len(drawn)
                fn(frames, lang)
                out += [(fn.__name__, lang, fig) for fig in drawn[before:]]
    for _, _, fig in out:
        FigureCanvasAgg(fig)
        fig.draw_without_rendering()  # every artist placed (ticks too), as drawn; no pixels painted
    return out


def test_the_report_has_its_charts_each_drawn_wide_and_for_phones(report_figures):
    n = len(report_chart_functions())
    assert n > 0 and {name for name, _, _ in report_figures} == {f.__name__ for f in report_chart_functions()}
    assert len(report_figures) == n * 2 * 2  # each drawn per language at both widths
    # 7.0 in × 72 = 504 pt for screens and paper, then 3.6 in × 72 = 259.2 pt for phones, every time
    widths = [round(fig.get_figwidth() * 72, 1) for _, _, fig in report_figures]
    assert widths == [504.0, 259.2] * (n * 2)
    assert [w.inches for w in WIDTHS] == [SCREEN.inches, PHONE.inches] == [7.0, 3.6]


# ---- colours and contrast ----------------------------------------------------------------------------------


def test_every_category_has_one_fixed_colour(frames):
    cats = set(frames.snapshots["category"]) | {"sum_of_parts", "work", "arbetsformedlingen", "either"}
    assert cats <= set(palette.COLOURS)
    assert palette.colour("Arbetsförmedlingen") == "#0072B2" and palette.colour("Kommunen") == "#A65C00"
    with pytest.raises(KeyError):
        palette.colour("no such category")


def test_a_category_the_palette_does_not_know_gets_a_colour_and_a_marker_no_other_series_has():
    cats = ["Arbetsförmedlingen", "Försäkringskassan", "Kommunen", "Uppland", "Övriga", "sum_of_parts"]
    given, shapes = palette.colours(cats), palette.markers(cats)
    assert list(given) == cats and len(set(given.values())) == len(cats)
    assert given["Försäkringskassan"] == palette.SPARE[0] and given["Uppland"] == palette.SPARE[1]
    assert {c: given[c] for c in ("Arbetsförmedlingen", "Kommunen")} == {
        c: palette.colour(c) for c in ("Arbetsförmedlingen", "Kommunen")}
    assert len(set(shapes.values())) == len(cats) and shapes["Kommunen"] == "s"
    assert palette.colours(["x"] * 2 + [f"c{i}" for i in range(8)])["c7"] in palette.SPARE  # round again
    # a spare colour writes its series' name too (4.5:1), and is none of the fixed ones
    assert {c: round(palette.contrast(c), 2) for c in palette.SPARE if palette.contrast(c) < 4.5} == {}
    assert not set(palette.SPARE) & set(palette.COLOURS.values())


def test_contrast_ratio_is_the_wcag_formula():
    assert palette.contrast("#000000") == pytest.approx(21.0)
    assert palette.contrast("#FFFFFF") == pytest.approx(1.0)
    # #767676: channel 118/255 = 0.4627 → ((0.4627 + 0.055) / 1.055) ** 2.4 = 0.1812; (1.05) / (0.2312) = 4.54
    assert palette.contrast("#767676") == pytest.approx(4.54, abs=0.01)
    # the old Kommunen orange #E69F00 failed the 3:1 for graphics: 2.25
    assert palette.contrast("#E69F00") == pytest.approx(2.25, abs=0.01)


def drawn_colours(fig: Figure) -> set[str]:
    """Every colour that draws data: lines and their markers, bars (their fill, or the outline of a hollow
    bar), scatter points; white (marker edges, hollow fills) and the axes' own frame and grid excluded."""
    out = set()
    for ax in fig.axes:
        for line in ax.lines:
            out |= {hex_of(line.get_color()), hex_of(line.get_markerfacecolor())}
        for patch in ax.patches:
            if isinstance(patch, Rectangle) and patch.get_visible():
                face = hex_of(patch.get_facecolor())
                out.add(hex_of(patch.get_edgecolor()) if face == palette.WHITE else face)
        for collection in ax.collections:
            out |= {hex_of(c) for c in collection.get_facecolors()}
    return out - {palette.WHITE}


def background_of(text: Text, fig: Figure) -> str:
    """The colour a text sits on: a bar's fill when the text's centre is inside a bar, else white."""
    box = text.get_window_extent()
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    for ax in fig.axes:
        for patch in ax.patches:
            if isinstance(patch, Rectangle) and patch.get_window_extent().contains(cx, cy):
                return hex_of(patch.get_facecolor())
    return palette.WHITE


def test_every_colour_has_the_contrast_it_needs(report_figures):
    """Data colours ≥ 3:1 against white (WCAG 1.4.11); text ≥ 4.5:1 against what it sits on (1.4.3)."""
    graphics, text = {}, {}
    for _, _, fig in report_figures:
        for c in drawn_colours(fig):
            graphics[c] = palette.contrast(c)
        for t in texts(fig):
            c, bg = hex_of(t.get_color()), background_of(t, fig)
            text[(c, bg)] = palette.contrast(c, bg)
    assert {c: round(r, 2) for c, r in graphics.items() if r < 3.0} == {}
    assert {k: round(r, 2) for k, r in text.items() if r < 4.5} == {}
    assert (palette.WHITE, palette.colour("informed")) in text  # bar values inside the bars: 5.8:1
    # every category's colour can also write its name (4.5:1), except the grey that only fills bars
    assert sorted({c for c in palette.COLOURS.values() if palette.contrast(c) < 4.5}) == [palette.GREY_MID]


# ---- layout: names instead of legends, no collisions, sizes ------------------------------------------------


def test_no_legend_on_charts_of_four_series_or_fewer(report_figures):
    legends = [(name, lang) for name, lang, fig in report_figures for ax in fig.axes if ax.get_legend()]
    assert legends == []


def test_no_title_and_no_source_inside_the_image(report_figures):
    for name, _, fig in report_figures:
        assert fig.get_suptitle() == "", name
        assert not [w for w in drawn_words(fig) if w.startswith(SOURCE)], name


def line_boxes(t: Text) -> list[Bbox]:
    """The box of each line of a text as drawn (display px): the text's own box (an annotation's without its
    leader line) cut into bands of equal height, one per line, each as wide as its line and aligned as the
    text is (every multi-line text of the charts aligns its lines as it aligns itself)."""
    box = Text.get_window_extent(t)
    lines = t.get_text().split("\n")
    if len(lines) == 1 or t.get_rotation():
        return [box]
    renderer, band = t.figure.canvas.get_renderer(), box.height / len(lines)
    out = []
    for i, line in enumerate(lines):
        w = renderer.get_text_width_height_descent(line, t.get_fontproperties(), ismath=False)[0]
        x0 = {"left": box.x0, "right": box.x1 - w, "center": (box.x0 + box.x1 - w) / 2}[t.get_ha()]
        out.append(Bbox.from_bounds(x0, box.y1 - (i + 1) * band, w, band))
    return out


def test_no_two_texts_overlap_and_none_leaves_the_figure(report_figures):
    """Every pair of texts of a chart (ticks, axis labels, names at line ends, values, marks), line by line,
    is apart by at least nothing (0.5 px tolerance), and no leader line of a name crosses another text, in
    English and in Swedish, whose words are longer, wide and on phones."""
    problems = []
    for name, lang, fig in report_figures:
        where = f"{name} {lang} {fig.get_figwidth()} in"
        boxes = [(t, b) for t in texts(fig) for b in line_boxes(t)]
        leaders = [(t, t.arrow_patch.get_window_extent()) for t in texts(fig)
                   if getattr(t, "arrow_patch", None) is not None and t.arrow_patch.get_visible()]
        width, height = fig.bbox.width, fig.bbox.height
        for t, b in boxes + leaders:  # leaders: (their name, the box of the line)
            if b.x0 < -0.5 or b.y0 < -0.5 or b.x1 > width + 0.5 or b.y1 > height + 0.5:
                problems.append(f"{where}: {t.get_text()!r} leaves the figure")
        for (ta, a), (tb, b) in combinations(boxes + leaders, 2):  # a text's lines and leader go together
            overlap = min(min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0))
            if ta is not tb and overlap > 0.5:
                problems.append(f"{where}: {ta.get_text()!r} overlaps {tb.get_text()!r}")
    assert problems == []


def test_neighbouring_tick_labels_stand_a_space_apart_and_phones_shorten_the_years(report_figures):
    """Tick labels next to each other on an axis are at least a third of the font size apart (3 pt, a word
    space), wide and on phones, in both languages. Phone drawings write the years after the first by their
    last two digits: in full, five years stood 1.2 pt apart under the phone's stacked bars."""
    close, years = [], set()
    for name, lang, fig in report_figures:
        for ax in fig.axes:
            for axis, start, end in ((ax.xaxis, 0, 2), (ax.yaxis, 1, 3)):  # Bbox.extents: x0, y0, x1, y1
                shown = [t for t in shown_ticks(axis) if t.get_visible() and t.get_text()]
                boxes = sorted((t.get_window_extent().extents for t in shown), key=lambda e: e[start])
                gaps = [(b[start] - a[end]) * 72 / fig.dpi for a, b in pairwise(boxes)]
                close += [f"{name} {lang} {fig.get_figwidth()} in: {gap:.1f} pt" for gap in gaps
                          if gap < charts.FONT / 3]
            labels = tuple(t.get_text() for t in shown_ticks(ax.xaxis))
            if labels and labels[0] == "2016":
                years.add((fig.get_figwidth(), labels))
    assert close == []
    assert years == {(SCREEN.inches, ("2016", "2017", "2018", "2019", "2020")),
                     (PHONE.inches, ("2016", "17", "18", "19", "20"))}


def test_every_text_is_the_footnote_size_and_every_chart_fits_its_column(report_figures):
    for name, _, fig in report_figures:
        assert fig.get_figwidth() in (SCREEN.inches, PHONE.inches), name
        assert min(t.get_fontsize() for t in texts(fig)) >= charts.FONT, name
    # 7.0 in at 96 CSS px per inch = 672 px ≤ the A4 text column, 210 − 2 × 16 mm = 178 mm = 672.8 px
    assert SCREEN.css_px == 672 <= 178 / 25.4 * 96
    # 3.6 in = 345.6 px ≤ a 390 px phone's column, 390 − 2 × 16 px (main's padding) = 358 px
    assert PHONE.css_px == pytest.approx(345.6) and PHONE.css_px <= 390 - 2 * 16
    assert charts.FONT * 96 / 72 == 12  # points → CSS px at natural size: the stylesheet's footnote 0.75rem


def marker_boxes(fig: Figure) -> list[Bbox]:
    """The box of every marker drawn (display px), its edge included: a line's markers at its points (a
    diamond √2 times its size across), a scatter's points (each its path at its size)."""
    px, out = fig.dpi / 72, []
    for ax in fig.axes:
        for line in ax.lines:
            if line.get_marker() in ("None", None, "", " "):
                continue
            across = (line.get_markersize() * (2**0.5 if line.get_marker() == "D" else 1)
                      + line.get_markeredgewidth()) * px
            xy = np.column_stack([line.get_xdata(), line.get_ydata()]).astype(float)
            points = ax.transData.transform(xy)
            out += [Bbox.from_bounds(x - across / 2, y - across / 2, across, across)
                    for x, y in points if np.isfinite([x, y]).all()]
        for dots in ax.collections:
            path, edge = dots.get_paths()[0], max(dots.get_linewidths(), default=0) * px / 2
            offsets = dots.get_offset_transform().transform(dots.get_offsets())
            for (x, y), scale in zip(offsets, np.resize(dots.get_transforms(), (len(offsets), 3, 3)),
                                     strict=True):
                e = path.transformed(Affine2D(scale)).get_extents()
                out.append(Bbox.from_extents(x + e.x0 - edge, y + e.y0 - edge,
                                             x + e.x1 + edge, y + e.y1 + edge))
    return out


def test_no_marker_touches_a_text(report_figures):
    """No marker (a point of a line, a stated figure's diamond, a milestone's dot) meets any text of its chart
    (values, names, ticks, marks), in either language, wide or on a phone (on a phone the diamond of 2020's
    stated total touched "Others (unpaid)", the bars' sums touched the diamonds, and the first point of
    the people informed since 2016 covered the first bar's value)."""
    problems, checked = [], 0
    for name, lang, fig in report_figures:
        boxes = [(t, b) for t in texts(fig) for b in line_boxes(t)]
        for m in marker_boxes(fig):
            checked += 1
            problems += [f"{name} {lang} {fig.get_figwidth()} in: a marker meets {t.get_text()!r}"
                         for t, b in boxes if min(min(m.x1, b.x1) - max(m.x0, b.x0),
                                                  min(m.y1, b.y1) - max(m.y0, b.y0)) > 0]
    assert problems == []
    assert checked > 500  # every chart's markers: lines, diamonds, dots


def test_lines_differ_without_colour(report_figures):
    """Within a panel, no two series (lines over the years) share both marker and line style."""
    checked = 0
    for name, _, fig in report_figures:
        for ax in fig.axes:
            series = [line for line in ax.lines if len(line.get_xdata()) > 2]
            styles = [(line.get_marker(), line.get_linestyle()) for line in series]
            assert len(styles) == len(set(styles)), (name, styles)
            checked += len(styles) > 1
    # panels of several series: placements, indexed, 2 ratios, timeline, employees; 2 languages, 2 widths
    assert checked == 2 * 2 * 6


def test_line_chart_names_its_lines_at_their_ends(placed):
    fig = charts.line_chart(placed, ylabel="People", lang="en", at=[(2018.5, "2019: reform")])
    ax = fig.axes[0]
    assert list(ax.get_xticks()) == YEARS
    assert [lab.get_text() for lab in ax.get_xticklabels()] == [str(y) for y in YEARS]  # no 2015.5
    assert ax.get_xlabel() == words.t("axis_year", "en") and ax.get_ylabel() == "People"
    assert ax.get_legend() is None and "2019: reform" in drawn_words(fig)
    names = {a.get_text(): a for a in ax.texts if a.get_text() != "2019: reform"}
    # each name sits right of its line's 2020 point, in the line's colour: 81, 26, 10 and 117 people
    at = {"Arbetsförmedlingen": 81, "Kommunen": 26, "Övriga": 10, "sum_of_parts": 117}
    assert {n: a.xy for n, a in names.items()} == {
        charts_layout.wrap(words.name(c, "en"), SCREEN.name_wrap): (2020, v) for c, v in at.items()}
    kommunen = names[charts_layout.wrap(words.name("Kommunen", "en"), SCREEN.name_wrap)]
    assert hex_of(kommunen.get_color()) == palette.colour("Kommunen")
    lines = {hex_of(line.get_color()): line for line in ax.lines if line.get_marker() != "None"}
    assert lines[palette.colour("Kommunen")].get_marker() == "s"
    assert lines["#000000"].get_linestyle() == "--"  # the sum of the parts: computed, dashed


def test_names_are_spread_apart_within_the_axes():
    # sizes 10 pt, GAP 1.5 pt: centres at 0 and 5 need 10 + 1.5 = 11.5 apart; their run (21.5 pt) centred
    # on 2.5 would start at −8.25, so it starts at the bottom, 0: centres 5 and 16.5; 100 stays
    assert charts_layout.GAP == 1.5
    assert charts_layout.spread_positions([0, 5, 100], [10, 10, 10], 0, 200) == [5.0, 16.5, 100.0]
    # at the top: centred on 197 the run would end at 207.75 > 200, so it ends at 200: 183.5 and 195
    assert charts_layout.spread_positions([195, 199], [10, 10], 0, 200) == [183.5, 195.0]
    # two lines of text (22.5 pt) beside one (11.25), 10 pt apart: the run, 22.5 + 1.5 + 11.25 = 35.25 pt,
    # centred on their mean 20 starts at 2.375: centres 2.375 + 11.25 = 13.625 and 2.375 + 24 + 5.625 = 32
    assert charts_layout.spread_positions([15, 25], [22.5, 11.25], 0, 200) == [13.625, 32.0]


def test_a_moved_name_gets_a_leader_line(placed):
    fig = charts.line_chart(placed, ylabel="People", lang="sv")
    names = {a.get_text(): a for a in fig.axes[0].texts}
    moved = [n for n, a in names.items() if abs(a.xyann[1]) > charts.FONT / 2]
    assert sorted(n for n, a in names.items() if a.arrow_patch.get_visible()) == sorted(moved)


def test_a_chart_of_more_than_four_series_keeps_a_legend_in_drawing_order():
    cats = ["a", "b", "c", "d", "e"]
    d = pd.DataFrame({"year": [y for _ in cats for y in YEARS], "category": [c for c in cats for _ in YEARS],
                      "value": [float(i + j) for i in range(5) for j in range(5)]})
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(palette, "COLOURS", {**palette.COLOURS, **dict.fromkeys(cats, "#000000")})
        fig = charts.line_chart(d, ylabel="y", lang="en")
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == cats
    assert not [a for a in fig.axes[0].texts if a.get_text() in cats]


def test_one_series_has_neither_legend_nor_name(frames):
    pc = metrics.employees_per_company(frames.snapshots)
    d = pd.DataFrame({"year": pc["year"], "category": "all", "value": pc["per_company"]})
    fig = charts.line_chart(d, ylabel="Employees per company", lang="en")
    assert fig.axes[0].get_legend() is None and len(fig.axes[0].texts) == 0


def test_same_colour_for_a_category_in_every_chart(frames, placed):
    counts = metrics.event_counts(frames.events)
    fig = charts.timeline_chart(placed, counts, ylabel="y", lang="en", bottom_title="b")
    top = fig.axes[0]
    kommunen = [hex_of(line.get_color()) for line in top.lines if line.get_marker() == "s"]
    assert kommunen == [palette.colour("Kommunen")]
    assert list(fig.axes[1].get_xticks()) == YEARS  # the milestones share the placement series' years


def test_the_milestones_are_a_timeline_of_dots_one_per_milestone(frames, placed):
    """Below the placements, each year's milestones as a column of dots (one each, no size to read) with
    the year's number above it, on the same years; the year axis says neither "autumn count"."""
    counts = metrics.event_counts(frames.events)
    fig = charts.timeline_chart(placed, counts, ylabel="y", lang="en", bottom_title="b", xlabel="Year")
    bottom = fig.axes[1]
    (dots,) = bottom.collections
    per_year = counts.groupby("year")["count"].sum()
    assert per_year.to_dict() == {2016: 8, 2017: 10, 2018: 6, 2019: 10, 2020: 6}  # 40 milestones
    xs = [int(x) for x, _ in dots.get_offsets()]
    assert {y: xs.count(y) for y in set(xs)} == per_year.to_dict()
    assert len(set(dots.get_sizes())) == 1  # every dot alike
    numbers = [t.get_text() for t in bottom.texts]
    assert numbers == [str(n) for n in per_year]
    assert bottom.get_xlabel() == "Year" and bottom.get_yticks().tolist() == []


def test_phone_drawings_wrap_shorter_and_put_labels_above(frames, placed):
    counts = metrics.event_counts(frames.events)
    with drawn_at(PHONE):
        lines = charts.line_chart(placed, ylabel="y", lang="sv", at=[(2018.5, "2019: Arbetsförmedlingen x")])
        timeline = charts.timeline_chart(placed, counts, ylabel="y", lang="en", bottom_title="b")
        ci = metrics.outcome_intervals(frames.claims).rename(columns={"outcome": "category"})
        dots = charts.interval_chart(ci, xlabel="x", lang="en")
    others = words.name("Övriga", "sv")
    assert charts_layout.wrap(others, SCREEN.name_wrap) == others
    shown = drawn_words(lines)
    assert charts_layout.wrap(others, PHONE.name_wrap) in shown  # 12 characters a line on a phone
    assert charts_layout.wrap(others, PHONE.name_wrap).count("\n") >= 1
    assert "2019:\nArbetsförmedlingen\nx" in shown  # marks at 8 (long words kept whole)
    # the milestones' panel title wrapped to the phone's width, and its years by their last two digits
    assert "b" in drawn_words(timeline) and timeline.axes[1].get_title(loc="left") == "b"
    # an interval's values above its whisker, starting where the whisker starts: 10.0 % (0.3–44.5 %)
    value = next(t for t in dots.axes[0].texts if t.get_text().startswith("10.0"))
    assert value.get_position() == (pytest.approx(0.25, abs=0.01), -0.2) and value.get_va() == "bottom"


def test_swedish_value_axis_uses_decimal_comma_and_space():
    assert charts.tick_label(1000, "sv") == "1\u00a0000"
    assert charts.tick_label(0.5, "sv") == "0,5"
    assert charts.tick_label(2.25, "en") == "2.25"


def test_stacked_chart_marks_the_stated_total_and_names_the_parts(frames):
    d = metrics.series(frames.snapshots, "placements", "placed_by")
    stated = pd.DataFrame({"year": [2018, 2020], "value": [244, 123]})
    fig = charts.stacked_bar_chart(d, stated=stated, ylabel="People", lang="sv")
    drawn = drawn_words(fig)
    # the sums of the parts 152 + 74 + 17 = 243 and 81 + 26 + 10 = 117 above the bars, the stated totals above
    stated_marks = {charts_layout.wrap(words.t("mark_stated_value", "sv", stated=v), SCREEN.mark_wrap)
                    for v in ("244", "123")}
    assert stated_marks | {"243", "117"} <= set(drawn)
    assert {"Arbetsförmedlingen", "Kommunen"} <= set(drawn) and fig.axes[0].get_legend() is None
    assert list(fig.axes[0].get_xticks()) == YEARS
    diamonds = [tuple(map(float, c.get_offsets()[0])) for c in fig.axes[0].collections]
    assert diamonds == [(2018.38, 244.0), (2020.38, 123.0)]  # beside the bars, at the stated heights


def test_other_chart_kinds(frames):
    f = metrics.funnel(frames.funded_placements, frames.claims)
    bars = charts.bar_chart(pd.DataFrame({"label": f["stage"], "category": f["stage"], "value": f["value"]}),
                            xlabel="Places", lang="en")
    assert [t.get_text() for t in bars.axes[0].texts] == ["23", "11", "10", "1", "1", "8"]  # bar labels
    granted = bars.axes[0].patches[0]
    assert hex_of(granted.get_facecolor()) == palette.WHITE  # places granted: an outline, used: a fill
    assert hex_of(granted.get_edgecolor()) == palette.colour("places_granted")
    ci = metrics.outcome_intervals(frames.claims).rename(columns={"outcome": "category"})
    dots = charts.interval_chart(ci, xlabel="Share (%)", lang="en")
    assert "10.0\u00a0% (0.3–44.5\u00a0%)" in drawn_words(dots)
    cum = metrics.informed_cumulative(frames.snapshots)
    bl = charts.bar_line_chart(cum, reference=(1257.0, "Stated 1,257"), ylabel="People", lang="en")
    assert list(bl.axes[0].get_xticks()) == YEARS and bl.axes[0].get_legend() is None
    # 95 + 586 + 235 + 183 + 176 = 1,275 at the end of the cumulative line, named there
    cumulative = charts_layout.wrap(f"{words.name('cumulative', 'en')}: 1,275", SCREEN.name_wrap)
    informed = charts_layout.wrap(words.name("informed", "en"), SCREEN.name_wrap)
    assert {"Stated 1,257", cumulative, informed} <= set(drawn_words(bl))


def test_grouped_bars_name_their_categories_on_the_first_row():
    d = pd.DataFrame({"label": ["Hofors 2016", "Hofors 2016", "Nordanstig 2018", "Nordanstig 2018"],
                      "category": ["places_granted", "places_used"] * 2, "value": [4, 0, 7, 7]})
    fig = charts.bar_chart(d, xlabel="Places", lang="sv")
    labels = [t.get_text() for t in fig.axes[0].texts]
    granted, used = (words.name(x, "sv") for x in ("places_granted", "places_used"))
    assert labels == [f"{granted}: 4", "7", f"{used}: 0", "7"]
    assert fig.axes[0].get_legend() is None
