"""A matplotlib Figure as SVG to place inside the page: real text, nothing the page does not need.

matplotlib writes text as <text> (svg.fonttype none), ids from a fixed salt (svg.hashsalt) and no date, so
the same figure gives the same bytes. `clean` then makes the markup fit for inlining beside other charts:
no prolog or metadata; markers (<use> of a <defs> path) written out where they are used and clip paths
dropped, so no element needs an id (ids would repeat across the charts of one page); the font stack and
the line-join rule left to the page's stylesheet (.asf-chart); the one font size of every text said once,
on the <svg> (inherited), and the default text-anchor (start) not at all; coordinates to 0.01 pt; no
indentation.
`chart_svgs` draws a chart at every width of asfdata.render.widths, for the page to show the one that fits.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
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


def _tag(tag: str) -> str:
    """One tag made compact: whitespace runs to one space, short coordinates, no zero rotation."""
    tag = re.sub(r"\s+", " ", tag)
    tag = re.sub(r' transform="rotate\(-?0 [^)]*\)"', "", tag)
    tag = _FONT_FAMILY.sub("", tag).replace('; "', '"').replace(' style=""', "")
    return _NUMBER.sub(_short, tag).replace(" />", "/>").replace(' "', '"')


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
        return f'<path d="{d}" transform="translate({use.group(2)} {use.group(3)})"{attr}/>'

    svg = _USE.sub(expand, svg)
    svg = re.sub(r"<defs>.*?</defs>", "", svg, flags=re.S)
    svg = re.sub(r' clip-path="url\(#[^)]*\)"', "", svg)
    svg = re.sub(r' id="[^"]*"', "", svg)
    svg = re.sub(r' xmlns:xlink="[^"]*"', "", svg)
    svg = re.sub(r">\s+<", "><", svg)
    sizes = set(_FONT_SIZE.findall(svg))
    if len(sizes) == 1:  # every text's: said once, on the root, whence the texts inherit it
        svg = _FONT_SIZE.sub("", svg).replace("<svg ", f'<svg font-size="{sizes.pop()}" ', 1)
    svg = _ANCHOR_START.sub("", svg)
    svg = "".join(_tag(tok) if tok.startswith("<") else tok for tok in _TOKEN.findall(svg))
    return _drop_bare_groups(svg).strip()


def chart_svgs(draw: Callable[..., Figure], *args, **kwargs) -> tuple[str, ...]:
    """The chart that draw(*args, **kwargs) makes, drawn at each width of WIDTHS (SCREEN first), as SVG."""
    out = []
    for width in WIDTHS:
        with drawn_at(width):
            out.append(figure_svg(draw(*args, **kwargs)))
    return tuple(out)
