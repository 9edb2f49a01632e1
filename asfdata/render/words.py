"""Looking words up in a language, and writing numbers the way each language writes them.

The words themselves live in catalogs (asfdata/catalogs.py): asfdata/render/shared.toml (shared) and
beside each chapter (asfdata/chapters/<chapter>.toml); `translator` gives a chapter its lookup. Numbers are
written by Babel with the locale's symbols (CLDR): English 1,257 and 38.8 %; Swedish 1 257 and 38,8 %, each
space a no-break space (U+00A0), so a number never breaks across lines; a minus sign is U+2212 in both; years
are never grouped (they are written as they are, never through `num`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal

from babel.numbers import format_decimal, format_percent

from asfdata import catalogs
from asfdata.catalogs import Catalog, check_lang
from asfdata.registry import APPENDIX, SHARED_CATALOG

SHARED = catalogs.load(SHARED_CATALOG)
MINUS = "\u2212"
DASH = "\u2013"  # en dash, for ranges of years and intervals
NBSP = "\u00a0"  # no-break space: Swedish thousands separator, and before a percent sign


def t(key: str, lang: str, **values) -> str:
    """The shared text of key in lang, with its placeholders filled in."""
    return SHARED.say(key, lang, **values)


def has(key: str) -> bool:
    """True when key is a shared text."""
    return key in SHARED


def translator(own: Catalog) -> Callable[..., str]:
    """A chapter's lookup t(key, lang, **values): its own words first, then the shared ones."""

    def chapter_t(key: str, lang: str, **values) -> str:
        return (own if key in own else SHARED).say(key, lang, **values)

    return chapter_t


def chapter_heading(chapter: str, lang: str) -> str:
    """A chapter's heading: numbered ('6 Data quality: …') for chapters 01–06, the title alone for the
    summary and the appendix; the text refers to chapters by these numbers."""
    title = chapter_title(chapter, lang)
    return f"{int(chapter)} {title}" if chapter.isdigit() and 0 < int(chapter) < APPENDIX else title


def chapter_title(chapter: str, lang: str) -> str:
    """Title of a chapter ('00' … '07', 'explore') in lang."""
    return t(f"chapter_{chapter}", lang)


def name(category: str, lang: str) -> str:
    """Reader's name of a category (placing body, gender, region, outcome, stage, ...), else the key."""
    key = f"cat_{category}"
    return t(key, lang) if key in SHARED else str(category)


def placed_by(body: str, lang: str) -> str:
    """A placing body's placements inside a sentence: 'placements by Kommunen' / 'kommunernas placeringar'."""
    key = f"placed_by_{body}"
    return t(key, lang) if key in SHARED else str(body)


def upper_first(text: str) -> str:
    """Text with its first letter in upper case, for a phrase that opens a sentence."""
    return text[:1].upper() + text[1:]


def target_group(text: str, lang: str) -> str:
    """The report's Swedish target-group wording in lang (itself when no translation is known)."""
    key = f"tg_{text}"
    return t(key, lang) if key in SHARED else text


def kind(kind_key: str, lang: str) -> str:
    """Reader's name of a kind of milestone."""
    key = f"kind_{kind_key}"
    return t(key, lang) if key in SHARED else kind_key


def status(status_key: str, lang: str) -> str:
    """Reader's word for an audit status (ok, approximate, mismatch)."""
    key = f"status_{status_key}"
    return t(key, lang) if key in SHARED else status_key


def month(m: int, lang: str) -> str:
    """Name of month m (1–12) in lang."""
    return t(f"month_{int(m)}", lang)


def period_text(text: str, lang: str) -> str:
    """The report's words for a vague time, in lang (Swedish words kept when no translation is known)."""
    key = f"period_{text.replace(' ', '_')}"
    return t(key, lang) if key in SHARED else text


def lower_first(text: str) -> str:
    """Text with its first letter in lower case, for a name used inside a sentence."""
    return text[:1].lower() + text[1:]


def direction(change: float, lang: str) -> str:
    """'rose', 'fell' or 'was unchanged' in lang, by the sign of change."""
    return t("rose" if change > 0 else "fell" if change < 0 else "unchanged", lang)


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


def unbreakable(text: str) -> str:
    """The report's text with its number groups and percent signs bound by no-break spaces ("1 257",
    "50 %"), so that a figure never breaks across lines; the words are otherwise the report's."""
    return re.sub(r"(?<=\d) (?=\d{3}(?!\d)|%)", NBSP, text)


def years(a: int, b: int) -> str:
    """A range of years with an en dash (2016–2018), or one year."""
    return str(a) if a == b else f"{a}{DASH}{b}"


def join(items: list[str], lang: str) -> str:
    """Items joined as a list in prose: 'a, b and c' / 'a, b och c'."""
    items = [str(x) for x in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('and', lang)} {items[-1]}"
