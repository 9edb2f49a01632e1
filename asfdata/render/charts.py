"""Charts: one theme, a fixed colour-blind-safe colour per category, one function per kind of chart.

Chart functions build matplotlib Figures without pyplot (nothing to close, nothing shown twice) and take
their title, axis labels and source line as arguments: the chapters write the words, these draw.
`figure_png` turns a Figure into reproducible PNG bytes (asfdata.render.html embeds them).
"""

from __future__ import annotations

import io
import textwrap

import matplotlib as mpl
import pandas as pd
from cycler import cycler
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter
from matplotlib.transforms import blended_transform_factory

from asfdata import metrics as M
from asfdata.render import words as W

DPI = 144
WIDTH, HEIGHT = 8.0, 4.6
# Okabe–Ito: black, orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
OKABE_ITO = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
GREY_DARK, GREY, GREY_LIGHT = "#555555", "#999999", "#CCCCCC"
STATED = "#D55E00"  # vermillion: a figure the report states that the chart marks (totals, period totals)
# One colour per category, the same in every chart. Regions use two colour-blind-safe tones of Paul Tol's
# muted scheme so that they never share a colour with placing bodies or genders.
COLOURS = {
    "Arbetsförmedlingen": "#0072B2",
    "Kommunen": "#E69F00",
    "Övriga": "#009E73",
    "all": "#000000",
    "sum_of_parts": "#000000",
    "women": "#CC79A7",
    "men": "#56B4E9",
    "Hälsingland": "#882255",
    "Gästrikland": "#DDCC77",
    "places_granted": GREY_LIGHT,
    "places_used": GREY_DARK,
    "unique_individuals": GREY_DARK,
    "work": "#009E73",
    "arbetsformedlingen": "#0072B2",
    "either": "#000000",
    "back": GREY,
    "extended": GREY_LIGHT,
    "not_stated": GREY_LIGHT,
    "outcome_work": "#009E73",
    "outcome_arbetsformedlingen": "#0072B2",
    "outcome_back": GREY,
    "outcome_extended": GREY_LIGHT,
    "outcome_not_stated": GREY_LIGHT,
    "informed": "#56B4E9",
    "cumulative": "#000000",
    "stated": STATED,
    "milestone": GREY_DARK,
}


DASHED = {"sum_of_parts"}  # categories drawn dashed: computed, not stated


def colour(category: str) -> str:
    """The fixed colour of a category (KeyError for a category without one)."""
    return COLOURS[category]


THEME = {  # seaborn's "whitegrid" look, written out so that charts need not import seaborn (3 s per kernel)
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "axes.edgecolor": GREY,
    "axes.linewidth": 1.0,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#E5E5E5",
    "grid.linestyle": "-",
    "axes.labelcolor": "#262626",
    "text.color": "#262626",
    "xtick.color": "#262626",
    "ytick.color": "#262626",
    "xtick.major.size": 0,
    "ytick.major.size": 0,
    "xtick.major.pad": 6,
    "ytick.major.pad": 6,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "lines.solid_capstyle": "round",
    "axes.unicode_minus": True,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
}


def set_theme() -> None:
    """The one theme of every chart: white grid, Okabe–Ito colour cycle, DejaVu Sans, fixed sizes."""
    mpl.rcParams.update(THEME)
    mpl.rcParams["axes.prop_cycle"] = cycler(color=OKABE_ITO)


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


