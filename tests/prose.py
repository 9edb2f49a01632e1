"""Checking the report's prose by its figures, not its words: the figures a text states, as its language
writes them. The words themselves are the catalogs' (asfdata/catalogs.py), pinned only by the golden files
of the built editions (tests/test_golden.py); a test that needs a text takes it from its catalog.

    missing(["2018", "152", "-59", "-38.8 %"], text, "sv") == []

Figures are written once, the English way with a hyphen for the minus sign and a plain space before %;
as_written gives them as each language writes them (U+2212 minus, no-break space before % and between
thousands in Swedish, decimal comma).
"""

from __future__ import annotations

import html
import re
from collections import Counter

MINUS, NBSP = "\u2212", "\u00a0"
# a figure as the report writes one: a sign, digits with group and decimal separators, a percent sign
# (not a part of a name: the 04 of assumption A04)
FIGURE = re.compile(rf"(?<!\w)[{MINUS}+]?\d+(?:[.,{NBSP}]\d+)*(?:{NBSP}%)?")


def numbers(text: str) -> list[str]:
    """Every figure of a text (or of HTML's text, tags left out), in order, as written."""
    return FIGURE.findall(html.unescape(re.sub(r"<[^>]+>", " ", text)))


def as_written(figure: str, lang: str) -> str:
    """An English-style figure ('-1,257.5 %') as lang writes it ('−1,257.5 %' / '−1 257,5 %')."""
    out = figure.replace("-", MINUS).replace(" %", f"{NBSP}%")
    if lang == "sv":
        out = out.replace(",", NBSP).replace(".", ",")
    return out


def missing(figures: list[str], text: str, lang: str) -> list[str]:
    """The figures (each as often as listed) that the text does not state, as lang writes them."""
    wanted = Counter(as_written(f, lang) for f in figures)
    return sorted((wanted - Counter(numbers(text))).elements())


def before(text: str, *parts: str) -> bool:
    """True when every part occurs in text, each after the one before it."""
    at = -1
    for part in parts:
        at = text.find(part, at + 1)
        if at < 0:
            return False
    return True


def value(figure: str, lang: str) -> tuple[float, int]:
    """A figure as lang writes it ('−1 257,5 %') as its number and its decimals: (-1257.5, 1). A no-break
    space between digits groups thousands in either language (the report's own figures, quoted in the
    English edition too, are written the Swedish way)."""
    text = figure.replace(MINUS, "-").replace("%", "").replace(NBSP, "")  # a no-break space groups thousands
    text = text.replace(",", ".") if lang == "sv" else text.replace(",", "")
    return float(text), len(text.partition(".")[2])
