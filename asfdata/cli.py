"""The command line: python -m asfdata build | audit | trace | report | verify."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from asfdata.paths import PROCESSED_DIR, RAW_DIR


def cmd_build(args: argparse.Namespace) -> int:
    """Validate data/raw, write data/processed and print the audit summary."""
    from asfdata.pipeline.build import audit_summary, build

    files = build(Path(args.raw), Path(args.out))
    print(f"built {len(files)} files in {args.out} from {args.raw}")
    print(audit_summary(files))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """Print the consistency audit, mismatches first; --strict fails on any mismatch."""
    from asfdata.pipeline.audit import cmd_audit as run

    return run(args)


def cmd_trace(args: argparse.Namespace) -> int:
    """Print every figure, row, claim, audit row and assumption behind MEASURE in YEAR."""
    from asfdata.pipeline.trace import cmd_trace as run

    return run(args)


def cmd_report(args: argparse.Namespace) -> int:
    """Build the HTML evaluation report."""
    from asfdata.report.edition import cmd_report as run

    return run(args)


def cmd_verify(args: argparse.Namespace) -> int:
    """Rebuild from data/raw in a scratch folder and compare (data, or a published report)."""
    from asfdata.pipeline.verify import cmd_verify as run

    return run(args)


def parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = argparse.ArgumentParser(prog="python -m asfdata", description=__doc__)
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
    t = add("trace", cmd_trace, "show every figure behind a measure in a year")
    t.add_argument("measure", help="e.g. placements, employees, companies, informed, places_used")
    t.add_argument("year", type=int, help="e.g. 2018")
    r = add("report", cmd_report, "build the HTML evaluation report in reports/")
    r.add_argument("--lang", choices=["en", "sv"], default="en", help="language (default: en)")
    r.add_argument("--with-code", action="store_true", help="also write an edition with the code shown")
    r.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    v = add("verify", cmd_verify, "rebuild from data/raw in a scratch folder and compare")
    v.add_argument("--report", metavar="FILE", help="compare a published HTML report byte for byte")
    v.add_argument("--lang", choices=["en", "sv"], default=None,
                   help="language of --report (default: from the file)")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; bad raw data is reported without a traceback (exit 2)."""
    from asfdata.pipeline.errors import RawDataError

    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except RawDataError as err:
        print(f"error: {len(err.problems)} problem(s) in the raw data; nothing was written:",
              file=sys.stderr)
        for p in err.problems:
            print(f"  {p}", file=sys.stderr)
        return 2
