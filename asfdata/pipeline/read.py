"""Reading a raw CSV file strictly: one encoding for the whole file, one line per row, cells as text.

Every raw and reference file goes through read_raw. What Excel may save is accepted (`;` as the
separator, UTF-8 with a BOM, Windows-1252, CRLF line ends); anything that could change the data
unseen is refused with the file, the line and what to do: mixed or unknown encodings, text that was
already mis-decoded, a quoted value running past its line, a row with too few or too many values,
the header repeated as data. A header that does not name the contract's columns, each once, is one
problem at line 1 (missing, unknown, twice-named and nameless columns; names differing only in
case), and its rows are not checked against it: the header is what is wrong, not every row.
Spaces around a name are ignored, as around a cell.

Only an ordinary file of sane size is opened (file_bytes): what is not one (a FIFO, a device, a socket,
a folder) is refused from its os.stat, before anything is opened, so a FIFO cannot hang a build and
/dev/zero cannot fill the memory. A raw file may be a symbolic link only to an ordinary file inside
the folder its name is relative to (data/raw, or the folder given as --raw): a link from data/raw to
data/raw/reference is read, a link out of it is refused, as a link elsewhere would make the data
depend on files the repository does not hold. A file over MAX_FILE_BYTES and a line over
MAX_LINE_BYTES (a value never spans lines, so no value is longer) are refused with the file, the line
and the limit, the lines found in the bytes before they are decoded (a line has no more characters
than bytes); the csv module's own limit is raised to MAX_LINE_BYTES, so its "field larger than field
limit" error cannot surface, and Arrow parses blocks that hold the longest line.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from asfdata.pipeline.errors import SHOWN_PER_KIND, Problem, RawDataError, count, of_kind

UTF8_BOM = b"\xef\xbb\xbf"
WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 and UTF-32, as Excel's "Unicode text" saves
SAVE_AS = "save the file as CSV UTF-8 (Excel: Save As, 'CSV UTF-8')"
BAD_BYTE = re.compile("[\udc80-\udcff]")  # an undecodable byte, kept by errors="surrogateescape"
NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
# Windows-1252 letters Swedish text never uses, which other encodings' letters turn into
# (Mac Roman's ä, å, ö, é, ü, – are Windows-1252's Š, Œ, š, Ž, Ÿ, Ð).
FOREIGN_1252 = re.compile("[ƒˆ‰Š‹ŒŽ˜š›œžŸ†‡Ð]")
# UTF-8 text that was once read as Windows-1252 or Latin-1: 'Ã¶' for 'ö', 'â€“' for '–'.
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"  # noqa: E501
MOJIBAKE = re.compile(f"[ÃÂ][{_CONTINUATION}]|â€[{_CONTINUATION}]")
QUOTE = '"'
THREADED = 1 << 20  # characters from which Arrow reads with threads (for less, waking them costs more)
# Limits of a raw file, in bytes: its size (data/raw's largest is 36 kB; benchmarks/generate.py's 10^6 rows
# write 33 MB at most) and a line's (data/raw's longest is 1 524 characters).
MAX_FILE_BYTES = 50_000_000  # 50 MB
MAX_LINE_BYTES = 1_000_000  # 1 MB
ARROW_BLOCK = 1 << 20  # bytes Arrow's CSV reader parses at a time (its default); a longer line needs more
csv.field_size_limit(max(csv.field_size_limit(), MAX_LINE_BYTES))  # a value is no longer than its line
# What os.stat finds where a raw file should be, when it is not an ordinary file or a folder.
SPECIAL_FILES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                 (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def where_found(text: str, pattern: re.Pattern) -> tuple[list[tuple[int, int, str]], int]:
    """(line, character, match) of pattern's first match on each of the first lines it occurs on
    (at most SHOWN_PER_KIND), and on how many lines it occurs; text has LF line ends."""
    found: list[tuple[int, int, str]] = []
    n_lines, line, pos, last = 0, 1, 0, 0
    for m in pattern.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        if line != last:
            n_lines, last = n_lines + 1, line
            if len(found) < SHOWN_PER_KIND:
                found.append((line, m.start() - text.rfind("\n", 0, m.start()), m.group()))
    return found, n_lines


def line_problems(name: str, text: str, pattern: re.Pattern, message: str, shown) -> list[Problem]:
    """One problem per line where pattern occurs, located by line and character; shown(match)
    names the match (e.g. its byte)."""
    found, n = where_found(text, pattern)
    return of_kind([Problem(name, line, None, None, message, at=f"character {col} ({shown(m)})")
                    for line, col, m in found], n)


def escaped_byte(m: str) -> str:
    """The byte an undecodable character stands for, e.g. 'byte 0xF6'."""
    return f"byte 0x{ord(m) - 0xDC00:02X}"


def lf(text: str) -> str:
    """Text with LF line ends (CRLF and CR become LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def decode(data: bytes, name: str) -> str:
    """The text of a file in one encoding, LF line ends: UTF-8 (with or without BOM), else
    Windows-1252 when the whole file is that and not UTF-8; else RawDataError naming each line
    and byte that break it."""
    if data.startswith(WIDE_BOMS):
        raise RawDataError([Problem(name, None, None, None, f"saved as UTF-16 (Unicode text); {SAVE_AS}")])
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        raise RawDataError([Problem(name, line, None, None,
                                    f"a NUL byte: not a text file (UTF-16?); {SAVE_AS}")])
    data = data.removeprefix(UTF8_BOM)
    try:
        text = lf(data.decode("utf-8"))
    except UnicodeDecodeError:
        text = lf(data.decode("utf-8", errors="surrogateescape"))
        if NON_ASCII.search(text):  # mostly UTF-8: the bytes that are not break it
            raise RawDataError(line_problems(
                name, text, BAD_BYTE, "not UTF-8, while the rest of the file is: text pasted or "
                f"saved in another encoding (Windows-1252?); {SAVE_AS}", escaped_byte)) from None
        text = lf(data.decode("cp1252", errors="surrogateescape"))
        problems = line_problems(name, text, BAD_BYTE, "a byte that is neither UTF-8 nor Windows-1252 "
                                 f"(Mac Roman?); {SAVE_AS}", escaped_byte)
        problems += line_problems(
            name, text, FOREIGN_1252, "read as Windows-1252 this is a letter Swedish text does not "
            f"use: the file is in another encoding (Mac Roman?); {SAVE_AS}",
            lambda m: f"byte 0x{m.encode('cp1252')[0]:02X} = {m!r}")
        if problems:
            raise RawDataError(problems) from None
    problems = line_problems(name, text, MOJIBAKE, "mis-decoded text (as 'Ã¶' is 'ö' read in the "
                             "wrong encoding): retype the letters from the report", repr)
    if problems:
        raise RawDataError(problems)
    return text


def sniff_separator(header: str) -> str:
    """';' for files saved by Swedish Excel, else ','."""
    return ";" if header.count(";") > header.count(",") else ","


@dataclass(frozen=True)
class RawTable:
    """A raw file read as text cells, with what is needed to point back into it."""

    name: str  # path as shown in messages, relative to data/raw
    frame: pd.DataFrame  # every cell a stripped string (Arrow-backed); no missing values
    text: str  # the decoded file, LF line ends
    separator: str
    row_lines: np.ndarray  # editor line of each data row (the header is line 1)
    cells: pa.Table  # the frame's cells as Arrow columns, for vectorised checks

    def lines(self) -> list[int]:
        """Editor line number of each data row."""
        return self.row_lines.tolist()


def folder_of(path: Path, name: str) -> Path:
    """The folder name is relative to: path without name's parts at its end ('reference/genders.csv' in
    data/raw), else path's own folder."""
    parts = Path(name).parts
    if 0 < len(parts) < len(path.parts) and path.parts[-len(parts):] == parts:
        return Path(*path.parts[:-len(parts)])
    return path.parent


def not_ordinary(path: Path, folder: Path) -> str | None:
    """Why path may not be read as a raw file, from os.stat alone (nothing is opened): missing, a folder,
    a FIFO, a device or a socket, a link out of folder, over MAX_FILE_BYTES; None when it may."""
    try:
        info = os.stat(path)  # follows links, as opening would
    except (FileNotFoundError, NotADirectoryError):
        if path.is_symlink():
            return f"is a link to {path.resolve()}, which does not exist: put the CSV file itself here"
        return "file is missing"
    except OSError as err:
        return f"cannot be read ({err.strerror})"
    link = f"is a link to {path.resolve()}, " if path.is_symlink() else "is "
    if stat.S_ISDIR(info.st_mode):
        return f"{link}a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        kind = next((kind for test, kind in SPECIAL_FILES if test(info.st_mode)), "a special file")
        return f"{link}{kind}, not an ordinary file: put the CSV file itself here"
    if not path.resolve().is_relative_to(folder.resolve()):
        return (f"leads to {path.resolve()}, outside the raw folder {folder}: a link may only lead to a "
                "file of the raw folder; copy the file there instead")
    if info.st_size > MAX_FILE_BYTES:
        return (f"is {count(info.st_size)} bytes, over the limit of {count(MAX_FILE_BYTES)} bytes for a raw "
                "file (MAX_FILE_BYTES, asfdata/pipeline/read.py): check that this is the right file")
    return None


def file_bytes(path: Path, name: str, folder: Path | None = None) -> bytes:
    """A raw file's bytes; RawDataError when it is not an ordinary file of sane size inside folder (by
    default the one name is relative to: folder_of), checked before it is opened (not_ordinary)."""
    folder = folder_of(path, name) if folder is None else folder
    message = not_ordinary(path, folder)
    if message is None:
        try:  # non-blocking: a FIFO put here since the check cannot hold up the open
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError as err:
            message = f"cannot be read ({err.strerror})"
        else:
            with open(fd, "rb") as f:
                if stat.S_ISREG(os.fstat(fd).st_mode):
                    data = f.read(MAX_FILE_BYTES + 1)
                    if len(data) <= MAX_FILE_BYTES:
                        return data
            message = "changed while it was read (it is no ordinary file, or grew over the limit): run again"
    raise RawDataError([Problem(name, None, None, None, message)])


def rows_problems(name: str, where: np.ndarray, line_of: np.ndarray, message: str) -> list[Problem]:
    """Problems of one kind at the lines where a mask over the data lines is true."""
    hits = line_of[where]
    return of_kind([Problem(name, int(line), None, None, message) for line in hits[:SHOWN_PER_KIND]],
                   len(hits))


def field_counts(body: pa.Array, quotes: np.ndarray, sep: str) -> np.ndarray:
    """Values on each data line: separators + 1, counted by the csv module on lines with quotes."""
    counts = pc.count_substring(body, sep).to_numpy(zero_copy_only=False) + 1
    quoted = np.flatnonzero(quotes > 0)
    if len(quoted):
        lines = body.take(pa.array(quoted)).to_pylist()
        counts[quoted] = [len(row) for row in csv.reader(lines, delimiter=sep)]
    return counts


def header_problems(name: str, header_line: str, header: list[str], check_names: bool) -> list[Problem]:
    """The header line: not blank, quotes closed; with check_names (when there are no expected columns
    for header_faults to check the names against), every column named once."""
    if not header_line.strip():
        return [Problem(name, 1, None, None, "the first line is blank (expected the header)")]
    out = []
    if header_line.count(QUOTE) % 2:
        out.append(Problem(name, 1, None, None, "a quote that is not closed on this line"))
    for i, col in enumerate(header if check_names else []):
        if not col:
            out.append(Problem(name, 1, None, None, f"column {i + 1} has no name"))
        elif col in header[:i]:
            out.append(Problem(name, 1, col, None, "column named twice in the header"))
    return out


def listed(items: list[str]) -> str:
    """Items as an English list: 'a'; 'a and b'; 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def quoted(names: list[str]) -> str:
    """Names in quotes as an English list, e.g. "'value' and 'note'"."""
    return listed([f"'{n}'" for n in names])


def header_faults(header: list[str], expected: tuple[str, ...]) -> list[str]:
    """What keeps a header from naming each expected column once, in words (empty: nothing). Names
    are compared exactly, as read (spaces around them stripped); one differing only in case is named
    as such."""
    folded = {c.casefold(): c for c in expected}
    seen: set[str] = set()
    twice: dict[str, None] = {}  # in order of the header, each name once
    nameless, unknown, cased = [], [], {}
    for i, col in enumerate(header):
        if not col:
            nameless.append(str(i + 1))
        elif col in seen:
            twice[col] = None
        elif col not in expected and col.casefold() in folded:
            cased[col] = folded[col.casefold()]
        elif col not in expected:
            unknown.append(col)
        seen.add(col)
    missing = [c for c in expected if c not in seen and c not in cased.values()]
    faults = [f"lacks {quoted(missing)}"] if missing else []
    if unknown:
        faults.append(f"has {quoted(unknown)}, not {'a column' if len(unknown) == 1 else 'columns'} "
                      "of this file")
    if cased:
        faults.append(f"has {listed([f'{quoted([c])} for {quoted([e])}' for c, e in cased.items()])}, "
                      "but names are case-sensitive")
    if twice:
        faults.append(f"names {quoted(list(twice))} twice")
    if nameless:
        faults.append(f"leaves column{'s' if len(nameless) > 1 else ''} {listed(nameless)} without a name")
    return faults


def header_problem(name: str, header: list[str], expected: tuple[str, ...], counts: np.ndarray,
                   faults: list[str]) -> Problem:
    """The one problem of a header that does not name each expected column once (faults, from
    header_faults): what it lacks or has, the columns found and expected, and what to correct, from
    the number of values on the rows (counts)."""
    n = len(expected)
    if len(counts) and (counts == n).all():
        fix = (f"correct the header line alone, as the rows have {n} value{'s' if n > 1 else ''} each, "
               "one per expected column")
    else:
        fix = "give the header and every row the expected columns, each once"
    if not any(c.casefold() in {e.casefold() for e in expected} for c in header):  # data on line 1?
        fix = f"if line 1 is a data row, insert the header line {','.join(expected)} above it; else {fix}"
    found = ", ".join(c or "''" for c in header)
    return Problem(name, 1, None, None, f"the header {'; '.join(faults)} (found: {found}; expected: "
                   f"{', '.join(expected)}): {fix}")


def structure(name: str, text: str, expected: tuple[str, ...] | None = None,
              ) -> tuple[list[str], str, pa.Array, np.ndarray]:
    """Header, separator, data lines and the editor line of each non-blank one; RawDataError
    when the header does not name each expected column once (a single problem, rows unchecked),
    a quoted value is not closed on its line or a row has too few or too many values."""
    lines = pc.split_pattern(pa.array([text], pa.large_string()), "\n").flatten()
    if len(lines) > 1 and lines[-1].as_py() == "":
        lines = lines.slice(0, len(lines) - 1)  # the final line end
    header_line = lines[0].as_py()
    sep = sniff_separator(header_line)
    header = [c.strip() for c in next(csv.reader([header_line], delimiter=sep), [])]
    if problems := header_problems(name, header_line, header, check_names=expected is None):
        raise RawDataError(problems)
    body = lines.slice(1)
    filled = pc.utf8_length(body).to_numpy(zero_copy_only=False) > 0  # blank lines are skipped
    line_of = np.arange(2, len(body) + 2)
    quotes = pc.count_substring(body, QUOTE).to_numpy(zero_copy_only=False)
    unclosed = quotes % 2 == 1
    counts = field_counts(body, np.where(unclosed, 0, quotes), sep)
    if expected is not None and (faults := header_faults(header, expected)):
        raise RawDataError([header_problem(name, header, expected, counts[filled & ~unclosed], faults)])
    problems = rows_problems(name, unclosed, line_of, "a quoted value is not closed on this line "
                             "(values may not span lines; a quote inside a quoted value is written \"\")")
    wrong = filled & ~unclosed & (counts != len(header))
    for n in np.unique(counts[wrong]):
        fewer = "too few" if n < len(header) else "too many"
        values = "1 value" if n == 1 else f"{n} values"
        problems += rows_problems(name, wrong & (counts == n), line_of,
                                  f"{values} where the header has {len(header)} ({fewer}: a "
                                  "separator missing or extra, or a value with a comma not in quotes?)")
    if problems:
        raise RawDataError(problems)
    return header, sep, body, line_of[filled]


def widest_line(name: str, data: bytes) -> int:
    """The bytes of data's longest line (LF and CR end one: either may end a line, see lf; all of data when
    it is no longer than MAX_LINE_BYTES); RawDataError naming each line (as an editor numbers them: CRLF
    ends one) over MAX_LINE_BYTES."""
    if len(data) <= MAX_LINE_BYTES:
        return len(data)
    raw = np.frombuffer(data, np.uint8)
    breaks = np.flatnonzero((raw == 0x0A) | (raw == 0x0D))
    starts = np.concatenate(([0], breaks + 1))
    lengths = np.append(breaks, len(data)) - starts
    long = lengths > MAX_LINE_BYTES
    if not long.any():
        return int(lengths.max())
    after = raw[np.minimum(breaks + 1, len(raw) - 1)]
    crlf = (raw[breaks] == 0x0D) & (breaks + 1 < len(raw)) & (after == 0x0A)  # its CR ends no line of its own
    line_of = np.searchsorted(breaks[~crlf], starts) + 1
    raise RawDataError(rows_problems(
        name, long, line_of, f"longer than {count(MAX_LINE_BYTES)} bytes, the limit for one line "
        "(MAX_LINE_BYTES, asfdata/pipeline/read.py): no figure or note is this long; check that this is the "
        "right file and line"))


def parse_cells(name: str, text: str, header: list[str], sep: str, widest: int) -> pa.Table:
    """Every cell as text, via Arrow's CSV reader (one line per row, checked before), in blocks that hold
    the longest line (widest: its bytes as read; as UTF-8 at most three times as many)."""
    try:
        return pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1,
                                           block_size=max(ARROW_BLOCK, 3 * widest + 2),
                                           use_threads=len(text) > THREADED),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=False),
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in header},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as err:  # structure() leaves nothing known to reach here
        raise RawDataError([Problem(name, None, None, None, f"not readable as CSV: {err}")]) from None


def read_raw(path: Path, name: str, columns: tuple[str, ...] | None = None) -> RawTable:
    """Read one raw CSV strictly as stripped text cells; RawDataError listing what is wrong. With
    columns (the contract's), a header that does not name each of them once is one problem, at line 1."""
    data = file_bytes(path, name)
    widest = widest_line(name, data)
    text = decode(data, name)
    if not text.strip():
        raise RawDataError([Problem(name, 1, None, None, "file is empty (expected a header line)")])
    header, sep, _, row_lines = structure(name, text, columns)
    table = parse_cells(name, text, header, sep, widest)
    if table.num_rows != len(row_lines):
        raise RawDataError([Problem(name, None, None, None, f"{table.num_rows} rows read from "
                                    f"{len(row_lines)} lines: check the file's quotes")])
    trimmed = pa.table([pc.utf8_trim_whitespace(col) for col in table.columns], names=header)
    arrow_str = pd.StringDtype("pyarrow", na_value=np.nan)
    frame = trimmed.to_pandas(types_mapper={pa.string(): arrow_str}.get, use_threads=len(text) > THREADED)
    repeated = np.logical_and.reduce([pc.equal(trimmed.column(c), c).to_numpy(zero_copy_only=False)
                                      for c in header])
    if repeated.any():
        raise RawDataError(rows_problems(name, repeated, row_lines,
                                         "the header line is repeated here, as data: delete this line"))
    return RawTable(name, frame, text, sep, row_lines, trimmed)
