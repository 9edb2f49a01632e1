"""Failures the command line turns into plain words and an exit code; importable without pandas."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

BAD_INPUT = 2  # exit code for bad input (raw data, paths, arguments)
# What a terminal acts on instead of showing: C0 and C1 controls (ESC starts an ANSI code, CR and BS overwrite
# a line) but the line feed and the tab, DEL, and the marks that reorder a line (bidirectional overrides).
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SHOWN_PER_KIND = 3  # occurrences of one kind of problem listed before "and N more like this"
SHOWN_KINDS = 30  # kinds of problem listed before the rest are only counted


def escaped(char: str) -> str:
    """One character as repr() writes it inside quotes (ESC as \\x1b, U+202E as \\u202e)."""
    return repr(char)[1:-1]


def for_terminal(text: str) -> str:
    """text with every character a terminal would act on written as an escape (see _TERMINAL_CONTROLS);
    line feeds and tabs kept, everything else as it is."""
    return _TERMINAL_CONTROLS.sub(lambda m: escaped(m.group()), text)


def shown_name(name: str) -> str:
    """A name (a file's, a column's) as a message shows it: every character that does not print (controls,
    ANSI codes, invisible spaces, line breaks) escaped as repr() escapes a value, the rest as written."""
    return "".join(c if c.isprintable() else escaped(c) for c in name)


def count(n: int) -> str:
    """A whole number with spaces between thousands, as in '39 996' (same in English and Swedish)."""
    return f"{n:,}".replace(",", " ")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a raw file, located as a text editor would show it."""

    file: str
    line: int | None  # None: the whole file (missing, a folder, unreadable)
    column: str | None
    value: str | None
    message: str
    more: int = 0  # further problems of the same kind in the file, not listed one by one
    at: str | None = None  # where in the line, when no column can be named (e.g. "character 17")

    def __str__(self) -> str:
        file = shown_name(self.file)
        where = file if self.line is None else f"{file}, line {self.line}"
        if self.at is not None:
            where += f", {shown_name(self.at)}"
        if self.column is not None:
            where += f", column '{shown_name(self.column)}'"
        if self.value is not None:
            where += f", value {self.value!r}"
        return f"{where}: {self.message}"

    @property
    def kind(self) -> tuple[str, str, str]:
        """Problems of one kind: same file, column and message (values and lines differ)."""
        return self.file, self.column or "", self.message


def of_kind(shown: list[Problem], total: int) -> list[Problem]:
    """Problems of one kind as listed: the first few found (shown), the last carrying how many more."""
    return [*shown[:-1], replace(shown[-1], more=total - len(shown))] if shown else []


def grouped(problems: list[Problem]) -> list[list[Problem]]:
    """Problems by kind, kinds in file and line order; of each kind the first SHOWN_PER_KIND,
    the last of them carrying the count of the rest (more)."""
    kinds: dict[tuple, list[Problem]] = defaultdict(list)
    for p in sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or "", p.message)):
        kinds[p.kind].append(p)
    out = []
    for same in kinds.values():
        shown = same[:SHOWN_PER_KIND]
        rest = sum(1 + p.more for p in same) - len(shown)
        out.append([*shown[:-1], replace(shown[-1], more=rest)])
    return out


class Failure(Exception):
    """A failure the command line reports in plain words (lines) with an exit code, no traceback."""

    exit_code = BAD_INPUT

    def lines(self) -> list[str]:
        """What the command line prints on stderr."""
        return [f"error: {self}"]


class InputError(Failure):
    """Bad input that is not a raw file's content: an unknown measure, a path that cannot be used."""


class RawDataError(Failure):
    """Raised with every problem found in the raw files (grouped by kind, see grouped)."""

    def __init__(self, problems: list[Problem]):
        self.kinds = grouped(problems)
        self.problems = [p for same in self.kinds for p in same]  # the ones listed one by one
        self.total = sum(1 + p.more for p in self.problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        """The standard message: how many problems, then each kind (capped), nothing written."""
        out = [f"error: {count(self.total)} problem(s) in the raw data; nothing was written:"]
        for same in self.kinds[:SHOWN_KINDS]:
            out += [f"  {p}" for p in same]
            if same[-1].more:
                out.append(f"    ... and {count(same[-1].more)} more like this")
        rest = [p for same in self.kinds[SHOWN_KINDS:] for p in same]
        if rest:
            out.append(f"  ... and {count(sum(1 + p.more for p in rest))} more problem(s) of "
                       f"{count(len(self.kinds) - SHOWN_KINDS)} other kind(s): correct the ones "
                       "above and run again to see them")
        return out
