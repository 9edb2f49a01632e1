"""A generated corpus of bad inputs: every raw and reference file broken in every way seen so far.

Each mutation is run through the command line in-process (asfdata.cli.main) and must give exit code
2, the file and the right line on stderr, no traceback, and leave data/processed byte for byte as it
was. The files saved as other tools save them (BOM, CRLF, ';', Windows-1252, blank lines at the end)
must be accepted and give the same processed bytes: no row lost, no letter mis-decoded. A header
that does not name the contract's columns once each is one problem at line 1 (HEADER_CASES: the
exact lines printed), not one per row. A raw file that is no ordinary file of sane size (a FIFO, a
link to /dev/zero or out of the raw folder, over 50 MB, a line of 10 MB) is one problem (FILE_CASES: the
exact line printed), and a FIFO fails the test by a timer, never hangs it.
`python tests/test_mutations.py` prints the corpus's counts.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from conftest import failing_after

from asfdata import catalogs
from asfdata.cli import main
from asfdata.paths import PROCESSED_DIR, RAW_DIR, ROOT
from asfdata.pipeline import build, read, validate
from asfdata.pipeline.contract import DATA_SPECS, REFERENCE_SPECS, formula_like
from asfdata.pipeline.write import contents
from asfdata.registry import CATALOGS

SPECS = {**REFERENCE_SPECS, **DATA_SPECS}
INVENTORY = "inventory.csv"  # checked by `python -m asfdata inventory`, not by the build
# Every file gets the first and one of the others in turn (OWASP: '=', '+', '-', '@', a tab, unless a number).
FORMULAS = ('=HYPERLINK("http://example.com/x","click")', "+cmd|' /C calc'!A0", "-Sum(A1)", "@SUM(1+1)",
            "\t=1+1", "-1+1", '+1+HYPERLINK("http://example.com/x","click")', "@1+cmd|' /C calc'!A0",
            "+ cmd|' /C calc'!A0", "- a bullet")
UNDEFINED_1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # bytes Windows-1252 leaves undefined
BAD_COUNTS = ("99999999999999999999", "-1", "12a", "1 257", "3.0")  # the first overflows int64
Edit = Callable[[Path], None]  # breaks the file at raw_dir / file


@dataclass(frozen=True)
class Mutation:
    """One way to break one file, and the line the error must name (None: the file as a whole)."""

    kind: str
    file: str
    edit: Edit
    line: int | None

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.file}"


def original(file: str) -> list[str]:
    """The file's lines as committed (UTF-8, LF), without the final line end."""
    return (RAW_DIR / file).read_text(encoding="utf-8").removesuffix("\n").split("\n")


def pick(variants: tuple[str, ...], turn: int) -> str:
    """One of the variants after the first, in turn (each file gets a different one)."""
    return variants[1 + turn % (len(variants) - 1)]


def cells(line: str) -> list[str]:
    """One CSV line's cells."""
    return next(csv.reader([line]))


def joined(values: list[str], sep: str = ",") -> str:
    """Cells as one CSV line."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="").writerow(values)
    return buf.getvalue()


def writes(file: str, lines: list[str], encoding: str = "utf-8") -> Edit:
    """An edit that writes lines (LF, final line end) in encoding."""
    return lambda raw: (raw / file).write_bytes(("\n".join(lines) + "\n").encode(encoding))


def writes_bytes(file: str, data: bytes) -> Edit:
    """An edit that writes bytes."""
    return lambda raw: (raw / file).write_bytes(data)


def with_cell(file: str, line: int, column: str, value: str) -> list[str]:
    """The file's lines with one cell set (line as an editor counts it)."""
    lines = original(file)
    row = cells(lines[line - 1])
    row[cells(lines[0]).index(column)] = value
    lines[line - 1] = joined(row)
    return lines


def replacing(file: str, line: int, text: str) -> Edit:
    """An edit that replaces one line (as an editor counts it)."""
    lines = original(file)
    return writes(file, [*lines[:line - 1], text, *lines[line:]])


def cell_mutation(kind: str, file: str, line: int, column: str, value: str) -> Mutation:
    """One cell set to value; the error must name its line."""
    return Mutation(f"{kind} in {column}", file, writes(file, with_cell(file, line, column, value)), line)


def as_folder(raw: Path, file: str) -> None:
    (raw / file).unlink()
    (raw / file).mkdir()


