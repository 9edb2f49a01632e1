"""Verified reruns: rebuild data/processed from data/raw in a scratch folder and compare bytes."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from asfdata.paths import MANIFEST_NAME


def manifest_problems(processed: Path) -> list[str]:
    """Files of processed whose SHA-256 differs from MANIFEST.sha256, or that it does not list."""
    from asfdata.pipeline.write import sha256

    path = processed / MANIFEST_NAME
    if not path.exists():
        return [f"{MANIFEST_NAME}: missing"]
    listed = dict(reversed(line.split("  ", 1)) for line in path.read_text().splitlines() if line)
    on_disk = {p.name for p in processed.iterdir() if p.is_file() and p.name != MANIFEST_NAME}
    out = [f"{n}: not listed in {MANIFEST_NAME}" for n in sorted(on_disk - set(listed))]
    for name, digest in sorted(listed.items()):
        f = processed / name
        if not f.exists():
            out.append(f"{name}: listed in {MANIFEST_NAME} but missing")
        elif sha256(f.read_bytes()) != digest:
            out.append(f"{name}: SHA-256 differs from {MANIFEST_NAME}")
    return out


def compare_dirs(expected: Path, actual: Path) -> list[str]:
    """Every file that differs between a fresh rebuild (expected) and the published folder."""
    exp = {p.name: p.read_bytes() for p in expected.iterdir() if p.is_file()}
    act = {p.name: p.read_bytes() for p in actual.iterdir() if p.is_file() and not p.name.startswith(".")}
    out = [f"{n}: missing from {actual}" for n in sorted(set(exp) - set(act))]
    out += [f"{n}: not made by the rebuild" for n in sorted(set(act) - set(exp))]
    out += [f"{n}: differs from the rebuild" for n in sorted(set(exp) & set(act)) if exp[n] != act[n]]
    return out


def verify(raw: Path, processed: Path) -> list[str]:
    """Problems found by rebuilding raw in a temporary folder and comparing with processed."""
    from asfdata.pipeline.build import build

    with tempfile.TemporaryDirectory(prefix="asf-verify-") as tmp:
        build(raw, Path(tmp))
        return compare_dirs(Path(tmp), processed) + manifest_problems(processed)


def cmd_verify(args: argparse.Namespace) -> int:
    """python -m asfdata verify [--report FILE]: exit 1 when the rebuild differs."""
    if args.report:
        from asfdata.report.verify import verify_report

        return verify_report(Path(args.report), args.lang)
    problems = verify(Path(args.raw), Path(args.out))
    for p in problems:
        print(f"DIFFERS {p}")
    if problems:
        print(f"verify: {len(problems)} difference(s); rebuild with `make build` if data/raw changed")
        return 1
    n = len([p for p in Path(args.out).iterdir() if p.is_file()])
    print(f"verify: all {n} files in {args.out} match a fresh rebuild from {args.raw}")
    return 0
