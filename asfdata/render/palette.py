"""The charts' colours and markers: one per category, the same in every chart, and their contrast.

Every colour that draws data has a contrast of at least 4.5:1 against white (WCAG 2.2: 3:1 for graphics,
4.5:1 for text), so a series' name can be written in its own colour beside it; the few greys that only fill
or outline (never text) reach 3:1. Hues follow Okabe–Ito and Paul Tol's colour-blind-safe schemes,
darkened where the original is too light; within a chart, series differ by marker or line style too, so
none is told apart by colour alone. tests/test_charts.py computes the ratios from the charts themselves.
"""

from __future__ import annotations

WHITE = "#FFFFFF"
INK = "#262626"  # text, ticks and axis labels (15:1)
GREY_DARK = "#595959"  # marks between counts, milestones, places used (7.0:1)
GREY = "#767676"  # outcome back to public support (4.5:1)
GREY_MID = "#8C8C8C"  # outcomes extended or not stated, fills only (3.4:1)
AXIS = "#999999"  # the axes' frame: not data
GRID = "#E5E5E5"  # grid lines: not data
STATED = "#CC3311"  # a figure the report states that a chart marks (totals, period totals), 5.2:1
BLUE, ORANGE, GREEN = "#0072B2", "#A65C00", "#00785A"  # Okabe–Ito blue, darkened orange and bluish green

COLOURS = {
    "Arbetsförmedlingen": BLUE,
    "Kommunen": ORANGE,
    "Övriga": GREEN,
    "all": "#000000",
    "sum_of_parts": "#000000",
    "women": "#A8447F",  # Okabe–Ito reddish purple, darkened
    "men": "#4B4BA6",  # indigo
    "Hälsingland": "#882255",  # Tol's wine
    "Gästrikland": "#6E6E1E",  # Tol's olive, darkened
    "places_granted": GREY_DARK,  # drawn as an outline (HOLLOW): granted is the frame, used the fill
    "places_used": GREY_DARK,
    "unique_individuals": GREY_DARK,
    "work": GREEN,
    "arbetsformedlingen": BLUE,
    "either": "#000000",
    "back": GREY,
    "extended": GREY_MID,
    "not_stated": GREY_MID,
    "outcome_work": GREEN,
    "outcome_arbetsformedlingen": BLUE,
    "outcome_back": GREY,
    "outcome_extended": GREY_MID,
    "outcome_not_stated": GREY_MID,
    "informed": "#0F6E8C",  # teal: white bar labels on it reach 5.8:1
    "cumulative": "#000000",
    "stated": STATED,
    "milestone": GREY_DARK,
}
HOLLOW = {"places_granted"}  # categories drawn as an outline only
DASHED = {"sum_of_parts"}  # categories drawn dashed: computed, not stated
MARKERS = {  # one marker per category of a line chart, so that lines differ without colour
    "Arbetsförmedlingen": "o",
    "Kommunen": "s",
    "Övriga": "^",
    "sum_of_parts": "D",
    "all": "D",
    "women": "o",
    "men": "s",
}
MARKER_CYCLE = ("o", "s", "^", "D", "v", "P", "X", "p")  # for categories without their own
# For a category the data brings and the palette does not know (a third region, a new placing body): Tol's
# indigo and purple, a dark teal, a brown, a violet and a steel blue, each at least 4.5:1 against white.
SPARE = ("#332288", "#AA4499", "#01665E", "#8C510A", "#5E3C99", "#2B5C8A")


def colour(category: str) -> str:
    """The fixed colour of a category (KeyError for a category without one; see colours)."""
    return COLOURS[category]


def _spare(categories, fixed: dict[str, str], spare: tuple[str, ...]) -> dict[str, str]:
    """Each category its fixed choice, else the first of spare that no other category of the chart has
    (round the spares again when every one is taken)."""
    cats = list(dict.fromkeys(categories))
    out = {c: fixed[c] for c in cats if c in fixed}
    free = [s for s in spare if s not in out.values()] or list(spare)
    for i, c in enumerate(c for c in cats if c not in fixed):
        out[c] = free[i % len(free)]
    return {c: out[c] for c in cats}


def colours(categories) -> dict[str, str]:
    """The colour of each category of one chart: its fixed colour, or a spare one no other category of the
    chart has (categories the palette does not know, in the order given)."""
    return _spare(categories, COLOURS, SPARE)


def markers(categories) -> dict[str, str]:
    """The marker of each category of one chart: its own, or the first of the cycle no other category of the
    chart has (in the order given)."""
    return _spare(categories, MARKERS, MARKER_CYCLE)


def luminance(hex_colour: str) -> float:
    """Relative luminance of an sRGB colour '#RRGGBB' (WCAG 2.2), 0 (black) to 1 (white)."""
    h = hex_colour.lstrip("#")

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(h[i : i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str = WHITE) -> float:
    """Contrast ratio of two colours (WCAG 2.2), 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
