"""The words catalogs: every key once, in both languages, with the same placeholders; every key used and
every key asked for there; no Swedish text older than its English; the chapters' catalogs beside them."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys

import pytest

from asfdata import catalogs, registry
from asfdata.catalogs import CatalogError, Entry, english_hash
from asfdata.paths import ROOT

PACKAGE = ROOT / "asfdata"
CATALOGS = {path: catalogs.load(path) for path in registry.CATALOGS}
SHARED = CATALOGS[registry.SHARED_CATALOG]
STUDY_YEARS = {"base", "before", "after", "reform_year"}  # filled in by asfdata.chapters.summary.glossary


def write(tmp_path, text: str):
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    catalogs.load.cache_clear()
    return path


@pytest.mark.parametrize("path", registry.CATALOGS, ids=lambda p: p.name)
def test_every_key_in_both_languages_with_the_same_placeholders(path):
    assert catalogs.problems(CATALOGS[path]) == []


def test_the_checks_find_a_missing_language_differing_placeholders_and_a_raw_no_break_space(tmp_path):
    path = write(tmp_path, '[a]\nen = "A"\nsv = ""\n\n[b]\nen = "{n} x"\nsv = "x"\n\n'
                           '[c]\nen.one = "one"\nen.other = "many"\nsv = "en"\n\n'
                           '[d]\nen = "50\u00a0%"\nsv = "50&nbsp;%"\n')
    catalog = catalogs.load(path)
    assert catalog["d"].en == catalog["d"].sv == "50\u00a0%"  # the entity is the character
    assert catalogs.problems(catalog) == [
        "x.toml:1 [a]: no sv text",
        "x.toml:5 [b]: placeholders differ: ['n'] / []",
        "x.toml:9 [c]: plural forms in one language only",
        "x.toml:15: a no-break space written as itself: write &nbsp;",
    ]


def test_a_key_twice_or_a_table_without_both_languages_is_refused_naming_the_file_and_line(tmp_path):
    with pytest.raises(CatalogError, match=r"x\.toml: Cannot declare \('a',\) twice \(at line 4, column 3\)"):
        catalogs.load(write(tmp_path, '[a]\nen = "A"\nsv = "A sv"\n[a]\nen = "B"\nsv = "B sv"\n'))
    with pytest.raises(CatalogError, match=r"x\.toml:4: \[b\] needs en and sv, and no field but"):
        catalogs.load(write(tmp_path, '[a]\nen = "A"\nsv = "A sv"\n[b]\nen = "B"\nsv = "B sv"\ntypo = "x"\n'))


def test_plural_forms_follow_the_count_by_cldr(tmp_path):
    people = CATALOGS[registry.PEOPLE_CATALOG]
    assert [people.say("places", "en", n) for n in (0, 1, 7)] == ["0 places", "1 place", "7 places"]
    assert [people.say("places", "sv", n) for n in (1, 2)] == ["1 plats", "2 platser"]
    with pytest.raises(TypeError, match="'places' has plural forms: give a count n"):
        people.say("places", "en")


def test_every_fragment_has_a_note_for_its_translator():
    """A text that is not a sentence of its own (its English starts in lower case, a space or a punctuation
    mark) says in a note where it goes: a translator cannot see the sentence around it."""
    bare = [f"{path.name}: {e.key}" for path, catalog in CATALOGS.items() for e in catalog.entries.values()
            if not e.note and not (e.forms("en")[0][:1].isupper() or e.forms("en")[0].startswith("{"))]
    assert bare == []


def test_a_chapter_never_repeats_a_shared_key():
    for c in registry.CHAPTERS:
        assert sorted(set(CATALOGS[c.catalog]) & set(SHARED)) == [], c.catalog.name


def test_glossary_months_and_periods_in_both_languages():
    terms = [e.key.removeprefix("glossary_term_") for e in SHARED.prefixed("glossary_term_")]
    texts = [e.key.removeprefix("glossary_text_") for e in SHARED.prefixed("glossary_text_")]
    assert terms == texts and len(terms) >= 5
    for e in SHARED.prefixed("glossary_"):
        assert catalogs.placeholders(e.form("en")) <= STUDY_YEARS, e.key
    assert [SHARED[f"month_{m}"].en for m in (1, 12)] == ["January", "December"]
    assert [SHARED[f"month_{m}"].sv for m in (1, 12)] == ["januari", "december"]
    assert all(e.key == f"period_{e.form('sv').replace(' ', '_')}" for e in SHARED.prefixed("period_"))


def test_every_chapter_of_the_registry_has_its_notebook_module_catalog_and_title():
    for c in registry.CHAPTERS:
        assert c.notebook_path.is_file() and c.catalog.is_file(), c
        assert (PACKAGE / "chapters" / f"{c.module}.py").is_file() and c.title_key in SHARED, c
        source = (PACKAGE / "chapters" / f"{c.module}.py").read_text(encoding="utf-8")
        assert "catalogs.load(registry.chapter_module(__name__).catalog)" in source, c
    assert sorted(p.name for p in (PACKAGE / "chapters").glob("*.toml")) == sorted(
        c.catalog.name for c in registry.CHAPTERS)


def test_no_words_remain_in_python_modules():
    """No module holds a text pair (English, Swedish) or is a words module; every catalog is registered."""
    pairs = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Tuple) and len(node.elts) == 2
                    and all(isinstance(x, ast.Constant) and isinstance(x.value, str) and " " in x.value
                            for x in node.elts)):
                pairs.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert pairs == [] and sorted(PACKAGE.rglob("*_words.py")) == []
    data = {PACKAGE / "render" / "language.toml"}  # the language tests' word lists, not texts
    assert set(PACKAGE.rglob("*.toml")) == set(registry.CATALOGS) | data


# ---- every key used, and every key asked for there ------------------------------------------------------

def literal_lookups(source: str) -> set[str]:
    """The keys a module asks for by a literal: the first argument of a lookup call."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            fn = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if fn in ("t", "say", "both") and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