def structure_mutations(file: str, turn: int) -> list[Mutation]:
    """Breaks of the file as a whole: encodings, structure, the header (turn picks which of the
    undefined bytes this file gets)."""
    lines, data = original(file), (RAW_DIR / file).read_bytes()
    n, at = len(lines), 3  # at: the line broken (every file has a header and two rows at least)
    non_ascii = [i for i, ln in enumerate(lines) if not ln.isascii()]
    out = [
        Mutation("unclosed quote", file, replacing(file, at, lines[at - 1] + ',"Övriga = others'), at),
        Mutation("value over two lines", file, writes(file, [*lines[:at - 1], lines[at - 1] + ',"two',
                                                             'lines"', *lines[at:]]), at),
        Mutation("UTF-16 with BOM", file, writes_bytes(file, data.decode().encode("utf-16")), None),
        Mutation("UTF-16 without BOM", file, writes_bytes(file, data.decode().encode("utf-16-le")), 1),
        Mutation("folder instead of file", file, lambda raw: as_folder(raw, file), None),
        Mutation("missing file", file, lambda raw: (raw / file).unlink(), None),
        Mutation("empty file", file, writes_bytes(file, b""), 1),
        Mutation("header repeated on line 2", file, writes(file, [lines[0], *lines]), 2),
        Mutation("header repeated as last line", file, writes(file, [*lines, lines[0]]), n + 1),
        Mutation("one field too many", file, replacing(file, at, lines[at - 1] + ",extra"), at),
        Mutation("a blank-looking line", file, writes(file, [*lines[:at - 1], "  ", *lines[at - 1:]]), at),
        Mutation("NUL byte", file, replacing(file, at, lines[at - 1] + "\0"), at),
    ]
    row = cells(lines[at - 1])
    if len(row) > 1:
        split = f"{joined(row[:len(row) // 2])}\r{joined(row[len(row) // 2:])}"
        out += [
            Mutation("one field too few", file, replacing(file, at, joined(row[:-1])), at),
            Mutation("CR inside a row", file, replacing(file, at, split), at),
        ]
    if file != INVENTORY:  # in the inventory these are the inventory check's findings (exit 1)
        renamed = joined([*cells(lines[0])[:-1], "other"])
        copied = lines[non_ascii[0] if non_ascii else 1]
        out += [
            Mutation("header only", file, writes(file, lines[:1]), 2),
            Mutation("renamed column", file, writes(file, [renamed, *lines[1:]]), 1),
            Mutation("cp1252 copy appended", file, writes_bytes(file, data + f"{copied}\n".encode("cp1252")),
                     n + 1),
        ]
    if len(non_ascii) > 1:  # the rest of the file stays UTF-8 with letters beyond ASCII
        i = non_ascii[-1]
        mixed = b"\n".join(ln.encode("cp1252" if k == i else "utf-8") for k, ln in enumerate(lines)) + b"\n"
        out.append(Mutation("one line in cp1252", file, writes_bytes(file, mixed), i + 1))
    byte = UNDEFINED_1252[turn % len(UNDEFINED_1252)]
    broken = [ln.encode() for ln in lines]
    broken[at - 1] += bytes([byte])
    out.append(Mutation(f"byte 0x{byte:02X}", file, writes_bytes(file, b"\n".join(broken) + b"\n"), at))
    flagged = next((i + 1 for i, ln in enumerate(lines) if set(ln) & set("äåöéÅü–")), None)
    if flagged:  # Mac Roman's ä, å, ö, é, Å, ü, – are no letters of Swedish text in Windows-1252
        mac = data.decode().encode("mac_roman", errors="replace")
        out.append(Mutation("Mac Roman", file, writes_bytes(file, mac), flagged))
    if non_ascii:
        mojibake = data.decode("cp1252", errors="replace").encode("utf-8")  # UTF-8 read as cp1252, saved
        out.append(Mutation("mojibake saved as UTF-8", file, writes_bytes(file, mojibake), non_ascii[0] + 1))
    return out


