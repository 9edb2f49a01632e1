"""A generated corpus of bad inputs: every raw and reference file broken in every way seen so far.

Each mutation is run through the command line in-process (asfdata.cli.main) and must give exit code
2, the file and the right line on stderr, no traceback, and leave data/processed byte for byte as it
was. The files saved as other tools save them (BOM, CRLF, ';', Windows-1252, blank lines at the end)
must be accepted and give the same processed bytes: no row lost, no letter mis-decoded. A header
that does not name the contract's columns once each is one problem at line 1 (HEADER_CASES: the
exact lines printed), not one per row.
`python tests/test_mutations.py` prints the corpus's counts.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from asfdata.cli import main
from asfdata.paths import PROCESSED_DIR, RAW_DIR
from asfdata.pipeline import read, validate
from asfdata.pipeline.contract import DATA_SPECS, FORMULA_BEFORE_LETTER, FORMULA_FIRST, REFERENCE_SPECS
from asfdata.pipeline.write import contents

SPECS = {**REFERENCE_SPECS, **DATA_SPECS}
INVENTORY = "inventory.csv"  # checked by `python -m asfdata inventory`, not by the build
FORMULAS = ('=HYPERLINK("http://example.com/x","click")', "+cmd|' /C calc'!A0", "-Sum(A1)", "@SUM(1+1)",
            "\t=1+1")
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
            "period_text, actor, kind, description_en, description_sv, source, source; expected: "
            f"{expected('events.csv')}): {alone.format(n=9)}",)),
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


def tree(folder: Path) -> dict[str, bytes]:
    """Everything under folder by relative path (folders end in '/'; strays count too)."""
    return {str(p.relative_to(folder)) + ("/" if p.is_dir() else ""): b"" if p.is_dir() else p.read_bytes()
            for p in folder.rglob("*")}


COMMITTED = tree(RAW_DIR)
COMMITTED_TEXT = {name: data.decode("utf-8") for name, data in COMMITTED.items() if name.endswith(".csv")}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """One copy of data/raw for the module: each test breaks it and mends it (cheaper than a copy)."""
    raw = tmp_path_factory.mktemp("mutated") / "raw"
    shutil.copytree(RAW_DIR, raw)
    return raw


def mend(raw: Path) -> None:
    """Make raw equal to data/raw again after a mutation (one file rewritten, removed or made a folder)."""
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
        if not (path.is_file() and COMMITTED.get(name) == path.read_bytes()):
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


@pytest.mark.parametrize("case", HEADER_CASES, ids=[c.kind for c in HEADER_CASES])
def test_a_wrong_header_is_one_problem_at_line_1(case, published, raw, capsys):
    before = tree(published.parent)
    for edit in case.edits:
        edit(raw)
    code, printed = run(raw, published, "", capsys)
    assert (code, printed.splitlines()) == (2, [
        f"error: {len(case.problems)} problem(s) in the raw data; nothing was written:",
        *(f"  {p}" for p in case.problems)])
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
            for row in csv.reader(f):
                cells_seen += len(row)
                formulas += [c for c in row if c.startswith(FORMULA_FIRST)
                             or (c[:1] in FORMULA_BEFORE_LETTER and c[1:2].isalpha())]
    assert cells_seen > 1000 and formulas == []


if __name__ == "__main__":
    kinds = {m.kind.split(" in ")[0] for m in CORPUS}
    print(f"{len(CORPUS)} mutations of {len({m.file for m in CORPUS})} files, {len(kinds)} kinds; "
          f"{len(HEADER_CASES)} header cases; {len(DIALECTS)} dialects of all {len(SPECS)} files")
