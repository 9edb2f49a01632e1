"""Inventory of every number in the report's text and checks against the raw data."""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from asfdata.paths import RAW_DIR, ROOT
from asfdata.pipeline.contract import DATA_SPECS, PROCESSED_COLUMNS, formula_like
from asfdata.pipeline.errors import InputError, Problem, RawDataError
from asfdata.pipeline.read import decode, file_bytes, read_raw

COLUMNS = (
    "line", "column", "token", "value", "form", "status", "file", "row", "reason", "context", "sentence",
)
STATUSES = ("transcribed", "excluded")
FORMS = ("digits", "words")

INVENTORY_NAME = "inventory.csv"  # in the raw folder; published with each figure's section in data/processed
INVENTORY_PATH = RAW_DIR / INVENTORY_NAME
INTEGER_COLUMNS = ("line", "column", "value")  # digits in every row ("row" too, in a transcribed row)
_WHOLE = re.compile("[0-9]+")
# The report's text is not part of the repository: beside the project, or where ASF_SOURCE says.
SOURCE_ENV = "ASF_SOURCE"
SOURCE_BESIDE = ROOT.parent / "shared" / "source" / "asf-slutrapport-2016-2020.txt"
# The SHA-256 of the text transcribed from (data/raw/README.md records it too; tests/test_cli.py compares).
SOURCE_SHA256 = "a3424262f7d6314131e2a36384d14a45d9ade022c4a2982d44b36020dc887309"

# Spaces that may separate groups of thousands or a number from its percent sign.
_SPACE = "[ \u00a0\u202f]"
# A digit run, or 1-3 digits followed by groups of exactly 3 digits after one space
# ("1 257"); a 4-digit year followed by a count ("2016 34") is never merged.
_DIGITS_RE = re.compile(rf"(?<!\d)(?:\d{{1,3}}(?:{_SPACE}\d{{3}}(?!\d))+|\d+)(?:{_SPACE}?%)?")
# Swedish number words 2-12 as whole words. "en"/"ett" (1) are left out as too ambiguous,
# and "sex" (6) because the report never uses it and it is also a common loanword.
WORD_VALUES = {
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
}
_WORDS_RE = re.compile(r"\b(?:" + "|".join(WORD_VALUES) + r")\b", re.IGNORECASE)
_INTEGER_RE = re.compile(r"[+-]?\d+")
# Where a sentence of the report's text ends: the PDF's lines break inside sentences, so a line end
# alone is no boundary; a bullet, a blank line before a capital or digit, a heading ending in a year,
# or sentence punctuation is.
_SENTENCE_BREAK = re.compile(
    r"(?:\n[ \t]*)+[•-][ \t]+"  # a bullet at the start of a line
    r"|(?:\n[ \t]*){2,}(?=[A-ZÅÄÖ0-9])"  # a blank line before a capital or a digit
    r"|(?<=\d)[ \t]*\n(?=[A-ZÅÄÖ])"  # a heading that ends in a year, then a new line
    r"|(?<=[.!?])[ \t]*\n\s*(?:[•-][ \t]+)?"  # sentence punctuation ending a line, a bullet after it
    r"|(?<=[.!?])\s+(?=[A-ZÅÄÖ])"  # sentence punctuation before a capital
    r"|•[ \t]*"
)


@dataclass(frozen=True)
class Number:
    """A number found in a text, with its 1-based line and column."""

    line: int
    column: int
    token: str
    value: int
    form: str = "digits"


def _digits_value(token: str) -> int:
    """Return the integer value of a digit token such as "1 257" or "50 %"."""
    return int(re.sub(r"\D", "", token))


