"""Looking words up in a language, and writing numbers the way each language writes them.

The words themselves live in catalogs (asfdata/catalogs.py): asfdata/render/shared.toml (shared) and
beside each chapter (asfdata/chapters/<chapter>.toml); `translator` gives a chapter its lookup. Numbers are
written by asfdata.numbers (Babel), for the report and the pipeline alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from asfdata import catalogs
from asfdata.catalogs import Catalog
from asfdata.numbers import DASH, NBSP
from asfdata.numbers import num as num  # re-exported: the chapters write words.num and words.pct
from asfdata.numbers import pct as pct
from asfdata.registry import APPENDIX, SHARED_CATALOG

SHARED = catalogs.load(SHARED_CATALOG)
_DURING = re.compile(r"under (\d{4})")  # the report's words for some time during a year it names


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
    return t(key, lang) if key in SHARED else t("placed_by", lang, name=name(body, lang))


def body(placing_body: str, lang: str) -> str:
    """A placing body as a short noun inside a sentence: 'Kommunen' / 'kommunerna'; else its name."""
    key = f"body_{placing_body}"
    return t(key, lang) if key in SHARED else name(placing_body, lang)


def possessive(placing_body: str, lang: str) -> str:
    """A placing body's possessive inside a sentence: "Kommunen's" / 'kommunernas'; else its name's."""
    key = f"body_possessive_{placing_body}"
    return t(key, lang) if key in SHARED else t("possessive", lang, name=name(placing_body, lang))


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
    """The report's words for a vague time, in lang: its own words (period_…), 'under 2019' (during that
    year), else kept as they are."""
    key = f"period_{text.replace(' ', '_')}"
    if key in SHARED:
        return t(key, lang)
    during = _DURING.fullmatch(text)
    return t("when_during", lang, year=during.group(1)) if during else text


def lower_first(text: str) -> str:
    """Text with its first letter in lower case, for a name used inside a sentence."""
    return text[:1].lower() + text[1:]


def direction(change: float, lang: str) -> str:
    """'rose', 'fell' or 'was unchanged' in lang, by the sign of change."""
    return t("rose" if change > 0 else "fell" if change < 0 else "unchanged", lang)


def unbreakable(text: str) -> str:
    """The report's text with its number groups and percent signs bound by no-break spaces ("1 257",
    "50 %"), so that a figure never breaks across lines; the words are otherwise the report's."""
    return re.sub(r"(?<=\d) (?=\d{3}(?!\d)|%)", NBSP, text)


def number_word(n: int, lang: str) -> str:
    """A count of two to twelve as prose writes it ('five' / 'fem'; shared text number_words), others in
    figures."""
    names = t("number_words", lang).split()
    return names[n - 2] if 2 <= n < len(names) + 2 else num(n, lang)


def years(a: int, b: int) -> str:
    """A range of years with an en dash (2016–2018), or one year."""
    return str(a) if a == b else f"{a}{DASH}{b}"


def join(items: list[str], lang: str) -> str:
    """Items joined as a list in prose: 'a, b and c' / 'a, b och c'."""
    items = [str(x) for x in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('and', lang)} {items[-1]}"
