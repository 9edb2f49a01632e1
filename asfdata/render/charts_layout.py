"""The layout of a chart: names at line ends, spread apart, with room made for them beside the axes.

A series' name stands right of its last point (end_name). `finish` lays the figure out tightly in one round
without the names, solves for the right edge of the axes that leaves room for the longest reach of a name
(room_for_names), and spreads the names vertically so that none overlaps another (spread).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from matplotlib.layout_engine import TightLayoutEngine
from matplotlib.text import Text

from asfdata.render.widths import FONT, current

LINE = 1.25  # line height of chart text, in font sizes
GAP = 1.5  # points between two names at line ends
PAD = 0.3  # font sizes between the figure's edge and the outermost text


def wrap(text: str, width: int) -> str:
    """Text wrapped to lines of at most width characters (long words kept whole)."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def lines_of(text: str) -> int:
    """Number of lines of a text."""
    return text.count("\n") + 1


def end_name(ax, text: str, x: float, y: float, colour_: str, dx: float = 6.0):
    """A series' name at its end (x, y): right of it in the series' colour, with a leader line shown when
    spreading moves the name away (see spread)."""
    return ax.annotate(
        wrap(text, current().name_wrap), (x, y), xytext=(dx, 0), textcoords="offset points", ha="left",
        va="center", color=colour_, annotation_clip=False,
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


def room_for_names(fig, names: list) -> None:
    """Narrow the axes (all of them: panels share their years) so that every name at a line end (annotations
    made by end_name) ends PAD font sizes inside the figure's right edge. A name's end moves with its point,
    at a fraction of the axes' width: the right edge that fits it is solved for, not searched by rounds of
    layout."""
    if not names:
        return
    renderer = fig.canvas.get_renderer()
    width = fig.bbox.width  # px
    left, right = fig.subplotpars.left * width, fig.subplotpars.right * width
    fits = right
    for a in names:
        x0, x1 = a.axes.get_xlim()
        at = (a.xy[0] - x0) / (x1 - x0)  # where the point is, as a fraction of the axes' width
        a.update_positions(renderer)
        reach = a.xyann[0] * fig.dpi / 72 + Text.get_window_extent(a, renderer).width  # offset and text, px
        # the name ends at left + (right − left) × at + reach, which must be ≤ width − pad
        if at > 0:
            fits = min(fits, left + (width - PAD * FONT * fig.dpi / 72 - reach - left) / at)
    if fits < right:
        fig.subplots_adjust(right=fits / width)


def finish(fig, names: Sequence[tuple] = (), legend=None) -> None:
    """Lay the figure out tightly with room for the names at line ends ((axes, annotations) pairs), then
    spread them; a legend (axes) right of the axes in drawing order for charts with more series than
    can be named."""
    if legend is not None:
        legend.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    named = [a for _, group in names for a in group]
    for a in named:
        a.set_in_layout(False)  # room for them is made below, in one step
    # The engine is run, not set: saving a figure with an engine lays it out once more (0.5 s per edition).
    # rect=None, as Figure.tight_layout passes it: one pass, no rectangle (its stub allows only a tuple)
    TightLayoutEngine(pad=PAD, rect=None).execute(fig)  # type: ignore[arg-type]
    room_for_names(fig, named)
    for ax, group in names:
        spread(ax, group)
