"""The words catalogs: every text a reader sees, English and Swedish side by side, in TOML files beside the
code that shows them; one loader, one lookup, the checks that keep them whole.

A catalog is a TOML file (read by the standard library's tomllib). Each table is one text:

    [finding_fell_most]
    note = "{then} is ', then …' or nothing"        # optional: context for a translator
    en = "Ranked by the percent change …, {first} fell most …"
    sv = "Rangordnat efter den procentuella förändringen …"
    sv_from = "3f2a9c1e"        # the English the Swedish was written from (a short hash): see `stale`

- One text per line. A text may hold named placeholders ({name}), the same in both languages.
- A no-break space (U+00A0) is written `&nbsp;`, the one entity; every other character is itself.
- A text that varies with a count has CLDR plural forms, chosen by Babel for the count:
  `en.one`, `en.other`, `sv.one`, `sv.other`.
- A table's name is its key; TOML refuses a key twice.

`python -m asfdata words find "phrase"` finds the key of any text; `python -m asfdata words review KEY`
records that the Swedish of KEY was checked against its current English.
"""

from __future__ import annotations

import functools
import hashlib
import re
import string
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from asfdata.paths import ROOT

LANGS = ("en", "sv")
ENTITIES = {"&nbsp;": "\u00a0"}  # the one entity a catalog may hold, and the character it stands for
FIELDS = frozenset({"en", "sv", "note", "sv_from", "avoid"})  # avoid: the terminology's misleading words
Text = str | dict[str, str]  # one text, or its plural forms by CLDR category ('one', 'other')


class CatalogError(ValueError):
    """A catalog that cannot be read: its file, and what is wrong where."""


@dataclass(frozen=True)
class Entry:
    """One text of a catalog: its key, English and Swedish, a note, and the hash of the English the Swedish
    was written from."""

    key: str
    en: Text
    sv: Text
    note: str = ""
    sv_from: str = ""
    avoid: tuple[str, ...] = ()
    line: int = 0  # the line of its table in the file

    def form(self, lang: str, n: float | None = None) -> str:
        """The text in lang; for plural forms, the one Babel's CLDR rules give for n."""
        text = self.en if check_lang(lang) == 0 else self.sv
        if isinstance(text, str):
            return text
        if n is None:
            raise TypeError(f"{self.key!r} has plural forms: give a count n")
        return text[Locale.parse(lang).plural_form(n)]

    def forms(self, lang: str) -> tuple[str, ...]:
        """Every form of the text in lang (one, or each plural form)."""
        text = self.en if check_lang(lang) == 0 else self.sv
        return (text,) if isinstance(text, str) else tuple(text.values())


@dataclass(frozen=True)
class Catalog:
    """The entries of one catalog file, by key, in file order."""

    path: Path
    entries: dict[str, Entry]

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def say(self, key: str, lang: str, n: float | None = None, **values) -> str:
        """The text of key in lang, placeholders filled in (n chooses a plural form and fills {n})."""
        text = self.entries[key].form(lang, n)
        if n is not None:
            values["n"] = n
        return text.format(**values) if values else text

    def both(self, key: str, **values) -> tuple[str, str]:
        """(English, Swedish) of key; a value that is a function is called with the language."""
        en, sv = (self.say(key, lang, **{k: v(lang) if callable(v) else v for k, v in values.items()})
                  for lang in LANGS)
        return en, sv

    def prefixed(self, prefix: str) -> list[Entry]:
        """The entries whose keys start with prefix, in file order."""
        return [e for k, e in self.entries.items() if k.startswith(prefix)]


def check_lang(lang: str) -> int:
    """Index of a language in LANGS (0 English, 1 Swedish); ValueError for any other."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    return LANGS.index(lang)


def unescape(text: str) -> str:
    """A catalog's text with its entities made characters."""
    for entity, char in ENTITIES.items():
        text = text.replace(entity, char)
    return text


def english_hash(entry_en: Text) -> str:
    """The short hash (8 hex digits of SHA-256) of an English text, or of its plural forms in order."""
    text = entry_en if isinstance(entry_en, str) else "\n".join(f"{k}={v}" for k, v in entry_en.items())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


@functools.cache
def load(path: Path) -> Catalog:
    """The catalog in path (cached per process); CatalogError names the file and what is wrong."""
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise CatalogError(f"{where}: {err}") from None
    lines = table_lines(raw)
    entries = {}
    for key, table in data.items():
        line = lines.get(key, 0)
        if not isinstance(table, dict) or not {"en", "sv"} <= table.keys() or table.keys() - FIELDS:
            raise CatalogError(f"{where}:{line}: [{key}] needs en and sv, and no field but {sorted(FIELDS)}")
        en, sv = (_text(table[lang], f"{where}:{line}: [{key}] {lang}") for lang in LANGS)
        entries[key] = Entry(key, en, sv, table.get("note", ""), table.get("sv_from", ""),
                             tuple(table.get("avoid", ())), line)
    return Catalog(path, entries)


def _text(value: object, where: str) -> Text:
    """A text or its plural forms, entities made characters."""
    if isinstance(value, str):
        return unescape(value)
    if isinstance(value, dict) and set(value) == {"one", "other"}\
            and all(isinstance(v, str) for v in value.values()):
        return {k: unescape(value[k]) for k in ("one", "other")}
    raise CatalogError(f"{where}: a text, or plural forms one and other")


