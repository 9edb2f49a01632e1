"""The audit's words, from its catalog (asfdata/pipeline/audit.toml): notes in English and Swedish from the
same facts (audit.csv: note, note_sv), the data's keys inside them, the words of a row's rule and scope."""

from __future__ import annotations

import functools

from asfdata import catalogs
from asfdata.registry import AUDIT_CATALOG

AUDIT = catalogs.load(AUDIT_CATALOG)


@functools.cache
def scope_map(lang: str) -> dict[str, str]:
    """Every scope_ key of the catalog without its prefix, and its words in lang."""
    keys = [e.key.removeprefix("scope_") for e in AUDIT.prefixed("scope_")]
    return {k: AUDIT.say(f"scope_{k}", lang) for k in keys}


def scope_words(scope: tuple[str, ...], lang: str) -> str:
    """An audit row's scope, given as keys of the data, in words of lang (('placements', '2018', 'by',
    'placed_by') -> 'people placed 2018 by placing body' / 'placerade 2018 per placerande aktör'); years,
    names and keys without a scope_ text stay as they are."""
    known = scope_map(lang)  # once per language: the audit of 10^6 raw rows has about 500 000 scopes
    return " ".join([known.get(k, k) if isinstance(k, str) else str(k) for k in scope])


def check_text(check: str, lang: str) -> str:
    """What an audit rule checks, in lang (the rule's name when unknown)."""
    return AUDIT.say(f"check_{check}", lang) if f"check_{check}" in AUDIT else check


def key_word(key: str, lang: str) -> str:
    """A key of the data in lang (itself when it is a name both languages keep)."""
    return AUDIT.say(f"name_{key}", lang) if f"name_{key}" in AUDIT else str(key)


def key_words(keys: list[str], sep: str, lang: str) -> str:
    """Keys of the data in lang, joined by sep."""
    return sep.join(key_word(k, lang) for k in keys)
