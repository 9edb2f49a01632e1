"""Charts: one theme, one colour and marker per category (asfdata.render.palette), one function per kind.

Chart functions build matplotlib Figures without pyplot (nothing to close, nothing shown twice). They draw
data and its labels only: the title stating the finding, the subtitle with the measure and unit, the
takeaway and the source are the figure's HTML caption (asfdata.render.html.figure_html), never pixels.
Series are named at their ends (up to MAX_NAMED of them; more get a legend in drawing order), names spread
apart so that none overlaps another (asfdata.render.charts_layout). Every figure is as wide as the width it
is drawn at (asfdata.render.widths: the A4 text column, or a phone's) and every text FONT points, so that
shown at its natural size (asfdata.render.svg) the smallest text is the page's footnote size; the width's
wrap widths and narrow choices fit its labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import numpy as np
import pandas as pd
from cycler import cycler
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator
from matplotlib.transforms import blended_transform_factory

from asfdata import metrics
from asfdata.render import words
from asfdata.render.charts_layout import LINE, end_name, finish, lines_of, wrap
from asfdata.render.palette import (
    AXIS,
    DASHED,
    GREY_DARK,
    GRID,
    HOLLOW,
    INK,
    STATED,
    WHITE,
    colour,
    colours,
    markers,
)
from asfdata.render.widths import FONT, current

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

MAX_NAMED = 4  # series named at their ends; a chart with more gets a legend
DIAMOND = 30  # points²: the area of a stated figure's diamond (a scatter marker)
DIAMOND_HALF = DIAMOND**0.5 / 2 ** 0.5 + 0.3  # points from its centre to its side corner, white edge included
DOT_AREA = 28  # points²: a milestone's dot on the timeline (6 pt across with its white edge)
DOT_STEP = 7.0  # points between the centres of two milestones' dots of one year
GROUND = {"facecolor": WHITE, "edgecolor": "none", "pad": 1.0}  # a label's white ground over grid and marks

# seaborn's "whitegrid" look, written out so that charts need not import seaborn (3 s per kernel)
THEME: dict[RcKeyType, Any] = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "axes.edgecolor": AXIS,
    "axes.linewidth": 0.8,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": GRID,
    "grid.linestyle": "-",
    "axes.labelcolor": INK,
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "xtick.major.size": 0,
    "ytick.major.size": 0,
    "xtick.major.pad": 5,
    "ytick.major.pad": 5,
    "font.family": "DejaVu Sans",
    "font.size": FONT,
    "axes.titlesize": FONT,
    "axes.labelsize": FONT,
    "xtick.labelsize": FONT,
    "ytick.labelsize": FONT,
    "legend.fontsize": FONT,
    "lines.solid_capstyle": "round",
    "axes.unicode_minus": True,
    "text.parse_math": False,  # every label is text as written: a name with $…$ is no mathtext
    "text.usetex": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def set_theme() -> None:
    """The one theme of every chart: white grid, DejaVu Sans at FONT points, no top or right frame."""
    mpl.rcParams.update(THEME)
    mpl.rcParams["axes.prop_cycle"] = cycler(color=[INK])


# ---- shared pieces -----------------------------------------------------------------------------------------


def new_figure(nrows: int = 1, ncols: int = 1, height: float | None = None, **kw):
    """A themed Figure (no pyplot) as wide as the current width, height inches high (the width's own height
    by default), and its axes."""
    set_theme()
    fig = Figure(figsize=(current().inches, current().height if height is None else height))
    FigureCanvasAgg(fig)
    return fig, fig.subplots(nrows, ncols, squeeze=False, **kw)


def highest(values) -> float:
    """The largest finite value (0 when there is none: every value undefined or missing)."""
    finite = pd.Series(values, dtype="float64").replace([np.inf, -np.inf], np.nan).dropna()
    return float(finite.max()) if len(finite) else 0.0


def tick_label(v: float, lang: str) -> str:
    """A tick value in lang with as few decimals as it needs (at most 2)."""
    d = 0 if abs(v - round(v)) < 1e-9 else 1 if abs(v * 10 - round(v * 10)) < 1e-9 else 2
    return words.num(v, lang, d)


def value_axis(axis, lang: str) -> None:
    """Tick labels of a value axis in lang (decimal comma in Swedish)."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: tick_label(v, lang)))


