"""Verifying a published report: rebuild it in a scratch folder and compare byte for byte."""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from asfdata.report.edition import CHAPTER_ID_PREFIX, Job, ReportError, build_report

_SECTION = re.compile(r'<section class="chapter"[^>]*\bid="([^"]+)"')


def split_chapters(html: str) -> dict[str, str]:
    """The page cut at chapter boundaries: 'front matter', one entry per chapter id, 'end'."""
    marks = list(_SECTION.finditer(html))
    if not marks:
        return {"front matter": html}
    ends = [m.start() for m in marks[1:]] + [len(html)]
    parts = {"front matter": html[: marks[0].start()]}
    parts.update((m.group(1), html[m.start(): end]) for m, end in zip(marks, ends, strict=True))
    last = marks[-1].group(1)
    cut = parts[last].rfind("</section>") + len("</section>")
    parts[last], parts["end"] = parts[last][:cut], parts[last][cut:]
    return parts


def _first_difference(a: str, b: str, width: int = 100) -> str:
    """Where two texts first differ, with a little context from each."""
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    lo = max(0, i - 30)
    return f"published {a[lo:lo + width]!r}\n      rebuilt   {b[lo:lo + width]!r}"


def edition_of(html: str) -> tuple[str | None, bool]:
    """(lang, code shown) as recorded in a report's <html lang> and asf-edition meta."""
    lang = re.search(r'<html[^>]*\blang="([a-z]{2})"', html[:2000])
    meta = re.search(r'<meta[^>]*name="asf-edition"[^>]*>', html[:200_000])
    return (lang.group(1) if lang else None), bool(meta and 'content="code"' in meta.group(0))


def verify_report(path: Path, lang: str | None = None, job: Job | None = None) -> int:
    """Rebuild the report in a scratch folder and compare it with path byte for byte.

    Prints whether it matches and otherwise which parts (front matter, chapters) differ; returns
    the exit code: 0 match, 1 differs, 2 unreadable or not built."""
    try:
        published = path.read_bytes()
    except OSError as err:
        print(f"verify: cannot read {path}: {err}", file=sys.stderr)
        return 2
    found_lang, code = edition_of(published.decode("utf-8", "replace"))
    lang = lang or found_lang or "en"
    with tempfile.TemporaryDirectory(prefix="asf-verify-report-") as tmp:
        job = replace(job or Job(), lang=lang, with_code=code, force=True, report_dir=Path(tmp))
        try:
            build_report(job)
        except ReportError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        rebuilt = job.outputs()[-1][0].read_bytes()
    edition = f"{lang}{', with code' if code else ''}"
    if rebuilt == published:
        print(f"verify: {path} matches the rebuild byte for byte ({edition}, {len(published)} bytes)")
        return 0
    old, new = (split_chapters(b.decode("utf-8", "replace")) for b in (published, rebuilt))
    names = list(dict.fromkeys([*new, *old]))
    differing = [n for n in names if old.get(n) != new.get(n)]
    print(f"verify: {path} DIFFERS from the rebuild ({edition}) in {len(differing)} part(s):")
    for name in differing:
        what = name.removeprefix(CHAPTER_ID_PREFIX) if name.startswith(CHAPTER_ID_PREFIX) else name
        kind = "chapter" if name in new and name.startswith(CHAPTER_ID_PREFIX) else "part"
        if name not in old or name not in new:
            print(f"  {kind} {what}: only in the {'rebuild' if name in new else 'published file'}")
        else:
            print(f"  {kind} {what}: {_first_difference(old[name], new[name])}")
    return 1
