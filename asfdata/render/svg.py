"""A matplotlib Figure as SVG to place inside the page: real text, nothing the page does not need.

matplotlib writes text as <text> (svg.fonttype none), ids from a fixed salt (svg.hashsalt) and no date, so
the same figure gives the same bytes. `clean` then makes the markup fit for inlining beside other charts:
no prolog or metadata; markers (<use> of a <defs> path) written out where they are used and clip paths
dropped, so no element needs an id (ids would repeat across the charts of one page); what repeats kept
small: a circle marker two arcs (not eight Bézier curves), another marker straight lines from its
point, path data and styles without the spaces SVG does not need, colours in three digits where they can
be, no empty group, no namespace or version (an HTML page's parser gives inline SVG its namespace); the
font stack and the line-join rule left to the page's stylesheet (.asf-chart); the one font size of every
text, and the colour most texts are written in, said once, on the <svg> (inherited), and the default
text-anchor (start) not at all; paths drawn alike one after another (the grid, a series' markers) one
path; coordinates to 0.01 pt; no indentation.
`chart_svgs` draws a chart at every width of asfdata.render.widths, for the page to show the one that fits.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
from matplotlib.figure import Figure

from asfdata.render.widths import WIDTHS, drawn_at

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

SETTINGS: dict[RcKeyType, Any] = {"svg.fonttype": "none", "svg.hashsalt": "asf-evaluation"}
METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}

_DEF_PATH = re.compile(r'<path id="([^"]+)" d="([^"]*)"(?: style="([^"]*)")?\s*/>')
_USE = re.compile(r'<use xlink:href="#([^"]+)" x="([^"]+)" y="([^"]+)"(?: style="([^"]*)")?\s*/>')
_NUMBER = re.compile(r"-?\d+\.\d{3,}")
_FONT_FAMILY = re.compile(r"font-family: [^;\"]*;? ?")
_FONT_SIZE = re.compile(r"font-size: ([\d.]+px);? ?")
_ANCHOR_START = re.compile(r"text-anchor: start;? ?")
_TOKEN = re.compile(r"<[^>]+>|[^<]+")
_COORD = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_EMPTY_GROUP = re.compile(r"<g(?: [^>]*)?/>|<g(?: [^>]*)?></g>")
_SHORT_COLOUR = re.compile(r"#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3(?![0-9a-f])")  # #ffffff: #fff
_TEXT_FILL = re.compile(r'<text [^>]*style="[^"]*fill:(#[0-9a-f]+)')
_DRAWN = re.compile(r"<(?:path|circle|text|rect|ellipse|line|polyline|polygon)\b[^>]*>")
_GROUP = re.compile(r"<g\b")
_PATH = re.compile(r'<path d="([^"]*)" style="([^"]*)"/>')


def figure_svg(fig) -> str:
    """The figure as clean, byte-reproducible SVG markup (one <svg> element, sized in points)."""
    with mpl.rc_context(SETTINGS):
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata=METADATA, facecolor="white")
    return clean(buf.getvalue())


def _short(number: re.Match) -> str:
    """A coordinate with at most two decimals (0.01 pt is far below a screen's or a printer's dot)."""
    text = f"{float(number.group(0)):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _merge(*styles: str | None) -> str:
    """CSS declarations merged left to right (a later property wins)."""
    out: dict[str, str] = {}
    for style in styles:
        for part in (style or "").split(";"):
            if ":" in part:
                key, value = part.split(":", 1)
                out[key.strip()] = value.strip()
    return "; ".join(f"{k}: {v}" for k, v in out.items())


def _marker(d: str, x: float, y: float) -> str:
    """The opening of a marker's path at (x, y) (its style follows): a circle as two arcs; straight lines
    from the first point, the rest relative to it (d as matplotlib writes a marker: 'M 0 2.5 C … z', eight
    Bézier curves, for a circle; 'M -0 3.54 L 3.54 0 … z' for a diamond)."""
    d = " ".join(d.split())
    numbers = [float(n) for n in _COORD.findall(d)]
    ends = list(zip(numbers[4::6], numbers[5::6], strict=False))  # a Bézier's end points
    if d.startswith("M 0 ") and d.count("C") == 8 and len({round(math.hypot(*e), 2) for e in ends}) == 1:
        r = _num(numbers[1])  # two half-circle arcs from its left end
        return f'<path d="M{_pair(x - numbers[1], y).lstrip()}a{r} {r} 0 1 0 {_num(2 * numbers[1])} 0' \
            f'a{r} {r} 0 1 0-{_num(2 * numbers[1])} 0z"'
    if set(re.sub(r"[\d.\s-]", "", d)) <= {"M", "L", "z"} and d.startswith("M") and len(numbers) > 2:
        points = list(zip(numbers[::2], numbers[1::2], strict=True))
        steps = "".join(_pair(b[0] - a[0], b[1] - a[1]) for a, b in pairwise(points))
        return f'<path d="M{_pair(x + points[0][0], y + points[0][1]).lstrip()}l{steps.lstrip()}' \
            f'{"z" if d.endswith("z") else ""}"'
    return f'<path d="{d}" transform="translate({x} {y})"'


def _pair(a: float, b: float) -> str:
    """Two coordinates as path data writes them: a space before each unless a minus sign separates it."""
    return "".join(n if n.startswith("-") else f" {n}" for n in (_num(a), _num(b)))


def _num(v: float) -> str:
    """A coordinate to 0.01, without trailing zeros (nor a sign on 0)."""
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _compact_path(m: re.Match) -> str:
    """Path data without the spaces around its commands (valid SVG: 'M39.06 228.42L501.3 228.42z')."""
    return 'd="' + re.sub(r" ?([MLCQZz]) ?", r"\1", m.group(1)) + '"'


def _tag(tag: str) -> str:
    """One tag made compact: whitespace runs to one space, short coordinates, no zero rotation, path data
    and styles without the spaces they do not need."""
    tag = re.sub(r"\s+", " ", tag)
    tag = re.sub(r' transform="rotate\(-?0 [^)]*\)"', "", tag)
    tag = _FONT_FAMILY.sub("", tag).replace('; "', '"').replace(' style=""', "")
    tag = _NUMBER.sub(_short, tag).replace(" />", "/>").replace(' "', '"')
    tag = re.sub(r'\bd="([^"]*)"', _compact_path, tag)
    return re.sub(r'style="[^"]*"', lambda m: m.group(0).replace(": ", ":").replace("; ", ";"), tag)


def _drop_bare_groups(svg: str) -> str:
    """Remove <g> elements without attributes (their children stay)."""
    out, stack = [], []
    for token in _TOKEN.findall(svg):
        if token == "<g>":
            stack.append(False)
            continue
        if token.startswith("<g "):
            stack.append(True)
        elif token == "</g>":
            if not stack.pop():
                continue
        out.append(token)
    return "".join(out)


def clean(svg: str) -> str:
    """matplotlib's SVG reduced to what an inline chart needs (see the module's docstring)."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    paths = {m.group(1): (m.group(2), m.group(3)) for m in _DEF_PATH.finditer(svg)}

    def expand(use: re.Match) -> str:
        d, style = paths[use.group(1)]
        if not re.search(r"[1-9]", d):  # a tick of length 0: nothing to draw
            return ""
        style = _merge(use.group(4), style)  # the <use>'s style, inherited, under the path's own
        attr = f' style="{style}"' if style else ""
        return f"{_marker(d, float(use.group(2)), float(use.group(3)))}{attr}/>"

    svg = _USE.sub(expand, svg)
    svg = re.sub(r"<defs>.*?</defs>", "", svg, flags=re.S)
    svg = re.sub(r' clip-path="url\(#[^)]*\)"', "", svg)
    svg = re.sub(r' id="[^"]*"', "", svg)
    svg = re.sub(r' (?:xmlns(?::xlink)?|version)="[^"]*"', "", svg)  # the page's HTML parser needs none
    svg = re.sub(r">\s+<", "><", svg)
    sizes = set(_FONT_SIZE.findall(svg))
    if len(sizes) == 1:  # every text's: said once, on the root, whence the texts inherit it
        svg = _FONT_SIZE.sub("", svg).replace("<svg ", f'<svg font-size="{sizes.pop()}" ', 1)
    svg = _ANCHOR_START.sub("", svg)
    svg = "".join(_tag(tok) if tok.startswith("<") else tok for tok in _TOKEN.findall(svg))
    svg = _drop_bare_groups(svg)
    while _EMPTY_GROUP.search(svg):  # a group left empty (a tick of length 0 dropped): nothing to draw
        svg = _EMPTY_GROUP.sub("", svg)
    svg = _SHORT_COLOUR.sub(r"#\1\2\3", svg)
    return _shared_fill(_merge_strokes(svg)).strip()