def used(key: str, sources: list[str]) -> bool:
    """True when a key is named in quotes in sources, or built there by an f-string with its prefix."""
    quoted = re.compile(rf"[\"']{re.escape(key)}[\"']")
    prefixes = {m for s in sources for m in re.findall(r"f[\"']([A-Za-z_]+_)\{", s)}
    return any(quoted.search(s) for s in sources) or any(key.startswith(p) for p in prefixes)


def sources(*parts: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for part in parts for p in sorted((PACKAGE / part).rglob("*.py"))]


WHO_READS = {  # each shared catalog: the code that reads it
    registry.SHARED_CATALOG: ("render", "chapters", "report"),
    registry.AUDIT_CATALOG: ("pipeline", "chapters"),
    registry.PEOPLE_CATALOG: ("pipeline",),
}


def chapter_sources(c: registry.Chapter) -> list[str]:
    """The source of a chapter's module and of its parts: the modules that load its catalog by its id,
    `catalogs.load(registry.chapter("05").catalog)` (asfdata/chapters/claims_tested.py, chapter 5's)."""
    part = f'catalogs.load(registry.chapter("{c.id}").catalog)'
    others = [p.read_text(encoding="utf-8") for p in sorted((PACKAGE / "chapters").glob("*.py"))]
    return [(PACKAGE / "chapters" / f"{c.module}.py").read_text(encoding="utf-8")] + [
        s for s in others if part in s]


def test_every_key_is_used():
    unused = [f"{path.name}: {k}" for path, parts in WHO_READS.items() for k in CATALOGS[path]
              if not used(k, sources(*parts))]
    for c in registry.CHAPTERS:
        own = chapter_sources(c)
        unused += [f"{c.catalog.name}: {k}" for k in CATALOGS[c.catalog] if not used(k, own)]
    assert unused == []


def test_every_key_asked_for_by_a_literal_is_there():
    missing = []
    for c in registry.CHAPTERS:
        for own in chapter_sources(c):
            missing += [f"{c.module}: {k}" for k in literal_lookups(own)
                        if k not in CATALOGS[c.catalog] and k not in SHARED]
    pipeline = [CATALOGS[registry.AUDIT_CATALOG], CATALOGS[registry.PEOPLE_CATALOG]]
    for part, known in (("render", [SHARED]), ("pipeline", pipeline)):
        for path in sorted((PACKAGE / part).rglob("*.py")):
            missing += [f"{path.name}: {k}" for k in literal_lookups(path.read_text(encoding="utf-8"))
                        if not any(k in cat for cat in known)]
    assert missing == []
    assert literal_lookups('t("a", lang); AUDIT.say("b", lang); x.both("c"); f("d")') == {"a", "b", "c"}


# ---- stale translations ---------------------------------------------------------------------------------


def test_no_swedish_text_is_older_than_its_english():
    """A Swedish text is written from an English one; when the English changes, the Swedish is stale until
    someone reviews it and runs `python -m asfdata words review KEY`."""
    stale = [f"{path.relative_to(ROOT)}: {k}" for path, cat in CATALOGS.items() for k in catalogs.stale(cat)]
    hint = "stale Swedish (review it, then `python -m asfdata words review KEY`):\n"
    assert stale == [], hint + "\n".join(stale)


