"""The command line: python -m asfdata build | audit | trace | report | verify | inventory | words.

Each command unpacks its arguments and calls the package. main() is the one place that turns a
failure into plain words on stderr and an exit code: 2 for bad input (raw data, a path, an
argument), 1 when a check finds differences (audit --strict, verify, inventory) or the report
cannot be built, 130 when interrupted (Ctrl-C); 141 (128 + SIGPIPE, as shells report a tool stopped so),
saying nothing, when the reader of its output has gone (`trace … | head -1`).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO, cast

from asfdata import INTERRUPTED, INTERRUPTED_LINE, QUIET_INTERRUPT_ENV
from asfdata.paths import PROCESSED_DIR, RAW_DIR, ROOT
from asfdata.pipeline.errors import BAD_INPUT, Failure, for_terminal
from asfdata.registry import CATALOGS

BROKEN_PIPE = 141  # the exit code when stdout's reader has gone (128 + SIGPIPE): nothing more is said

# The commands import what they use when they run, not at the top: the dispatch, and `report`
# with nothing changed (~0.1 s), must not import pandas.


def cmd_build(args: argparse.Namespace) -> int:
    """Validate data/raw, write data/processed and print the audit summary."""
    from asfdata.pipeline.build import audit_summary, build  # when run (see above)

    files = build(Path(args.raw), Path(args.out))
    print(f"built {len(files)} files in {args.out} from {args.raw}")
    print(audit_summary(files))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """Print the consistency audit, mismatches first; --strict fails on any mismatch."""
    from asfdata.pipeline.audit import audit_table  # when run (see above)
    from asfdata.pipeline.statements import checked_frames  # when run (see above)
    from asfdata.pipeline.validate import load_raw  # when run (see above)

    df = checked_frames(load_raw(Path(args.raw)), Path(args.raw))["audit"]  # as audit.csv has it
    print(audit_table(df))
    return 1 if args.strict and (df["status"] == "mismatch").any() else 0


def cmd_trace(args: argparse.Namespace) -> int:
    """Print the trail behind MEASURE in YEAR (in CATEGORY): sentences, raw lines, tidy and audit rows,
    assumptions; as text, CSV or JSON."""
    from asfdata.pipeline.inventory import given_source  # when run (see above)
    from asfdata.pipeline.trace import TraceError, trace  # when run (see above)

    category = args.category
    if args.kind is not None:  # a milestone's kind: its category (events.csv, reference/event_kinds.csv)
        if args.measure != "milestones" or category not in (None, args.kind):
            raise TraceError(f"trace: --kind {args.kind} narrows the milestones alone: give "
                             f"`trace milestones YEAR --kind {args.kind}`")
        category = args.kind
    source = given_source(args.source)  # None: not found (each sentence is then marked as not checked)
    print(trace(args.measure, args.year, Path(args.raw), category, args.format, Path(args.out), source))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Build the HTML evaluation report (nothing when it is up to date)."""
    from asfdata.report.edition import Job, build_report  # when run; imports no pandas itself

    build_report(Job(lang=args.lang, with_code=args.with_code, force=args.force,
                     raw_dir=Path(args.raw), processed_dir=Path(args.out)))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Rebuild from data/raw and compare with data/processed, or a published report byte for byte."""
    if args.report:
        from asfdata.report.edition import Job  # when run (see above)
        from asfdata.report.verify import verify_report  # when run (see above)

        return verify_report(Path(args.report), args.lang, Job(raw_dir=Path(args.raw),
                                                               processed_dir=Path(args.out)))
    from asfdata.pipeline.verify import verify  # when run (see above)

    problems = verify(Path(args.raw), Path(args.out))
    for p in problems:
        print(f"DIFFERS {p}")
    if problems:
        print(f"verify: {len(problems)} difference(s); rebuild with `make build` if data/raw changed")
        return 1
    n = len([p for p in Path(args.out).iterdir() if p.is_file()])
    print(f"verify: all {n} files in {args.out} match a fresh rebuild from {args.raw}")
    return 0


def cmd_inventory(args: argparse.Namespace) -> int:
    """Check data/raw/inventory.csv against the raw files and the report's text; without the text, say
    so (exit 0, or 1 with --strict)."""
    from asfdata.pipeline.inventory import (  # when run (see above)
        SOURCE_BESIDE,
        SOURCE_ENV,
        SOURCE_SHA256,
        given_source,
        inventory_problems,
        source_sha256,
    )

    inventory = Path(args.inventory) if args.inventory else Path(args.raw) / "inventory.csv"
    source = given_source(args.source)
    problems = inventory_problems(inventory, Path(args.raw), source)
    for p in problems:
        print(p)
    if problems:
        print(f"inventory: {len(problems)} problem(s) in {inventory}"
              + ("" if source else "; not checked against the source (the report's text was not found)"))
        return 1
    if source is None:
        print(f"inventory: {inventory} agrees with the raw files, but was NOT checked against the source: "
              f"the report's text was not found (looked for ${SOURCE_ENV}, then {SOURCE_BESIDE}; give "
              "--source FILE or set ASF_SOURCE)")
        return 1 if args.strict else 0
    sha = source_sha256(source)
    which = ("the text data/raw/README.md records" if sha == SOURCE_SHA256 else
             f"not the text data/raw/README.md records, {SOURCE_SHA256}")
    print(f"inventory: {inventory} has no problems: checked against the raw files and against the "
          f"source, {source} (SHA-256 {sha}, {which}); the milestones' words (events.csv) stand at their "
          "lines")
    return 0


def cmd_words(args: argparse.Namespace) -> int:
    """Find the catalog entry of a text a reader sees; list stale Swedish texts; mark a key reviewed."""
    from asfdata import catalogs  # when run (see above): it imports Babel

    try:
        loaded = [catalogs.load(path) for path in CATALOGS]
    except catalogs.CatalogError as err:
        print(f"words: {err}", file=sys.stderr)
        return BAD_INPUT
    if args.action == "find":
        return words_find(" ".join(args.text), loaded)
    if args.action == "stale":
        stale = [f"{where(c.path)}: {key}" for c in loaded for key in catalogs.stale(c)]
        print("\n".join(stale) if stale else "words: every Swedish text was written from its current English")
        return 1 if stale else 0
    holders = [c for c in loaded if args.key in c]
    if not holders:
        print(f"words: no catalog has the key {args.key!r}", file=sys.stderr)
        return BAD_INPUT
    for c in holders:
        print(f"{where(c.path)}: {args.key} reviewed (sv_from = {catalogs.review(c.path, args.key)})")
    return 0


def words_find(phrase: str, loaded: list) -> int:
    """Print key, file and line, and both languages of every entry phrase comes from, best first."""
    from asfdata import catalogs  # when run (see above)

    found = catalogs.find(phrase, loaded)
    if not found:
        print(f"words: no text holds {phrase!r} (numbers and names may differ; try fewer words)",
              file=sys.stderr)
        return 1
    for catalog, entry in found:
        print(f"{entry.key}  {where(catalog.path)}:{entry.line}")
        for lang in catalogs.LANGS:
            print(f"  {lang}: " + " | ".join(entry.forms(lang)))
        if entry.note:
            print(f"  note: {entry.note}")
    return 0


def where(path: Path) -> str:
    """A path as the project names it (relative to the project's folder)."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


TRACE_FORMATS = (
    "text (default): per raw line its report section and items, then the audit rows and the assumptions "
    "that apply; csv, json: the same items as data, one record per item in the text's order (CSV with a "
    "header; JSON a list of objects) with the fields kind (sentence, raw, tidy, audit, assumption), file, "
    "line (the item's line in file; a sentence's line of the report's text), column (a sentence's "
    "character in that line, else empty/null), section (the report section), raw (the raw line, "
    "file:line, that a sentence, raw or tidy item belongs to), id (the number as written; the audit row's "
    "audit_id; the assumption's id), text (the sentence; the line as written; the audit row's check, scope "
    "and result; the assumption) and why (what makes an assumption apply; for a sentence, whether it was "
    "checked against the report's text or is inventory.csv's copy alone)"
)


@functools.cache  # once per process: in-process callers (the tests' corpus) run main() hundreds of times
def parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = argparse.ArgumentParser(prog="python -m asfdata", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)

    def add(name: str, func, help: str) -> argparse.ArgumentParser:
        s = sub.add_parser(name, help=help, description=help)
        s.add_argument("--raw", default=str(RAW_DIR), help="raw data folder (default: data/raw)")
        s.add_argument("--out", default=str(PROCESSED_DIR), help="processed folder (default: data/processed)")
        s.set_defaults(func=func)
        return s

    add("build", cmd_build, "validate data/raw and write data/processed (audit included)")
    a = add("audit", cmd_audit, "check the report's figures against each other")
    a.add_argument("--strict", action="store_true", help="exit 1 when any check is a mismatch")
    t = add("trace", cmd_trace, "show the trail behind a figure: the report's sentence, raw line, tidy "
            "and audit rows, assumptions")
    t.add_argument("measure", help="e.g. placements, employees, companies, informed, places_used; milestones "
                   "(events.csv: each milestone of the year with the report's words at its line)")
    t.add_argument("year", type=int, help="e.g. 2018")
    t.add_argument("category", nargs="?", help="only this category, e.g. Kommunen, Hälsingland, women; "
                   "for the funded placements a municipality, e.g. Hofors; for the milestones a kind, e.g. "
                   "network")
    t.add_argument("--kind", help="the milestones of one kind only, e.g. network, policy, training "
                   "(reference/event_kinds.csv)")
    t.add_argument("--format", choices=["text", "csv", "json"], default="text", help=TRACE_FORMATS)
    t.add_argument("--source", metavar="FILE", help="the report's text to check each sentence against "
                   "(default: as for inventory; without it a sentence is inventory.csv's copy, marked so)")
    r = add("report", cmd_report, "build the HTML evaluation report in reports/")
    r.add_argument("--lang", choices=["en", "sv"], default="en", help="language (default: en)")
    r.add_argument("--with-code", action="store_true", help="also write an edition with the code shown")
    r.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    v = add("verify", cmd_verify, "rebuild from data/raw in a scratch folder and compare")
    v.add_argument("--report", metavar="FILE", help="compare a published HTML report byte for byte")
    v.add_argument("--lang", choices=["en", "sv"], default=None,
                   help="language of --report (default: from the file)")
    i = add("inventory", cmd_inventory, "check data/raw/inventory.csv, the report's numbers")
    i.add_argument("--inventory", metavar="FILE", help="the inventory (default: inventory.csv in --raw)")
    i.add_argument("--source", metavar="FILE", help="the report's text (default: $ASF_SOURCE, else "
                   "../shared/source/asf-slutrapport-2016-2020.txt beside the project)")
    i.add_argument("--strict", action="store_true", help="exit 1 when the report's text is not found (the "
                   "inventory then is not checked against the source)")
    w = sub.add_parser("words", help="find, check and review the words catalogs",
                       description="find, check and review the words catalogs (asfdata/catalogs.py)")
    w.set_defaults(func=cmd_words)
    wa = w.add_subparsers(dest="action", required=True)
    f = wa.add_parser("find", help="the key, file and both languages of a text a reader sees")
    f.add_argument("text", nargs="+", help="a phrase in English or Swedish; numbers and names may differ")
    wa.add_parser("stale", help="the keys whose Swedish was written from another English (exit 1 if any)")
    rv = wa.add_parser("review", help="record that the Swedish of KEY was checked against its English")
    rv.add_argument("key", help="the key, as `words find` or `words stale` prints it")
    return p


def failure_lines(err: Failure | OSError | KeyboardInterrupt) -> tuple[int, list[str]]:
    """The exit code and the lines on stderr for a failure (any other exception is a bug)."""
    if isinstance(err, KeyboardInterrupt):  # said once: by the parent when this is the report's data step
        return INTERRUPTED, [] if os.environ.get(QUIET_INTERRUPT_ENV) else [INTERRUPTED_LINE]
    if isinstance(err, Failure):
        return err.exit_code, err.lines()
    # an OSError: a path that is missing, a folder, not readable or not writable
    names = " -> ".join(str(f) for f in (err.filename, err.filename2) if f is not None)
    return BAD_INPUT, [f"error: {err.strerror or err}" + (f": {names}" if names else "")]


def robust_output() -> None:
    """Write what the terminal's encoding cannot show as escapes (a Latin-1 locale and '–')."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


class TerminalText:
    """A text stream that writes what a terminal would act on (an ANSI code in a header's name, a carriage
    return) as escapes, as messages show values (asfdata.pipeline.errors.for_terminal)."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, text: str) -> int:
        """Write text, escaped; returns the characters given."""
        self.stream.write(for_terminal(text))
        return len(text)

    def __getattr__(self, name: str):
        """Everything else (flush, encoding, fileno) as the stream has it."""
        return getattr(self.stream, name)


@contextmanager
def terminal_output() -> Iterator[None]:
    """Within the block, whatever goes to sys.stdout and sys.stderr is escaped for the terminal."""
    saved = sys.stdout, sys.stderr
    # TerminalText is a TextIO by what it does (write, the rest delegated), not by its class
    sys.stdout, sys.stderr = cast(TextIO, TerminalText(sys.stdout)), cast(TextIO, TerminalText(sys.stderr))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; any failure becomes plain words on stderr and its exit code; nothing printed
    (names, values, argparse's messages) reaches the terminal as a control character."""
    robust_output()
    with terminal_output():
        try:
            args = parser().parse_args(argv)
            code = args.func(args)
            sys.stdout.flush()  # a reader gone shows here, not as a complaint when Python exits
            return code
        except BrokenPipeError:  # `… | head -1` has read what it wanted: stop quietly, as other tools do
            return BROKEN_PIPE
        except (Failure, OSError, KeyboardInterrupt) as err:
            code, lines = failure_lines(err)
        for line in lines:
            print(line, file=sys.stderr)
        return code
