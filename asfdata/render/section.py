"""A section of a chapter as an object: the HTML the report shows, the numbers it shows as a tidy frame and,
for a chart, the matplotlib Figure.

Every function a chapter notebook shows returns a Section. In JupyterLab it displays itself
(`_repr_html_`, the report's HTML); `.data` holds the numbers it shows, one row per observation, the unit in
the column's name (`people`, `companies`, `change_pct`, …), for an evaluator to take further; a chart's
`.figure` draws it again as a new Figure (at the printed width), to restyle or save. The report is built
from the same objects (asfdata.render.html.show writes `.html`, byte for byte what the string was before).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from asfdata import metrics
from asfdata.render.widths import WIDTHS, drawn_at

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True, eq=False)
class Section:
    """One section: html (what the report shows), data (its numbers, tidy) and draw (a chart's drawing)."""

    html: str
    data: pd.DataFrame = field(default_factory=pd.DataFrame)
    draw: Callable[[], Figure] | None = field(default=None, repr=False)

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __add__(self, other: object) -> str:
        """HTML joined: a section followed by HTML (a string or another section) is their HTML."""
        return self.html + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + self.html

    def __repr__(self) -> str:
        kind = "chart" if self.draw else "section"
        return f"<{kind}: {len(self.html)} characters of HTML; data {self.data.shape[0]} rows × " \
               f"{self.data.shape[1]} columns ({', '.join(map(str, self.data.columns))})>"

    @property
    def figure(self) -> Figure | None:
        """The chart as a new matplotlib Figure, drawn at the width the report prints (None: no chart)."""
        if self.draw is None:
            return None
        with drawn_at(WIDTHS[0]):
            return self.draw()


YEAR_COLUMN = re.compile(r"year|(?:before|after)_(?:from|to)")  # a column of years: 2016, never 2016.0


def tidy(*blocks: pd.DataFrame) -> pd.DataFrame:
    """Frames of one section's numbers stacked into one (columns in order of first appearance; a column a
    block lacks is empty there, and one empty everywhere is left out); a column of years stays whole
    numbers (Int64, empty where a block has none) when stacking would make it float."""
    kept = [b for b in blocks if len(b.columns)]
    out = pd.concat(kept, ignore_index=True) if kept else pd.DataFrame()
    if not len(out):
        return out
    out = out.dropna(axis="columns", how="all")
    for col in out.columns:
        values = out[col]
        if (YEAR_COLUMN.search(str(col)) and pd.api.types.is_float_dtype(values)
                and (values.dropna() % 1 == 0).all()):
            out[col] = values.astype("Int64")
    return out


def stated(**numbers: float | int | str) -> pd.DataFrame:
    """The numbers a text states, as one row: one column each, named with its unit (people_to_work=1)."""
    return pd.DataFrame([numbers])


def series(frame: pd.DataFrame, unit: str, measure: str = "") -> pd.DataFrame:
    """A tidy year/category/value frame with its value column named by its unit (people, companies, …),
    and the measure when one is given."""
    out = frame[["year", "category", "value"]].rename(columns={"value": unit}).reset_index(drop=True)
    return out.assign(measure=measure)[["measure", *out.columns]] if measure else out


def change(measure: str, unit: str, year_from: int, year_to: int, start: float, end: float,
           category: str = "all", shows: str = "start end change change_pct") -> pd.DataFrame:
    """One change a text states, as a row: measure, category, unit (of start, end and change), year_from,
    year_to, start, end, change, change_pct (percent; undefined from 0); of start, end, change and
    change_pct only those the text shows (shows), the others empty."""
    values = {"start": float(start), "end": float(end), "change": float(end - start),
              "change_pct": metrics.pct_change(start, end)}
    return pd.DataFrame([{
        "measure": measure, "category": category, "unit": unit, "year_from": int(year_from),
        "year_to": int(year_to), **{k: v if k in shows.split() else float("nan") for k, v in values.items()},
    }])


def changes(frame: pd.DataFrame, measure: str, unit: str, year_from: int | None = None,
            year_to: int | None = None, shows: str = "start end change change_pct") -> pd.DataFrame:
    """change() of every category of a tidy year/category/value frame, from year_from to year_to (the
    frame's first and last year unless given)."""
    ya = int(frame["year"].min()) if year_from is None else year_from
    yb = int(frame["year"].max()) if year_to is None else year_to
    ch = metrics.change_between(frame, ya, yb)
    return tidy(*(change(measure, unit, ya, yb, r.start, r.end, r.category, shows) for r in ch.itertuples()))
