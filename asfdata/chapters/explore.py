"""The explorer: the yearly figures, the funded placements, the readings of the people placed and the
figures given as "about", each drawn by a plain, tested function of the processed frames; ipywidgets call
them in JupyterLab (notebooks/explore.ipynb) and in the dashboard without code (`make explore`, Voilà:
asfdata/explore_server.py). Not part of the HTML report.

`shown(frames, choice, lang)` is what the explorer shows for a `Choice`: the figure with its caption, the
tables, a note, and the table shown as a frame (`Shown.table`) that `table_csv` writes as CSV. Only
meaningful choices are offered: a share needs two categories or more and is never of a ratio, the stated
totals or the sum of their parts only where a measure has both (the sum of the parts by default, as the
report's charts), and people informed are counted during the year, never called autumn counts. A chart of
several categories is seaborn's small multiples, one panel per category; seaborn is imported here only,
when such a chart is drawn (the report's charts are matplotlib's and never import it).
"""

from __future__ import annotations

import base64
import os
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from asfdata import catalogs, metrics, registry
from asfdata.explore_server import LANG_ENV
from asfdata.pipeline.audit import APPROX_TOLERANCE
from asfdata.pipeline.data import Frames
from asfdata.pipeline.people import Model
from asfdata.render import words
from asfdata.render.charts import THEME, highest, line_chart, set_theme, year_axis
from asfdata.render.html import CHAPTER, figure_html, formatted, h, p, table_html
from asfdata.render.palette import GREY_DARK, INK, WHITE, colours, markers
from asfdata.render.phrases import series_values, source_line
from asfdata.render.svg import chart_svgs, figure_svg
from asfdata.render.widths import current
from asfdata.study import AFTER, BASE_YEAR, BEFORE

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)

VIEWS = ("yearly", "funded", "readings", "tolerance")
MEASURES = ("placements", "employees", "companies", "informed")
SCALES = ("absolute", "indexed", "share")
TOTALS = ("parts", "stated")  # the sum of the parts first: the report's charts draw it
RATIOS = {"placements": ("company", "employee"), "employees": ("company",)}  # per unit a measure may have
DENOMINATOR = {"company": "companies", "employee": "employees"}
DURING_YEAR = {"informed"}  # counted during the year, not at the autumn count
CONTEXT_MEASURE = "programme_fye"  # beside the placements: SCB's yearly volume in programmes (context.csv)
TOLERANCE_MAX = 25.0  # percent: the largest tolerance the slider offers for figures given as "about"
PANEL_INCHES, PANEL_HEIGHT = 2.2, 1.9  # a small multiple's least width and its height (inches)
LABEL_WIDTH, CONTROL_WIDTH = "9em", "38em"  # the controls' labels, and each control with its label
SHADE = "#EFEFEF"  # the years after the reform year, behind the data (a fill, never data)
CSV_FORMAT = {"en": (",", "."), "sv": (";", ",")}  # field separator and decimal mark as Excel reads them
# The explorer's look where no report stylesheet is (JupyterLab, the dashboard): tables ruled, numbers
# right-aligned in tabular figures, captions and notes as the report sets them.
STYLE = """<style>
.asf-explorer table.asf-table { border-collapse: collapse; margin: 0.4em 0 0.8em; }
.asf-explorer .asf-table caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
.asf-explorer .asf-table th, .asf-explorer .asf-table td { padding: 0.2em 0.7em; text-align: right;
  border-bottom: 1px solid #D9D9D9; font-variant-numeric: tabular-nums; }
.asf-explorer .asf-table .asf-text { text-align: left; }
.asf-explorer .asf-figure-title { font-weight: bold; font-size: 1.1em; }
.asf-explorer .asf-note, .asf-explorer .asf-source { color: #595959; }
</style>"""
DECIMALS = {"int": 0, "sint": 0, "year": 0, "dec1": 1, "sdec1": 1, "pct": 1, "spct": 1, "dec2": 2}


@dataclass(frozen=True)
class Choice:
    """What the explorer shows: a view (VIEWS) and its settings; the defaults are the report's (periods and
    base year from asfdata/study.py, the tolerance of assumption A05 in percent)."""

    view: str = "yearly"
    measure: str = "placements"
    breakdown: str = "placed_by"
    totals: str = "parts"
    per: str = "none"
    scale: str = "absolute"
    base_year: int = BASE_YEAR
    before: tuple[int, int] = BEFORE
    after: tuple[int, int] = AFTER
    context: bool = False
    tolerance: float = APPROX_TOLERANCE * 100


@dataclass(frozen=True)
class Shown:
    """What a view shows: its HTML (figure, tables, notes), the table shown as a frame (headers in the
    reader's language, numbers rounded as shown) and the stem of its CSV file's name."""

    html: str
    table: pd.DataFrame
    name: str


def title(lang: str) -> str:
    """The explorer's heading."""
    return h(words.chapter_title("explore", lang), CHAPTER)


def dashboard_lang(lang: str) -> str:
    """The language the dashboard was started in (`make explore lang=sv` sets ASF_EXPLORE_LANG for its
    kernels), else lang: in JupyterLab, nbclient and papermill the parameter decides."""
    asked = os.environ.get(LANG_ENV, "").strip()
    if asked:
        catalogs.check_lang(asked)
        return asked
    return lang


# ---- the yearly figures: choices --------------------------------------------------------------------------


def breakdowns(snapshots: pd.DataFrame, measure: str) -> list[str]:
    """The breakdowns a measure has in the snapshots, the total first."""
    groups = sorted(set(snapshots.loc[snapshots["measure"] == measure, "group"]))
    return sorted(groups, key=lambda g: (g != "total", g))


def has_both_totals(snapshots: pd.DataFrame, measure: str) -> bool:
    """True when the measure has a stated total and parts to add up: then the two may be chosen."""
    found = breakdowns(snapshots, measure)
    return "total" in found and len(found) > 1


