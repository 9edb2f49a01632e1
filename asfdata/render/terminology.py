"""The evaluation's terms in English and Swedish (terminology.toml), the names both editions keep in Swedish,
and the function words that tell the two languages apart (language.toml); tests/test_language.py reads the
editions with them.

TERMS is the terminology list: English term, Swedish term, why. The Swedish terms are those of Swedish
public administration and evaluation; `avoid` holds Swedish words a Swedish reader would misread there
(a test fails when any of them appears in a Swedish text).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import NamedTuple

from asfdata import catalogs
from asfdata.registry import TERMINOLOGY_CATALOG


class Term(NamedTuple):
    """One term of the field: English, Swedish, a note, and Swedish words that would mislead there."""

    en: str
    sv: str
    note: str
    avoid: tuple[str, ...] = ()  # regular expressions, matched ignoring case


TERMS: tuple[Term, ...] = tuple(
    Term(e.form("en"), e.form("sv"), e.note, e.avoid)
    for e in catalogs.load(TERMINOLOGY_CATALOG).entries.values()
)
_LANGUAGE = tomllib.loads((Path(__file__).with_name("language.toml")).read_text(encoding="utf-8"))
NAMES: tuple[str, ...] = tuple(_LANGUAGE["names"])
SAME_WORDS: tuple[str, ...] = tuple(_LANGUAGE["same_words"])
FUNCTION_WORDS = {
    lang: frozenset(" ".join(words).split()) for lang, words in _LANGUAGE["function_words"].items()
}
PHRASES = {lang: tuple(items) for lang, items in _LANGUAGE["phrases"].items()}
WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:['’][^\W\d_]+)?(?!\w)")  # a word, not part of an id or a hash


def other(lang: str) -> str:
    """The other edition's language."""
    return "sv" if lang == "en" else "en"


def without_names(text: str) -> str:
    """text with every listed name taken out."""
    for name in sorted(NAMES, key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def only_names(text: str) -> bool:
    """True when text, without placeholders, numbers, listed names and words both languages share, has no
    word left: it may read the same in English and Swedish."""
    rest = without_names(re.sub(r"\{[^}]*\}", " ", text))
    return not [w for w in WORD.findall(rest) if w not in SAME_WORDS]


def term_pattern(term: str) -> re.Pattern:
    """A term as a pattern matching it in a text, any number standing for its number (ignoring case)."""
    return re.compile(re.sub(r"\d+", lambda _: "[\\d\u00a0]+", re.escape(term)), re.IGNORECASE)


def misleading(text: str) -> list[str]:
    """The words of a Swedish text that the terminology says a Swedish reader would misread there."""
    return [m.group(0) for t in TERMS for a in t.avoid for m in re.finditer(a, text, re.IGNORECASE)]


def foreign(text: str, lang: str) -> list[str]:
    """The function words of the other language in a text meant for lang (names left out), in order."""
    text = without_names(text)
    words = [w for w in WORD.findall(text.lower()) if w in FUNCTION_WORDS[other(lang)]]
    return words + [p for p in PHRASES[other(lang)] if p in text.lower()]