def content_mutations(file: str, turn: int) -> list[Mutation]:
    """Breaks of the cells, by the contract's rules for each column (turn picks which of the
    formulas and the wrong counts this file gets besides the first)."""
    spec = next(s for s in SPECS.values() if s.file == file)
    lines, at = original(file), 3
    out = [Mutation("duplicated key", file, writes(file, [*lines, lines[at - 1]]), len(lines) + 1)]
    required = [c for c in spec.columns if c not in (*spec.key, *spec.notes, *spec.nullable, *spec.counts)]
    for c in [*spec.key, *required[:1]]:  # every key column and one other column that must be stated
        out.append(cell_mutation("NA", file, at, c, "NA"))
    for columns in (spec.counts, spec.years, spec.text, tuple(spec.refs)):  # a blank of each rule
        out += [cell_mutation("blank", file, at, c, "") for c in columns[:1]]
    for c in (*spec.years, *(c for c in spec.refs if c.startswith("year"))):
        out += [cell_mutation(f"year {v}", file, at, c, v) for v in ("0", "99999", "20l8")]
    for i, c in enumerate(spec.counts):
        out += [cell_mutation(f"count {v}", file, at, c, v)
                for v in (BAD_COUNTS[0], pick(BAD_COUNTS, turn + i))]
    out += [cell_mutation("unknown value", file, at, c, "Nowhere") for c in spec.refs]
    free = [c for c in (*spec.text, *spec.notes) if c not in spec.key] or list(spec.key)
    out += [cell_mutation(f"formula {f[:5]!r}", file, at, free[0], f)
            for f in (FORMULAS[0], pick(FORMULAS, turn))]
    return out


def semicolons(data: bytes) -> bytes:
    """A file as Swedish Excel saves it: ';' between values, CRLF."""
    lines = data.decode().removesuffix("\n").split("\n")
    return ("\r\n".join(joined(cells(ln), ";") for ln in lines) + "\r\n").encode()


def cp1252(data: bytes) -> bytes:
    """A file in Windows-1252 (as it is when a character is not in Windows-1252, e.g. '−')."""
    try:
        return data.decode().encode("cp1252")
    except UnicodeEncodeError:
        return data


def padded_header(data: bytes) -> bytes:
    """A file whose header has spaces around each name, as a hand-aligned file has them."""
    header, rest = data.decode().split("\n", 1)
    return (",".join(f" {name} " for name in cells(header)) + "\n" + rest).encode()


DIALECTS: dict[str, Callable[[bytes], bytes]] = {  # every file saved as another tool saves it
    "UTF-8 with BOM": lambda data: b"\xef\xbb\xbf" + data,
    "CRLF": lambda data: data.replace(b"\n", b"\r\n"),
    "semicolons and CRLF": semicolons,
    "blank lines at the end": lambda data: data + b"\n\n",
    "Windows-1252": cp1252,
    "spaces around the header's names": padded_header,
}


def corpus() -> list[Mutation]:
    """Every mutation of every raw and reference file (and the structural ones of inventory.csv)."""
    files = [s.file for s in SPECS.values()]
    out = [m for i, f in enumerate(files) for m in structure_mutations(f, i) + content_mutations(f, i)]
    return out + structure_mutations(INVENTORY, len(files))


CORPUS = corpus()


@dataclass(frozen=True)
class HeaderCase:
    """A header that does not name the contract's columns once each, and the problems the build must
    print, exactly, for it: one per file, at line 1, however many rows follow."""

    kind: str
    edits: tuple[Edit, ...]
    problems: tuple[str, ...]


def with_header(file: str, names: list[str]) -> Edit:
    """An edit that writes the file's header as names, its rows as they are."""
    return writes(file, [joined(names), *original(file)[1:]])


def with_column(file: str, column: str, value: str | None) -> Edit:
    """An edit that adds column (with value on every row) to the end of header and rows, or removes it
    from both when value is None."""
    rows = [cells(line) for line in original(file)]
    at = rows[0].index(column) if value is None else len(rows[0])
    for row in rows:
        row[at:at + (value is None)] = [] if value is None else [column if row is rows[0] else value]
    return writes(file, [joined(row) for row in rows])


def expected(file: str) -> str:
    """The contract's columns of file, as a header problem lists them."""
    return ", ".join(SPECS[next(n for n, s in SPECS.items() if s.file == file)].columns)


