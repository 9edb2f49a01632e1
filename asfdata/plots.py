"""Charts: one theme, a fixed colour-blind-safe colour per category, one function per kind of chart, and the
HTML display of a figure (PNG embedded with alt text, source line and the table of the plotted numbers).

Chart functions build matplotlib Figures without pyplot (nothing to close, nothing shown twice). The
functions named fig_* compose the report's figures from the tidy frames and return HTML.
"""

from __future__ import annotations

import base64
import io
import textwrap
from html import escape

import pandas as pd

from asfdata import labels as L
from asfdata import metrics as M
from asfdata import prose as P

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
    import matplotlib as mpl
    from cycler import cycler

    mpl.rcParams.update(THEME)
    mpl.rcParams["axes.prop_cycle"] = cycler(color=OKABE_ITO)


# ---- shared pieces -----------------------------------------------------------------------------------------


def new_figure(nrows: int = 1, ncols: int = 1, width: float = WIDTH, height: float = HEIGHT, **kw):
    """A themed Figure (no pyplot) and its axes."""
    from matplotlib.figure import Figure

    set_theme()
    fig = Figure(figsize=(width, height))
    return fig, fig.subplots(nrows, ncols, squeeze=False, **kw)


def wrap(text: str, width: int) -> str:
    """Text wrapped to lines of at most width characters (long words kept whole)."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def tick_label(v: float, lang: str) -> str:
    """A tick value in lang with as few decimals as it needs (at most 2)."""
    d = 0 if abs(v - round(v)) < 1e-9 else 1 if abs(v * 10 - round(v * 10)) < 1e-9 else 2
    return L.num(v, lang, d)


def value_axis(axis, lang: str) -> None:
    """Tick labels of a value axis in lang (decimal comma in Swedish)."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _: tick_label(v, lang)))


def year_axis(ax, years, lang: str, label: bool = True, values: bool = True) -> None:
    """Integer year ticks (no 2015.5), a localized value axis (unless values=False), and the year label."""
    from matplotlib.ticker import FixedLocator, FuncFormatter

    years = sorted({int(y) for y in years})
    ax.xaxis.set_major_locator(FixedLocator(years))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: str(int(round(v)))))
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    if values:
        value_axis(ax.yaxis, lang)
    ax.grid(axis="x", visible=False)
    if label:
        ax.set_xlabel(L.t("axis_year", lang))


def finish(fig, title: str, source: str, legend_axes=None, legend_from=None) -> None:
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
    from matplotlib.transforms import blended_transform_factory

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


def figure_html(fig, alt: str, caption: str, table: str = "") -> str:
    """A <figure>: the PNG as a data URL with alt text, the table of the plotted numbers, a source caption."""
    data = base64.b64encode(figure_png(fig)).decode("ascii")
    return (
        f'<figure class="asf-figure">\n<img src="data:image/png;base64,{data}" alt="{escape(alt)}">\n'
        f'<div class="asf-figure-data">\n{table}</div>\n'
        f"<figcaption>{escape(caption)}</figcaption>\n</figure>\n"
    )


def show(*blocks: str) -> None:
    """Display HTML blocks in a notebook (as text/html outputs)."""
    from IPython.display import HTML, display

    for b in blocks:
        display(HTML(b))


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
            label=L.name(cat, lang) if label else None,
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
) -> Figure:  # noqa: F821
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
    finish(fig, title, source, legend_axes=axes[0][-1], legend_from=axes[0][0])
    return fig