def year_label(year: int, first: int, short: bool) -> str:
    """A year on the year axis: in full, or (short, as the width being drawn at has it) the first in full
    and the others by their last two digits: 2016 17 18."""
    return f"{year % 100:02d}" if short and year != first else str(year)


def year_axis(ax, years, lang: str, label: bool = True, values: bool = True,
              xlabel: str | None = None) -> None:
    """Integer year ticks (no 2015.5), a localized value axis (unless values=False), and the year label: the
    autumn counts' unless xlabel says what else the years are (counts during the year, dated events)."""
    years = sorted({int(y) for y in years})
    ax.xaxis.set_major_locator(FixedLocator(years))
    short = current().short_years  # now: the ticks are written when the figure is drawn
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: year_label(int(round(v)), years[0], short)))
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    if values:
        value_axis(ax.yaxis, lang)
    ax.grid(axis="x", visible=False)
    if label:
        ax.set_xlabel(words.t("axis_year", lang) if xlabel is None else xlabel)


def marks(ax, at: list[tuple[float, str]], text: bool = True) -> None:
    """Vertical dashed lines (events between two autumn counts), with their labels above the axes when text;
    the labels of neighbouring marks point away from each other (first to the left, second to the right)."""
    tr = blended_transform_factory(ax.transData, ax.transAxes)
    for i, (x, label) in enumerate(at):
        left = i % 2 == 0 and len(at) > 1
        ax.axvline(x, color=GREY_DARK, linestyle=(0, (4, 3)), linewidth=1)
        if text:
            side = "right" if left else "left"
            ax.text(x + (-0.04 if left else 0.04), 1.02, wrap(label, current().mark_wrap), transform=tr,
                    ha=side, va="bottom", color=GREY_DARK, multialignment=side)


# ---- chart kinds -------------------------------------------------------------------------------------------


def _line(ax, d: pd.DataFrame, lang: str, named: bool) -> list:
    """One line per category of a tidy year/category/value frame, each with its own marker; its name at
    its end when named (returned), else as a legend label."""
    names = []
    cats = list(dict.fromkeys(d["category"]))
    palette, shapes = colours(cats), markers(cats)
    for cat in cats:
        s = d.loc[d["category"] == cat].sort_values("year")
        xs, ys = s["year"].astype(int).to_numpy(), s["value"].astype("float64").to_numpy()
        c = palette[cat]
        ax.plot(xs, ys, marker=shapes[cat], markersize=5, linewidth=1.8, color=c, markeredgecolor=WHITE,
                markeredgewidth=0.6, linestyle="--" if cat in DASHED else "-",
                label=None if named else words.name(cat, lang))
        drawn = np.isfinite(ys)  # an undefined value (an index on a base of 0) is a gap, not a point
        if named and drawn.any():
            last = np.flatnonzero(drawn)[-1]
            names.append(end_name(ax, words.name(cat, lang), xs[last], ys[last], c))
    return names


def line_chart(
    data: pd.DataFrame,
    *,
    ylabel: str,
    lang: str,
    at: Sequence[tuple[float, str]] = (),
    facet: str | None = None,
    facet_titles: dict | None = None,
    facet_headings: dict | None = None,
    stated: Sequence[tuple[float, float, str]] = (),
    zero: bool = True,
) -> Figure:
    """Lines per category over integer years, named at their ends (one line: no name, the caption says what
    it is); optional facets (panels, one above the other, each headed by facet_headings and measured by
    facet_titles, with room between them) and event marks between counts; a figure another source states
    (x, y, label) as a diamond, named above the lines with a leader to it."""
    panels = list(dict.fromkeys(data[facet])) if facet else [None]
    cats = data["category"].nunique()
    headings = facet_headings or {}
    per_panel = 2.4 if headings else 2.2  # inches each panel after the first adds (a heading: room for it)
    height = current().height + per_panel * (len(panels) - 1)
    fig, axes = new_figure(len(panels), 1, height=height, sharex=True)
    # a heading stands above the marks' labels (the first panel's), a line of text above the axes
    above_marks = max((lines_of(wrap(label, current().mark_wrap)) for _, label in at), default=0)
    groups = []
    for i, (ax, panel) in enumerate(zip(axes[:, 0], panels, strict=True)):
        d = data if panel is None else data.loc[data[facet] == panel]
        groups.append((ax, _line(ax, d, lang, named=1 < cats <= MAX_NAMED)))
        year_axis(ax, data["year"], lang, label=i == len(panels) - 1)
        ax.set_ylabel(ylabel if panel is None else (facet_titles or {}).get(panel, str(panel)))
        if zero:
            ax.set_ylim(bottom=0, top=max(highest(d["value"]) * 1.1, 1e-9))
        if panel in headings:
            lift = FONT * LINE * (above_marks + 0.6) if i == 0 and above_marks else FONT
            ax.set_title(wrap(headings[panel], current().title_wrap), loc="left", fontweight="bold", pad=lift)
        marks(ax, list(at), text=i == 0)
    for x, y, label in stated:
        _stated_mark(axes[0][0], x, y, label)
    finish(fig, groups, legend=axes[0][0] if cats > MAX_NAMED else None)
    return fig