def split_lines(text: str) -> list[str]:
    """Split text into lines as an editor numbers them (LF or CRLF endings)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def extract_numbers(text: str) -> list[Number]:
    """Return every number in text, written in digits or as a Swedish word, in reading order."""
    found: list[Number] = []
    for line_no, line in enumerate(split_lines(text), start=1):
        for match in _DIGITS_RE.finditer(line):
            token = match.group()
            found.append(Number(line_no, match.start() + 1, token, _digits_value(token), "digits"))
        for match in _WORDS_RE.finditer(line):
            token = match.group()
            value = WORD_VALUES[token.lower()]
            found.append(Number(line_no, match.start() + 1, token, value, "words"))
    found.sort(key=lambda n: (n.line, n.column))
    return found


def context_of(line_text: str, column: int, token: str, width: int = 60) -> str:
    """Return about width characters of the trimmed line around the token at column."""
    text = line_text.strip()
    if len(text) <= width:
        return text
    start = column - 1 - (len(line_text) - len(line_text.lstrip()))
    lo = max(0, min(start + len(token) // 2 - width // 2, len(text) - width))
    hi = lo + width
    slack = 20  # how far a cut may move to fall between words
    if lo > 0:
        space = text.rfind(" ", 0, lo)
        lo = space + 1 if space != -1 and space >= lo - slack else lo
    if hi < len(text):
        space = text.find(" ", hi)
        hi = space if space != -1 and space <= hi + slack else hi
    snippet = text[lo:hi].strip()
    return ("..." if lo > 0 else "") + snippet + ("..." if hi < len(text) else "")


def sentence_of(text: str, line: int, column: int) -> str:
    """The sentence of text around the character at 1-based line and column, on one line."""
    lines = split_lines(text)
    flat = "\n" + "\n".join(lines)  # a leading newline: a bullet on line 1 starts a line too
    offset = sum(len(x) + 1 for x in lines[: line - 1]) + column
    start, end = 0, len(flat)
    for match in _SENTENCE_BREAK.finditer(flat):
        if match.end() <= offset:
            start = match.end()
        elif match.start() >= offset:
            end = match.start()
            break
    return " ".join(flat[start:end].split())


def read_inventory(path: str | Path) -> list[dict[str, str]]:
    """Read an inventory CSV (strictly, as every raw file) into a list of dicts."""
    path = Path(path)
    return read_raw(path, path.name).frame.to_dict("records")


def _label(index: int, row: Mapping[str, str]) -> str:
    """Name an inventory row by its line in inventory.csv and its place in the report."""
    where = f"{row.get('line', '?')}:{row.get('column', '?')} {row.get('token', '')!r}"
    return f"inventory line {index + 2} (report {where})"


def _records_by_line(path: Path, name: str) -> dict[int, list[str]]:
    """Map the editor line of each row of a raw file to its cells (the header is line 1)."""
    table = read_raw(path, name)
    records = {1: list(table.frame.columns)}
    records.update(zip(table.lines(), table.frame.itertuples(index=False), strict=True))
    return records


def _int_cells(cells: Iterable[str]) -> set[int]:
    """Return the cells that are integers ("NA" and text ignored)."""
    return {int(c.strip()) for c in cells if _INTEGER_RE.fullmatch(c.strip())}


def check_inventory(inventory_rows: list[Mapping[str, str]], raw_dir: str | Path) -> list[str]:
    """Return problems with statuses, reasons and raw-file pointers of the inventory rows."""
    raw_dir = Path(raw_dir)
    problems: list[str] = []
    cache: dict[str, dict[int, list[str]] | None] = {}
    for index, row in enumerate(inventory_rows):
        label = _label(index, row)
        missing = [c for c in COLUMNS if c not in row]
        if missing:
            problems.append(f"{label}: missing columns {', '.join(missing)}")
            continue
        status = (row["status"] or "").strip()
        reason = (row["reason"] or "").strip()
        value_text = (row["value"] or "").strip()
        if not _INTEGER_RE.fullmatch(value_text):
            problems.append(f"{label}: value {value_text!r} is not an integer")
        if status == "excluded":
            if not reason:
                problems.append(f"{label}: excluded without a reason")
            continue
        if status != "transcribed":
            problems.append(f"{label}: unknown status {status!r} (expected one of {STATUSES})")
            continue
        if reason:
            problems.append(f"{label}: transcribed but has a reason {reason!r}")
        file_name = (row["file"] or "").strip()
        row_text = (row["row"] or "").strip()
        if not file_name:
            problems.append(f"{label}: transcribed without a file")
            continue
        if not row_text.isdigit() or int(row_text) < 1:
            problems.append(f"{label}: transcribed with row {row_text!r}, not a line number")
            continue
        path = raw_dir / file_name
        if file_name not in cache:
            inside = path.resolve().is_relative_to(raw_dir.resolve())
            cache[file_name] = _records_by_line(path, file_name) if inside and path.is_file() else None
        records = cache[file_name]
        if records is None:
            outside = not path.resolve().is_relative_to(raw_dir.resolve())  # '..', absolute, a link out
            problems.append(f"{label}: raw file {file_name!r} " + (
                f"leads outside {raw_dir}: name a file of the raw folder by its path there, e.g. claims.csv"
                if outside else f"not found under {raw_dir}"))
            continue
        line_no = int(row_text)
        if line_no == 1:
            problems.append(f"{label}: {file_name} line 1 is the header, not a data row")
            continue
        if line_no not in records:
            problems.append(f"{label}: {file_name} has no record starting on line {line_no}")
            continue
        if _INTEGER_RE.fullmatch(value_text) and int(value_text) not in _int_cells(
            records[line_no]
        ):
            problems.append(
                f"{label}: {file_name} line {line_no} has no cell equal to {int(value_text)}"
            )
    return problems


def check_coverage(inventory_rows: list[Mapping[str, str]], source_text: str) -> list[str]:
    """Return problems where inventory rows and the numbers found in the source disagree."""
    problems: list[str] = []
    found = {(n.line, n.column, n.token): n for n in extract_numbers(source_text)}
    keys: Counter[tuple[int, int, str]] = Counter()
    for index, row in enumerate(inventory_rows):
        label = _label(index, row)
        try:
            key = (int(row.get("line", "")), int(row.get("column", "")), row.get("token", ""))
        except ValueError:
            problems.append(f"{label}: line and column must be integers")
            continue
        keys[key] += 1
        number = found.get(key)
        if number is None:
            problems.append(f"{label}: no such number in the source")
            continue
        if row.get("value", "").strip() != str(number.value):
            problems.append(f"{label}: value {row.get('value')!r}, source gives {number.value}")
        if row.get("form", "").strip() != number.form:
            problems.append(f"{label}: form {row.get('form')!r}, source gives {number.form!r}")
        sentence = sentence_of(source_text, number.line, number.column)
        if row.get("sentence", "") != sentence:
            problems.append(f"{label}: sentence {row.get('sentence')!r}, source gives {sentence!r}")
    for key, number in found.items():
        if keys[key] == 0:
            problems.append(
                f"report {number.line}:{number.column} {number.token!r}: no inventory row"
            )
        elif keys[key] > 1:
            problems.append(
                f"report {number.line}:{number.column} {number.token!r}: {keys[key]} inventory rows"
            )
    return problems


def source_path() -> Path | None:
    """The report's text file when it can be found: where ASF_SOURCE says, else beside the project
    (SOURCE_BESIDE); None when it is in neither. InputError when ASF_SOURCE names no file: the file
    beside the project is not read in its place without a word."""
    if os.environ.get(SOURCE_ENV):
        given = Path(os.environ[SOURCE_ENV])
        if not given.is_file():
            raise InputError(f"{SOURCE_ENV}={given} is not a file: point it at the report's text "
                             f"({SOURCE_BESIDE.name}), or unset it to use {SOURCE_BESIDE}")
        return given
    return SOURCE_BESIDE if SOURCE_BESIDE.is_file() else None


def given_source(option: str | None) -> Path | None:
    """The report's text: the file given (--source), else source_path(); InputError when the file given is
    not a file."""
    if not option:
        return source_path()
    if not Path(option).is_file():
        raise InputError(f"--source {option} is not a file: give the report's text ({SOURCE_BESIDE.name})")
    return Path(option)


def source_text(source: Path) -> str:
    """The report's text, read as the raw files are (it may be anywhere)."""
    return decode(file_bytes(source, source.name, folder=Path("/")), source.name)


