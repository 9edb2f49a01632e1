"""Charts: one theme, one colour and marker per category (asfdata.render.palette), one function per kind.

Chart functions build matplotlib Figures without pyplot (nothing to close, nothing shown twice). They draw
data and its labels only: the title stating the finding, the subtitle with the measure and unit, the
takeaway and the source are the figure's HTML caption (asfdata.render.html.figure_html), never pixels.
Series are named at their ends (up to MAX_NAMED of them; more get a legend in drawing order), names spread
apart so that none overlaps another. Every figure is WIDTH wide, the text column of an A4 page, and every
text FONT points, so that shown at its natural size (asfdata.render.svg) the smallest text is the page's
footnote size.
"""

from __future__ import annotations

import textwrap

import matplotlib as mpl
import pandas as pd
from cycler import cycler
from matplotlib.figure import Figure
from matplotlib.layout_engine import TightLayoutEngine
from matplotlib.ticker import FixedLocator, FuncFormatter
from matplotlib.transforms import blended_transform_factory

from asfdata import metrics as M
from asfdata.render import words as W
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
    marker,
)

WIDTH, HEIGHT = 7.0, 3.6  # inches; 7.0 in = 672 CSS px, the text column of A4 with 16 mm margins
FONT = 9.0  # points, every text of a chart: 12 CSS px at natural size, the report's footnote size
LINE = 1.25  # line height of chart text, in font sizes
MAX_NAMED = 4  # series named at their ends; a chart with more gets a legend
NAME_WRAP = 24  # characters per line of a series' name at its end
GAP = 1.5  # points between two names at line ends

THEME = {  # seaborn's "whitegrid" look, written out so that charts need not import seaborn (3 s per kernel)
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
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def set_theme() -> None:
    """The one theme of every chart: white grid, DejaVu Sans at FONT points, no top or right frame."""
    mpl.rcParams.update(THEME)
    mpl.rcParams["axes.prop_cycle"] = cycler(color=[INK])


# ---- shared pieces -----------------------------------------------------------------------------------------


def new_figure(nrows: int = 1, ncols: int = 1, width: float = WIDTH, height: float = HEIGHT, **kw):
    """A themed Figure (no pyplot) and its axes."""
    set_theme()
    fig = Figure(figsize=(width, height))
    return fig, fig.subplots(nrows, ncols, squeeze=False, **kw)


def wrap(text: str, width: int) -> str:
    """Text wrapped to lines of at most width characters (long words kept whole)."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def tick_label(v: float, lang: str) -> str:
    """A tick value in lang with as few decimals as it needs (at most 2)."""
    d = 0 if abs(v - round(v)) < 1e-9 else 1 if abs(v * 10 - round(v * 10)) < 1e-9 else 2
    return W.num(v, lang, d)


def value_axis(axis, lang: str) -> None:
    """Tick labels of a value axis in lang (decimal comma in Swedish)."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: tick_label(v, lang)))


def year_axis(ax, years, lang: str, label: bool = True, values: bool = True) -> None:
    """Integer year ticks (no 2015.5), a localized value axis (unless values=False), and the year label."""
    years = sorted({int(y) for y in years})
    ax.xaxis.set_major_locator(FixedLocator(years))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: str(int(round(v)))))
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    if values:
        value_axis(ax.yaxis, lang)
    ax.grid(axis="x", visible=False)
    if label:
        ax.set_xlabel(W.t("axis_year", lang))


def lines_of(text: str) -> int:
    """Number of lines of a text."""
    return text.count("\n") + 1


def end_name(ax, text: str, x: float, y: float, colour_: str, dx: float = 6.0):
    """A series' name at its end (x, y): right of it in the series' colour, with a leader line shown when
    spreading moves the name away (see spread)."""
    return ax.annotate(
        wrap(text, NAME_WRAP), (x, y), xytext=(dx, 0), textcoords="offset points", ha="left", va="center",
        color=colour_, annotation_clip=False,
        arrowprops={"arrowstyle": "-", "color": colour_, "linewidth": 0.6, "shrinkA": 1, "shrinkB": 4,
                    "relpos": (0, 0.5)},
    )