def header_cases() -> list[HeaderCase]:
    """Headers lacking columns, with unknown, twice-named or nameless ones, differing in case, or
    missing: in data files and reference lists, alone and beside another file's problem."""
    snap = ["year", "measure", "category", "value", "source"]  # lacks 'note'; the rows keep 6 values
    alone = "correct the header line alone, as the rows have {n} values each, one per expected column"
    both = "give the header and every row the expected columns, each once"
    genders = "reference/genders.csv"
    snap_lacks_note = ("snapshots.csv, line 1: the header lacks 'note' (found: year, measure, category, "
                       f"value, source; expected: {expected('snapshots.csv')}): {alone.format(n=6)}")
    return [
        HeaderCase("missing column in snapshots.csv", (with_header("snapshots.csv", snap),),
                   (snap_lacks_note,)),
        HeaderCase("missing column in a reference list, rows too",
                   (with_column("reference/placing_bodies.csv", "report_words", None),), (
            "reference/placing_bodies.csv, line 1: the header lacks 'report_words' (found: placed_by; "
            f"expected: {expected('reference/placing_bodies.csv')}): {both}",)),
        HeaderCase("extra column, rows too", (with_column("claims.csv", "extra", "x"),), (
            "claims.csv, line 1: the header has 'extra', not a column of this file (found: claim_id, "
            "measure, category, gender, municipality, year_from, year_to, value, approximate, source, note, "
            f"extra; expected: {expected('claims.csv')}): {both}",)),
        HeaderCase("column named twice (spaces around it)",
                   (with_header("events.csv", [*cells(original("events.csv")[0])[:-1], " source "]),), (
            "events.csv, line 1: the header lacks 'note'; names 'source' twice (found: year, month, "
            "period_text, actor, kind, description_en, description_sv, source, line, quote_sv, source; "
            f"expected: {expected('events.csv')}): {alone.format(n=11)}",)),
        HeaderCase("header with only some columns",
                   (with_header("funded_outcomes.csv", ["year", "municipality"]),), (
            "funded_outcomes.csv, line 1: the header lacks 'outcome', 'gender', 'count', 'source' and "
            f"'note' (found: year, municipality; expected: {expected('funded_outcomes.csv')}): "
            f"{alone.format(n=7)}",)),
        HeaderCase("column in another case", (with_header("snapshots.csv", [*snap, "Note"]),), (
            "snapshots.csv, line 1: the header has 'Note' for 'note', but names are case-sensitive (found: "
            f"year, measure, category, value, source, Note; expected: {expected('snapshots.csv')}): "
            f"{alone.format(n=6)}",)),
        HeaderCase("nameless columns",
                   (with_header("snapshots.csv", ["year", "measure", "", *snap[3:], ""]),), (
            "snapshots.csv, line 1: the header lacks 'category' and 'note'; leaves columns 3 and 6 without "
            f"a name (found: year, measure, '', value, source, ''; expected: {expected('snapshots.csv')}): "
            f"{alone.format(n=6)}",)),
        HeaderCase("header line deleted", (writes(genders, original(genders)[1:]),), (
            f"{genders}, line 1: the header lacks 'gender' and 'report_words'; has 'women' and 'kvinna; "
            f"kvinnor', not columns of this file (found: women, kvinna; kvinnor; expected: "
            f"{expected(genders)}): if line 1 is a data row, insert the header line gender,report_words "
            f"above it; else {alone.format(n=2)}",)),
        HeaderCase("missing column beside another file's problem", (
            with_header("snapshots.csv", snap),
            writes("events.csv", with_cell("events.csv", 5, "month", "13"))), (
            "events.csv, line 5, column 'month', value '13': not in the reference list (a month 1-12, or NA)",
            snap_lacks_note)),
    ]


HEADER_CASES = header_cases()


@dataclass(frozen=True)
class ReferenceCase:
    """A reference that leads nowhere (between files, or from the code and the words into them), a name that
    names two rows or holds a character that cannot be seen, a formula in the inventory: the problems the
    build must print, each where the reference or the name stands (in any order)."""

    kind: str
    edits: tuple[Edit, ...]
    problems: tuple[str, ...]


def without_row(file: str, first: str) -> Edit:
    """An edit that deletes the row whose first cell is first."""
    lines = original(file)
    return writes(file, [lines[0], *(ln for ln in lines[1:] if cells(ln)[0] != first)])


def setting(file: str, line: int, column: str, value: str) -> Edit:
    """An edit that sets one cell (line as an editor counts it)."""
    return writes(file, with_cell(file, line, column, value))


def line_of(file: str, text: str) -> int:
    """The line (as an editor counts it) of the first row of a raw file holding text."""
    return next(i for i, ln in enumerate(original(file), 1) if text in ln)


def catalog_citations(assumption: str) -> list[str]:
    """Where the words catalogs' texts (en, sv and their plural forms) cite an assumption, as a problem
    names the place: "file, line N, column 'en [key]'"."""
    out = []
    for path in CATALOGS:
        text = path.read_text(encoding="utf-8")
        tables = sorted((line, key) for key, line in catalogs.table_lines(text).items())
        for i, line in enumerate(text.splitlines(), 1):
            if m := re.match(rf"((?:en|sv)(?:\.one|\.other)?) = .*\b{assumption}\b", line):
                key = [k for start, k in tables if start < i][-1]
                out.append(f"{path.relative_to(ROOT)}, line {i}, column '{m.group(1)} [{key}]'")
    return out