def source_sha256(source: Path) -> str:
    """The SHA-256 of the report's text file (data/raw/README.md records the one transcribed from)."""
    return hashlib.sha256(file_bytes(source, source.name, folder=Path("/"))).hexdigest()


def sentence_check(source: str, line: int, column: int, token: str, sentence: str) -> str | None:
    """None when the report's text (source) has token at line and column, in sentence; else what it has
    there, in words."""
    lines = split_lines(source)
    if not 1 <= line <= len(lines):
        return f"no line {line} (it has {len(lines)})"
    at = {n.column: n.token for n in extract_numbers(lines[line - 1])}
    said = sentence_of(source, line, column)
    if at.get(column) == token and said == sentence:
        return None
    has = f"{at[column]!r}" if column in at else "no number"
    return f"{has} at {line}:{column}, in {said!r}"


EVENTS_NAME = DATA_SPECS["events"].file


def _one_line(text: str) -> str:
    """text with every run of white space one space, trimmed (the report's text breaks lines in sentences)."""
    return " ".join(text.split())


def quote_check(source: str, line: int, quote: str) -> str | None:
    """None when the report's text (source) has quote starting at line: on it, or running on to the next
    line that holds text (the PDF's text breaks sentences, often with a blank line between); else what the
    text has there, in words."""
    lines = split_lines(source)
    if not 1 <= line <= len(lines):
        return f"no line {line} (it has {len(lines)})"
    here = _one_line(lines[line - 1])
    after = next((_one_line(x) for x in lines[line:] if x.strip()), "")
    at = f"{here} {after}".find(_one_line(quote))
    if quote.strip() and 0 <= at < len(here):
        return None
    return f"line {line} has {here!r}" + (f", then {after!r}" if after else "")