def spread_positions(want: list[float], sizes: list[float], lo: float, hi: float) -> list[float]:
    """Centres as near to want (sorted) as they can be with sizes[i]/2 + GAP + sizes[j]/2 between
    neighbours, inside [lo, hi]: overlapping runs are merged and centred on their wanted mean."""

    def span(a: int, b: int) -> float:
        return sum(sizes[a : b + 1]) + GAP * (b - a)

    runs: list[list] = []  # [first, last, bottom]
    for i in range(len(want)):
        runs.append([i, i, 0.0])
        while True:
            a, b, _ = runs[-1]
            total = span(a, b)
            bottom = sum(want[a : b + 1]) / (b - a + 1) - total / 2
            runs[-1][2] = min(max(bottom, lo), hi - total)
            if len(runs) > 1 and runs[-2][2] + span(runs[-2][0], runs[-2][1]) + GAP > runs[-1][2]:
                runs[-2:] = [[runs[-2][0], b, 0.0]]
                continue
            break
    out = []
    for a, b, bottom in runs:
        y = bottom
        for i in range(a, b + 1):
            out.append(y + sizes[i] / 2)
            y += sizes[i] + GAP
    return out


def spread(ax, names: list) -> None:
    """Move the names at line ends (annotations made by end_name) vertically so that none overlaps another
    and all stay beside the axes; a leader line shows where a name moved away from its point. Call after
    the layout is final (finish does)."""
    if not names:
        return
    fig = ax.figure
    height = ax.get_position().height * fig.get_figheight() * 72  # points
    y0, y1 = ax.get_ylim()
    names = sorted(names, key=lambda a: a.xy[1])
    want = [(a.xy[1] - y0) / (y1 - y0) * height for a in names]
    sizes = [lines_of(a.get_text()) * FONT * LINE for a in names]
    for a, w, pos in zip(names, want, spread_positions(want, sizes, 0.0, height), strict=True):
        a.xyann = (a.xyann[0], pos - w)
        a.arrow_patch.set_visible(abs(pos - w) > FONT / 2)


def finish(fig, names: list[tuple] = (), legend=None) -> None:
    """Lay the figure out tightly, then spread the names at line ends ((axes, annotations) pairs); a legend
    (axes) right of the axes in drawing order for charts with more than MAX_NAMED series."""
    if legend is not None:
        legend.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    # The engine is run, not set: saving a figure with an engine lays it out once more (0.5 s per edition).
    engine = TightLayoutEngine(pad=0.3, rect=None)
    for _ in range(3):  # names anchored in the data move as the axes shrink: settle in a few rounds
        engine.execute(fig)
    for ax, group in names:
        spread(ax, group)


def marks(ax, at: list[tuple[float, str]], text: bool = True) -> None:
    """Vertical dashed lines (events between two autumn counts), with their labels above the axes when text;
    the labels of neighbouring marks point away from each other (first to the left, second to the right)."""
    tr = blended_transform_factory(ax.transData, ax.transAxes)
    for i, (x, label) in enumerate(at):
        left = i % 2 == 0 and len(at) > 1
        ax.axvline(x, color=GREY_DARK, linestyle=(0, (4, 3)), linewidth=1)
        if text:
            side = "right" if left else "left"
            ax.text(x + (-0.04 if left else 0.04), 1.02, wrap(label, 20), transform=tr, ha=side,
                    va="bottom", color=GREY_DARK, multialignment=side)


# ---- chart kinds -------------------------------------------------------------------------------------------


def _line(ax, d: pd.DataFrame, lang: str, named: bool) -> list:
    """One line per category of a tidy year/category/value frame, each with its own marker; its name at
    its end when named (returned), else as a legend label."""
    names = []
    for i, cat in enumerate(dict.fromkeys(d["category"])):
        s = d.loc[d["category"] == cat].sort_values("year")
        xs, ys = s["year"].astype(int).to_numpy(), s["value"].astype("float64").to_numpy()
        c = colour(cat)
        ax.plot(xs, ys, marker=marker(cat, i), markersize=5, linewidth=1.8, color=c, markeredgecolor=WHITE,
                markeredgewidth=0.6, linestyle="--" if cat in DASHED else "-",
                label=None if named else W.name(cat, lang))
        if named:
            names.append(end_name(ax, W.name(cat, lang), xs[-1], ys[-1], c))
    return names