def _merge_strokes(svg: str) -> str:
    """Paths drawn alike one after another as one path of several parts, in the place of the first: lines
    (unfilled; grid lines, axis lines), with only texts between them (tick labels, outside the axes, which
    the later lines then pass under instead of over); shapes (markers, bars) side by side in the markup.
    A dashed line is left alone (its dashes would run on from one part to the next)."""
    out: list[str] = []
    last = -1  # the index in out of the path the next one like it joins, or -1
    for token in _TOKEN.findall(svg):
        m = _PATH.fullmatch(token)
        if m and "dasharray" not in m.group(2):
            joined = _PATH.fullmatch(out[last]) if last >= 0 else None
            lines = "fill:none" in m.group(2)
            if joined and joined.group(2) == m.group(2) and (lines or last == len(out) - 1):
                out[last] = out[last].replace('" style=', f'{m.group(1)}" style=', 1)
                continue
            last = len(out)
        elif not (token.startswith("<text") or token == "</text>" or not token.startswith("<")):
            last = -1
        elif last >= 0 and "fill:none" not in out[last]:
            last = -1  # a shape joins only the one right before it
        out.append(token)
    return "".join(out)


def _shared_fill(svg: str) -> str:
    """The colour most texts are written in said once, on the root, whence they inherit it (the charts
    hold no groups: every element inherits from the root); an element without a fill of its own, black
    (SVG's default) until then, says so."""
    fills = Counter(_TEXT_FILL.findall(svg))
    if not fills or _GROUP.search(svg):
        return svg
    ink = fills.most_common(1)[0][0]

    def own(tag: re.Match) -> str:
        text = tag.group(0)
        if "fill:" not in text:
            if ' style="' in text:
                return text.replace(' style="', ' style="fill:#000;', 1)
            return re.sub(r"(/?>)$", r' style="fill:#000"\1', text)
        if text.startswith("<text"):
            text = re.sub(rf";?fill:{ink}(?=[;\"])", "", text).replace('style=";', 'style="')
            return text.replace(' style=""', "")
        return text

    svg = _DRAWN.sub(own, svg)
    return re.sub(r'^<svg(?: font-size="[^"]*")?', lambda m: f'{m.group(0)} fill="{ink}"', svg)


def chart_svgs(draw: Callable[..., Figure], *args, **kwargs) -> tuple[str, ...]:
    """The chart that draw(*args, **kwargs) makes, drawn at each width of WIDTHS (SCREEN first), as SVG."""
    out = []
    for width in WIDTHS:
        with drawn_at(width):
            out.append(figure_svg(draw(*args, **kwargs)))
    return tuple(out)