def cited_nowhere(assumption: str) -> ReferenceCase:
    """assumptions.csv without an assumption the notes and the words cite: each citation named."""
    cites = (f"value '{assumption}': cites assumption {assumption}, which assumptions.csv does not have: "
             "add its row there, or correct the citation")
    raw = [f"{f}, line {line_of(f, assumption)}, column 'note'"
           for f in ("funded_outcomes.csv", "statements.csv") if assumption in "".join(original(f))]
    return ReferenceCase(f"assumption {assumption} removed, still cited",
                         (without_row("assumptions.csv", assumption),),
                         tuple(f"{where}, {cites}" for where in [*raw, *catalog_citations(assumption)]))


def reference_cases() -> list[ReferenceCase]:
    """Every kind of reference and name the build checks across files (asfdata/pipeline/references.py), and
    the characters and forms a name may not be written in."""
    study = (ROOT / "asfdata/study.py").read_text(encoding="utf-8").splitlines()
    study_line = next(i for i, ln in enumerate(study, 1) if ln.startswith("CLAIM_TRAINING_PARTICIPANTS = "))
    regions, municipalities, outcomes = "reference/regions.csv", "reference/municipalities.csv", \
        "reference/outcomes.csv"
    nfd = unicodedata.normalize("NFD", "Hälsingland")
    unseen = ("a character that cannot be seen: delete it (an id or a name is written in visible characters "
              "and plain spaces)")
    shared = (f"{municipalities}, line 3, column 'report_name', value {{!r}}: also the name of 'Bollnäs' "
              f"(line 2): each of the report's names names one row of {municipalities}; correct one of them")
    bollnas_nfd = unicodedata.normalize("NFD", "Bollnäs kommun")
    return [
        ReferenceCase("outcome without a placement row",
                      (setting("funded_outcomes.csv", 3, "year", "2017"),), (
            "funded_outcomes.csv, line 3, column 'year, municipality', value '2017 / Nordanstigs kommun': no "
            "row of funded_placements.csv for this year and municipality, and an outcome follows places "
            "used: add the places' row there, or correct the year or the municipality",)),
        cited_nowhere("A02"),
        cited_nowhere("A14"),
        ReferenceCase("claim the chapters read removed",
                      (without_row("claims.csv", "training-participants-2018"),), (
            "claims.csv, column 'claim_id', value 'training-participants-2018': the report reads this claim "
            f"(asfdata/study.py, line {study_line}: CLAIM_TRAINING_PARTICIPANTS) and no row has it: add the "
            "claim's row, or correct its id",)),
        ReferenceCase("claim id with a zero-width space",
                      (setting("claims.csv", 20, "claim_id", "funded-unique-individuals\u200b"),), (
            "claims.csv, line 20, column 'claim_id', value 'funded-unique-individuals\\u200b': holds U+200B "
            f"(ZERO WIDTH SPACE), {unseen}",)),
        ReferenceCase("no-break space inside a key",
                      (setting("claims.csv", 13, "claim_id", "training-participants\u00a02018"),), (
            "claims.csv, line 13, column 'claim_id', value 'training-participants\\xa02018': holds U+00A0 "
            f"(NO-BREAK SPACE), {unseen}",)),
        ReferenceCase("word joiner in a reference list's key",
                      (setting(outcomes, 4, "outcome", "back\u2060"),), (
            f"{outcomes}, line 4, column 'outcome', value 'back\\u2060': holds U+2060 (WORD JOINER), "
            f"{unseen}",)),
        ReferenceCase("sum_of names a measure that does not exist",
                      (setting("reference/measures.csv", 6, "sum_of", "employees; staff"),), (
            "reference/measures.csv, line 6, column 'sum_of', value 'employees; staff': a value not in the "
            "reference list (reference/measures.csv; values are joined with '; ')",)),
        ReferenceCase("two municipalities share one report name",
                      (setting(municipalities, 3, "report_name", "Bollnäs kommun"),),
                      (shared.format("Bollnäs kommun"),)),
        ReferenceCase("a report name, decomposed, is another municipality's",
                      (setting(municipalities, 3, "report_name", bollnas_nfd),),
                      (shared.format(bollnas_nfd),)),
        ReferenceCase("a region in NFD beside the same region in NFC",
                      (writes(regions, [*original(regions), nfd]),), (
            f"{regions}, line 4, column 'region', value {nfd!r}: duplicated key (region): the letters of an "
            "earlier row's key, in another Unicode form (decomposed, NFD): one of them is written in two "
            "ways; delete or correct it",)),
        ReferenceCase("a region in NFD in a data file", (setting("snapshots.csv", 3, "category", nfd),), (
            f"snapshots.csv, line 3, column 'category', value {nfd!r}: the letters of a value of 'all' or "
            "reference/regions.csv, genders.csv, placing_bodies.csv, but in another Unicode form "
            "(decomposed, NFD): retype it, or save the file in NFC",)),
        ReferenceCase("a formula in the inventory's words", (setting(INVENTORY, 2, "sentence", "-1+1"),), (
            f"{INVENTORY}, line 2, column 'sentence', value '-1+1': begins like a spreadsheet formula ('=', "
            "'+', '-', '@', a tab or a line end, and is no number): reword it (see data/raw/README.md)",)),
    ]


