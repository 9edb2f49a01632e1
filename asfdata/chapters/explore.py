"""The explorer: one chart of a measure, a breakdown and a scale, as an ordinary function and as widgets.

`explore_frame` and `explore_chart` are plain, tested functions; `explorer` wires ipywidgets to them for
interactive use in JupyterLab (notebooks/explore.ipynb). Not part of the HTML report.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from asfdata import catalogs, metrics, registry
from asfdata.render import words
from asfdata.render.charts import line_chart
from asfdata.render.html import CHAPTER, figure_html, h, wide_table
from asfdata.render.phrases import series_values, source_line
from asfdata.render.svg import chart_svgs
from asfdata.study import BASE_YEAR

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)

MEASURES = ("placements", "employees", "companies", "informed")
SCALES = ("absolute", "indexed", "share")
CONTEXT_MEASURE = "programme_fye"  # beside the placements: SCB's yearly volume in programmes (context.csv)


def title(lang: str) -> str:
    """The explorer's heading."""
    return h(words.chapter_title("explore", lang), CHAPTER)


def breakdowns(snapshots: pd.DataFrame, measure: str) -> list[str]:
    """The breakdowns a measure has in the snapshots, the total first."""
    groups = sorted(set(snapshots.loc[snapshots["measure"] == measure, "group"]))
    return sorted(groups, key=lambda g: (g != "total", g))