def stacked_bar_chart(
    data: pd.DataFrame, *, stated: pd.DataFrame | None = None, title: str, ylabel: str, source: str, lang: str
) -> Figure:  # noqa: F821
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
            label=L.name(cat, lang),
        )
        bottom = bottom + vals
    for y, total in zip(w.index, bottom, strict=True):
        ax.text(y, total, L.num(total, lang), ha="center", va="bottom", fontsize=8)
    if stated is not None and len(stated):
        xs = stated["year"].astype(int).to_numpy() + 0.36
        ax.scatter(
            xs,
            stated["value"].astype("float64"),
            marker="D",
            s=40,
            color=STATED,
            zorder=5,
            label=L.t("mark_stated", lang),
        )
        for x, v in zip(xs, stated["value"], strict=True):
            ax.annotate(
                L.t("mark_stated_value", lang, stated=L.num(v, lang)),
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
    finish(fig, title, source, legend_axes=ax)
    return fig


def bar_chart(data: pd.DataFrame, *, title: str, xlabel: str, source: str, lang: str) -> Figure:  # noqa: F821
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
            label=L.name(cat, lang) if grouped else None,
        )
        ax.bar_label(bars, labels=[L.num(v, lang) for v in d["value"]], padding=3, fontsize=8)
    ax.set_yticks(range(len(rows)), labels=[wrap(str(r), 34) for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, float(data["value"].max()) * 1.15)
    value_axis(ax.xaxis, lang)
    ax.grid(axis="y", visible=False)
    finish(fig, title, source, legend_axes=ax if grouped else None)
    return fig


def interval_chart(data: pd.DataFrame, *, title: str, xlabel: str, source: str, lang: str) -> Figure:  # noqa: F821
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
            f"{L.pct(r.share, lang)} ({L.num(r.low, lang, 1)}{L.DASH}{L.pct(r.high, lang)})",
            va="center",
            fontsize=8,
        )
    ax.set_yticks(range(len(data)), labels=[wrap(L.name(c, lang), 26) for c in data["category"]])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel)
    value_axis(ax.xaxis, lang)
    ax.grid(axis="y", visible=False)
    finish(fig, title, source)
    return fig