REFERENCE_CASES = reference_cases()

TEN_MB = 10_000_000  # characters of a line, a header's name or a note, ten times read.MAX_LINE_BYTES
LONG_LINE = ("longer than 1 000 000 bytes, the limit for one line (MAX_LINE_BYTES, asfdata/pipeline/read.py)"
             ": no figure or note is this long; check that this is the right file and line")
NOT_ORDINARY = "not an ordinary file: put the CSV file itself here"


@dataclass(frozen=True)
class FileCase:
    """A raw file that is no ordinary file of sane size (a FIFO, a device, a link out of the raw folder, too
    large, a line too long), and the one problem the build must print, exactly: {raw} stands for the raw
    folder, {elsewhere} for the folder beside it that a link leads to (test_inventory.py has the inventory's
    pointers out of the raw folder)."""

    kind: str
    edit: Edit
    problem: str


def replaced_by(file: str, make: Callable[[Path, Path], None]) -> Edit:
    """An edit that deletes the file and makes something else at its path: make(path, raw)."""
    def edit(raw: Path) -> None:
        (raw / file).unlink()
        make(raw / file, raw)
    return edit


def moved_out(path: Path, raw: Path) -> None:
    """The committed file, copied beside the raw folder and linked to from its place."""
    outside = raw.parent / "elsewhere" / path.name
    outside.parent.mkdir(exist_ok=True)
    shutil.copyfile(RAW_DIR / path.relative_to(raw), outside)
    path.symlink_to(outside)


def lazily(file: str, lines: Callable[[], list[str]]) -> Edit:
    """An edit that writes the file's lines as lines() makes them when it runs (ten megabytes are made only
    for the test that writes them)."""
    return lambda raw: writes(file, lines())(raw)


def file_cases() -> list[FileCase]:
    """Every kind of file the build may not read, or reads only as far as its limit."""
    events, header_file = original("events.csv"), original("funded_outcomes.csv")
    snap = original("snapshots.csv")
    assert cells(snap[0])[-1] == "note" and snap[2].endswith(",")  # line 3's note: the last value, empty
    return [
        FileCase("a FIFO instead of a file", replaced_by("snapshots.csv", lambda path, raw: os.mkfifo(path)),
                 f"snapshots.csv: is a named pipe (FIFO), {NOT_ORDINARY}"),
        FileCase("a link to /dev/zero", replaced_by("reference/regions.csv",
                                                    lambda path, raw: path.symlink_to("/dev/zero")),
                 f"reference/regions.csv: is a link to /dev/zero, a character device, {NOT_ORDINARY}"),
        FileCase("a link out of the raw folder", replaced_by("claims.csv", moved_out),
                 "claims.csv: leads to {elsewhere}/claims.csv, outside the raw folder {raw}: a link may only "
                 "lead to a file of the raw folder; copy the file there instead"),
        FileCase("a file over 50 MB", lambda raw: os.truncate(raw / "events.csv", 50_000_001),  # sparse
                 "events.csv: is 50 000 001 bytes, over the limit of 50 000 000 bytes for a raw file "
                 "(MAX_FILE_BYTES, asfdata/pipeline/read.py): check that this is the right file"),
        FileCase("a 10 MB line", lazily("events.csv", lambda: [*events[:4], "x" * TEN_MB, *events[4:]]),
                 f"events.csv, line 5: {LONG_LINE}"),
        FileCase("a 10 MB header name", lazily(
            "funded_outcomes.csv", lambda: [f'{header_file[0]},"{"h" * TEN_MB}"', *header_file[1:]]),
                 f"funded_outcomes.csv, line 1: {LONG_LINE}"),
        FileCase("a 10 MB note in a valid row",
                 lazily("snapshots.csv", lambda: [*snap[:2], snap[2] + "x" * TEN_MB, *snap[3:]]),
                 f"snapshots.csv, line 3: {LONG_LINE}"),
    ]


