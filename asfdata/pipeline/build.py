"""Building data/processed from data/raw: validate, tidy, audit, document, publish in one step."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from asfdata.paths import PROCESSED_DIR, RAW_DIR
from asfdata.pipeline.contract import AUDIT_STATUSES
from asfdata.pipeline.datapackage import DATAPACKAGE_NAME, datapackage_json
from asfdata.pipeline.dictionary import dictionary_markdown
from asfdata.pipeline.statements import checked_frames
from asfdata.pipeline.tidy import chapter_inputs
from asfdata.pipeline.validate import load_raw
from asfdata.pipeline.write import csv_text, publish, refuse_formulas, with_manifest

DICTIONARY_NAME = "dictionary.md"


def processed_files(raw_dir: Path = RAW_DIR) -> dict[str, bytes]:
    """Every processed file's bytes (CSV frames, dictionary, data package, manifest) from data/raw."""
    raw = load_raw(raw_dir)
    frames = checked_frames(raw, raw_dir)  # the tidy frames, the statements, the audit and its links
    frames.update(chapter_inputs(raw, raw_dir))
    files = {f"{name}.csv": csv_text(df).encode() for name, df in frames.items()}
    refuse_formulas(files)  # no cell a spreadsheet would run, whatever column made it
    files[DICTIONARY_NAME] = dictionary_markdown(raw).encode()
    files[DATAPACKAGE_NAME] = datapackage_json(files, raw).encode()  # listed in the manifest too
    return with_manifest(files)


def build(raw_dir: Path = RAW_DIR, out_dir: Path = PROCESSED_DIR) -> dict[str, bytes]:
    """Rebuild out_dir from raw_dir, published in one step; nothing is written unless every file
    could be made, nor when out_dir already holds exactly these files."""
    files = processed_files(raw_dir)
    publish(out_dir, files)
    return files


def audit_summary(files: dict[str, bytes]) -> str:
    """One line: how many audit checks passed, were approximate or mismatched."""
    rows = list(csv.DictReader(io.StringIO(files["audit.csv"].decode())))
    counts = {s: sum(r["status"] == s for r in rows) for s in AUDIT_STATUSES}
    return (f"audit: {len(rows)} checks, " + ", ".join(f"{n} {s}" for s, n in counts.items())
            + " (python -m asfdata audit lists them)")