def bar_line_chart(
    data: pd.DataFrame,
    *,
    reference: tuple[float, str] | None,
    title: str,
    ylabel: str,
    source: str,
    lang: str,
) -> Figure:  # noqa: F821
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
        label=L.name("informed", lang),
    )
    ax.bar_label(bars, labels=[L.num(v, lang) for v in data["informed"]], label_type="center", fontsize=8)
    ax.plot(
        years,
        data["cumulative"].astype("float64").to_numpy(),
        marker="o",
        linewidth=2,
        color=colour("cumulative"),
        label=L.name("cumulative", lang),
    )
    ax.annotate(
        L.num(data["cumulative"].iloc[-1], lang),
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
    finish(fig, title, source, legend_axes=ax)
    return fig


def timeline_chart(
    series: pd.DataFrame,
    events: pd.DataFrame,
    *,
    title: str,
    ylabel: str,
    source: str,
    lang: str,
    at: list[tuple[float, str]] = (),
) -> Figure:  # noqa: F821
    """Two panels on the same integer years: lines per category (top), milestones per kind and year."""
    kinds = sorted(dict.fromkeys(events["kind"]), key=lambda k: L.kind(k, lang))
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
    top.set_title(L.t("panel_placements", lang), loc="left", fontsize=10, fontweight="normal")
    marks(top, list(at))
    for r in events.itertuples():
        c = STATED if r.kind in ("reorganisation", "pandemic") else colour("milestone")
        bottom.scatter([r.year], [kinds.index(r.kind)], s=40 + 40 * r.count, color=c, zorder=3)
        bottom.annotate(
            str(r.count),
            (r.year, kinds.index(r.kind)),
            xytext=(9, 0),
            textcoords="offset points",
            va="center",
            fontsize=7.5,
        )
    bottom.set_yticks(range(len(kinds)), labels=[L.kind(k, lang) for k in kinds])
    bottom.set_ylim(len(kinds) - 0.5, -0.5)
    bottom.set_title(L.t("panel_milestones", lang), loc="left", fontsize=10, fontweight="normal")
    for x, _ in at:
        bottom.axvline(x, color=GREY_DARK, linestyle=(0, (4, 3)), linewidth=1)
    year_axis(top, series["year"], lang, label=False)
    year_axis(bottom, series["year"], lang, values=False)
    finish(fig, title, source, legend_axes=top)
    return fig


# ---- alt texts ---------------------------------------------------------------------------------------------


def series_values(frame: pd.DataFrame, lang: str, decimals: int = 0) -> str:
    """'Name: v1, v2, …' for each category of a tidy year/category frame, joined with '; '."""
    out = []
    for cat in dict.fromkeys(frame["category"]):
        vals = frame.loc[frame["category"] == cat].sort_values("year")["value"]
        out.append(
            L.t(
                "alt_series",
                lang,
                name=L.name(cat, lang),
                values=", ".join(L.num(v, lang, decimals) for v in vals),
            )
        )
    return "; ".join(out)


def alt_lines(what: str, frame: pd.DataFrame, lang: str, decimals: int = 0, key: str = "alt_lines") -> str:
    """Alt text of a line or stacked chart: what it shows and every plotted value."""
    ys = frame["year"].astype(int)
    return L.t(
        key, lang, what=what, years=L.years(ys.min(), ys.max()), values=series_values(frame, lang, decimals)
    )


def mark_list(events: pd.DataFrame, lang: str) -> list[tuple[float, str]]:
    """Marks between autumn counts for the reorganisation of Arbetsförmedlingen and the pandemic."""
    years = P.mark_years(events)
    out = []
    if "reorganisation" in years:
        out.append((years["reorganisation"] - 0.5, f"{years['reorganisation']}: {L.t('mark_reform', lang)}"))
    if "pandemic" in years:
        out.append((years["pandemic"] - 0.5, f"{years['pandemic']}: {L.t('mark_pandemic', lang)}"))
    return out


def with_marks(alt: str, at: list[tuple[float, str]], lang: str) -> str:
    """Alt text extended by the marks drawn on the chart."""
    return f"{alt} {L.t('alt_marks', lang, items=L.join([m[1] for m in at], lang))}" if at else alt


# ---- the report's figures (HTML blocks) --------------------------------------------------------------------


def fig_employees(frames: dict, lang: str) -> str:
    """Employees in total and by gender, with women's share in the table."""
    s = frames["snapshots"]
    d = pd.concat([M.series(s, "employees"), M.series(s, "employees", "gender")], ignore_index=True)
    e = M.series(s, "employees")
    title = L.t(
        "title_employees",
        lang,
        **_span(e),
        **P.change_words(*P.first_last(e), lang),
        **P.change_words(*P.first_last(M.womens_share(s), "women_share"), lang, percent=True, prefix="w_"),
    )
    src = P.source_line(d["source"], lang)
    fig = line_chart(d, title=title, ylabel=L.t("axis_employees", lang), source=src, lang=lang)
    alt = alt_lines(L.t("measure_employees", lang), d, lang)
    return figure_html(fig, alt, src, P.employees_table(s, lang))


def fig_companies(frames: dict, lang: str) -> str:
    """Registered companies by region, stacked, with the stated total marked where it differs."""
    s = frames["snapshots"]
    d = M.series(s, "companies", "region")
    c = M.series(s, "companies")
    t = M.total_vs_parts(s, "companies", "region", frames.get("audit"))
    stated = t.loc[t["difference"] != 0, ["year", "stated_total"]].rename(columns={"stated_total": "value"})
    title = L.t("title_companies", lang, **_span(c), **P.change_words(*P.first_last(c), lang))
    src = P.source_line(d["source"], lang)
    fig = stacked_bar_chart(
        d, stated=stated, title=title, ylabel=L.t("axis_companies", lang), source=src, lang=lang
    )
    alt = alt_lines(L.t("measure_companies", lang), d, lang, key="alt_stacked")
    return figure_html(fig, alt, src, P.parts_table(s, "companies", "region", frames.get("audit"), lang))


def fig_employees_per_company(frames: dict, lang: str) -> str:
    """Employees per registered company."""
    s = frames["snapshots"]
    pc = P.employees_per_company(s)
    d = pd.DataFrame({"year": pc["year"], "category": "all", "value": pc["per_company"]})
    title = L.t(
        "title_employees_per_company",
        lang,
        **_span(pc),
        **P.change_words(*P.first_last(pc, "per_company"), lang, decimals=1),
    )
    src = P.source_line(s.loc[s["measure"].isin(["employees", "companies"]), "source"], lang)
    fig = line_chart(d, title=title, ylabel=L.t("axis_employees_per_company", lang), source=src, lang=lang)
    alt = alt_lines(L.t("axis_employees_per_company", lang), d, lang, decimals=1)
    return figure_html(fig, alt, src, P.employees_per_company_table(s, lang))


def _span(frame: pd.DataFrame) -> dict[str, int]:
    """The first and last year of a frame as placeholders y0, y1."""
    return {"y0": int(frame["year"].min()), "y1": int(frame["year"].max())}


def _placements_title(s: pd.DataFrame, lang: str, ya: int = 2018, yb: int = 2019) -> str:
    """Title: the sum of the parts from autumn ya to autumn yb."""
    tot = P.sum_of_parts(s).set_index("year")["value"]
    return L.t("title_placements", lang, ya=ya, yb=yb, **P.change_words(tot[ya], tot[yb], lang))


def fig_placements(frames: dict, lang: str) -> str:
    """People placed by placing body and their sum, with the reorganisation and the pandemic marked."""
    s = frames["snapshots"]
    d = M.with_sum_of_parts(s, *P.PLACED_BY)
    at = mark_list(frames["events"], lang)
    src = P.source_line(d["source"], lang)
    fig = line_chart(
        d,
        title=_placements_title(s, lang),
        ylabel=L.t("axis_people_placed", lang),
        source=src,
        lang=lang,
        at=at,
    )
    alt = with_marks(alt_lines(L.t("what_placements", lang), d, lang), at, lang)
    return figure_html(fig, alt, src, P.wide_table(d, lang))


def fig_placements_indexed(frames: dict, lang: str, base: int = M.BASE_YEAR) -> str:
    """People placed by placing body indexed to base = 100."""
    s = frames["snapshots"]
    d = M.indexed(P.placements(s), base)
    last = int(d["year"].max())
    end = d.loc[d["year"] == last].sort_values("value")
    items = L.join(
        [f"{L.num(v, lang)} ({L.name(c, lang)})" for c, v in zip(end["category"], end["value"], strict=True)],
        lang,
    )
    title = L.t("title_indexed", lang, base=base, last=last, items=items)
    at = mark_list(frames["events"], lang)
    src = P.source_line(d["source"], lang)
    fig = line_chart(d, title=title, ylabel=L.t("axis_index", lang, base=base), source=src, lang=lang, at=at)
    alt = with_marks(alt_lines(L.t("what_indexed", lang, base=base), d, lang, decimals=1), at, lang)
    return figure_html(fig, alt, src, P.wide_table(d, lang, kind="dec1"))


def fig_placements_parts(frames: dict, lang: str) -> str:
    """Stacked parts with the stated total marked where it differs from their sum (pointing to the audit)."""
    s, audit = frames["snapshots"], frames.get("audit")
    d = P.placements(s)
    t = M.total_vs_parts(s, *P.PLACED_BY, audit)
    diff = t.loc[t["difference"] != 0]
    stated = diff[["year", "stated_total"]].rename(columns={"stated_total": "value"})
    items = [
        f"{int(r.year)} ({L.num(r.stated_total, lang)} / {L.num(r.sum_of_parts, lang)})"
        for r in diff.itertuples()
    ]
    title = L.t("title_parts", lang, items=L.join(items, lang)) if items else L.t("title_parts_ok", lang)
    src = P.source_line(d["source"], lang)
    fig = stacked_bar_chart(
        d, stated=stated, title=title, ylabel=L.t("axis_people_placed", lang), source=src, lang=lang
    )
    alt = alt_lines(L.t("what_parts", lang), d, lang, key="alt_stacked")
    if items:
        refs = [f"{int(r.year)}: {L.num(r.stated_total, lang)} ({r.audit})" for r in diff.itertuples()]
        alt += " " + L.t("alt_stated_marks", lang, items="; ".join(refs))
    return figure_html(fig, alt, src, P.parts_table(s, *P.PLACED_BY, audit, lang))


def fig_placements_ratios(frames: dict, lang: str) -> str:
    """People placed per registered company and per employee, by placing body and in sum (two panels)."""
    s = frames["snapshots"]
    parts = M.with_sum_of_parts(s, *P.PLACED_BY)
    per_c = M.per_unit(parts, M.series(s, "companies")).assign(panel="company")
    per_e = M.per_unit(parts, M.series(s, "employees")).assign(panel="employee")
    d = pd.concat([per_c, per_e], ignore_index=True)
    tot = per_c.loc[per_c["category"] == M.SUM_OF_PARTS].set_index("year")["value"]
    ya, yb = int(tot.idxmax()), int(tot.index.max())
    title = L.t("title_ratios", lang, ya=ya, yb=yb, **P.change_words(tot[ya], tot[yb], lang, decimals=1))
    src = P.source_line(s["source"], lang)
    at = mark_list(frames["events"], lang)
    fig = line_chart(
        d,
        title=title,
        ylabel="",
        source=src,
        lang=lang,
        facet="panel",
        at=at,
        facet_titles={"company": L.t("axis_per_company", lang), "employee": L.t("axis_per_employee", lang)},
    )
    alt = (
        f"{alt_lines(L.t('panel_per_company', lang), per_c, lang, decimals=2)} "
        f"{alt_lines(L.t('panel_per_employee', lang), per_e, lang, decimals=2)}"
    )
    tables = (
        P.p(L.t("panel_per_company", lang))
        + P.wide_table(per_c, lang, kind="dec2")
        + P.p(L.t("panel_per_employee", lang))
        + P.wide_table(per_e, lang, kind="dec2")
        + P.p(L.t("ratios_note", lang), "asf-note")
    )
    return figure_html(fig, with_marks(alt, at, lang), src, tables)


def fig_funnel(frames: dict, lang: str) -> str:
    """The funded placements as a funnel: granted → used → unique individuals → outcomes."""
    fp, claims = frames["funded_placements"], frames["claims"]
    f = M.funnel(fp, claims)
    d = pd.DataFrame(
        {"label": [L.name(x, lang) for x in f["stage"]], "category": f["stage"], "value": f["value"]}
    )
    v = f.set_index("stage")["value"]
    n = int(v["unique_individuals"])
    title = L.t(
        "title_funnel",
        lang,
        granted=L.num(v["places_granted"], lang),
        used=L.num(v["places_used"], lang),
        n=n,
        kw=L.num(v.get("outcome_work", 0), lang),
    )
    src = P.source_line(
        list(fp["source"]) + list(claims.loc[claims["claim_id"].str.startswith("funded-"), "source"]), lang
    )
    fig = bar_chart(d, title=title, xlabel=L.t("axis_places_people", lang), source=src, lang=lang)
    values = "; ".join(f"{a}: {L.num(b, lang)}" for a, b in zip(d["label"], d["value"], strict=True))
    alt = L.t("alt_bars", lang, what=L.t("what_funnel", lang), values=values)
    return figure_html(fig, alt, src, P.funnel_table(frames, lang))


def fig_use_rate(frames: dict, lang: str) -> str:
    """Places granted and used per municipality and year (grouped bars)."""
    fp = frames["funded_placements"]
    u = M.use_rate(fp)
    rows = u.loc[u["municipality"] != M.TOTAL]
    lab = [f"{m} {y}" for m, y in zip(rows["municipality"], rows["year"], strict=True)]
    d = pd.concat(
        [
            pd.DataFrame({"label": lab, "category": c, "value": rows[c].to_numpy()})
            for c in ("places_granted", "places_used")
        ],
        ignore_index=True,
    )
    total = u.loc[u["municipality"] == M.TOTAL].iloc[0]
    title = L.t(
        "title_use_rate",
        lang,
        full=int((rows["use_rate"] >= 100).sum()),
        grants=len(rows),
        rate=L.pct(total["use_rate"], lang),
    )
    src = P.source_line(fp["source"], lang)
    fig = bar_chart(d, title=title, xlabel=L.t("axis_places", lang), source=src, lang=lang)
    values = "; ".join(
        f"{a}: {L.num(g, lang)} / {L.num(x, lang)}"
        for a, g, x in zip(lab, rows["places_granted"], rows["places_used"], strict=True)
    )
    alt = L.t("alt_bars", lang, what=L.t("what_use_rate", lang), values=values)
    return P.heading("h_use_rate", lang) + figure_html(fig, alt, src, P.use_rate_table(frames, lang))


def fig_outcome_intervals(frames: dict, lang: str) -> str:
    """Shares of the unique individuals reaching work, Arbetsförmedlingen or either, with exact intervals."""
    claims = frames["claims"]
    ci = M.outcome_intervals(claims)
    d = ci.rename(columns={"outcome": "category"})
    n = int(ci["n"].iloc[0])
    work = ci.set_index("outcome").loc["work"]
    title = L.t("title_intervals", lang, n=n, lo=L.pct(work["low"], lang), hi=L.pct(work["high"], lang))
    src = P.source_line(claims.loc[claims["claim_id"].str.startswith("funded-"), "source"], lang)
    fig = interval_chart(d, title=title, xlabel=L.t("axis_share_people", lang), source=src, lang=lang)
    values = "; ".join(
        L.t(
            "item_interval",
            lang,
            name=L.name(r.category, lang),
            k=r.k,
            n=r.n,
            share=L.pct(r.share, lang),
            lo=L.pct(r.low, lang),
            hi=L.pct(r.high, lang),
        )
        for r in d.itertuples()
    )
    alt = L.t("alt_intervals", lang, what=L.t("what_intervals", lang, n=n), values=values)
    return P.heading("h_outcomes", lang) + figure_html(fig, alt, src, P.intervals_table(frames, lang))


def fig_informed(frames: dict, lang: str) -> str:
    """People informed per year and cumulatively, with the report's stated period total."""
    s, claims = frames["snapshots"], frames["claims"]
    cum = M.informed_cumulative(s)
    v = M.informed_vs_stated(s, claims, frames.get("audit"))
    ref = (
        float(v["stated"]),
        L.t(
            "mark_stated_period",
            lang,
            years=L.years(v["year_from"], v["year_to"]),
            value=L.num(v["stated"], lang),
        ),
    )
    title = L.t("title_informed", lang, computed=L.num(v["computed"], lang), stated=L.num(v["stated"], lang))
    src = P.source_line(list(cum["source"]) + [v["source"]], lang)
    fig = bar_line_chart(
        cum, reference=ref, title=title, ylabel=L.t("axis_informed", lang), source=src, lang=lang
    )
    tidy = pd.concat(
        [
            pd.DataFrame({"year": cum["year"], "category": k, "value": cum[k]})
            for k in ("informed", "cumulative")
        ],
        ignore_index=True,
    )
    alt = f"{alt_lines(L.t('what_informed', lang), tidy, lang, key='alt_bar_line')} {ref[1]}."
    return figure_html(fig, alt, src, P.informed_table(frames, lang))


def fig_timeline(frames: dict, lang: str) -> str:
    """Milestones per kind and year under the placement series, on the same years."""
    s, ev = frames["snapshots"], frames["events"]
    d = M.with_sum_of_parts(s, *P.PLACED_BY)
    counts = M.event_counts(ev)
    tot = d.loc[d["category"] == M.SUM_OF_PARTS].set_index("year")["value"]
    title = L.t(
        "title_timeline",
        lang,
        peak_year=int(tot.idxmax()),
        n=int(counts["count"].sum()),
        years=L.years(int(ev["year"].min()), int(ev["year"].max())),
    )
    src = P.source_line(list(d["source"]) + list(ev["source"]), lang)
    at = mark_list(ev, lang)
    fig = timeline_chart(
        d, counts, title=title, ylabel=L.t("axis_people_placed", lang), source=src, lang=lang, at=at
    )
    per_year = counts.groupby("year")["count"].sum()
    alt = (
        f"{alt_lines(L.t('what_timeline', lang), d, lang)} "
        f"{L.t('alt_timeline_events', lang, values=', '.join(f'{y}: {c}' for y, c in per_year.items()))}."
    )
    table = P.kinds_table(counts, lang)
    return (
        P.heading("h_timeline", lang)
        + figure_html(fig, with_marks(alt, at, lang), src, table)
        + P.p(L.t("timeline_caution", lang), "asf-caution")
    )
