"""The set-up (tools/bootstrap.py): one set-up at a time, a differing hash stops it, nothing half-installed.

Each test sets up a tiny project in a scratch folder: the bootstrap script, a pyproject.toml and a
lock holding only flit-core's entry from requirements.lock (its build backend); uv is this .venv's.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from asfdata.paths import ROOT

BOOTSTRAP = ROOT / "tools" / "bootstrap.py"
PYPROJECT = """[build-system]
requires = ["flit_core>=3.9,<4"]
build-backend = "flit_core.buildapi"

[project]
name = "tinyproj"
version = "0.1.0"
description = "A tiny project for the set-up tests"
requires-python = ">=3.11"
dependencies = []
"""


def bootstrap_module():
    spec = importlib.util.spec_from_file_location("bootstrap", BOOTSTRAP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tiny_project(root: Path, tamper: bool = False) -> Path:
    """A project whose lock pins flit-core (every hash changed when tamper)."""
    (root / "tools").mkdir(parents=True)
    shutil.copy(BOOTSTRAP, root / "tools" / "bootstrap.py")
    (root / "tinyproj").mkdir()
    (root / "tinyproj" / "__init__.py").write_text('"""Tiny."""\n')
    (root / "pyproject.toml").write_text(PYPROJECT)
    block = bootstrap_module().locked_block("flit-core")
    if tamper:  # the last hex digit of every hash: 0 <-> 1, else 0
        block = re.sub(r"(sha256:[0-9a-f]{63})([0-9a-f])",
                       lambda m: m.group(1) + ("1" if m.group(2) == "0" else "0"), block)
    (root / "requirements.lock").write_text(f"--only-binary :all:\n\n{block}")
    return root


def environment(tmp: Path, **extra: str) -> dict:
    """This environment, with the locked uv (and only it) first on PATH."""
    bin_dir = tmp / "uv-bin"
    bin_dir.mkdir(exist_ok=True)
    if not (bin_dir / "uv").exists():
        (bin_dir / "uv").symlink_to(Path(sys.executable).parent / "uv")
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", **extra}


# The set-up as `make` runs it: by the Python that created .venv (.venv's own has no pip; with it the pip
# path would first add pip to the new environment, seconds that `make` does not spend where Python has pip).
CREATOR = getattr(sys, "_base_executable", sys.executable)


def start(project: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([CREATOR, str(project / "tools" / "bootstrap.py")], cwd=project, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_set_ups_at_once_install_once_and_both_succeed(tmp_path):
    project = tiny_project(tmp_path / "project")
    env = environment(tmp_path)
    first, second = start(project, env), start(project, env)
    results = [(p.wait(timeout=300), *p.communicate()) for p in (first, second)]
    assert [code for code, _, _ in results] == [0, 0], results
    said = "".join(out for _, out, _ in results)
    assert said.count("set-up: .venv ready from requirements.lock (uv,") == 1, said  # one installed
    assert "Traceback" not in "".join(err for _, _, err in results)
    python = project / ".venv" / "bin" / "python"
    done = subprocess.run([python, "-c", "import tinyproj, flit_core; print(tinyproj.__file__)"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(project / "tinyproj" / "__init__.py")
    stamp = (project / ".venv" / ".installed").read_text().strip()
    assert re.fullmatch(r"[0-9a-f]{64}", stamp)
    again = start(project, env)  # up to date: nothing to do, nothing said
    assert again.wait(timeout=60) == 0 and again.communicate() == ("", "")


@pytest.mark.parametrize("installer", ["uv", "pip"])
def test_a_hash_that_differs_stops_the_set_up_and_leaves_no_venv(tmp_path, installer):
    project = tiny_project(tmp_path / "project", tamper=True)
    env = environment(tmp_path, **({"ASF_NO_UV": "1"} if installer == "pip" else {}))
    proc = start(project, env)
    code, (out, err) = proc.wait(timeout=300), proc.communicate()
    assert code == 2, out + err
    if installer == "pip":  # the fallback says so in one line
        assert out.splitlines() == ["set-up: uv cannot be had (ASF_NO_UV is set); "
                                    "installing with pip instead (about a minute)"]
    assert "error: installing requirements.lock with " + installer in err
    assert "SHA-256 differs from requirements.lock" in err
    assert err.rstrip().endswith("error: .venv is not marked installed; the next make tries again")
    assert "Traceback" not in err
    assert not (project / ".venv").exists()  # nothing half-installed for a later make to trust