def _stated_mark(ax, x: float, y: float, label: str) -> None:
    """A figure another source states, beside the lines: a diamond at (x, y), named at the top of the axes,
    from just left of it, with a leader down to it; the axes grow to make room for the name."""
    ax.scatter([x], [y], marker="D", s=DIAMOND, color=STATED, edgecolor=WHITE, linewidth=0.6, zorder=5)
    text = wrap(label, 2 * current().name_wrap)
    low, high = ax.get_ylim()
    top = max(high, y) + (high - low) * 0.09 * (lines_of(text) + 1)
    ax.set_ylim(low, top)
    ax.annotate(text, (x, y), xytext=(x - 0.12, top - (top - low) * 0.02), ha="left", va="top", color=STATED,
                arrowprops={"arrowstyle": "-", "color": STATED, "linewidth": 0.6, "shrinkA": 1, "shrinkB": 4,
                            "relpos": (0, 0)})


def _above(ax, x: float, y: float, text: str, colour_: str = INK, lines_below: int = 0,
           lift: float = 0) -> None:
    """A value centred above a point (a bar's top), lifted by lines_below lines of text and lift points."""
    ax.annotate(text, (x, y), xytext=(0, 2 + lift + lines_below * FONT * LINE), textcoords="offset points",
                ha="center", va="bottom", color=colour_)


def stacked_bar_chart(data: pd.DataFrame, *, stated: pd.DataFrame | None = None, ylabel: str,
                      lang: str) -> Figure:
    """Stacked bars of the parts per year, the parts named beside the last bar, each bar's sum above it;
    where a stated total (year, value) is given, a diamond at its height and its value above the sum."""
    fig, axes = new_figure()
    ax = axes[0][0]
    w = metrics.wide(data)
    years = w.index.to_numpy()
    bar = current().bar
    bottom = pd.Series(0.0, index=w.index)
    names = []
    palette = colours(w.columns)
    given = {} if stated is None else dict(zip(stated["year"].astype(int), stated["value"], strict=True))
    beside = bar / 2 + 0.08  # a stated total's diamond right of its bar, in years
    # the parts' names right of the last bar, or right of its diamond (DIAMOND_HALF points wide each side)
    at, dx = (beside, DIAMOND_HALF + 4.5) if int(years[-1]) in given else (bar / 2 + 0.12, 4.0)
    for cat in w.columns:
        vals = w[cat].astype("float64")
        ax.bar(years, vals.to_numpy(), bottom=bottom.to_numpy(), width=bar, color=palette[cat],
               edgecolor=WHITE, linewidth=0.8, label=words.name(cat, lang))
        last = float(bottom.iloc[-1] + vals.iloc[-1] / 2)
        names.append(end_name(ax, words.name(cat, lang), years[-1] + at, last, palette[cat], dx=dx))
        bottom = bottom + vals
    for y, total in zip(years, bottom, strict=True):
        lift = DIAMOND_HALF if int(y) in given else 0.0  # the values clear of the diamond beside the bar
        _above(ax, y, max(total, float(given.get(int(y), total))), words.num(total, lang), lift=lift)
        if int(y) in given:
            v = float(given[int(y)])
            ax.scatter([y + beside], [v], marker="D", s=DIAMOND, color=STATED, edgecolor=WHITE,
                       linewidth=0.6, zorder=5)
            said = words.t("mark_stated_value", lang, stated=words.num(v, lang))
            stated_value = wrap(said, current().mark_wrap)
            _above(ax, y, max(total, v), stated_value, STATED, 1, lift=lift)
    year_axis(ax, years, lang)
    ax.set_ylabel(ylabel)
    top = max([float(bottom.max()), *(float(v) for v in given.values())])
    ax.set_ylim(0, top * (1.28 if given else 1.15))
    finish(fig, [(ax, names)])
    return fig


