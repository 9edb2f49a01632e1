"""Errors about raw data, importable without pandas (the CLI catches them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a raw file, located as a text editor would show it."""

    file: str
    line: int
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}"
        if self.column is not None:
            where += f", column '{self.column}'"
        if self.value is not None:
            where += f", value {self.value!r}"
        return f"{where}: {self.message}"


class RawDataError(Exception):
    """Raised with every problem found in the raw files."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column or "", p.message))
        super().__init__("\n".join(str(p) for p in self.problems))