def event_problems(raw_dir: Path, source: str) -> list[Problem]:
    """Each milestone of events.csv whose words (quote_sv) do not stand at its line of the report's text
    (quote_check), at its line of events.csv."""
    table = read_raw(raw_dir / EVENTS_NAME, EVENTS_NAME)
    out = []
    for at, r in zip(table.lines(), table.frame.itertuples(index=False), strict=True):
        line = int(r.line) if _WHOLE.fullmatch(r.line) else 0
        has = quote_check(source, line, r.quote_sv)
        if has is not None:
            out.append(Problem(EVENTS_NAME, at, "line, quote_sv", f"{r.line} / {r.quote_sv}",
                               f"the report's text does not have these words at this line: {has}; correct "
                               "the line or copy the words verbatim"))
    return out


def inventory_problems(inventory: Path, raw_dir: Path, source: Path | None) -> list[str]:
    """Problems of the inventory: its header, its rows against the raw files and, when the report's
    text is given, against every number in it; with the text, the milestones' words (events.csv) too."""
    table = read_raw(inventory, inventory.name)
    rows = table.frame.to_dict("records")
    header = list(table.frame.columns)
    problems = [] if tuple(header) == COLUMNS else [
        f"{inventory.name}: header {header} is not {list(COLUMNS)}"]
    problems += check_inventory(rows, raw_dir)
    if source is not None:
        text = source_text(source)
        problems += check_coverage(rows, text)
        problems += [str(p) for p in event_problems(raw_dir, text)]
    return problems


def record_sections(raw_dir: Path, file_name: str) -> dict[int, str] | None:
    """The report section (column source) of every record of a raw data file, by the line it starts on;
    None when file_name is no data file with a source column."""
    spec = next((s for s in DATA_SPECS.values() if s.file == file_name and "source" in s.columns), None)
    if spec is None:
        return None
    table = read_raw(raw_dir / spec.file, spec.file)
    return dict(zip(table.lines(), table.frame["source"], strict=True))


