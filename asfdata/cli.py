"""The command line: python -m asfdata build | audit | trace | report | verify."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from asfdata.paths import PROCESSED_DIR, RAW_DIR


def cmd_build(args: argparse.Namespace) -> int:
    """Validate data/raw and write data/processed."""
    from asfdata.build import build

    files = build(Path(args.raw), Path(args.out))
    print(f"built {len(files)} files in {args.out} from {args.raw}")
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = argparse.ArgumentParser(prog="python -m asfdata", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="validate data/raw and write data/processed")
    b.add_argument("--raw", default=str(RAW_DIR), help="raw data folder (default: data/raw)")
    b.add_argument("--out", default=str(PROCESSED_DIR), help="output folder (default: data/processed)")
    b.set_defaults(func=cmd_build)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; bad raw data is reported without a traceback (exit 2)."""
    from asfdata.read import RawDataError

    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except RawDataError as err:
        print(f"error: {len(err.problems)} problem(s) in the raw data; nothing was written:",
              file=sys.stderr)
        for p in err.problems:
            print(f"  {p}", file=sys.stderr)
        return 2