def test_a_changed_english_text_makes_its_swedish_stale_until_reviewed(tmp_path):
    path = tmp_path / "x.toml"
    en = "People placed fell most"
    path.write_text(f'[a]\nen = "{en}"\nsv = "Placerade minskade mest"\nsv_from = "{english_hash(en)}"\n\n'
                    '[b]\nen = "B"\nsv = "B sv"\n', encoding="utf-8")
    catalogs.load.cache_clear()
    assert catalogs.stale(catalogs.load(path)) == ["b"]  # never reviewed
    path.write_text(path.read_text(encoding="utf-8").replace("fell most", "dropped most"), encoding="utf-8")
    catalogs.load.cache_clear()
    assert catalogs.stale(catalogs.load(path)) == ["a", "b"]
    assert catalogs.review(path, "a") == english_hash("People placed dropped most")
    assert catalogs.review(path, "b") == english_hash("B")
    assert catalogs.stale(catalogs.load(path)) == []
    assert path.read_text(encoding="utf-8").count("sv_from") == 2


# ---- words find, words review ----------------------------------------------------------------------------


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "asfdata", "words", *args], capture_output=True, text=True,
                          cwd=cwd)


def test_find_a_sentence_a_reader_saw_with_other_numbers_and_names():
    everything = list(CATALOGS.values())
    placements = CATALOGS[registry.chapter("02").catalog]

    def keys(phrase):
        return [e.key for _, e in catalogs.find(phrase, everything)]

    # the reader's sentence as shown, its placeholders filled in with numbers and words
    sentence = "From autumn 2017 to autumn 2018: placements by Kommunen rose from 65 to 74"
    # the heading "From autumn 2017 to autumn 2018" and the summary's finding on the same autumns rank too
    assert "finding_change_year" in keys(sentence)[:3]
    shown = placements.say("title_placements", "sv", verb="minskade", a="243", s_a="244", b="117", ya=2018,
                           yb=2020)
    assert keys(shown)[0] == "title_placements"
    assert keys(shown.replace("244", "1 257"))[0] == "title_placements"  # other numbers
    assert keys("fell most") and keys("minskade mest")  # a part, in either language
    assert keys("zebras quarrel over violins") == []  # no text holds three of these words


def test_words_find_prints_key_file_and_both_languages():
    done = run("find", "Rangordnat efter den procentuella förändringen")
    assert done.returncode == 0, done.stderr
    head = done.stdout.splitlines()[0]
    assert head == "finding_fell_most  asfdata/chapters/placements.toml:" + str(
        CATALOGS[registry.chapter("02").catalog]["finding_fell_most"].line)
    assert "  en: Ranked by the percentage change" in done.stdout and "  sv: Rangordnat efter" in done.stdout
    missing = run("find", "zebras quarrel over violins")
    assert (missing.returncode, missing.stdout) == (1, "") and "no text holds" in missing.stderr


def test_words_stale_and_review_in_a_copy_of_the_package(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "asfdata", ignore=shutil.ignore_patterns("__pycache__"))
    path = tmp_path / "asfdata" / "chapters" / "placements.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("fell most", "dropped most"), encoding="utf-8")

    def words(*args: str) -> subprocess.CompletedProcess:  # the copy's package: its catalogs, its ROOT
        code = "import sys; sys.path.insert(0, ''); from asfdata import cli; "
        code += f"sys.exit(cli.main({list(args)}))"
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)

    stale = words("words", "stale")
    assert (stale.returncode, stale.stdout) == (1, "asfdata/chapters/placements.toml: finding_fell_most\n")
    done = words("words", "review", "finding_fell_most")
    new = english_hash(catalogs.load.__wrapped__(path)["finding_fell_most"].en)
    assert done.returncode == 0 and done.stdout == (
        f"asfdata/chapters/placements.toml: finding_fell_most reviewed (sv_from = {new})\n")
    assert words("words", "stale").returncode == 0
    bad = words("words", "review", "no_such_key")
    assert (bad.returncode, bad.stderr) == (2, "words: no catalog has the key 'no_such_key'\n")


def test_an_entry_reads_its_forms():
    e = Entry("k", {"one": "{n} place", "other": "{n} places"}, {"one": "{n} plats", "other": "{n} platser"})
    assert e.forms("sv") == ("{n} plats", "{n} platser") and e.form("en", 2) == "{n} places"
