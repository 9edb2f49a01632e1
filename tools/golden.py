"""Rewrite the golden files of the report's words, tests/golden/<lang>/<part>.txt, from both built editions
(`make golden`, after a deliberate change of words; review the diff before committing it).

An edition out of date is built first (`python -m asfdata report --lang X`, a no-op when it is up to date).
Each file holds the visible text of one part of an edition, one piece a line (tests/visible.py: a chapter,
by its notebook's name; the title page, _title; "About this report", _about, without its build facts);
tests/test_golden.py compares the built editions with them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the package, and the tests' reading of a page

from visible import GOLDEN_DIR, LANGS, golden_parts  # noqa: E402

from asfdata.report.edition import Job  # noqa: E402


def write(lang: str) -> list[str]:
    """The golden files of one edition, written (files of parts it no longer has removed); what changed."""
    subprocess.run([sys.executable, "-m", "asfdata", "report", "--lang", lang], cwd=ROOT, check=True)
    html = Job(lang=lang).outputs()[0][0].read_text(encoding="utf-8")
    folder = GOLDEN_DIR / lang
    folder.mkdir(parents=True, exist_ok=True)
    parts = golden_parts(html, lang)
    changed = []
    for old in sorted(folder.glob("*.txt")):
        if old.stem not in parts:
            old.unlink()
            changed.append(f"removed {old.relative_to(ROOT)}")
    for part, text in parts.items():
        path = folder / f"{part}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(f"wrote {path.relative_to(ROOT)}")
    return changed


def main() -> int:
    changed = [line for lang in LANGS for line in write(lang)]
    print("\n".join(changed) if changed else f"golden: {GOLDEN_DIR.relative_to(ROOT)} is up to date")
    if changed:
        print("golden: review the change (git diff tests/golden) before committing it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