def line_chart(
    data: pd.DataFrame,
    *,
    ylabel: str,
    lang: str,
    at: list[tuple[float, str]] = (),
    facet: str | None = None,
    facet_titles: dict | None = None,
    zero: bool = True,
) -> Figure:
    """Lines per category over integer years, named at their ends (one line: no name, the caption says what
    it is); optional facets (panels, one above the other) and event marks between counts."""
    panels = list(dict.fromkeys(data[facet])) if facet else [None]
    cats = data["category"].nunique()
    fig, axes = new_figure(len(panels), 1, height=HEIGHT + 2.2 * (len(panels) - 1), sharex=True)
    groups = []
    for i, (ax, panel) in enumerate(zip(axes[:, 0], panels, strict=True)):
        d = data if panel is None else data.loc[data[facet] == panel]
        groups.append((ax, _line(ax, d, lang, named=1 < cats <= MAX_NAMED)))
        year_axis(ax, data["year"], lang, label=i == len(panels) - 1)
        ax.set_ylabel(ylabel if panel is None else (facet_titles or {}).get(panel, str(panel)))
        if zero:
            ax.set_ylim(bottom=0, top=max(float(d["value"].max()) * 1.1, 1e-9))
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
    w = M.wide(data)
    years = w.index.to_numpy()
    bottom = pd.Series(0.0, index=w.index)
    names = []
    for cat in w.columns:
        vals = w[cat].astype("float64")
        ax.bar(years, vals.to_numpy(), bottom=bottom.to_numpy(), width=0.6, color=colour(cat),
               edgecolor=WHITE, linewidth=0.8, label=W.name(cat, lang))
        last = float(bottom.iloc[-1] + vals.iloc[-1] / 2)
        names.append(end_name(ax, W.name(cat, lang), years[-1] + 0.42, last, colour(cat), dx=4))
        bottom = bottom + vals
    given = {} if stated is None else dict(zip(stated["year"].astype(int), stated["value"], strict=True))
    for y, total in zip(years, bottom, strict=True):
        _above(ax, y, max(total, float(given.get(int(y), total))), W.num(total, lang))
        if int(y) in given:
            v = float(given[int(y)])
            ax.scatter([y + 0.38], [v], marker="D", s=30, color=STATED, edgecolor=WHITE, linewidth=0.6,
                       zorder=5)
            _above(ax, y, max(total, v), W.t("mark_stated_value", lang, stated=W.num(v, lang)), STATED, 1)
    year_axis(ax, years, lang)
    ax.set_ylabel(ylabel)
    top = max([float(bottom.max()), *(float(v) for v in given.values())])
    ax.set_ylim(0, top * (1.28 if given else 1.15))
    finish(fig, [(ax, names)])
    return fig


