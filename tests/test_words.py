"""The words: every key once, in both languages, with the same placeholders; chapters' words beside them."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from asfdata.paths import ROOT
from asfdata.render import shared_words

PACKAGE = ROOT / "asfdata"
SHARED_FILE = PACKAGE / "render" / "shared_words.py"
CHAPTER_FILES = sorted((PACKAGE / "chapters").glob("*_words.py"))
WORD_FILES = [SHARED_FILE, *CHAPTER_FILES]
EMPTY_OK: set[tuple[str, str]] = set()  # (key, language) that may be empty


def word_dict(source: str, name: str) -> list[tuple[str, object, int]]:
    """(key, value, line) of every entry of the dict literal assigned to `name`, in source order (duplicates
    kept: Python would silently keep only the last)."""
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == name and isinstance(node.value, ast.Dict):
            return [(ast.literal_eval(k), ast.literal_eval(v), k.lineno)
                    for k, v in zip(node.value.keys, node.value.values, strict=True)]
    raise LookupError(f"no dict literal {name}")


def problems(source: str, name: str) -> list[str]:
    """What is wrong with a words dict: keys twice, a language missing, placeholders that differ."""
    out, seen = [], {}
    for key, value, line in word_dict(source, name):
        if key in seen:
            out.append(f"line {line}: key {key!r} twice (first on line {seen[key]})")
        seen.setdefault(key, line)
        if not (isinstance(value, tuple) and len(value) == 2 and all(isinstance(x, str) for x in value)):
            out.append(f"line {line}: {key!r} is not (English, Swedish)")
            continue
        for lang, text in zip(("en", "sv"), value, strict=True):
            if not text and (key, lang) not in EMPTY_OK:
                out.append(f"line {line}: {key!r} has no {lang} text")
        fields = [{f for _, f, _, _ in string.Formatter().parse(x) if f} for x in value]
        if fields[0] != fields[1]:
            out.append(f"line {line}: {key!r} placeholders differ: {sorted(fields[0])} / {sorted(fields[1])}")
    return out


def dict_name(path: Path) -> str:
    return "SHARED" if path == SHARED_FILE else "WORDS"


def test_the_check_finds_a_key_twice_and_a_missing_language():
    source = 'WORDS = {"a": ("A", "A sv"), "b": ("B", ""), "a": ("A again", "A igen"), "c": ("{n} x", "x")}'
    assert problems(source, "WORDS") == [
        "line 1: 'b' has no sv text",
        "line 1: key 'a' twice (first on line 1)",
        "line 1: 'c' placeholders differ: ['n'] / []",
    ]


@pytest.mark.parametrize("path", WORD_FILES, ids=lambda p: p.name)
def test_every_key_once_in_both_languages_with_the_same_placeholders(path):
    assert problems(path.read_text(encoding="utf-8"), dict_name(path)) == []


def test_a_chapter_never_repeats_a_shared_key():
    for path in CHAPTER_FILES:
        keys = {k for k, _, _ in word_dict(path.read_text(encoding="utf-8"), "WORDS")}
        assert sorted(keys & set(shared_words.SHARED)) == [], path.name


def test_glossary_months_and_periods_in_both_languages():
    study_years = {"base", "before", "after", "reform_year"}  # filled in by asfdata.chapters.summary.glossary
    for term, text in shared_words.GLOSSARY:
        assert all(term) and all(text) and len(term) == len(text) == 2
        for pair in (term, text):
            fields = [{f for _, f, _, _ in string.Formatter().parse(x) if f} for x in pair]
            assert fields[0] == fields[1] and fields[0] <= study_years, pair
    assert [len(m) for m in shared_words.MONTH_NAMES] == [12, 12]
    assert all(shared_words.PERIOD_WORDS.values())


def test_every_chapter_module_has_its_words_beside_it():
    modules = {p.stem for p in (PACKAGE / "chapters").glob("*.py")} - {"__init__", "common"}
    chapters = {m for m in modules if not m.endswith("_words")}
    assert {f"{m}_words" for m in chapters} == modules - chapters
    for m in chapters:
        source = (PACKAGE / "chapters" / f"{m}.py").read_text(encoding="utf-8")
        assert f"from asfdata.chapters.{m}_words import WORDS" in source, m
        assert "t = W.translator(WORDS)" in source, m


def used(key: str, sources: list[str]) -> bool:
    """True when a key is named in quotes in sources, or built there by an f-string with its prefix."""
    quoted = re.compile(rf"[\"']{re.escape(key)}[\"']")
    prefixes = {m for s in sources for m in re.findall(r"f[\"']([a-z_]+)\{", s)}
    return any(quoted.search(s) for s in sources) or any(key.startswith(p) for p in prefixes)


def test_every_word_is_used():
    package = [p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if not p.stem.endswith("_words")]
    unused = [k for k in shared_words.SHARED if not used(k, package)]
    for path in CHAPTER_FILES:
        chapter = [(path.parent / f"{path.stem.removesuffix('_words')}.py").read_text(encoding="utf-8")]
        unused += [f"{path.name}: {k}" for k, _, _ in word_dict(path.read_text(encoding="utf-8"), "WORDS")
                   if not used(k, chapter)]
    assert unused == []