def finish_figure(fig, title: str, source: str, legend_axes=None, legend_from=None) -> None:
    """Title stating the finding (top left), source line (bottom left), legend right of the axes (entries
    taken from legend_from, default the same axes)."""
    if legend_axes is not None:
        handles, names = (legend_from or legend_axes).get_legend_handles_labels()
        if handles:
            legend_axes.legend(handles, names, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    title, source = wrap(title, 80), wrap(source, 130)
    height = fig.get_figheight() * 72  # points
    fig.suptitle(title, x=0.01, y=0.99, ha="left", va="top", fontsize=12, fontweight="bold")
    fig.text(0.01, 0.01, source, ha="left", va="bottom", fontsize=7.5, color="#444444")
    bottom = 0.01 + (source.count("\n") + 1) * 7.5 * 1.3 / height + 0.01
    fig.tight_layout(rect=(0, bottom, 1, 1))  # tight_layout makes room for the suptitle itself


def marks(ax, at: list[tuple[float, str]]) -> None:
    """Vertical dashed lines with a label above the axes (events between two autumn counts); the labels of
    neighbouring marks point away from each other (first to the left, second to the right, ...)."""
    tr = blended_transform_factory(ax.transData, ax.transAxes)
    for i, (x, text) in enumerate(at):
        left = i % 2 == 0 and len(at) > 1
        ax.axvline(x, color=GREY_DARK, linestyle=(0, (4, 3)), linewidth=1)
        side = "right" if left else "left"
        ax.text(x + (-0.04 if left else 0.04), 1.01, wrap(text, 16), transform=tr, ha=side, va="bottom",
                fontsize=8, color=GREY_DARK, multialignment=side)


def figure_png(fig) -> bytes:
    """The figure as PNG bytes: fixed dpi, no software metadata (byte-reproducible)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None}, facecolor="white")
    return buf.getvalue()


# ---- chart kinds -------------------------------------------------------------------------------------------


def _line(ax, d: pd.DataFrame, lang: str, label: bool = True) -> None:
    """Draw one line per category of a tidy year/category/value frame."""
    for cat in dict.fromkeys(d["category"]):
        s = d.loc[d["category"] == cat].sort_values("year")
        ax.plot(
            s["year"].astype(int).to_numpy(),
            s["value"].astype("float64").to_numpy(),
            marker="o",
            markersize=5,
            linewidth=2,
            color=colour(cat),
            markeredgecolor="#333333",
            markeredgewidth=0.5,
            linestyle="--" if cat in DASHED else "-",
            label=W.name(cat, lang) if label else None,
        )


def line_chart(
    data: pd.DataFrame,
    *,
    title: str,
    ylabel: str,
    source: str,
    lang: str,
    at: list[tuple[float, str]] = (),
    facet: str | None = None,
    facet_titles: dict | None = None,
    zero: bool = True,
) -> Figure:
    """Lines per category over integer years; optional facets (panels) and event marks between counts."""
    panels = list(dict.fromkeys(data[facet])) if facet else [None]
    fig, axes = new_figure(1, len(panels), width=WIDTH + 1.5 * (len(panels) - 1))
    for i, (ax, panel) in enumerate(zip(axes[0], panels, strict=True)):
        d = data if panel is None else data.loc[data[facet] == panel]
        _line(ax, d, lang, label=i == 0)
        year_axis(ax, data["year"], lang)
        ax.set_ylabel(ylabel if panel is None else (facet_titles or {}).get(panel, str(panel)))
        if zero:
            ax.set_ylim(bottom=0, top=max(float(d["value"].max()) * 1.12, 1e-9))
        marks(ax, list(at))
    finish_figure(fig, title, source, legend_axes=axes[0][-1], legend_from=axes[0][0])
    return fig


def stacked_bar_chart(
    data: pd.DataFrame, *, stated: pd.DataFrame | None = None, title: str, ylabel: str, source: str, lang: str
) -> Figure:
    """Stacked bars of the parts per year; stated totals (year, value) marked where given, with values."""
    fig, axes = new_figure()
    ax = axes[0][0]
    w = M.wide(data)
    bottom = pd.Series(0.0, index=w.index)
    for cat in w.columns:
        vals = w[cat].astype("float64")
        ax.bar(
            w.index.to_numpy(),
            vals.to_numpy(),
            bottom=bottom.to_numpy(),
            width=0.6,
            color=colour(cat),
            edgecolor="#333333",
            linewidth=0.5,
            label=W.name(cat, lang),
        )
        bottom = bottom + vals
    for y, total in zip(w.index, bottom, strict=True):
        ax.text(y, total, W.num(total, lang), ha="center", va="bottom", fontsize=8)
    if stated is not None and len(stated):
        xs = stated["year"].astype(int).to_numpy() + 0.36
        ax.scatter(
            xs,
            stated["value"].astype("float64"),
            marker="D",
            s=40,
            color=STATED,
            zorder=5,
            label=W.t("mark_stated", lang),
        )
        for x, v in zip(xs, stated["value"], strict=True):
            ax.annotate(
                W.t("mark_stated_value", lang, stated=W.num(v, lang)),
                (x, float(v)),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
                color=STATED,
            )
    year_axis(ax, w.index, lang)
    ax.set_ylabel(ylabel)
    ax.set_ylim(
        0, float(max(bottom.max(), stated["value"].max() if stated is not None and len(stated) else 0)) * 1.15
    )
    finish_figure(fig, title, source, legend_axes=ax)
    return fig


def bar_chart(data: pd.DataFrame, *, title: str, xlabel: str, source: str, lang: str) -> Figure:
    """Horizontal bars, one row per label (top to bottom in input order), grouped when a label has several
    categories; each bar carries its value."""
    rows = list(dict.fromkeys(data["label"]))
    cats = list(dict.fromkeys(data["category"]))
    grouped = len(data) > len(rows)
    fig, axes = new_figure(height=max(2.6, (0.3 * len(cats) if grouped else 0.45) * len(rows) + 1.6))
    ax = axes[0][0]
    h = 0.8 / (len(cats) if grouped else 1)
    for j, cat in enumerate(cats):
        d = data.loc[data["category"] == cat]
        pos = [rows.index(lab) + ((j - (len(cats) - 1) / 2) * h if grouped else 0) for lab in d["label"]]
        bars = ax.barh(
            pos,
            d["value"].astype("float64").to_numpy(),
            height=h * 0.9,
            color=colour(cat),
            edgecolor="#333333",
            linewidth=0.5,
            label=W.name(cat, lang) if grouped else None,
        )
        ax.bar_label(bars, labels=[W.num(v, lang) for v in d["value"]], padding=3, fontsize=8)
    ax.set_yticks(range(len(rows)), labels=[wrap(str(r), 34) for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, float(data["value"].max()) * 1.15)
    value_axis(ax.xaxis, lang)
    ax.grid(axis="y", visible=False)
    finish_figure(fig, title, source, legend_axes=ax if grouped else None)
    return fig


def interval_chart(data: pd.DataFrame, *, title: str, xlabel: str, source: str, lang: str) -> Figure:
    """Dots for shares (percent) with horizontal whiskers for their intervals, one row per category."""
    fig, axes = new_figure(height=max(2.6, 0.5 * len(data) + 1.6))
    ax = axes[0][0]
    for i, r in enumerate(data.itertuples()):
        c = colour(r.category)
        ax.plot([r.low, r.high], [i, i], color=c, linewidth=2.5, solid_capstyle="butt")
        ax.plot([r.share], [i], marker="o", markersize=8, color=c, markeredgecolor="#333333")
        ax.text(
            r.high + 1.5,
            i,
            f"{W.pct(r.share, lang)} ({W.num(r.low, lang, 1)}{W.DASH}{W.pct(r.high, lang)})",
            va="center",
            fontsize=8,
        )
    ax.set_yticks(range(len(data)), labels=[wrap(W.name(c, lang), 26) for c in data["category"]])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel)
    value_axis(ax.xaxis, lang)
    ax.grid(axis="y", visible=False)
    finish_figure(fig, title, source)
    return fig


def bar_line_chart(
    data: pd.DataFrame,
    *,
    reference: tuple[float, str] | None,
    title: str,
    ylabel: str,
    source: str,
    lang: str,
) -> Figure:
    """Bars of the yearly values, a line of the cumulative values, a horizontal reference (a stated total)."""
    fig, axes = new_figure()
    ax = axes[0][0]
    years = data["year"].astype(int).to_numpy()
    bars = ax.bar(
        years,
        data["informed"].astype("float64").to_numpy(),
        width=0.6,
        color=colour("informed"),
        edgecolor="#333333",
        linewidth=0.5,
        label=W.name("informed", lang),
    )
    ax.bar_label(bars, labels=[W.num(v, lang) for v in data["informed"]], label_type="center", fontsize=8)
    ax.plot(
        years,
        data["cumulative"].astype("float64").to_numpy(),
        marker="o",
        linewidth=2,
        color=colour("cumulative"),
        label=W.name("cumulative", lang),
    )
    ax.annotate(
        W.num(data["cumulative"].iloc[-1], lang),
        (years[-1], float(data["cumulative"].iloc[-1])),
        xytext=(-4, 8),
        textcoords="offset points",
        ha="right",
        fontsize=8,
    )
    top = float(data["cumulative"].max())
    if reference is not None:
        ax.axhline(reference[0], color=STATED, linestyle=(0, (4, 3)), linewidth=1.5, label=reference[1])
        top = max(top, reference[0])
    year_axis(ax, years, lang)
    ax.set_ylabel(ylabel)
    ax.set_ylim(0, top * 1.15)
    finish_figure(fig, title, source, legend_axes=ax)
    return fig


def timeline_chart(
    series: pd.DataFrame,
    events: pd.DataFrame,
    *,
    title: str,
    ylabel: str,
    source: str,
    lang: str,
    top_title: str,
    bottom_title: str,
    at: list[tuple[float, str]] = (),
) -> Figure:
    """Two panels on the same integer years: lines per category (top_title), milestones per kind and year
    (bottom_title)."""
    kinds = sorted(dict.fromkeys(events["kind"]), key=lambda k: W.kind(k, lang))
    fig, axes = new_figure(
        2,
        1,
        width=WIDTH + 1.5,
        height=3.0 + 0.3 * len(kinds) + 2.6,
        sharex=True,
        gridspec_kw={"height_ratios": [2.6, 0.3 * len(kinds) + 0.6]},
    )
    top, bottom = axes[0][0], axes[1][0]
    _line(top, series, lang)
    top.set_ylim(0, float(series["value"].max()) * 1.15)
    top.set_ylabel(ylabel)
    top.set_title(top_title, loc="left", fontsize=10, fontweight="normal")
    marks(top, list(at))
    for r in events.itertuples():
        c = STATED if r.kind in ("reorganisation", "pandemic") else colour("milestone")
        bottom.scatter([r.year], [kinds.index(r.kind)], s=40 + 40 * r.count, color=c, zorder=3)
        bottom.annotate(
            W.num(r.count, lang),
            (r.year, kinds.index(r.kind)),
            xytext=(9, 0),
            textcoords="offset points",
            va="center",
            fontsize=7.5,
        )
    bottom.set_yticks(range(len(kinds)), labels=[W.kind(k, lang) for k in kinds])
    bottom.set_ylim(len(kinds) - 0.5, -0.5)
    bottom.set_title(bottom_title, loc="left", fontsize=10, fontweight="normal")
    for x, _ in at:
        bottom.axvline(x, color=GREY_DARK, linestyle=(0, (4, 3)), linewidth=1)
    year_axis(top, series["year"], lang, label=False)
    year_axis(bottom, series["year"], lang, values=False)
    finish_figure(fig, title, source, legend_axes=top)
    return fig
