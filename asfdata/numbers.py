"""Numbers written the way each language writes them, by Babel with the locale's symbols (CLDR), for the
whole package (the report's sentences, tables and charts, and the audit's notes): English 1,257 and
38.8 %; Swedish 1 257 and 38,8 %, each space a no-break space (U+00A0), so that a number never breaks
across lines; a minus sign is U+2212 in both; years are never grouped (they are written as they are,
never through `num`).
"""

from __future__ import annotations

import math
from decimal import Decimal

from babel.numbers import format_decimal, format_percent

from asfdata.catalogs import check_lang

MINUS = "\u2212"
DASH = "\u2013"  # en dash, for ranges of years and intervals, and for a missing number
NBSP = "\u00a0"  # no-break space: Swedish thousands separator, and before a percent sign


def number_format(decimals: int, sign: bool = False, percent: bool = False) -> str:
    """A CLDR number pattern: grouped digits and `decimals` decimals, U+2212 for minus, '+' when sign, and
    for a percentage a no-break space before the percent sign (the locale supplies every symbol)."""
    body = "#,##0" + ("." + "0" * decimals if decimals else "") + (f"{NBSP}%" if percent else "")
    return f"{'+' if sign else ''}{body};{MINUS}{body}"


def rounded(x: float | None, decimals: int) -> float | None:
    """x rounded to decimals (binary half-even, as Python rounds), −0.0 made 0.0; None when missing."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return round(float(x), decimals) + 0.0


def num(x: float, lang: str, decimals: int = 0, sign: bool = False) -> str:
    """A number in lang by Babel: 1,257.5 / 1 257,5 (no-break space); U+2212 for minus; a dash if missing."""
    check_lang(lang)
    v = rounded(x, decimals)
    if v is None:
        return DASH
    return format_decimal(v, format=number_format(decimals, sign and v != 0), locale=lang)


def pct(x: float, lang: str, decimals: int = 1, sign: bool = False) -> str:
    """A percentage given in percent units by Babel (−38.8 → '−38.8 %' / '−38,8 %', no-break space)."""
    check_lang(lang)
    v = rounded(x, decimals)
    if v is None:
        return DASH
    fmt = number_format(decimals, sign and v != 0, percent=True)
    return format_percent(Decimal(repr(v)) / 100, format=fmt, locale=lang)  # exact: Babel multiplies by 100
