"""Verifying a published report: rebuild it in a scratch folder and compare byte for byte."""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from asfdata.pipeline.write import contents, publish
from asfdata.report.edition import CHAPTER_ID_PREFIX, Job, ReportError, build_report

_SECTION = re.compile(r'<section class="chapter"[^>]*\bid="([^"]+)"')
_LANG = re.compile(r'<html[^>]*\blang="([a-z]{2})"')
# The report's mark, in the head of every edition (templates/asf/index.html.j2): which edition it is.
_MARK = re.compile(r'<meta[^>]*\bname="asf-edition"[^>]*>')
_MARKED = re.compile(r'\bcontent="(reader|code)"')
MAX_EDITION_BYTES = 50_000_000  # an edition is under 1 MB; a larger file is none, and is not read
NOT_AN_EDITION = ("is not an edition of the report (an .html file the report build wrote, its head marked "
                  "asf-edition): give one of reports/*.html; nothing of this file is shown")


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
    """(lang, code shown) as recorded in a report's <html lang> and asf-edition meta (in the head, after
    the inline styles: some 260 000 characters in)."""
    lang = _LANG.search(html[:2000])
    meta = _MARK.search(html, 0, max(html.find("</head>"), 0))
    return (lang.group(1) if lang else None), bool(meta and 'content="code"' in meta.group(0))


def edition_bytes(path: Path) -> bytes | None:
    """The bytes of path when it is an edition of the report: an ordinary .html file (checked before it is
    opened, so a FIFO or a device is never read) of at most MAX_EDITION_BYTES, UTF-8, whose head has the
    html element's lang and the asf-edition mark; else None. OSError when it cannot be read."""
    info = os.stat(path)
    if path.suffix != ".html" or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_EDITION_BYTES:
        return None
    data = path.read_bytes()
    try:
        html = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    head = html[:max(html.find("</head>"), 0)]
    mark = _MARK.search(head)
    return data if _LANG.search(head[:2000]) and mark and _MARKED.search(mark.group(0)) else None


def fresh_processed(job: Job, scratch: Path) -> Path:
    """The processed data a rebuild of the report reads, built from job.raw_dir without writing into
    job.processed_dir: job.processed_dir itself when it holds exactly what a fresh build makes (it is then
    only read, and the page names no other folder), else scratch, where the fresh build is written. Bad raw
    data stop here (RawDataError), before any kernel starts."""
    from asfdata.pipeline.build import processed_files  # here: pandas, only when a report is verified
    from asfdata.pipeline.verify import compare  # here: likewise (it imports the build)

    fresh = processed_files(job.raw_dir)
    held = contents(job.processed_dir)
    if held is not None and not compare(fresh, held, job.processed_dir):
        return job.processed_dir
    publish(scratch, fresh)
    print(f"verify: {job.processed_dir} is not what {job.raw_dir} builds now; the report is rebuilt from a "
          f"fresh build of it in a scratch folder ({job.processed_dir} is left as it is)")
    return scratch


def verify_report(path: Path, lang: str | None = None, job: Job | None = None) -> int:
    """Rebuild the report in a scratch folder and compare it with path byte for byte; nothing is written
    into the project (the processed data: fresh_processed).

    Prints whether it matches and otherwise which parts (front matter, chapters) differ; returns
    the exit code: 0 match, 1 differs, 2 unreadable, no edition of the report (edition_bytes: one line,
    nothing of the file shown) or not built."""
    try:
        published = edition_bytes(path)
    except OSError as err:
        print(f"verify: cannot read {path}: {err}", file=sys.stderr)
        return 2
    if published is None:
        print(f"verify: {path} {NOT_AN_EDITION}", file=sys.stderr)
        return 2
    found_lang, code = edition_of(published.decode("utf-8", "replace"))
    lang = lang or found_lang or "en"
    with tempfile.TemporaryDirectory(prefix="asf-verify-report-") as tmp:
        base = job or Job()
        processed = fresh_processed(base, Path(tmp) / "processed")
        job = replace(base, lang=lang, with_code=code, force=True, report_dir=Path(tmp),
                      processed_dir=processed, data=False)  # the data were built above, not in the project
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