def explore_frame(
    snapshots: pd.DataFrame,
    measure: str,
    breakdown: str = "total",
    scale: str = "absolute",
    base_year: int = BASE_YEAR,
    context: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Tidy year/category/value frame of a measure and breakdown on a scale: absolute (units), indexed
    (base_year = 100) or share (percent of the year's sum of the categories). With context (context.csv),
    the placements indexed get the national programme volume beside them, indexed to the same year: the
    one public series whose periods allow it (a yearly volume, not an autumn count; the caption says so)."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}: use one of {', '.join(MEASURES)}")
    if breakdown not in breakdowns(snapshots, measure):
        raise ValueError(
            f"{measure} has no breakdown {breakdown!r}: use one of "
            f"{', '.join(breakdowns(snapshots, measure))}"
        )
    frame = metrics.series(snapshots, measure, breakdown)
    if scale == "absolute":
        return frame
    if scale == "indexed":
        if context is not None and measure == "placements":
            frame = pd.concat([frame, context_series(context, frame["year"])], ignore_index=True)
        return metrics.indexed(frame, base_year)
    if scale == "share":
        return metrics.shares(frame)
    raise ValueError(f"unknown scale {scale!r}: use one of {', '.join(SCALES)}")


def context_series(context: pd.DataFrame, years: pd.Series) -> pd.DataFrame:
    """SCB's national programme volume (full-year equivalents) as a series of the years given, its source
    the publisher."""
    rows = context.loc[context["measure"] == CONTEXT_MEASURE]
    periods = rows["period"].astype(int)
    rows = rows.loc[periods.isin(set(years)).to_numpy()]
    return pd.DataFrame({"year": rows["period"].astype(int).to_numpy(), "category": CONTEXT_MEASURE,
                         "value": rows["value"].astype("float64").to_numpy(),
                         "source": rows["publisher"].to_numpy()})


def choice_words(measure: str, breakdown: str, scale: str, base_year: int, lang: str) -> dict[str, str]:
    """Reader's words for a choice: measure, group, scale (and the value-axis label as axis)."""
    scale_name = (
        t("axis_index", lang, base=base_year) if scale == "indexed" else t(f"scale_{scale}", lang)
    )
    axis = {"indexed": scale_name, "share": t("axis_share", lang)}.get(
        scale, t(f"measure_{measure}", lang)
    )
    return {
        "measure": t(f"measure_{measure}", lang),
        "group": t(f"group_{breakdown}", lang).lower(),
        "scale": scale_name.lower(),
        "axis": axis,
    }


def explore_chart(snapshots: pd.DataFrame, measure: str, breakdown: str = "total", scale: str = "absolute",
                  base_year: int = BASE_YEAR, lang: str = "en", context: pd.DataFrame | None = None):
    """The explorer's chart (a Figure, at the current width: asfdata.render.widths) and the frame it draws."""
    frame = explore_frame(snapshots, measure, breakdown, scale, base_year, context)
    chosen = choice_words(measure, breakdown, scale, base_year, lang)
    fig = line_chart(frame, ylabel=chosen["axis"], lang=lang, zero=scale != "indexed")
    return fig, frame


def explore_html(snapshots: pd.DataFrame, measure: str, breakdown: str = "total", scale: str = "absolute",
                 base_year: int = BASE_YEAR, lang: str = "en", context: pd.DataFrame | None = None) -> str:
    """The explorer's chart as an HTML figure with its caption, alt text and the table of the plotted
    numbers."""
    svgs = chart_svgs(
        lambda: explore_chart(snapshots, measure, breakdown, scale, base_year, lang, context)[0])
    frame = explore_frame(snapshots, measure, breakdown, scale, base_year, context)
    d = 0 if scale == "absolute" else 1
    chosen = dict(choice_words(measure, breakdown, scale, base_year, lang))
    first, last = int(frame["year"].min()), int(frame["year"].max())
    finding = "; ".join(
        f"{words.name(r.category, lang)} {words.num(r.start, lang, d)} → {words.num(r.end, lang, d)}"
        for r in metrics.change_between(frame, first, last).itertuples()
    )
    title = t("explore_title", lang, **chosen)
    takeaway = t("explore_takeaway", lang, first=first, last=last, finding=finding)
    if CONTEXT_MEASURE in set(frame["category"]):
        takeaway += " " + t("explore_context_note", lang)
    chosen["measure"] = words.lower_first(chosen["measure"])
    alt = t("explore_alt", lang, years=words.years(first, last), values=series_values(frame, lang, d),
            **chosen)
    table = wide_table(frame, lang, title, kind="int" if d == 0 else "dec1")
    return figure_html(svgs, title=title, subtitle=chosen["axis"], takeaway=takeaway,
                       source=source_line(frame["source"], lang), alt=alt, table=table)


def explorer(frames: dict, lang: str = "en"):
    """Display ipywidgets (measure, breakdown, scale, base year) that redraw one chart; return the box."""
    import ipywidgets as widgets  # here: the explorer alone uses widgets (0.2 s to import)
    from IPython.display import HTML, display  # here: only in a notebook (0.15 s to import)

    snapshots = frames["snapshots"]
    years = sorted(int(y) for y in snapshots["year"].unique())
    measure = widgets.Dropdown(
        options=[(t(f"measure_{m}", lang), m) for m in MEASURES],
        value="placements",
        description=t("widget_measure", lang),
    )
    breakdown = widgets.Dropdown(description=t("widget_breakdown", lang))
    scale = widgets.ToggleButtons(
        options=[(t(f"scale_{s}", lang), s) for s in SCALES],
        value="absolute",
        description=t("widget_scale", lang),
    )
    base = widgets.Dropdown(
        options=years,
        value=BASE_YEAR if BASE_YEAR in years else years[-1],
        description=t("widget_base_year", lang),
    )
    beside = widgets.Checkbox(value=False, description=t("widget_context", lang))
    out = widgets.Output()
    busy = [False]  # no redraw while the breakdown options change

    def set_breakdowns(*_):
        busy[0] = True
        opts = breakdowns(snapshots, measure.value)
        breakdown.options = [(t(f"group_{g}", lang), g) for g in opts]
        breakdown.value = opts[-1] if len(opts) > 1 else opts[0]
        busy[0] = False

    def redraw(*_):
        if busy[0]:
            return
        base.disabled = scale.value != "indexed"
        beside.disabled = scale.value != "indexed" or measure.value != "placements"
        context = frames["context"] if beside.value and not beside.disabled else None
        out.clear_output(wait=True)
        with out:
            shown = explore_html(snapshots, measure.value, breakdown.value, scale.value, base.value, lang,
                                 context)
            display(HTML(shown))

    set_breakdowns()
    measure.observe(lambda change: (set_breakdowns(), redraw()), names="value")
    for control in (breakdown, scale, base, beside):
        control.observe(redraw, names="value")
    box = widgets.VBox(
        [widgets.HTML(f"<p>{escape(t('explore_intro', lang))}</p>"), measure, breakdown, scale, base, beside,
         out]
    )
    redraw()
    display(box)
    return box
