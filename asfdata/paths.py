"""Where the project's data live; every path in one place."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
REFERENCE_SUBDIR = "reference"
PROCESSED_DIR = DATA_DIR / "processed"
NOTEBOOK_DIR = ROOT / "notebooks"
REPORT_DIR = ROOT / "reports"
MANIFEST_NAME = "MANIFEST.sha256"