def bar_chart(data: pd.DataFrame, *, xlabel: str, lang: str) -> Figure:
    """Horizontal bars, one row per label (top to bottom in input order), grouped when a label has several
    categories (their names on the first row's bars instead of a legend); each bar carries its value."""
    rows = list(dict.fromkeys(data["label"]))
    cats = list(dict.fromkeys(data["category"]))
    grouped = len(data) > len(rows)
    fig, axes = new_figure(height=max(2.4, (0.32 * len(cats) if grouped else 0.42) * len(rows) + 1.0))
    ax = axes[0][0]
    h = 0.8 / (len(cats) if grouped else 1)
    for j, cat in enumerate(cats):
        d = data.loc[data["category"] == cat]
        pos = [rows.index(lab) + ((j - (len(cats) - 1) / 2) * h if grouped else 0) for lab in d["label"]]
        c = colour(cat)
        bars = ax.barh(pos, d["value"].astype("float64").to_numpy(), height=h * 0.9,
                       color=WHITE if cat in HOLLOW else c, edgecolor=c, linewidth=1.2)
        labels = [W.num(v, lang) for v in d["value"]]
        if grouped:
            labels[0] = f"{W.name(cat, lang)}: {labels[0]}"
        ax.bar_label(bars, labels=labels, padding=3)
    ax.set_yticks(range(len(rows)), labels=[wrap(str(r), 30) for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, float(data["value"].max()) * (1.45 if grouped else 1.15))
    value_axis(ax.xaxis, lang)
    ax.grid(axis="y", visible=False)
    finish(fig)
    return fig


def interval_chart(data: pd.DataFrame, *, xlabel: str, lang: str) -> Figure:
    """Dots for shares (percent) with horizontal whiskers for their intervals, one row per category."""
    fig, axes = new_figure(height=max(2.2, 0.45 * len(data) + 1.0))
    ax = axes[0][0]
    for i, r in enumerate(data.itertuples()):
        c = colour(r.category)
        ax.plot([r.low, r.high], [i, i], color=c, linewidth=2.5, solid_capstyle="butt")
        ax.plot([r.share], [i], marker="o", markersize=8, color=c, markeredgecolor=WHITE)
        interval = f"{W.num(r.low, lang, 1)}{W.DASH}{W.pct(r.high, lang)}"
        ax.text(r.high + 1.5, i, f"{W.pct(r.share, lang)} ({interval})", va="center")
    ax.set_yticks(range(len(data)), labels=[wrap(W.name(c, lang), 26) for c in data["category"]])
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
    bars = ax.bar(years, informed, width=0.6, color=colour("informed"))
    ax.bar_label(bars, labels=[W.num(v, lang) for v in informed], label_type="center", color=WHITE)
    ax.plot(years, cumulative, marker="o", markersize=5, linewidth=1.8, color=colour("cumulative"),
            markeredgecolor=WHITE, markeredgewidth=0.6)
    names = [
        end_name(ax, W.name("informed", lang), years[-1] + 0.3, informed[-1] / 2, colour("informed"), dx=4),
        end_name(ax, f"{W.name('cumulative', lang)}: {W.num(cumulative[-1], lang)}", years[-1],
                 cumulative[-1], colour("cumulative")),
    ]
    top = float(cumulative.max())
    if reference is not None:
        ax.axhline(reference[0], color=STATED, linestyle=(0, (4, 3)), linewidth=1.5)
        names.append(end_name(ax, reference[1], years[-1] + 0.5, reference[0], STATED, dx=2))
        top = max(top, reference[0])
    year_axis(ax, years, lang)
    ax.set_ylabel(ylabel)
    ax.set_ylim(0, top * 1.12)
    finish(fig, [(ax, names)])
    return fig


def timeline_chart(series: pd.DataFrame, events: pd.DataFrame, *, ylabel: str, lang: str,
                   bottom_title: str, at: list[tuple[float, str]] = ()) -> Figure:
    """Two panels on the same integer years: lines per category (named at their ends) above, milestones
    per kind and year below (a circle's area grows with the number; bottom_title names the panel)."""
    kinds = sorted(dict.fromkeys(events["kind"]), key=lambda k: W.kind(k, lang))
    row = 0.3  # inches per kind
    fig, axes = new_figure(2, 1, height=2.9 + row * len(kinds) + 0.6, sharex=True,
                           gridspec_kw={"height_ratios": [2.6, row * len(kinds) + 0.3]})
    top, bottom = axes[0][0], axes[1][0]
    names = _line(top, series, lang, named=series["category"].nunique() <= MAX_NAMED)
    top.set_ylim(0, float(series["value"].max()) * 1.12)
    top.set_ylabel(ylabel)
    marks(top, list(at))
    for r in events.itertuples():
        c = STATED if r.kind in ("reorganisation", "pandemic") else colour("milestone")
        size = 30 + 30 * r.count
        bottom.scatter([r.year], [kinds.index(r.kind)], s=size, color=c, edgecolor=WHITE, linewidth=0.6,
                       zorder=3)
        bottom.annotate(W.num(r.count, lang), (r.year, kinds.index(r.kind)),
                        xytext=(size**0.5 / 2 + 3, 0), textcoords="offset points", va="center")
    bottom.set_yticks(range(len(kinds)), labels=[wrap(W.kind(k, lang), 34) for k in kinds])
    bottom.set_ylim(len(kinds) - 0.5, -0.5)
    bottom.set_title(bottom_title, loc="left")
    marks(bottom, list(at), text=False)
    year_axis(top, series["year"], lang, label=False)
    year_axis(bottom, series["year"], lang, values=False)
    finish(fig, [(top, names)])
    return fig