def ratios(measure: str) -> tuple[str, ...]:
    """The ratios a measure may be shown as: none (the counts) and per company or per employee."""
    return ("none", *RATIOS.get(measure, ()))


def scales(snapshots: pd.DataFrame, measure: str, breakdown: str, per: str = "none") -> tuple[str, ...]:
    """The scales that mean something for a choice: a share only of two categories or more, never of a
    ratio (its shares are the counts' own)."""
    many = metrics.series(snapshots, measure, breakdown)["category"].nunique() > 1
    return SCALES if many and per == "none" else SCALES[:2]


def totals_matter(snapshots: pd.DataFrame, measure: str, breakdown: str, per: str) -> bool:
    """True when a total is drawn or divides (the measure's, or a ratio's denominator) and has a stated
    value and parts to choose between."""
    drawn = breakdown == "total" and has_both_totals(snapshots, measure)
    return drawn or (per != "none" and has_both_totals(snapshots, DENOMINATOR[per]))


def total_frame(snapshots: pd.DataFrame, measure: str, totals: str = "parts") -> pd.DataFrame:
    """A measure's yearly total (units): the stated one (category all), or the sum of its first breakdown's
    parts (category sum_of_parts; missing where a part is) when totals is parts and it has parts."""
    if totals not in TOTALS:
        raise ValueError(f"unknown totals {totals!r}: use one of {', '.join(TOTALS)}")
    groups = [g for g in breakdowns(snapshots, measure) if g != "total"]
    if not groups or (totals == "stated" and "total" in breakdowns(snapshots, measure)):
        return metrics.series(snapshots, measure)
    parts = metrics.series(snapshots, measure, groups[0])
    summed = parts.groupby("year", as_index=False).agg(
        value=("value", lambda v: v.sum(min_count=len(v)) if v.notna().all() else float("nan")),
        source=("source", "first"))
    return summed.assign(category=metrics.SUM_OF_PARTS)[["year", "category", "value", "source"]]