def bar_chart(data: pd.DataFrame, *, xlabel: str, lang: str) -> Figure:
    """Horizontal bars, one row per label (top to bottom in input order), grouped when a label has several
    categories (their names on the first row's bars instead of a legend); each bar carries its value; a
    negative value is a bar to the left of 0."""
    rows = list(dict.fromkeys(data["label"]))
    cats = list(dict.fromkeys(data["category"]))
    grouped = len(data) > len(rows)
    lines = max(wrap(str(r), current().row_wrap).count("\n") + 1 for r in rows)  # a row's label, in lines
    per_row = 0.32 * len(cats) if grouped else max(0.28, 0.16 * lines + 0.08)  # inches: a label's lines, room
    fig, axes = new_figure(height=max(2.2, per_row * len(rows) + 0.8))  # and the value axis below
    ax = axes[0][0]
    h = 0.8 / (len(cats) if grouped else 1)
    palette = colours(cats)
    for j, cat in enumerate(cats):
        d = data.loc[data["category"] == cat]
        pos = [rows.index(lab) + ((j - (len(cats) - 1) / 2) * h if grouped else 0) for lab in d["label"]]
        c = palette[cat]
        bars = ax.barh(pos, d["value"].astype("float64").to_numpy(), height=h * 0.9,
                       color=WHITE if cat in HOLLOW else c, edgecolor=c, linewidth=1.2)
        labels = [words.num(v, lang) for v in d["value"]]
        if grouped:
            labels[0] = f"{words.name(cat, lang)}: {labels[0]}"
        ax.bar_label(bars, labels=labels, padding=3)
    ax.set_yticks(range(len(rows)), labels=[wrap(str(r), current().row_wrap) for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    low, high = float(data["value"].min()), float(data["value"].max())  # bars of falls reach left of 0
    ax.set_xlim(min(0.0, low * 1.25), max(0.0, high * (1.45 if grouped else 1.15)))
    if low < 0:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=current().signed_ticks))
    value_axis(ax.xaxis, lang)
    ax.grid(axis="y", visible=False)
    finish(fig)
    return fig


def interval_chart(data: pd.DataFrame, *, xlabel: str, lang: str) -> Figure:
    """Dots for shares (percent) with horizontal whiskers for their intervals, one row per category."""
    above = current().labels_above  # the values above the whisker, from its start, instead of after its end
    fig, axes = new_figure(height=max(2.2, (0.6 if above else 0.45) * len(data) + 1.0))
    ax = axes[0][0]
    palette = colours(data["category"])
    for i, r in enumerate(data.itertuples()):
        c = palette[r.category]
        ax.plot([r.low, r.high], [i, i], color=c, linewidth=2.5, solid_capstyle="butt")
        ax.plot([r.share], [i], marker="o", markersize=8, color=c, markeredgecolor=WHITE)
        interval = f"{words.num(r.low, lang, 1)}{words.DASH}{words.pct(r.high, lang)}"
        text = f"{words.pct(r.share, lang)} ({interval})"
        if above:
            ax.text(r.low, i - 0.2, text, va="bottom")
        else:
            ax.text(r.high + 1.5, i, text, va="center")
    names = [wrap(words.name(c, lang), current().category_wrap) for c in data["category"]]
    ax.set_yticks(range(len(data)), labels=names)
    ax.set_ylim(len(data) - 0.5, -0.5)  # top to bottom, half a row of room at each end
    ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel)
    value_axis(ax.xaxis, lang)
    ax.grid(axis="y", visible=False)
    finish(fig)
    return fig


