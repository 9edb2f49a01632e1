"""The project's set-up: dependencies agree, the lock pins them with hashes, processed files are up to
date, and the Makefile explains itself."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
from conftest import in_ci
from packaging.specifiers import SpecifierSet
from packaging.version import Version
from test_browser import CHROMIUM

from asfdata.paths import ROOT
from asfdata.pipeline.build import processed_files

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
    """Dependencies of environment.yml (the conda part and its pip part, without python, pip and -e .)."""
    text = (ROOT / "environment.yml").read_text()
    block = text.split("dependencies:", 1)[1]
    specs = [ln.strip()[2:] for ln in block.splitlines() if re.match(r"^  (    )?- [A-Za-z]", ln)]
    return dict(requirement(s) for s in specs if not s.startswith(("python", "pip")))


def test_environment_yml_matches_pyproject():
    assert conda_requirements() == pyproject_requirements()


LOCK_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\$")
LOCK_HASH = re.compile(r"^    --hash=sha256:([0-9a-f]{64})( \\)?$")
LOCK_OTHER = re.compile(r"^(#.*|    # .*|--only-binary :all:|)$")  # comments, uv's "via" notes, blank


def lock_entries() -> dict[str, tuple[str, list[str]]]:
    """requirements.lock as name -> (version, SHA-256 hashes); every line must be one of its kinds."""
    entries: dict[str, tuple[str, list[str]]] = {}
    name = None
    for number, line in enumerate((ROOT / "requirements.lock").read_text().splitlines(), start=1):
        if pin := LOCK_PIN.match(line):
            name = pin.group(1).lower().replace("_", "-")
            assert name not in entries, f"requirements.lock line {number}: {name} pinned twice"
            entries[name] = (pin.group(2), [])
        elif digest := LOCK_HASH.match(line):
            assert name, f"requirements.lock line {number}: a hash before any package"
            entries[name][1].append(digest.group(1))
        else:
            assert LOCK_OTHER.match(line), f"requirements.lock line {number} is not understood: {line!r}"
            name = None
    return entries


def test_every_package_in_the_lock_is_pinned_with_a_hash():
    entries = lock_entries()
    assert len(entries) > 50
    assert [n for n, (_, hashes) in entries.items() if not hashes] == []
    assert "--only-binary :all:" in (ROOT / "requirements.lock").read_text().splitlines()  # wheels only


def test_the_lock_pins_every_dependency_of_pyproject_within_its_range():
    entries = lock_entries()
    missing = sorted(set(pyproject_requirements()) - set(entries))
    assert missing == []
    outside = {n: (entries[n][0], spec) for n, spec in pyproject_requirements().items()
               if Version(entries[n][0]) not in SpecifierSet(spec)}
    assert outside == {}


def test_processed_files_are_a_fresh_rebuild():
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


def makefile_targets() -> dict[str, str]:
    """Every target of the Makefile's .PHONY line -> its ## comment ('' when it has none)."""
    text = (ROOT / "Makefile").read_text()
    phony = re.search(r"^\.PHONY:(.*)$", text, re.M).group(1).split()
    comments = dict(re.findall(r"^([a-z]+):[^\n#]*## (.+)$", text, re.M))
    return {t: comments.get(t, "") for t in phony}


def make(*args: str) -> str:
    """What `make --no-print-directory args` prints (it must succeed)."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    done = subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True)
    return done.stdout


def test_make_alone_lists_every_target_with_what_it_does():
    targets = makefile_targets()
    assert {"help", "report", "test", "lab", "lock", "bench"} <= set(targets)
    assert [t for t, comment in targets.items() if not comment] == []
    shown = make()
    assert shown == make("help")
    listed = dict(re.findall(r"^  ([a-z]+) +(.+)$", shown, re.M))
    assert listed == targets


def test_make_lab_passes_allow_root_only_to_root():
    command = [ln for ln in make("-n", "lab").splitlines() if "jupyter lab" in ln]
    assert len(command) == 1
    assert ("--allow-root" in command[0]) == (os.getuid() == 0)


def test_make_refuses_a_value_it_does_not_document_and_runs_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    touched = tmp_path / "x"
    switch, languages = "must be one of 1 yes true 0 no false or empty", "must be en or sv"
    refused = {  # argument -> the line make stops with
        "lang=en; touch x": "lang='en; touch x' is not allowed: lang must be en or sv",
        f"lang=$(shell touch {touched})": f"lang='$(shell touch {touched})' is not allowed: lang {languages}",
        "n=2 && touch x": "n='2 && touch x' is not allowed: n must be a number or auto",
        "code=maybe": f"code='maybe' is not allowed: code {switch}",
        "force=`touch x`": f"force='`touch x`' is not allowed: force {switch}",
    }
    for argument, message in refused.items():
        done = subprocess.run(["make", "--no-print-directory", "-n", "report", argument], cwd=ROOT, env=env,
                              capture_output=True, text=True)
        assert done.returncode != 0 and done.stdout == "", argument
        stopped = rf"Makefile:\d+: \*\*\* {re.escape(message)}\.  Stop\.\n"  # one line, as make writes it
        assert re.fullmatch(stopped, done.stderr), done.stderr
    assert not touched.exists()  # $(shell ...) in a value is never run, not even to be checked
    assert make("-n", "report", "lang=sv", "code=yes").splitlines()[-1].endswith(
        "-m asfdata report --lang 'sv' --with-code")
    assert "-n 'auto' " in make("-n", "test", "n=auto")


def test_make_chromium_looks_where_the_browser_tests_look():
    assert re.search(r"^CHROMIUM := (\S+)$", (ROOT / "Makefile").read_text(), re.M).group(1) == str(CHROMIUM)


@pytest.mark.parametrize(("value", "ci"), [(None, False), ("", False), ("0", False), ("false", False),
                                           ("False", False), ("no", False), ("1", True), ("true", True)])
def test_ci_counts_only_when_set_to_a_true_value(monkeypatch, value, ci):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert in_ci() == ci
