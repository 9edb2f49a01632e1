"""Reading raw CSV files as text, whatever Excel saved them as (separator, encoding, line ends)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from asfdata.pipeline.errors import Problem, RawDataError


def decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), else Windows-1252; LF line ends."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def sniff_separator(header: str) -> str:
    """';' for files saved by Swedish Excel, else ','."""
    return ";" if header.count(";") > header.count(",") else ","


@dataclass(frozen=True)
class RawTable:
    """A raw file read as text cells, with what is needed to point back into it."""

    name: str  # path as shown in messages, relative to data/raw
    frame: pd.DataFrame  # every cell a stripped string; no NaN
    text: str
    separator: str

    def lines(self) -> list[int]:
        """Editor line number where each data row starts (header is line 1)."""
        reader = csv.reader(io.StringIO(self.text), delimiter=self.separator)
        starts, last = [], 0
        for i, row in enumerate(reader):
            start, last = last + 1, reader.line_num
            if i > 0 and row:
                starts.append(start)
        return starts


def parse_csv(text: str, sep: str) -> pd.DataFrame:
    """Every cell as text (str dtype, Arrow-backed; blanks stay blank), via Arrow's CSV reader."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    header = next(csv.reader(io.StringIO(text.split("\n", 1)[0]), delimiter=sep))
    table = pacsv.read_csv(
        io.BytesIO(text.encode("utf-8")),
        parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={c: pa.string() for c in header},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    return table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow", na_value=np.nan)}.get)


def read_raw(path: Path, name: str) -> RawTable:
    """Read one raw CSV as stripped text cells; raise RawDataError if empty or unreadable."""
    import pyarrow as pa

    if not path.exists():
        raise RawDataError([Problem(name, 1, None, None, "file is missing")])
    text = decode(path.read_bytes())
    if not text.strip():
        raise RawDataError([Problem(name, 1, None, None, "file is empty (expected a header line)")])
    sep = sniff_separator(text.split("\n", 1)[0])
    try:
        frame = parse_csv(text, sep)
    except (pa.ArrowInvalid, ValueError) as err:
        raise RawDataError([Problem(name, 1, None, None, f"not readable as CSV: {err}")]) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.apply(lambda s: s.str.strip())
    return RawTable(name, frame, text, sep)