KEY_LINE = re.compile(r"""^\[(?:"((?:[^"\\]|\\.)*)"|([A-Za-z0-9_-]+))\]\s*(?:#.*)?$""")


def table_lines(raw: str) -> dict[str, int]:
    """The line (from 1) of every table header in a catalog, by key."""
    out = {}
    for i, line in enumerate(raw.splitlines(), 1):
        m = KEY_LINE.match(line)
        if m:
            out[m.group(2) or tomllib.loads(f'k = "{m.group(1)}"')["k"]] = i
    return out


def placeholders(text: str) -> set[str]:
    """The names of a text's placeholders."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def problems(catalog: Catalog, empty_ok: frozenset[tuple[str, str]] = frozenset()) -> list[str]:
    """What is wrong inside one catalog: a text missing, placeholders that differ between the languages,
    plural forms in one language only, a raw no-break space (write &nbsp;)."""
    out, where = [], catalog.path.name
    for e in catalog.entries.values():
        at = f"{where}:{e.line} [{e.key}]"
        if isinstance(e.en, str) != isinstance(e.sv, str):
            out.append(f"{at}: plural forms in one language only")
        for lang in LANGS:
            if any(not text for text in e.forms(lang)) and (e.key, lang) not in empty_ok:
                out.append(f"{at}: no {lang} text")
        fields = [set().union(*map(placeholders, e.forms(lang))) for lang in LANGS]
        if fields[0] != fields[1]:
            out.append(f"{at}: placeholders differ: {sorted(fields[0])} / {sorted(fields[1])}")
    raw = catalog.path.read_text(encoding="utf-8")
    out += [f"{where}:{i}: a no-break space written as itself: write &nbsp;"
            for i, line in enumerate(raw.splitlines(), 1) if "\u00a0" in line]
    return out


def stale(catalog: Catalog) -> list[str]:
    """The keys whose Swedish was written from another English than today's (sv_from differs)."""
    return [k for k, e in catalog.entries.items() if e.sv_from != english_hash(e.en)]


def review(path: Path, key: str) -> str:
    """Record in the catalog file that the Swedish of key was checked against its current English (its sv_from
    set to the English's hash); returns the hash. KeyError when the catalog has no such key."""
    entry = load(path)[key]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    new = english_hash(entry.en)
    end = next((i for i in range(entry.line, len(lines)) if lines[i].startswith("[")), len(lines))
    at = [i for i in range(entry.line, end) if lines[i].startswith("sv_from")]
    line = f'sv_from = "{new}"\n'
    if at:
        lines[at[0]] = line
    else:
        last = max(i for i in range(entry.line - 1, end) if lines[i].strip())
        lines.insert(last + 1, line)
    path.write_text("".join(lines), encoding="utf-8")
    load.cache_clear()
    return new


WILD = "\x00"  # a placeholder among a text's words


def words_of(text: str) -> list[str]:
    """A text as `find` compares it: its words, case folded, numbers left out, each placeholder one WILD."""
    return re.findall(r"\x00|[^\W\d_]+", re.sub(r"\{[^}]*\}", f" {WILD} ", text).casefold())


def match_score(phrase: list[str], template: list[str]) -> int:
    """How many of phrase's words a template's own words give, when phrase is read as part of a sentence made
    from the template (a placeholder may stand for any words, or none); -1 when it cannot be."""
    def closure(states: dict[int, int]) -> dict[int, int]:
        for s in sorted(states):
            while s < len(template) and template[s] == WILD:
                states[s + 1] = max(states.get(s + 1, -1), states[s])
                s += 1
        return states

    states = closure(dict.fromkeys(range(len(template) + 1), 0))
    for word in phrase:
        new: dict[int, int] = {}
        for s, got in states.items():
            if s < len(template) and template[s] == WILD:
                new[s] = max(new.get(s, -1), got)
            elif s < len(template) and template[s] == word:
                new[s + 1] = max(new.get(s + 1, -1), got + 1)
        if not new:
            return -1
        states = closure(new)
    return max(states.values())


def find(phrase: str, catalogs: list[Catalog]) -> list[tuple[Catalog, Entry]]:
    """The entries a phrase a reader saw comes from, in either language, best first: the phrase may be part of
    the text, and its numbers and the names or words filled into placeholders may differ; at least three of
    its words (all, when it has fewer) and a quarter of them must be the text's own."""
    wanted = words_of(phrase)
    found: list[tuple[tuple[int, float], int, Catalog, Entry]] = []
    for catalog in catalogs:
        for entry in catalog.entries.values():
            texts = [words_of(t) for lang in LANGS for t in entry.forms(lang)]
            best = max(rank(wanted, t) for t in texts)
            if best[0] >= max(min(3, len(wanted)), len(wanted) / 4, 1):
                found.append((best, len(found), catalog, entry))
    found.sort(key=lambda x: (-x[0][0], -x[0][1], x[1]))
    return [(c, e) for _, _, c, e in found]


def rank(phrase: list[str], template: list[str]) -> tuple[int, float]:
    """How well phrase fits a template: the words it shares with the template's own, then the share of the
    template's own words it gives (a template the phrase gives whole ranks before one it gives in part)."""
    own = [w for w in template if w != WILD]
    if not set(phrase) & set(own):
        return -1, 0.0
    score = match_score(phrase, template)
    return score, score / len(own)
