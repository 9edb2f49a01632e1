"""The project's set-up: dependencies agree, the lock pins them, processed files are up to date."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from asfdata.paths import ROOT

REQ = re.compile(r"^([A-Za-z0-9_.\-]+)\s*(.*)$")


def requirement(spec: str) -> tuple[str, str]:
    """('pandas', '>=3.0') from 'pandas>=3.0', names normalised."""
    name, rest = REQ.match(spec.strip()).groups()
    return name.lower().replace("_", "-"), rest.replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    """Runtime and dev dependencies of pyproject.toml."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = meta["dependencies"] + meta["optional-dependencies"]["dev"]
    return dict(requirement(s) for s in specs)


def conda_requirements() -> dict[str, str]:
    """Dependencies of environment.yml (conda part, without python and pip)."""
    text = (ROOT / "environment.yml").read_text()
    block = text.split("dependencies:", 1)[1]
    specs = [ln.strip()[2:] for ln in block.splitlines() if re.match(r"^  - [A-Za-z]", ln)]
    return dict(requirement(s) for s in specs if not s.startswith(("python", "pip")))


def test_environment_yml_matches_pyproject():
    assert conda_requirements() == pyproject_requirements()


def test_lock_pins_every_dependency_exactly():
    lock = dict(
        line.split("==", 1) for line in (ROOT / "requirements.lock").read_text().splitlines()
        if line and not line.startswith("#")
    )
    lock = {k.lower().replace("_", "-"): v for k, v in lock.items()}
    missing = sorted(set(pyproject_requirements()) - set(lock))
    assert missing == []


def test_processed_files_are_a_fresh_rebuild():
    from asfdata.pipeline.build import processed_files

    committed = {p.name: p.read_bytes() for p in (ROOT / "data/processed").iterdir() if p.is_file()}
    rebuilt = processed_files(ROOT / "data/raw")
    assert sorted(committed) == sorted(rebuilt)
    assert [n for n in rebuilt if rebuilt[n] != committed[n]] == []


def test_processed_csv_conventions():
    for path in sorted((ROOT / "data/processed").glob("*.csv")):
        data = path.read_bytes()
        assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf"), path.name
        data.decode("utf-8")
        assert not re.search(rb"\d\.0(,|\n)", data), f"{path.name}: integer written as float"


def test_ci_runs_make_test_only():
    lines = [ln for ln in (ROOT / ".ci/run").read_text().splitlines() if ln and not ln.startswith("#")]
    assert lines[-1] == "make test"
    assert not any(re.search(r"\bpip\b|apt-get|playwright", ln) for ln in lines)


def test_notebooks_dir_and_layout_exist():
    for d in ("notebooks", "asfdata", "data/raw", "data/processed", "tests"):
        assert (ROOT / d).is_dir(), d
    for f in ("environment.yml", "README.md", "pyproject.toml", "Makefile", "data/raw/README.md"):
        assert Path(ROOT / f).is_file(), f