def row_problems(line_no: int, row: Mapping[str, str], sections: dict[int, str] | None) -> list[Problem]:
    """What keeps one inventory row (at line_no of inventory.csv) from being published: a cell that is not
    a whole number, an unknown form or status, a formula, a transcribed figure whose pointer leads to no
    record (sections: its file's records, None when it is no data file)."""
    out = []

    def bad(column: str, message: str) -> None:
        out.append(Problem(INVENTORY_NAME, line_no, column, row[column], message))

    for c in INTEGER_COLUMNS:
        if not _WHOLE.fullmatch(row[c]):
            bad(c, "not a whole number (write the number's position and value in digits)")
    for c, allowed in (("form", FORMS), ("status", STATUSES)):
        if row[c] not in allowed:
            bad(c, f"not one of {', '.join(allowed)}")
    for c in (c for c in COLUMNS if c not in INTEGER_COLUMNS):  # every cell published as text
        if formula_like(row[c]):
            bad(c, "begins like a spreadsheet formula ('=', '+', '-', '@', a tab or a line end, and is no "
                "number): reword it (see data/raw/README.md)")
    if row["status"] == "transcribed":
        data_files = ", ".join(s.file for s in DATA_SPECS.values() if "source" in s.columns)
        if sections is None:
            bad("file", f"not a data file of the raw folder ({data_files}): name the file the figure is in")
        elif not _WHOLE.fullmatch(row["row"]) or int(row["row"]) not in sections:
            bad("row", f"no record of {row['file']} starts on this line: give the line the figure's record "
                "starts on (python -m asfdata inventory checks every pointer)")
    return out


def published_inventory(raw_dir: Path) -> pd.DataFrame:
    """Every row of raw_dir/inventory.csv as data/processed publishes it, sorted by line and column, with the
    report section of each transcribed figure (the source of the raw record it is on); RawDataError naming
    each row that cannot be published (the inventory command checks the rest: values, reasons, coverage)."""
    table = read_raw(raw_dir / INVENTORY_NAME, INVENTORY_NAME)
    header = tuple(table.frame.columns)
    if header != COLUMNS:
        raise RawDataError([Problem(INVENTORY_NAME, 1, None, None,
                                    f"the header must be {','.join(COLUMNS)}: correct it")])
    rows = table.frame.to_dict("records")
    files = {r["file"] for r in rows if r["status"] == "transcribed"}
    sections = {f: record_sections(raw_dir, f) for f in sorted(files)}
    problems = [p for line_no, r in zip(table.lines(), rows, strict=True)
                for p in row_problems(line_no, r, sections.get(r["file"]))]
    twice = table.frame.duplicated(["line", "column"])
    problems += [Problem(INVENTORY_NAME, int(line_no), "line, column", f"{r['line']} / {r['column']}",
                         "a second row for this number of the report: delete one")
                 for line_no, r, again in zip(table.lines(), rows, twice, strict=True) if again]
    if problems:
        raise RawDataError(problems)
    of_record = {(f, start): s for f, records in sections.items() for start, s in (records or {}).items()}
    frame = table.frame.astype("str")
    transcribed = frame["status"] == "transcribed"
    section = [of_record[f, int(n)] if t else "" for f, n, t in zip(frame["file"], frame["row"], transcribed,
                                                                      strict=True)]
    out = frame.assign(
        section=pd.Series(section, index=frame.index, dtype="str"),
        **{c: frame[c].astype("int64").astype("Int64") for c in INTEGER_COLUMNS},
        row=pd.to_numeric(frame["row"].where(transcribed)).astype("Int64"),
    )
    for c in ("file", "reason", "section"):  # empty: missing, as the processed frames read it
        out[c] = out[c].mask(out[c] == "")
    out = out.sort_values(["line", "column"], kind="stable")
    return out[list(PROCESSED_COLUMNS["inventory"])].reset_index(drop=True)