FILE_CASES = file_cases()


def tree(folder: Path) -> dict[str, bytes]:
    """Everything under folder by relative path (folders end in '/', links and other files that are no
    ordinary ones, never opened, in '@'; strays count too)."""
    def shown(p: Path) -> tuple[str, bytes]:
        name = str(p.relative_to(folder))
        if p.is_symlink() or not (p.is_dir() or p.is_file()):
            return f"{name}@", b""
        return (f"{name}/", b"") if p.is_dir() else (name, p.read_bytes())

    return dict(shown(p) for p in folder.rglob("*"))


COMMITTED = tree(RAW_DIR)
COMMITTED_TEXT = {name: data.decode("utf-8") for name, data in COMMITTED.items() if name.endswith(".csv")}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """One copy of data/raw for the module: each test breaks it and mends it (cheaper than a copy)."""
    raw = tmp_path_factory.mktemp("mutated") / "raw"
    shutil.copytree(RAW_DIR, raw)
    return raw


def mend(raw: Path) -> None:
    """Make raw equal to data/raw again after a mutation (one file rewritten, removed, made a folder, a link
    or a FIFO)."""
    for path in raw.rglob("*"):
        if path.is_symlink() or not (path.is_dir() or path.is_file()):
            path.unlink()
    for source in RAW_DIR.rglob("*"):
        path = raw / source.relative_to(RAW_DIR)
        if source.is_file() and not (path.is_file() and path.read_bytes() == source.read_bytes()):
            if path.is_dir():
                shutil.rmtree(path)
            shutil.copyfile(source, path)


@pytest.fixture
def raw(scratch) -> Path:
    """The module's copy of data/raw, as committed, for one test to break."""
    assert tree(scratch) == COMMITTED  # the mutation before was mended
    yield scratch
    mend(scratch)


@pytest.fixture(scope="module", autouse=True)
def committed_files_checked_once():
    """Reading a file and checking its cells are functions of its bytes (and of the reference lists): a file
    as committed is parsed once for the module and handed out again (a shallow copy: copy-on-write keeps the
    kept frame as it was), and its cells are checked once per set of reference lists. Each mutation changes
    one file; its build still reads and checks that file, and checks every file against the others, every
    time (the module alone: 16.7 s without these memos, 10.7 s with the first, 8.4 s with both)."""
    parsed: dict[tuple[Path, str], read.RawTable] = {}  # columns: the same for a file
    checked: dict[tuple, list] = {}
    cell_problems = validate.cell_problems

    def read_once(path: Path, name: str, columns: tuple[str, ...] | None = None) -> read.RawTable:
        committed = COMMITTED.get(name)  # a link is read as read_raw reads it, whatever it leads to
        same = (path.is_file() and committed is not None and path.stat().st_size == len(committed)
                and path.read_bytes() == committed)
        if path.is_symlink() or not same:
            return read.read_raw(path, name, columns)
        if (path, name) not in parsed:
            parsed[path, name] = read.read_raw(path, name, columns)
        table = parsed[path, name]
        return replace(table, frame=table.frame.copy(deep=False))

    def check_once(table: read.RawTable, spec, allowed: dict[str, set[str]]) -> list:
        if table.text != COMMITTED_TEXT.get(table.name):
            return cell_problems(table, spec, allowed)
        key = (table.name, tuple(sorted((k, tuple(sorted(v))) for k, v in allowed.items())))
        if key not in checked:
            checked[key] = cell_problems(table, spec, allowed)
        return list(checked[key])

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(validate, "read_raw", read_once)
        mp.setattr(validate, "cell_problems", check_once)
        yield


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A processed folder built from the real raw data, which no bad input may touch."""
    out = tmp_path_factory.mktemp("published") / "processed"
    assert main(["build", "--out", str(out)]) == 0
    return out


def run(raw: Path, out: Path, file: str, capsys) -> tuple[int, str]:
    """The command that reads file, in-process: exit code and everything printed."""
    command = ["inventory", "--raw", str(raw)] if file == INVENTORY else ["build", "--raw", str(raw),
                                                                         "--out", str(out)]
    code = main(command)
    printed = capsys.readouterr()
    return code, printed.out + printed.err


@pytest.mark.parametrize("mutation", CORPUS, ids=[m.id for m in CORPUS])
def test_every_bad_input_is_refused_in_plain_words(mutation, published, raw, capsys):
    before = tree(published.parent)
    mutation.edit(raw)
    code, printed = run(raw, published, mutation.file, capsys)
    assert "Traceback" not in printed
    assert code == 2, printed
    where = mutation.file if mutation.line is None else f"{mutation.file}, line {mutation.line}"
    assert f"  {where}" in printed, printed
    assert tree(published.parent) == before


def build_after(edits, published, raw, capsys) -> tuple[int, list[str]]:
    """The build's exit code and printed lines after the edits of raw; published must be left as it was."""
    before = tree(published.parent)
    for edit in edits:
        edit(raw)
    code, printed = run(raw, published, "", capsys)
    assert tree(published.parent) == before
    return code, printed.splitlines()


