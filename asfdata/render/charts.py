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


def year_axis(ax, years, lang: str, label: bool = True, values: bool = True) -> None:
    """Integer year ticks (no 2015.5), a localized value axis (unless values=False), and the year label."""
    years = sorted({int(y) for y in years})
    ax.xaxis.set_major_locator(FixedLocator(years))
    short = current().short_years  # now: the ticks are written when the figure is drawn
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: year_label(int(round(v)), years[0], short)))
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    if values:
        value_axis(ax.yaxis, lang)
    ax.grid(axis="x", visible=False)
    if label:
        ax.set_xlabel(words.t("axis_year", lang))


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
    zero: bool = True,
) -> Figure:
    """Lines per category over integer years, named at their ends (one line: no name, the caption says what
    it is); optional facets (panels, one above the other) and event marks between counts."""
    panels = list(dict.fromkeys(data[facet])) if facet else [None]
    cats = data["category"].nunique()
    fig, axes = new_figure(len(panels), 1, height=current().height + 2.2 * (len(panels) - 1), sharex=True)
    groups = []
    for i, (ax, panel) in enumerate(zip(axes[:, 0], panels, strict=True)):
        d = data if panel is None else data.loc[data[facet] == panel]
        groups.append((ax, _line(ax, d, lang, named=1 < cats <= MAX_NAMED)))
        year_axis(ax, data["year"], lang, label=i == len(panels) - 1)
        ax.set_ylabel(ylabel if panel is None else (facet_titles or {}).get(panel, str(panel)))
        if zero:
            ax.set_ylim(bottom=0, top=max(highest(d["value"]) * 1.1, 1e-9))
        marks(ax, list(at), text=i == 0)
    finish(fig, groups, legend=axes[0][0] if cats > MAX_NAMED else None)
    return fig


