"""The widths a chart is drawn at, with the choices each width needs (asfdata.render.charts reads them).

Every chart is drawn twice, in the manner of publishers who serve narrow chart variants (FT, OWID):
SCREEN, the text column of an A4 page, for screens and paper; PHONE, a phone's text column, for narrow
screens (the page's stylesheet shows one or the other). Text is the same FONT points in both, so that each,
shown at its natural size, has its smallest text at the page's footnote size; the narrow drawing wraps
its labels into shorter lines instead. `drawn_at` sets the width the chart functions read (`current`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

CSS_PX_PER_INCH = 96
FONT = 9.0  # points, every text of a chart: 9 × 96 / 72 = 12 CSS px at natural size, the page's footnotes


@dataclass(frozen=True)
class Width:
    """One width a chart is drawn at (inches) and the characters per line of its wrapped labels."""

    name: str  # the class suffix of the chart in the page: asf-chart-<name>
    inches: float  # the figure's width
    height: float  # inches, a chart of one panel of lines or stacked bars
    name_wrap: int  # a series' name at its end
    mark_wrap: int  # an event mark's label above the axes, a stated total's above a bar
    row_wrap: int  # a bar chart's row label
    category_wrap: int  # an interval chart's row label
    title_wrap: int  # a panel's title above it
    labels_above: bool  # a label above what it names, not beside it: an interval's values above the whisker
    bar: float  # a column's width, in years (room for its value inside)
    short_years: bool  # the years after the first by their last two digits (2016 17 18 19 20), as narrow
    # charts write them: five years in full left 1.2 pt between them under the phone's stacked bars
    signed_ticks: int  # at most this many ticks on a value axis with negative values ('−60 %' is wide)

    @property
    def css_px(self) -> float:
        """The width at natural size, in CSS px."""
        return self.inches * CSS_PX_PER_INCH


# 7.0 in × 96 = 672 CSS px: the text column of A4 with 16 mm side margins, (210 − 2 × 16) mm = 672.8 px.
SCREEN = Width("screen", 7.0, 3.6, name_wrap=24, mark_wrap=20, row_wrap=50, category_wrap=26, title_wrap=80,
               labels_above=False, bar=0.6, short_years=False, signed_ticks=8)
# 3.6 in × 96 = 345.6 CSS px: a phone's column at natural size, so that its 12 px text is footnote size on
# every phone at least 378 px wide (the page's column is the screen less main's 2 × 16 px padding: 358 px
# on a 390 px phone, 346 px at 378 px); on a 375 px phone it is shown at 343 / 345.6 = 99 %.
# Its labels wrap at about half the characters; labels stand above what they name; columns are wider for
# their values.
PHONE = Width("phone", 3.6, 3.4, name_wrap=12, mark_wrap=8, row_wrap=16, category_wrap=14, title_wrap=40,
              labels_above=True, bar=0.7, short_years=True, signed_ticks=4)
WIDTHS = (SCREEN, PHONE)  # the order of a figure's drawings in the page: the first is the one printed

_current = [SCREEN]


def current() -> Width:
    """The width charts are being drawn at (SCREEN unless inside `drawn_at`)."""
    return _current[-1]


@contextmanager
def drawn_at(width: Width) -> Iterator[Width]:
    """Charts drawn inside this block are drawn at width."""
    _current.append(width)
    try:
        yield width
    finally:
        _current.pop()