def explore_frame(
    snapshots: pd.DataFrame,
    measure: str,
    breakdown: str = "total",
    scale: str = "absolute",
    base_year: int = BASE_YEAR,
    context: pd.DataFrame | None = None,
    *,
    totals: str = "parts",
    per: str = "none",
) -> pd.DataFrame:
    """Tidy year/category/value frame of a measure and breakdown: its total (totals: the sum of the parts or
    the stated one), optionally per registered company or employee (per; the denominator's total as
    totals says), on a scale: absolute (units), indexed (base_year = 100) or share (percent of the year's
    sum of the categories). With context (context.csv), the placements indexed get the national programme
    volume beside them, indexed to the same year: the one public series whose periods allow it (a yearly
    volume, not an autumn count; the caption says so)."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}: use one of {', '.join(MEASURES)}")
    if breakdown not in breakdowns(snapshots, measure):
        raise ValueError(
            f"{measure} has no breakdown {breakdown!r}: use one of "
            f"{', '.join(breakdowns(snapshots, measure))}"
        )
    if per not in ratios(measure):
        raise ValueError(f"{measure} has no ratio {per!r}: use one of {', '.join(ratios(measure))}")
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}: use one of {', '.join(SCALES)}")
    if scale not in scales(snapshots, measure, breakdown, per):
        raise ValueError(f"a share of {measure} ({breakdown}, per {per}) means nothing: it is not offered")
    frame = total_frame(snapshots, measure, totals) if breakdown == "total" else metrics.series(
        snapshots, measure, breakdown)
    if per != "none":
        frame = metrics.per_unit(frame, total_frame(snapshots, DENOMINATOR[per], totals))
    if scale == "indexed":
        if context is not None and measure == "placements" and per == "none":
            frame = pd.concat([frame, context_series(context, frame["year"])], ignore_index=True)
        return metrics.indexed(frame, base_year)
    return metrics.shares(frame) if scale == "share" else frame


def context_series(context: pd.DataFrame, years: pd.Series) -> pd.DataFrame:
    """SCB's national programme volume (full-year equivalents) as a series of the years given, its source
    the publisher."""
    rows = context.loc[context["measure"] == CONTEXT_MEASURE]
    periods = rows["period"].astype(int)
    rows = rows.loc[periods.isin(set(years)).to_numpy()]
    return pd.DataFrame({"year": rows["period"].astype(int).to_numpy(), "category": CONTEXT_MEASURE,
                         "value": rows["value"].astype("float64").to_numpy(),
                         "source": rows["publisher"].to_numpy()})


def decimals(scale: str, per: str = "none") -> int:
    """Decimals a value is shown with: counts none, an index or a share one, a ratio two."""
    return 2 if per != "none" and scale == "absolute" else 0 if scale == "absolute" else 1


def choice_words(measure: str, breakdown: str, scale: str, base_year: int, lang: str,
                 per: str = "none") -> dict[str, str]:
    """Reader's words for a choice: measure (per a unit, if a ratio), group, scale (and the value-axis label
    as axis)."""
    name = t(f"measure_{measure}", lang)
    if per != "none":
        name = t(f"ratio_{per}", lang, measure=name)
    scale_name = (
        t("axis_index", lang, base=base_year) if scale == "indexed" else t(f"scale_{scale}", lang)
    )
    axis = {"indexed": scale_name, "share": t("axis_share", lang)}.get(scale, name)
    return {"measure": name, "group": t(f"group_{breakdown}", lang).lower(), "scale": scale_name.lower(),
            "axis": axis}


def first_peak_last(frame: pd.DataFrame, lang: str, d: int = 0) -> str:
    """'Name value (year), highest value (years), value (year)' for each category of a tidy year/category
    frame, joined as alternative texts join series (missing values left out)."""
    items = []
    for cat in dict.fromkeys(frame["category"]):
        s = frame.loc[frame["category"] == cat].dropna(subset=["value"]).sort_values("year")
        if s.empty:
            continue
        top = s["value"].max()
        peak_years = [str(int(y)) for y in s.loc[s["value"] == top, "year"]]
        items.append(t("takeaway_item", lang, name=words.name(cat, lang),
                       first=words.num(s["value"].iloc[0], lang, d), first_year=int(s["year"].iloc[0]),
                       peak=words.num(top, lang, d), peak_years=words.join(peak_years, lang),
                       last=words.num(s["value"].iloc[-1], lang, d), last_year=int(s["year"].iloc[-1])))
    return t("explore_takeaway", lang, items=t("alt_series_sep", lang).join(items))


# ---- drawing ----------------------------------------------------------------------------------------------


def period_marks(ax, frame: pd.DataFrame, before: tuple[int, int], after: tuple[int, int]) -> None:
    """The years after shaded behind the data, and each category's mean over each period as a dashed level
    across its years (in the category's colour)."""
    ax.axvspan(after[0] - 0.5, after[1] + 0.5, color=SHADE, zorder=0, linewidth=0)
    palette = colours(list(dict.fromkeys(frame["category"])))
    for cat, g in frame.groupby("category", sort=False):
        for lo, hi in (before, after):
            inside = g.loc[g["year"].between(lo, hi), "value"].dropna()
            if len(inside):
                ax.hlines(inside.mean(), lo - 0.35, hi + 0.35, colors=palette[str(cat)], linewidth=1.2,
                          linestyles=(0, (3, 2)), zorder=1)


@contextmanager
def seaborn_quiet() -> Iterator[None]:
    """Within the block, seaborn's warning about a pandas keyword it still passes is not shown (it would
    stand as an error stream under a notebook's chart)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The copy keyword is deprecated", module="seaborn")
        yield


def new_panels(rows: int) -> Figure:
    """A themed Figure (no pyplot) as wide as the current width, with room for rows of small multiples."""
    set_theme()
    fig = Figure(figsize=(current().inches, PANEL_HEIGHT * rows + 0.9))
    FigureCanvasAgg(fig)
    return fig


def wrap_for(panels: int) -> int:
    """Panels a row of small multiples holds at the current width."""
    return max(1, min(panels, int(current().inches // PANEL_INCHES)))


Periods = tuple[tuple[int, int], tuple[int, int]]  # before and after: first and last year of each


def small_multiples(frame: pd.DataFrame, *, ylabel: str, lang: str, xlabel: str,
                    periods: Periods | None = None, zero: bool = True) -> Figure:
    """One panel per category of a tidy year/category/value frame (seaborn's objects interface, on a Figure
    of the current width): its line and markers in its colour, on one value axis; with periods, the
    after-years shaded and each period's mean as a dashed level."""
    import seaborn.objects as so  # here: the explorer alone draws with seaborn (about 1 s to import)

    cats = list(dict.fromkeys(frame["category"]))
    names = {c: words.name(c, lang) for c in cats}
    wrap = wrap_for(len(cats))
    fig = new_panels(-(-len(cats) // wrap))
    data = frame.assign(panel=frame["category"].map(names))
    with seaborn_quiet():
        (so.Plot(data, x="year", y="value", color="category", marker="category")
         .facet(col="panel", wrap=wrap, order=[names[c] for c in cats])
         .add(so.Line(linewidth=1.8), legend=False)
         .add(so.Dot(pointsize=5, edgecolor=WHITE, edgewidth=0.6), legend=False)
         .scale(color=so.Nominal(colours(cats)), marker=so.Nominal(markers(cats)))
         .label(x=xlabel, y=ylabel, title=str)
         .theme(THEME)
         .on(fig)
         .plot())
    top = max(highest(frame["value"]) * 1.1, 1e-9)
    for ax, cat in zip(fig.axes, cats, strict=False):
        year_axis(ax, frame["year"], lang, label=False)
        if zero:
            ax.set_ylim(0, top)
        if periods:
            period_marks(ax, frame.loc[frame["category"] == cat], *periods)
    fig.tight_layout()
    return fig


def in_panels(frame: pd.DataFrame) -> bool:
    """True when the yearly figures are drawn as small multiples: several categories of one measure (a
    series with the national volume beside it is one panel)."""
    return frame["category"].nunique() > 1 and CONTEXT_MEASURE not in set(frame["category"])


def yearly_chart(frame: pd.DataFrame, *, ylabel: str, lang: str, xlabel: str, zero: bool,
                 periods: Periods | None) -> Figure:
    """One series (with what is drawn beside it): the report's line chart, with the periods marked; several
    categories: small multiples."""
    if in_panels(frame):
        return small_multiples(frame, ylabel=ylabel, lang=lang, xlabel=xlabel, periods=periods, zero=zero)
    fig = line_chart(frame, ylabel=ylabel, lang=lang, zero=zero)
    ax = fig.axes[0]
    ax.set_xlabel(xlabel)
    if periods:
        period_marks(ax, frame, *periods)
    return fig


def explore_chart(snapshots: pd.DataFrame, measure: str, breakdown: str = "total", scale: str = "absolute",
                  base_year: int = BASE_YEAR, lang: str = "en", context: pd.DataFrame | None = None, *,
                  totals: str = "parts", per: str = "none",
                  periods: Periods | None = None):
    """The explorer's chart of the yearly figures (a Figure, at the current width: asfdata.render.widths)
    and the frame it draws."""
    frame = explore_frame(snapshots, measure, breakdown, scale, base_year, context, totals=totals, per=per)
    chosen = choice_words(measure, breakdown, scale, base_year, lang, per)
    xlabel = t("axis_year_during" if measure in DURING_YEAR else "axis_year", lang)
    fig = yearly_chart(frame, ylabel=chosen["axis"], lang=lang, xlabel=xlabel, zero=scale != "indexed",
                       periods=periods)
    return fig, frame


def drawings(draw: Callable[[], Figure], phone: bool) -> tuple[str, ...]:
    """A chart as SVG at each width of asfdata.render.widths, or (phone False: in the explorer's widgets,
    redrawn at every change) at the screen's width alone, the phone's left empty."""
    return chart_svgs(draw) if phone else (figure_svg(draw()), "")


# ---- the yearly figures: what is shown ---------------------------------------------------------------------


def explore_html(snapshots: pd.DataFrame, measure: str, breakdown: str = "total", scale: str = "absolute",
                 base_year: int = BASE_YEAR, lang: str = "en", context: pd.DataFrame | None = None, *,
                 totals: str = "parts", per: str = "none") -> str:
    """The explorer's chart of the yearly figures as an HTML figure with its caption, alt text and the
    table of the plotted numbers (drawn at both widths)."""
    choice = Choice(measure=measure, breakdown=breakdown, scale=scale, base_year=base_year, totals=totals,
                    per=per, context=context is not None)
    return yearly(snapshots, choice, lang, context).html


def yearly(snapshots: pd.DataFrame, choice: Choice, lang: str, context: pd.DataFrame | None = None,
           audit: pd.DataFrame | None = None, phone: bool = True) -> Shown:
    """The yearly figures as the choice asks: the figure (its takeaway the first value, the peak and the
    last of each category), the table of its numbers, the means of the periods before and after, and
    what the totals are."""
    c = choice
    beside = context if c.context else None
    frame = explore_frame(snapshots, c.measure, c.breakdown, c.scale, c.base_year, beside, totals=c.totals,
                          per=c.per)
    d = decimals(c.scale, c.per)
    chosen = choice_words(c.measure, c.breakdown, c.scale, c.base_year, lang, c.per)
    periods = (c.before, c.after)
    svgs = drawings(lambda: explore_chart(snapshots, c.measure, c.breakdown, c.scale, c.base_year, lang,
                                          beside, totals=c.totals, per=c.per, periods=periods)[0], phone)
    takeaway = first_peak_last(frame, lang, d)
    if CONTEXT_MEASURE in set(frame["category"]):
        takeaway += " " + t("explore_context_note", lang)
    first, last = int(frame["year"].min()), int(frame["year"].max())
    when = "when_year" if c.measure in DURING_YEAR else "when_autumn"
    alt = t("explore_alt_panels" if in_panels(frame) else "explore_alt", lang,
            measure=words.lower_first(chosen["measure"]), group=chosen["group"], scale=chosen["scale"],
            when=t(when, lang, years=words.years(first, last)), values=series_values(frame, lang, d))
    title_text = t("explore_title", lang, **chosen)
    wide = metrics.wide(frame).reset_index()
    kind = "int" if d == 0 else f"dec{d}"
    spec = [("year", t("col_year", lang), "year")]
    spec += [(col, words.name(col, lang), kind) for col in wide.columns[1:]]
    table = table_html(formatted(wide, spec, lang), title_text)
    html = figure_html(svgs, title=title_text, subtitle=chosen["axis"], takeaway=takeaway,
                       source=source_line(frame["source"], lang), alt=alt, table=table)
    html += p(t("periods_note", lang, before=words.years(*c.before), after=words.years(*c.after)), "asf-note")
    html += periods_html(frame, c.before, c.after, chosen["measure"], lang, d)
    if totals_matter(snapshots, c.measure, c.breakdown, c.per):
        html += p(totals_text(snapshots, c, lang, audit), "asf-note")
    return Shown(html, csv_frame(wide, spec), f"asf-explore-{c.measure}")


def periods_html(frame: pd.DataFrame, before: tuple[int, int], after: tuple[int, int], measure: str,
                 lang: str, d: int) -> str:
    """The table of each category's mean before and after, their change and its percent."""
    pm = metrics.period_means(frame, before, after)
    pm = metrics.in_order(pm, ["category"], {"category": list(dict.fromkeys(frame["category"]))})
    pm = pm.assign(name=[words.name(x, lang) for x in pm["category"]])
    mean, change = ("dec2", "dec2") if d == 2 else ("dec1", "sdec1")  # a ratio's two decimals; else one
    spec = [("name", t("col_series", lang), "text"),
            ("before_mean", t("col_mean", lang, years=words.years(*before)), mean),
            ("after_mean", t("col_mean", lang, years=words.years(*after)), mean),
            ("change", t("col_change", lang), change), ("change_pct", t("col_change_pct", lang), "spct")]
    caption = t("caption_periods", lang, measure=measure)
    note = t("periods_overlap", lang) if max(before[0], after[0]) <= min(before[1], after[1]) else ""
    return table_html(formatted(pm, spec, lang), caption, note=note)


def totals_text(snapshots: pd.DataFrame, choice: Choice, lang: str, audit: pd.DataFrame | None) -> str:
    """Which totals are drawn (or divide), and where the stated ones differ from the sum of their parts."""
    measures = [choice.measure] if choice.breakdown == "total" else []
    if choice.per != "none":
        measures.append(DENOMINATOR[choice.per])
    out = [t(f"totals_{choice.totals}", lang)]
    for m in measures:
        if not has_both_totals(snapshots, m):
            continue
        group = [g for g in breakdowns(snapshots, m) if g != "total"][0]
        sv = metrics.stated_vs_parts(snapshots, m, group, audit)
        differ = sv.loc[sv["difference"].fillna(0) != 0]
        name = t(f"measure_{m}", lang)
        if differ.empty:
            out.append(t("totals_agree", lang, measure=name))
            continue
        items = [t("totals_differ_item", lang, year=int(r.year), stated=words.num(r.stated_total, lang),
                   parts=words.num(r.sum_of_parts, lang)) for r in differ.itertuples()]
        out.append(t("totals_differ", lang, measure=name, items=words.join(items, lang)))
    return " ".join(out)


# ---- the funded placements ---------------------------------------------------------------------------------


def funded_frame(funded_placements: pd.DataFrame) -> pd.DataFrame:
    """Per municipality and year: target group, places granted and used (places), the use rate (percent),
    women and men placed as stated (people; missing where the report states none)."""
    fp = funded_placements.sort_values(["municipality", "year"]).reset_index(drop=True)
    out = pd.DataFrame({
        "municipality": fp["municipality"], "year": fp["year"].astype(int),
        "target_group": fp["target_group"],
        "places_granted": fp["places_granted"].astype("float64"),
        "places_used": fp["places_used"].astype("float64"),
        "women": fp["women"].astype("Float64").astype("float64"),
        "men": fp["men"].astype("Float64").astype("float64"), "source": fp["source"]})
    out["use_rate"] = metrics.ratio(out["places_used"], out["places_granted"]) * 100
    return out


def funded_chart(frame: pd.DataFrame, lang: str) -> Figure:
    """Small multiples, one panel per municipality: places granted (outlined) and used (filled) each year."""
    import seaborn.objects as so  # here: the explorer alone draws with seaborn (about 1 s to import)

    long = frame.melt(id_vars=["municipality", "year"], value_vars=["places_granted", "places_used"],
                      var_name="kind", value_name="value")
    munis = list(dict.fromkeys(frame["municipality"]))
    wrap = wrap_for(len(munis))
    fig = new_panels(-(-len(munis) // wrap))
    with seaborn_quiet():
        (so.Plot(long, x="year", y="value", fill="kind")
         .facet(col="municipality", wrap=wrap, order=munis)
         .add(so.Bar(alpha=1, color=GREY_DARK, edgecolor=GREY_DARK, edgewidth=1.2), so.Dodge(), legend=False)
         .scale(fill=so.Nominal({"places_granted": False, "places_used": True}))
         .label(x=t("col_year", lang), y=t("subtitle_funded", lang), title=str)
         .theme(THEME)
         .on(fig)
         .plot())
    for ax in fig.axes:
        year_axis(ax, frame["year"], lang, label=False)
    return legend_above(fig, [
        Patch(facecolor=WHITE, edgecolor=GREY_DARK, label=words.name("places_granted", lang)),
        Patch(facecolor=GREY_DARK, edgecolor=GREY_DARK, label=words.name("places_used", lang))])


def legend_above(fig: Figure, handles: list[Patch]) -> Figure:
    """The figure's panels laid out below a legend of the handles in one row (what the fills mean)."""
    fig.tight_layout(rect=(0, 0, 1, 0.9))
    fig.legend(handles=handles, loc="upper center", ncols=len(handles), frameon=False,
               bbox_to_anchor=(0.5, 1.0))
    return fig


def funded(funded_placements: pd.DataFrame, lang: str, phone: bool = True) -> Shown:
    """The funded placements: places granted and used per municipality and year, drawn and tabled."""
    f = funded_frame(funded_placements)
    granted, used = int(f["places_granted"].sum()), int(f["places_used"].sum())
    share = words.pct(metrics.ratio(used, granted) * 100, lang)
    takeaway = t("takeaway_funded", lang, used=words.num(used, lang), granted=words.num(granted, lang),
                 share=share, years=words.years(int(f["year"].min()), int(f["year"].max())))
    values = t("alt_series_sep", lang).join(
        t("alt_funded_item", lang, municipality=r.municipality, year=r.year,
          granted=words.num(r.places_granted, lang), used=words.num(r.places_used, lang))
        for r in f.itertuples())
    f = f.assign(target_group=[words.target_group(x, lang) for x in f["target_group"]])
    spec = [("municipality", t("col_municipality", lang), "text"), ("year", t("col_year", lang), "year"),
            ("target_group", t("col_target_group", lang), "text"),
            ("places_granted", t("col_places_granted", lang), "int"),
            ("places_used", t("col_places_used", lang), "int"), ("use_rate", t("col_use_rate", lang), "pct"),
            ("women", t("col_women", lang), "int"), ("men", t("col_men", lang), "int")]
    caption = t("caption_funded", lang)
    html = figure_html(drawings(lambda: funded_chart(f, lang), phone), title=t("title_funded", lang),
                       subtitle=t("subtitle_funded", lang), takeaway=takeaway,
                       source=source_line(f["source"], lang), alt=t("alt_funded", lang, values=values),
                       table=table_html(formatted(f, spec, lang), caption, note=t("funded_note", lang)))
    return Shown(html, csv_frame(f, spec), "asf-explore-funded-placements")


# ---- the readings of the people placed -------------------------------------------------------------------


def ordered(values, order: tuple[str, ...]) -> list[str]:
    """The distinct values in the order given (others after them, sorted)."""
    return sorted(set(values), key=lambda v: (order.index(v) if v in order else len(order), v))


def readings_frame(fp: pd.DataFrame, fo: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Per reading of the yearly detail (numbered from 1; asfdata.pipeline.people), outcome and gender:
    the people placed (each person once, an extended placement with its continuation) and the report's
    tested statements that hold in that reading (of how many)."""
    model = Model(fp, fo, claims)
    fixed: Counter = Counter()
    for r in model.frame.fixed.itertuples():
        fixed[(r.gender, r.outcome)] += int(r.people)
    rows = []
    for i, reading in enumerate(model.readings):
        cells = fixed.copy()
        for option in reading.values():
            cells.update(option.cells)
        holding = sum(model.masks[s.id][i] for s in model.tested)
        rows += [{"reading": i + 1, "outcome": o, "gender": g, "people": n, "holding": holding,
                  "statements": len(model.tested)} for (g, o), n in cells.items()]
    out = pd.DataFrame(rows)
    full = pd.MultiIndex.from_product(
        [sorted(set(out["reading"])), ordered(out["outcome"], metrics.OUTCOME_ORDER),
         ordered(out["gender"], metrics.GENDER_ORDER)], names=["reading", "outcome", "gender"])
    people = out.groupby(["reading", "outcome", "gender"])["people"].sum().reindex(full, fill_value=0)
    per = out.drop_duplicates("reading").set_index("reading")[["holding", "statements"]]
    return people.reset_index().join(per, on="reading")


def readings_chart(frame: pd.DataFrame, lang: str) -> Figure:
    """Small multiples, one panel per outcome: the people of each reading, women and men stacked."""
    import seaborn.objects as so  # here: the explorer alone draws with seaborn (about 1 s to import)

    outcomes = list(dict.fromkeys(frame["outcome"]))
    genders = list(dict.fromkeys(frame["gender"]))
    names = {o: words.name(o, lang) for o in outcomes}
    data = frame.assign(panel=frame["outcome"].map(names))
    wrap = wrap_for(len(outcomes))
    fig = new_panels(-(-len(outcomes) // wrap))
    with seaborn_quiet():
        (so.Plot(data, x="reading", y="people", color="gender")
         .facet(col="panel", wrap=wrap, order=[names[o] for o in outcomes])
         .add(so.Bar(alpha=1, edgecolor=WHITE, edgewidth=0.6), so.Stack(), legend=False)
         .scale(color=so.Nominal(colours(genders)), x=so.Continuous().tick(every=1))
         .label(x=t("col_reading", lang), y=t("col_people", lang), title=str)
         .theme(THEME)
         .on(fig)
         .plot())
    palette = colours(genders)
    return legend_above(fig, [Patch(facecolor=palette[g], label=words.name(g, lang)) for g in genders])


def readings(frames: Frames, lang: str, phone: bool = True) -> Shown:
    """What became of the people placed in each reading of the yearly detail: drawn, and tabled with the
    report's statements that hold in each reading."""
    fp, fo, claims = frames.funded_placements, frames.funded_outcomes, frames.claims
    r = readings_frame(fp, fo, claims)
    n = int(r["reading"].nunique())
    people = int(r.loc[r["reading"] == 1, "people"].sum())
    per_outcome = r.groupby(["reading", "outcome"], sort=False)["people"].sum().groupby("outcome", sort=False)
    items = []
    for outcome, counts in per_outcome:
        lo, hi = int(counts.min()), int(counts.max())
        key, span = ("item_every", words.num(lo, lang)) if lo == hi else (
            "item_range", f"{words.num(lo, lang)}{words.DASH}{words.num(hi, lang)}")
        items.append(t(key, lang, name=words.name(str(outcome), lang), span=span))
    takeaway = t("takeaway_readings", lang, n=n, people=words.num(people, lang),
                 items=t("alt_series_sep", lang).join(items))
    wide = r.pivot_table(index="reading", columns=["outcome", "gender"], values="people", sort=False)
    wide.columns = [f"{o}:{g}" for o, g in wide.columns]
    wide = wide.join(r.drop_duplicates("reading").set_index("reading")["holding"]).reset_index()
    k = int(r["statements"].iloc[0])
    spec = [("reading", t("col_reading", lang), "year")]
    for c in [c for c in wide.columns if ":" in c]:
        outcome, gender = (words.name(x, lang) for x in c.split(":"))
        spec.append((c, f"{outcome}: {words.lower_first(gender)}", "int"))
    spec += [("holding", t("col_holding", lang, k=words.num(k, lang)), "int")]
    alt = t("alt_readings", lang, values=t("alt_series_sep", lang).join(items))
    sources = pd.concat([fp["source"], fo["source"]])
    table = table_html(formatted(wide, spec, lang), t("caption_readings", lang),
                       note=t("readings_note", lang))
    html = figure_html(drawings(lambda: readings_chart(r, lang), phone), title=t("title_readings", lang),
                       subtitle=t("subtitle_readings", lang), takeaway=takeaway,
                       source=source_line(sources, lang), alt=alt, table=table)
    return Shown(html, csv_frame(wide, spec), "asf-explore-readings")


# ---- figures given as "about" and the tolerance ----------------------------------------------------------


def status_at(stated: float, computed: float, tolerance: float) -> str:
    """The audit's status of an approximate figure at a tolerance (percent of the stated figure): approximate
    within it, mismatch beyond it (at APPROX_TOLERANCE: asfdata.pipeline.audit.approx_status, assumption
    A05)."""
    return "approximate" if abs(computed - stated) <= tolerance / 100 * stated else "mismatch"


def tolerance_frame(audit: pd.DataFrame, claims: pd.DataFrame, tolerance: float) -> pd.DataFrame:
    """Every audit check of a figure the report gives as "about" (ca): scope in both languages, stated and
    computed figures, the difference (percent of the stated figure), the tolerance from which it agrees
    (percent), its status at the tolerance given (percent) and in the audit (at APPROX_TOLERANCE)."""
    about = set(claims.loc[claims["approximate"].fillna(False).astype(bool), "claim_id"])
    ids = audit["statements"].fillna("").str.split("; ")
    rows = audit.loc[[bool(about & set(x)) for x in ids]].reset_index(drop=True)
    stated, computed = rows["stated"].astype("float64"), rows["computed"].astype("float64")
    off = (computed - stated) / stated * 100
    return pd.DataFrame({
        "audit_id": rows["audit_id"], "scope": rows["scope"], "scope_sv": rows["scope_sv"],
        "stated": stated, "computed": computed, "off_pct": off, "agrees_from": off.abs(),
        "status": [status_at(s, c, tolerance) for s, c in zip(stated, computed, strict=True)],
        "audit_status": rows["status"], "sources": rows["sources"]})


def tolerance_chart(frame: pd.DataFrame, tolerance: float, lang: str) -> Figure:
    """Each figure given as about: its difference from the yearly detail's figure (percent of it), against a
    band of the tolerance chosen and dashed lines at the audit's."""
    import seaborn.objects as so  # here: the explorer alone draws with seaborn (about 1 s to import)

    scope = "scope_sv" if lang == "sv" else "scope"
    data = frame.assign(name=frame[scope], status_name=[words.status(s, lang) for s in frame["status"]])
    fig = new_panels(1)
    fig.set_figheight(0.9 + 0.45 * len(data))
    with seaborn_quiet():
        (so.Plot(data, x="off_pct", y="name")
         .add(so.Dot(pointsize=7, color=INK), legend=False)
         .label(x=t("subtitle_tolerance", lang), y="")
         .theme(THEME)
         .on(fig)
         .plot())
    ax = fig.axes[0]
    reach = max(TOLERANCE_MAX, highest(frame["agrees_from"]) * 1.1)
    ax.set_xlim(-reach, reach)
    ax.axvspan(-tolerance, tolerance, color=SHADE, zorder=0, linewidth=0)
    for x in (-APPROX_TOLERANCE * 100, APPROX_TOLERANCE * 100):
        ax.axvline(x, color=GREY_DARK, linestyle=(0, (3, 2)), linewidth=1)
    ax.set_ylim(len(data) - 0.5, -0.5)
    ax.xaxis.set_major_formatter(lambda v, _: words.num(v, lang))
    fig.tight_layout()
    return fig


def tolerance(frames: Frames, tol: float, lang: str, phone: bool = True) -> Shown:
    """The figures the report gives as "about", and their status at the tolerance chosen (percent) beside
    the audit's."""
    f = tolerance_frame(frames.audit, frames.claims, tol)
    tol_text = words.pct(tol, lang, decimals=0 if float(tol).is_integer() else 1)
    audit_text = words.pct(APPROX_TOLERANCE * 100, lang, decimals=0)
    scope = "scope_sv" if lang == "sv" else "scope"
    items = [t("item_tolerance", lang, scope=r[scope], off=words.pct(r["off_pct"], lang, sign=True),
               status=words.status(r["status"], lang)) for _, r in f.iterrows()]
    agree = int((f["status"] == "approximate").sum())
    takeaway = t("takeaway_tolerance", lang, tol=tol_text, audit=audit_text,
                 items=t("alt_series_sep", lang).join(items))
    f = f.assign(name=f[scope], status_name=[words.status(s, lang) for s in f["status"]],
                 audit_name=[words.status(s, lang) for s in f["audit_status"]])
    spec = [("name", t("col_scope", lang), "text"), ("stated", t("col_stated_about", lang), "int"),
            ("computed", t("col_computed", lang), "int"), ("off_pct", t("col_off", lang), "spct"),
            ("agrees_from", t("col_agrees_from", lang), "pct"),
            ("status_name", t("col_status_at", lang, tol=tol_text), "text"),
            ("audit_name", t("col_status_audit", lang, tol=audit_text), "text")]
    html = figure_html(
        drawings(lambda: tolerance_chart(f, tol, lang), phone),
        title=t("title_tolerance", lang, k=agree, n=len(f), tol=tol_text),
        subtitle=t("subtitle_tolerance", lang), takeaway=takeaway,
        source=source_line([s for x in f["sources"] for s in str(x).split("; ")], lang),
        alt=t("alt_tolerance", lang, tol=tol_text, audit=audit_text,
              values=t("alt_series_sep", lang).join(items)),
        table=table_html(formatted(f, spec, lang), t("caption_tolerance", lang, tol=tol_text),
                         note=t("tolerance_note", lang, audit=audit_text)))
    return Shown(html, csv_frame(f, spec), "asf-explore-about-figures")


# ---- one entry for every view, and the table as CSV --------------------------------------------------------


def shown(frames: Frames, choice: Choice, lang: str, phone: bool = True) -> Shown:
    """What the explorer shows for a choice (phone False: each chart at the screen's width alone)."""
    if choice.view == "yearly":
        return yearly(frames.snapshots, choice, lang, frames.context, frames.audit, phone)
    if choice.view == "funded":
        return funded(frames.funded_placements, lang, phone)
    if choice.view == "readings":
        return readings(frames, lang, phone)
    if choice.view == "tolerance":
        return tolerance(frames, choice.tolerance, lang, phone)
    raise ValueError(f"unknown view {choice.view!r}: use one of {', '.join(VIEWS)}")


def csv_frame(df: pd.DataFrame, spec: list[tuple[str, str, str]]) -> pd.DataFrame:
    """The table as shown, for its CSV: the headers as shown, numbers rounded to the decimals shown (which
    attrs["decimals"] keeps by header: 0 for whole numbers and years)."""
    out = pd.DataFrame({header: df[col] for col, header, _ in spec})
    out.attrs["decimals"] = {header: DECIMALS[kind] for _, header, kind in spec if kind in DECIMALS}
    return out


def table_csv(table: pd.DataFrame, lang: str) -> bytes:
    """A table as CSV that Excel opens in lang's settings: UTF-8 with a byte-order mark, and lists and
    decimals as the locale writes them (English: comma and point; Swedish: semicolon and comma); each number
    with the decimals shown (table.attrs["decimals"]), a missing one an empty field."""
    sep, mark = CSV_FORMAT[lang]
    out = table.copy()
    for col, d in table.attrs.get("decimals", {}).items():
        out[col] = [v if isinstance(v, str) else "" if pd.isna(v) else f"{float(v):.{d}f}".replace(".", mark)
                    for v in table[col]]
    return out.to_csv(sep=sep, index=False, lineterminator="\r\n").encode("utf-8-sig")


def download_html(data: bytes, name: str, lang: str) -> str:
    """A link that saves data as name.csv: a data: address, so that nothing is fetched from anywhere."""
    address = "data:text/csv;charset=utf-8;base64," + base64.b64encode(data).decode("ascii")
    return (f'<a class="asf-download" download="{escape(name)}.csv" href="{address}">'
            f"{escape(t('download', lang))}</a>")


# ---- the widgets -------------------------------------------------------------------------------------------


class Explorer:
    """The explorer's widgets (ipywidgets): a view and its controls, each change redrawing `shown` in the
    HTML widget `out` and the CSV link in `download`; `box` holds them all."""

    def __init__(self, frames: Frames, lang: str = "en"):
        import ipywidgets as widgets  # here: the explorer alone uses widgets (0.2 s to import)

        self.frames, self.lang = frames, lang
        snapshots = frames.snapshots
        self.snapshots = snapshots
        years = sorted(int(y) for y in snapshots["year"].unique())
        before, after = metrics.periods(years)
        def control(kind, label: str, **kw):
            """A control with its label in lang, every control as wide as the others, labels aligned."""
            return kind(description=t(label, lang), style={"description_width": LABEL_WIDTH},
                        layout=widgets.Layout(width=CONTROL_WIDTH), **kw)

        self.view = control(widgets.Dropdown, "widget_view", value="yearly",
                            options=[(t(f"view_{v}", lang), v) for v in VIEWS])
        self.measure = control(widgets.Dropdown, "widget_measure", value="placements",
                               options=[(t(f"measure_{m}", lang), m) for m in MEASURES])
        self.breakdown = control(widgets.Dropdown, "widget_breakdown")
        self.totals = control(widgets.Dropdown, "widget_totals", value="parts",
                              options=[(t(f"totals_option_{x}", lang), x) for x in TOTALS])
        self.per = control(widgets.Dropdown, "widget_per")
        self.scale = control(widgets.Dropdown, "widget_scale")
        self.base = control(widgets.Dropdown, "widget_base_year", options=years,
                            value=BASE_YEAR if BASE_YEAR in years else years[-1])
        self.before = control(widgets.IntRangeSlider, "widget_before", value=before, min=years[0],
                              max=years[-1])
        self.after = control(widgets.IntRangeSlider, "widget_after", value=after, min=years[0], max=years[-1])
        self.beside = control(widgets.Checkbox, "widget_context", value=False, indent=False)
        self.tolerance = control(widgets.FloatSlider, "widget_tolerance", value=APPROX_TOLERANCE * 100, min=0,
                                 max=TOLERANCE_MAX, step=0.5, readout_format=".1f")
        self.out = widgets.HTML()
        self.download = widgets.HTML()
        self.yearly_box = widgets.VBox([self.measure, self.breakdown, self.totals, self.per, self.scale,
                                        self.base, self.before, self.after, self.beside])
        self.tolerance_box = widgets.VBox([self.tolerance])
        self.box = widgets.VBox([widgets.HTML(f"<p>{escape(t('explore_intro', lang))}</p>"), self.view,
                                 self.yearly_box, self.tolerance_box, self.out, self.download])
        self.busy = False  # no redraw while options change
        self.set_options()
        self.measure.observe(self.measure_changed, names="value")
        self.breakdown.observe(self.options_changed, names="value")
        self.per.observe(self.options_changed, names="value")
        for each in (self.view, self.totals, self.scale, self.base, self.before, self.after, self.beside,
                     self.tolerance):
            each.observe(self.redraw, names="value")
        self.redraw()

    def set_options(self, keep: bool = False) -> None:
        """The breakdowns and ratios the measure has (unless keep) and the scales they allow; no redraw."""
        self.busy = True
        m, lang = self.measure.value, self.lang
        if not keep:
            opts = breakdowns(self.snapshots, m)
            self.breakdown.options = [(t(f"group_{g}", lang), g) for g in opts]
            self.breakdown.value = opts[-1] if len(opts) > 1 else opts[0]
            self.per.options = [(t(f"per_{x}", lang), x) for x in ratios(m)]
            self.per.value = "none"
        allowed = scales(self.snapshots, m, self.breakdown.value, self.per.value)
        scale = self.scale.value if self.scale.value in allowed else "absolute"
        self.scale.options = [(t(f"scale_{s}", lang), s) for s in allowed]
        self.scale.value = scale
        self.busy = False

    def measure_changed(self, *_) -> None:
        """A new measure: its breakdowns and ratios, then redraw."""
        self.set_options()
        self.redraw()

    def options_changed(self, *_) -> None:
        """A new breakdown or ratio: the scales it allows, then redraw."""
        if not self.busy:
            self.set_options(keep=True)
            self.redraw()

    def choice(self) -> Choice:
        """The choice the controls show."""
        return Choice(view=self.view.value, measure=self.measure.value, breakdown=self.breakdown.value,
                      totals=self.totals.value, per=self.per.value, scale=self.scale.value,
                      base_year=self.base.value, before=tuple(self.before.value),
                      after=tuple(self.after.value), tolerance=self.tolerance.value,
                      context=self.beside.value and not self.beside.disabled)

    def redraw(self, *_) -> None:
        """Enable what the choice uses, show the view's controls, draw it and its CSV link."""
        if self.busy:
            return
        yearly_view = self.view.value == "yearly"
        self.yearly_box.layout.display = "" if yearly_view else "none"
        self.tolerance_box.layout.display = "" if self.view.value == "tolerance" else "none"
        self.totals.disabled = not totals_matter(self.snapshots, self.measure.value, self.breakdown.value,
                                                 self.per.value)
        self.per.disabled = len(self.per.options) < 2
        self.base.disabled = self.scale.value != "indexed"
        self.beside.disabled = (self.scale.value != "indexed" or self.measure.value != "placements"
                                or self.per.value != "none")
        s = shown(self.frames, self.choice(), self.lang, phone=False)
        self.out.value = f'{STYLE}<div class="asf-explorer">{s.html}</div>'
        self.download.value = download_html(table_csv(s.table, self.lang), s.name, self.lang)


def explorer(frames: Frames, lang: str = "en") -> Explorer:
    """Display the explorer's widgets (a view and its controls, the chart, its tables and a CSV link);
    return them."""
    from IPython.display import display  # here: only in a notebook (0.15 s to import)

    ex = Explorer(frames, lang)
    display(ex.box)
    return ex