def _above(ax, x: float, y: float, text: str, colour_: str = INK, lines_below: int = 0) -> None:
    """A value centred above a point (a bar's top), lifted by lines_below lines of text."""
    ax.annotate(text, (x, y), xytext=(0, 2 + lines_below * FONT * LINE), textcoords="offset points",
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
    for cat in w.columns:
        vals = w[cat].astype("float64")
        ax.bar(years, vals.to_numpy(), bottom=bottom.to_numpy(), width=bar, color=palette[cat],
               edgecolor=WHITE, linewidth=0.8, label=words.name(cat, lang))
        last = float(bottom.iloc[-1] + vals.iloc[-1] / 2)
        names.append(end_name(ax, words.name(cat, lang), years[-1] + (bar / 2 + 0.12), last, palette[cat],
                              dx=4))
        bottom = bottom + vals
    given = {} if stated is None else dict(zip(stated["year"].astype(int), stated["value"], strict=True))
    for y, total in zip(years, bottom, strict=True):
        _above(ax, y, max(total, float(given.get(int(y), total))), words.num(total, lang))
        if int(y) in given:
            v = float(given[int(y)])
            ax.scatter([y + (bar / 2 + 0.08)], [v], marker="D", s=30, color=STATED, edgecolor=WHITE,
                       linewidth=0.6, zorder=5)
            said = words.t("mark_stated_value", lang, stated=words.num(v, lang))
            stated_value = wrap(said, current().mark_wrap)
            _above(ax, y, max(total, v), stated_value, STATED, 1)
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
    per_row = 0.32 * len(cats) if grouped else max(0.42, 0.16 * lines + 0.06)  # inches
    fig, axes = new_figure(height=max(2.4, per_row * len(rows) + 1.0))
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


def bar_line_chart(data: pd.DataFrame, *, reference: tuple[float, str] | None, ylabel: str,
                   lang: str) -> Figure:
    """Bars of the yearly values (their values inside), a line of the cumulative values, a dashed horizontal
    reference (a stated total); each named at its right end."""
    fig, axes = new_figure()
    ax = axes[0][0]
    years = data["year"].astype(int).to_numpy()
    informed = data["informed"].astype("float64").to_numpy()
    cumulative = data["cumulative"].astype("float64").to_numpy()
    bar, above = current().bar, current().labels_above
    bars = ax.bar(years, informed, width=bar, color=colour("informed"))
    ax.bar_label(bars, labels=[words.num(v, lang) for v in informed], label_type="center", color=WHITE)
    ax.plot(years, cumulative, marker="o", markersize=5, linewidth=1.8, color=colour("cumulative"),
            markeredgecolor=WHITE, markeredgewidth=0.6)
    names = [
        end_name(ax, words.name("informed", lang), years[-1] + bar / 2, informed[-1] / 2, colour("informed"),
                 dx=4),
        end_name(ax, f"{words.name('cumulative', lang)}: {words.num(cumulative[-1], lang)}", years[-1],
                 cumulative[-1], colour("cumulative")),
    ]
    top = float(cumulative.max())
    if reference is not None:
        style = {"color": STATED, "linestyle": (0, (4, 3)), "linewidth": 1.5}
        if above:  # named above its left end; it ends at the last year, before the names at line ends
            ax.plot([years[0] - 0.5, years[-1]], [reference[0]] * 2, **style)
            ax.annotate(wrap(reference[1], 2 * current().name_wrap), (years[0] - 0.5, reference[0]),
                        xytext=(3, 2), textcoords="offset points", va="bottom", color=STATED)
        else:
            ax.axhline(reference[0], **style)
            names.append(end_name(ax, reference[1], years[-1] + 0.5, reference[0], STATED, dx=2))
        top = max(top, reference[0])
    year_axis(ax, years, lang)
    ax.set_ylabel(ylabel)
    # room above the reference for the names: its own above its left end, or the cumulative line's
    room = lines_of(wrap(reference[1], 2 * current().name_wrap)) if above and reference else 0
    room = max(room, lines_of(names[1].get_text()) - 2)
    ax.set_ylim(0, top * (1.12 + 0.06 * room))
    finish(fig, [(ax, names)])
    return fig


def timeline_chart(series: pd.DataFrame, events: pd.DataFrame, *, ylabel: str, lang: str,
                   bottom_title: str, at: Sequence[tuple[float, str]] = ()) -> Figure:
    """Two panels on the same integer years: lines per category (named at their ends) above, milestones
    per kind and year below (a circle's area grows with the number; bottom_title names the panel)."""
    kinds = sorted(dict.fromkeys(events["kind"]), key=lambda k: words.kind(k, lang))
    above = current().labels_above  # each kind's name above its row, from the left edge, instead of beside it
    row = current().kind_row  # inches per kind
    # circles at the row's centre, or, under a name, in the room below it: its line and half the rest
    at_row = (FONT * LINE / 72 + (row - FONT * LINE / 72) / 2) / row - 0.5 if above else 0.0
    fig, axes = new_figure(2, 1, height=2.9 + row * len(kinds) + 0.6, sharex=True,
                           gridspec_kw={"height_ratios": [2.6, row * len(kinds) + 0.3]})
    top, bottom = axes[0][0], axes[1][0]
    names = _line(top, series, lang, named=series["category"].nunique() <= MAX_NAMED)
    top.set_ylim(0, float(series["value"].max()) * 1.12)
    top.set_ylabel(ylabel)
    marks(top, list(at))
    ys = [kinds.index(k) + at_row for k in events["kind"]]
    areas = [30 + 30 * n for n in events["count"]]
    bottom.scatter(events["year"], ys, s=areas, edgecolor=WHITE, linewidth=0.6, zorder=3,  # one for all
                   color=[STATED if k in ("reorganisation", "pandemic") else colour("milestone")
                          for k in events["kind"]])
    for x, y, area, n in zip(events["year"], ys, areas, events["count"], strict=True):
        bottom.annotate(words.num(n, lang), (x, y), xytext=(area**0.5 / 2 + 3, 0), textcoords="offset points",
                        va="center", bbox=GROUND if above else None)  # a year is narrow: marks pass close by
    labels = [wrap(words.kind(k, lang), current().kind_wrap) for k in kinds]
    if above:
        tr = blended_transform_factory(bottom.transAxes, bottom.transData)
        for i, label in enumerate(labels):
            bottom.annotate(label, (0.0, i - 0.5), xycoords=tr, xytext=(3, 0), textcoords="offset points",
                            va="top", bbox=GROUND)
    bottom.set_yticks([i + at_row for i in range(len(kinds))], labels=[""] * len(kinds) if above else labels)
    bottom.set_ylim(len(kinds) - 0.5, -0.5)
    bottom.set_title(bottom_title, loc="left", pad=FONT if above else 6.0)
    marks(bottom, list(at), text=False)
    year_axis(top, series["year"], lang, label=False)
    year_axis(bottom, series["year"], lang, values=False)
    finish(fig, [(top, names)])
    return fig
