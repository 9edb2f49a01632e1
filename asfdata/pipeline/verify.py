"""Verified reruns: rebuild data/processed from data/raw in memory and compare bytes."""

from __future__ import annotations

from pathlib import Path

from asfdata.paths import MANIFEST_NAME
from asfdata.pipeline.build import processed_files
from asfdata.pipeline.write import contents, read_manifest, sha256


def manifest_problems(processed: Path) -> list[str]:
    """Files of processed whose SHA-256 differs from MANIFEST.sha256, or that it does not list."""
    path = processed / MANIFEST_NAME
    if not path.is_file():
        return [f"{MANIFEST_NAME}: missing"]
    listed, bad = read_manifest(path.read_bytes())
    out = [f"{MANIFEST_NAME}, line {i}: not a 'SHA-256  file name' line" for i in bad]
    on_disk = {p.name for p in processed.iterdir() if p.is_file() and p.name != MANIFEST_NAME}
    out += [f"{n}: not listed in {MANIFEST_NAME}" for n in sorted(on_disk - set(listed))]
    for name, digest in sorted(listed.items()):
        f = processed / name
        if not f.is_file():
            out.append(f"{name}: listed in {MANIFEST_NAME} but missing")
        elif sha256(f.read_bytes()) != digest:
            out.append(f"{name}: SHA-256 differs from {MANIFEST_NAME}")
    return out


def compare(expected: dict[str, bytes], actual: dict[str, bytes], where: Path) -> list[str]:
    """Every file that differs between a fresh rebuild (expected) and the published folder."""
    act = {n: b for n, b in actual.items() if not n.startswith(".")}
    out = [f"{n}: missing from {where}" for n in sorted(set(expected) - set(act))]
    out += [f"{n}: not made by the rebuild" for n in sorted(set(act) - set(expected))]
    out += [f"{n}: differs from the rebuild" for n in sorted(set(expected) & set(act))
            if expected[n] != act[n]]
    return out


def verify(raw: Path, processed: Path) -> list[str]:
    """Problems found by rebuilding raw (in memory) and comparing with the processed folder."""
    expected = processed_files(raw)
    actual = contents(processed)
    if actual is None:
        return [f"{processed}: missing (`make build` rebuilds it)"]
    return compare(expected, actual, processed) + manifest_problems(processed)