def bar_line_chart(data: pd.DataFrame, *, reference: tuple[float, str] | None, ylabel: str, lang: str,
                   xlabel: str | None = None) -> Figure:
    """Bars of the yearly values (a tall bar's value inside it, at its foot; a short one's above it), a line
    of the cumulative values at the end of each year (each bar's right edge: beside a bar's value, never on
    it), named above its last point; a stated total for the whole period (reference) as a diamond right of
    that point, named at its right. The bars are named right of the last one."""
    fig, axes = new_figure()
    ax = axes[0][0]
    years = data["year"].astype(int).to_numpy()
    informed = data["informed"].astype("float64").to_numpy()
    cumulative = data["cumulative"].astype("float64").to_numpy()
    bar = current().bar
    ends = years + bar / 2  # the end of each year: its bar's right edge
    ax.bar(years, informed, width=bar, color=colour("informed"))
    ax.plot(ends, cumulative, marker="o", markersize=5, linewidth=1.8, color=colour("cumulative"),
            markeredgecolor=WHITE, markeredgewidth=0.6)
    total = wrap(f"{words.name('cumulative', lang)}: {words.num(cumulative[-1], lang)}", current().name_wrap)
    ax.annotate(total, (ends[-1], cumulative[-1]), xytext=(2, 5), textcoords="offset points", ha="right",
                va="bottom", multialignment="right", color=colour("cumulative"))
    names = [end_name(ax, words.name("informed", lang), years[-1] + bar / 2, informed[-1] / 2,
                      colour("informed"), dx=4)]
    top = float(cumulative.max())
    right = ends[-1] + 0.5
    if reference is not None:  # the period's stated total: one mark, beside the sum of the years
        at = ends[-1] + 0.3
        ax.scatter([at], [reference[0]], marker="D", s=DIAMOND, color=STATED, edgecolor=WHITE, linewidth=0.6,
                   zorder=5)
        names.append(end_name(ax, reference[1], at, reference[0], STATED, dx=DIAMOND_HALF + 3))
        top, right = max(top, reference[0]), at + 0.3
    year_axis(ax, years, lang, xlabel=xlabel)
    ax.set_xlim(years[0] - 0.5, right)
    ax.set_ylabel(ylabel)
    # room above the last point for its name, lines_of(total) lines of text: each about 6 % of the axes
    ax.set_ylim(0, top * (1.08 + 0.075 * lines_of(total)))
    # a bar's value inside it, at its foot, when the bar is tall (a quarter of the axes: the line, rising
    # through the bar to its right edge, passes high above the value), else above it (the line passes right
    # of it)
    for x, v in zip(years, informed, strict=True):
        if v >= 0.25 * ax.get_ylim()[1]:
            ax.annotate(words.num(v, lang), (x, 0), xytext=(0, 3), textcoords="offset points", ha="center",
                        va="bottom", color=WHITE)
        else:
            _above(ax, x, v, words.num(v, lang))
    finish(fig, [(ax, names)])
    return fig


def timeline_chart(series: pd.DataFrame, events: pd.DataFrame, *, ylabel: str, lang: str,
                   bottom_title: str, at: Sequence[tuple[float, str]] = (),
                   xlabel: str | None = None) -> Figure:
    """Two panels on the same integer years: lines per category (named at their ends) above, and below a
    timeline of the milestones (events: year, count, per kind or not), one dot per milestone stacked in its
    year's column with the year's number above it (bottom_title names the panel); the event marks (at) run
    through both."""
    per_year = events.groupby("year")["count"].sum().astype(int)
    most = int(per_year.max()) if len(per_year) else 0
    step = DOT_STEP / 72  # inches per dot, one above the other
    low = step * (most + 1.6)  # inches of the lower panel: its dots and the numbers above them
    fig, axes = new_figure(2, 1, height=2.9 + low + 0.6, sharex=True,
                           gridspec_kw={"height_ratios": [2.6, low]})
    top, bottom = axes[0][0], axes[1][0]
    names = _line(top, series, lang, named=series["category"].nunique() <= MAX_NAMED)
    top.set_ylim(0, float(series["value"].max()) * 1.12)
    top.set_ylabel(ylabel)
    marks(top, list(at))
    xs = [int(y) for y, n in per_year.items() for _ in range(n)]
    ys = [k + 1 for _, n in per_year.items() for k in range(n)]
    bottom.scatter(xs, ys, s=DOT_AREA, color=colour("milestone"), edgecolor=WHITE, linewidth=0.6, zorder=3)
    for y, n in per_year.items():
        _above(bottom, int(y), n + 0.45, words.num(n, lang))
    bottom.set_ylim(0.3, most + 1.6)
    bottom.set_yticks([])
    bottom.grid(visible=False)
    bottom.spines["left"].set_visible(False)
    bottom.set_title(wrap(bottom_title, current().title_wrap), loc="left", pad=FONT)
    marks(bottom, list(at), text=False)
    year_axis(top, series["year"], lang, label=False)
    year_axis(bottom, series["year"], lang, values=False, xlabel=xlabel)
    finish(fig, [(top, names)])
    return fig