@pytest.mark.parametrize("case", HEADER_CASES, ids=[c.kind for c in HEADER_CASES])
def test_a_wrong_header_is_one_problem_at_line_1(case, published, raw, capsys):
    code, lines = build_after(case.edits, published, raw, capsys)
    assert (code, lines) == (2, [
        f"error: {len(case.problems)} problem(s) in the raw data; nothing was written:",
        *(f"  {p}" for p in case.problems)])


@pytest.mark.parametrize("case", REFERENCE_CASES, ids=[c.kind for c in REFERENCE_CASES])
def test_a_broken_reference_is_named_where_it_stands(case, published, raw, capsys):
    code, (first, *listed) = build_after(case.edits, published, raw, capsys)
    assert code == 2
    assert first == f"error: {len(case.problems)} problem(s) in the raw data; nothing was written:"
    assert sorted(listed) == sorted(f"  {p}" for p in case.problems)


@pytest.mark.parametrize("case", FILE_CASES, ids=[c.kind for c in FILE_CASES])
def test_a_file_that_is_no_ordinary_csv_is_one_problem(case, published, raw, capsys):
    before = tree(published.parent)
    case.edit(raw)
    with failing_after(20):
        code, printed = run(raw, published, "", capsys)
    problem = case.problem.format(raw=raw, elsewhere=(raw.parent / "elsewhere").resolve())
    assert (code, printed.splitlines()) == (2, [
        "error: 1 problem(s) in the raw data; nothing was written:", f"  {problem}"])
    assert tree(published.parent) == before


def test_a_processed_cell_read_as_a_formula_stops_the_build(published, monkeypatch, capsys):
    """A formula the raw checks cannot see (made by the build itself) is never published: one line, exit 1."""
    before, made = tree(published.parent), build.chapter_inputs

    def with_formula(raw: dict, raw_dir: Path) -> dict:
        frames = made(raw, raw_dir)
        frames["municipalities"].loc[1, "report_name"] = "@SUM(1+1)"
        return frames

    monkeypatch.setattr(build, "checked_frames", lambda raw, raw_dir: {})  # the audit is not needed here
    monkeypatch.setattr(build, "chapter_inputs", with_formula)
    code = main(["build", "--out", str(published)])
    assert (code, capsys.readouterr().err.splitlines()) == (1, [
        "error: municipalities.csv, line 3, column 'report_name', value '@SUM(1+1)': a cell a spreadsheet "
        "would run as a formula; the raw data passed its checks, so this is a bug of the build: nothing was "
        "written"])
    assert tree(published.parent) == before


@pytest.mark.parametrize("dialect", DIALECTS)
def test_files_as_other_tools_save_them_give_the_same_bytes(dialect, published, tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(RAW_DIR, raw)
    for spec in SPECS.values():
        (raw / spec.file).write_bytes(DIALECTS[dialect]((RAW_DIR / spec.file).read_bytes()))
    out = tmp_path / "processed"
    code, printed = run(raw, out, "", capsys)
    assert code == 0, printed
    assert contents(out) == contents(published)  # no row lost, no letter mis-decoded


def test_no_published_cell_reads_as_a_formula():
    cells_seen, formulas = 0, []
    for path in sorted(PROCESSED_DIR.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            header, *rows = list(csv.reader(f))
        for row in rows:
            cells_seen += len(row)
            formulas += [(path.name, column, cell) for column, cell in zip(header, row, strict=True)
                         if formula_like(cell)]
    assert cells_seen > 1000 and formulas == []


if __name__ == "__main__":
    kinds = {m.kind.split(" in ")[0] for m in CORPUS}
    print(f"{len(CORPUS)} mutations of {len({m.file for m in CORPUS})} files, {len(kinds)} kinds; "
          f"{len(HEADER_CASES)} header cases; {len(REFERENCE_CASES)} reference cases; {len(FILE_CASES)} file "
          f"cases; {len(DIALECTS)} dialects of all {len(SPECS)} files")
