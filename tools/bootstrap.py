"""Set up .venv from the hash-checked requirements.lock, one set-up at a time; or refresh the lock.

  python3 tools/bootstrap.py          .venv from requirements.lock (uv when it can be had, else pip),
                                      then the project in editable mode; .venv/.installed on success only
  python3 tools/bootstrap.py lock     resolve pyproject.toml (with the dev extra) into requirements.lock

Standard library only: it runs before .venv exists. make runs the first for every target that needs .venv
(`make report`, `make test`, ...) when .venv/.installed is missing or older than requirements.lock or
pyproject.toml; `make lock` runs the second. What the set-up does:

- uv when it can be had, pip otherwise. uv comes from PATH, else .venv/bin/uv, else the locked uv wheel is
  installed into .venv with pip (hash-checked); uv then installs exactly the lock (`uv pip sync`) in a few
  seconds, then the project, editable (built by the locked flit-core, no build isolation). When uv cannot be
  had (ASF_NO_UV=1 set, or installing uv failed) pip installs the same lock, in about a minute, and the
  set-up says so in one line.
- Hash-checked, wheels only. requirements.lock pins every package with the SHA-256 hashes of its files and
  allows wheels only (its first line, --only-binary :all:, tells pip and uv: nothing is built from source).
  A package whose hash differs stops the set-up (HashMismatch), and is never a reason to try the other
  installer.
- Nothing half-installed. Any failure ends in an `error:` message on stderr (after the installer's last
  lines, when an installer failed) and exit code 2; a .venv this run created is removed again, and
  .venv/.installed, which make trusts, is written only when everything installed (it holds the SHA-256 of
  requirements.lock and pyproject.toml, so a set-up that finds it current only touches it).
- One at a time. A second set-up started meanwhile (say `make report` and `make test` at once in a fresh
  clone) waits for the first (a lock on .venv.lock) and then finds .venv ready.
- Bytecode. uv compiles none; after installing with uv the set-up compiles what the report imports (WARM:
  the package, SciPy and Babel, the Jupyter side; three processes at once), so that no kernel compiles
  pandas or Jupyter again (with PYTHONDONTWRITEBYTECODE set, every kernel of every build would); pip
  compiles everything itself.
- The Python. The Python that runs this script (make's PYTHON, python3 by default) creates .venv; one older
  than pyproject.toml's requires-python (3.11) stops the set-up, naming `make PYTHON=python3.11`.
- The platform. `lock` resolves with `uv pip compile --python-platform x86_64-unknown-linux-gnu
  --python-version 3.11` (LOCK_OPTIONS; 3.11 is the oldest Python requires-python allows), whatever machine
  it runs on: the lock holds the packages Linux x86_64 with Python 3.11 needs, and none that only another
  platform needs (appnope, which ipykernel requires on macOS; colorama on Windows). The set-up is built and
  tested there only; fcntl (the one-at-a-time lock) is POSIX only.
- Changing a dependency. Edit pyproject.toml (and environment.yml: a test compares them), run `make lock`
  (uv resolves the ranges, keeping the locked versions that still fit), commit both; the next make
  re-installs. .venv is created without pip (the creating Python's pip, from 22.3 on, installs into it from
  outside; an older one has ensurepip add pip to it): to try a package, `uv pip install NAME` in the project
  folder (uv finds .venv; it is .venv/bin/uv when uv is not on PATH).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PYPROJECT = ROOT / "pyproject.toml"
STAMP_NAME = ".installed"
NO_UV = "ASF_NO_UV"  # set to 1, true or yes: install with pip even when uv can be had
FALSE_WORDS = {"", "0", "false", "no", "off"}
# Hashes of wheels only (nothing is built from source at set-up; the lock's first line says so to
# pip and uv), resolved for the platform the project is built and checked on.
WHEELS_ONLY = ["--only-binary", ":all:"]
LOCK_OPTIONS = ["--generate-hashes", *WHEELS_ONLY, "--emit-build-options", "--python-platform",
                "x86_64-unknown-linux-gnu"]  # and the oldest Python pyproject.toml allows
HASH_WORDS = re.compile(r"hash mismatch|do not match the hashes|hashes are required|missing from some",
                        re.I)
# The project itself, editable, built by the locked (hash-checked) flit-core already installed.
PROJECT = ["--no-deps", "--no-build-isolation", "-e", str(ROOT)]
TAIL_LINES = 25  # of a failed installer's output, shown
# Bytecode of what the report's processes import, written once at set-up by three processes at once:
# every module of the package (pandas, matplotlib... with them), what the package imports inside
# functions (SciPy, Babel), and the Jupyter side (5.3 s with two processes, 3.9 s with three).
# uv compiles nothing (pip compiles everything); with PYTHONDONTWRITEBYTECODE set, Python would
# otherwise compile them again in every kernel of every build.
WARM = ("package", "stats", "jupyter")
WARM_CODE = """import importlib, pkgutil, sys
sys.dont_write_bytecode = False
if sys.argv[1] == "package":
    import asfdata
    names = [m.name for m in pkgutil.walk_packages(asfdata.__path__, "asfdata.")
             if not m.name.startswith(("asfdata.__main__", "asfdata.report"))]
    names += ["matplotlib.backends.backend_agg"]  # imported in functions
elif sys.argv[1] == "stats":
    names = ["scipy.stats", "babel.dates"]  # imported in functions
else:
    from asfdata.report.edition import import_jupyter
    import_jupyter()
    names = ["asfdata.report.execute", "jupyter_client.manager", "ipykernel_launcher", "ipykernel.ipkernel",
             "ipykernel.debugger", "IPython.core.debugger", "IPython.extensions.storemagic"]  # a kernel's
for name in names:
    try:
        importlib.import_module(name)
    except Exception:  # only a warm-up: the build reports what is really missing
        pass
"""


class SetupError(Exception):
    """The set-up cannot go on; the message says why and what to do."""


class HashMismatch(SetupError):
    """A downloaded package differs from the one the lock names: never a reason to try another way."""


def say(message: str) -> None:
    """One line on stdout, at once."""
    print(message, flush=True)


def flag(name: str) -> bool:
    """True when the environment variable is set to anything but 0/false/no/off."""
    return os.environ.get(name, "").strip().lower() not in FALSE_WORDS


def min_python() -> tuple[int, ...]:
    """The oldest Python pyproject.toml's requires-python allows, e.g. (3, 11)."""
    m = re.search(r'^requires-python\s*=\s*">=\s*([\d.]+)"', PYPROJECT.read_text(encoding="utf-8"), re.M)
    if not m:
        raise SetupError("pyproject.toml states no requires-python = \">=X.Y\"")
    return tuple(int(x) for x in m.group(1).split("."))


def digest() -> str:
    """SHA-256 over the lock and pyproject.toml: what an installed .venv was built from."""
    h = hashlib.sha256()
    for path in (LOCK, PYPROJECT):
        h.update(path.read_bytes())
    return h.hexdigest()


def run(cmd: list[str], what: str, show: bool = True) -> None:
    """Run an installer quietly; on failure show its last lines (unless show is False) and raise."""
    try:
        done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    except OSError as err:  # the program itself is missing or not executable
        raise SetupError(f"{what} failed: {cmd[0]}: {err.strerror}") from None
    if done.returncode == 0:
        return
    lines = done.stdout.rstrip().splitlines()
    if show or HASH_WORDS.search(done.stdout):
        sys.stderr.write("\n".join(lines[-TAIL_LINES:]) + "\n")
    if HASH_WORDS.search(done.stdout):
        raise HashMismatch(f"{what}: a package's SHA-256 differs from requirements.lock (see above). "
                           "Nothing was trusted: the download may be corrupt or substituted. Try again "
                           "later; if you edited requirements.lock by hand, restore it or run `make lock`.")
    last = lines[-1].strip() if lines else ""
    raise SetupError(f"{what} failed (exit {done.returncode}{', see above' if show else ''}): {last}")


@contextlib.contextmanager
def exclusive(venv: Path):
    """Hold .venv's lock file: a second set-up waits here, then finds .venv ready."""
    path = venv.with_name(venv.name + ".lock")
    with open(path, "a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"set-up: waiting for another set-up of {venv.name} to finish")
            fcntl.flock(f, fcntl.LOCK_EX)
        yield


def locked_block(name: str) -> str:
    """The lock's entry for one package (its pin and hash lines), as a requirements file."""
    text = LOCK.read_text(encoding="utf-8")
    m = re.search(rf"^{re.escape(name)}==\S+(?:\s*\\\n\s+--hash=\S+)+", text, re.M | re.I)
    if not m:
        raise SetupError(f"requirements.lock has no hashed entry for {name}: run `make lock`")
    return m.group(0) + "\n"


def pip_install(python: Path, creator: str) -> list[str]:
    """The pip command that installs into python's environment: the creating Python's pip with
    --python (pip >= 22.3; .venv then needs no pip of its own), else .venv's own (ensurepip)."""
    done = subprocess.run([creator, "-m", "pip", "--version"], capture_output=True, text=True)
    version = re.match(r"pip (\d+)\.(\d+)", done.stdout) if done.returncode == 0 else None
    quiet = ["install", "--quiet", "--disable-pip-version-check"]
    if version and (int(version.group(1)), int(version.group(2))) >= (22, 3):
        return [creator, "-m", "pip", "--python", str(python), *quiet]
    if subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True).returncode != 0:
        run([str(python), "-m", "ensurepip", "--default-pip"], "adding pip to the environment")
    return [str(python), "-m", "pip", *quiet]


def find_uv(venv: Path, python: Path, creator: str) -> tuple[str | None, str]:
    """(uv's path or None, why not): PATH, then .venv/bin/uv, then the locked uv installed into
    .venv with pip, hash-checked."""
    if flag(NO_UV):
        return None, f"{NO_UV} is set"
    for candidate in (shutil.which("uv"), venv / "bin" / "uv"):
        if candidate and os.access(candidate, os.X_OK):
            return str(candidate), ""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", prefix="asf-uv-") as req:
        req.write(locked_block("uv"))
        req.flush()
        try:
            run([*pip_install(python, creator), "--require-hashes", *WHEELS_ONLY, "-r", req.name],
                "installing uv", show=False)
        except HashMismatch:
            raise
        except SetupError as err:
            return None, str(err)
    return str(venv / "bin" / "uv"), ""


def create_venv(venv: Path, python: str) -> Path:
    """A new virtual environment, without pip (pip_install brings pip in from outside)."""
    if venv.exists():  # half made by an interrupted set-up: no interpreter that works
        shutil.rmtree(venv)
    run([python, "-m", "venv", "--without-pip", str(venv)], f"creating {venv.name} with {python}")
    return venv / "bin" / "python"


def compile_imports(python: Path) -> None:
    """Write the bytecode of what the report imports (WARM), each side in its own process."""
    procs = [subprocess.Popen([str(python), "-c", WARM_CODE, side], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for side in WARM]
    for proc in procs:
        proc.wait()


def works(python: Path) -> bool:
    """True when the venv's interpreter runs."""
    return python.exists() and subprocess.run([str(python), "-c", ""], capture_output=True).returncode == 0


def check_python(python_cmd: str) -> None:
    """The Python that creates .venv must be one the lock is for."""
    try:
        done = subprocess.run([python_cmd, "-c", "import sys; print(*sys.version_info[:2])"],
                              capture_output=True, text=True)
    except OSError:
        done = None
    found = tuple(int(x) for x in done.stdout.split()) if done and done.returncode == 0 else None
    oldest = ".".join(map(str, min_python()))
    if found is None or found < min_python():
        version = ".".join(map(str, found)) if found else ""
        what = f"{python_cmd} is Python {version}" if found else f"{python_cmd} does not run"
        raise SetupError(f"{what}; the project needs Python {oldest} or newer: "
                         f"run make PYTHON=python{oldest} (or a newer one)")


def install(venv: Path, python_cmd: str) -> None:
    """Create or update venv from the lock; write the stamp only when everything succeeded."""
    stamp = venv / STAMP_NAME
    want = digest()
    with exclusive(venv):
        python = venv / "bin" / "python"
        if works(python) and stamp.exists() and stamp.read_text().strip() == want:
            stamp.touch()  # another set-up just finished, or only the files' times changed
            return
        t0 = time.perf_counter()
        stamp.unlink(missing_ok=True)
        fresh = not works(python)
        if fresh:
            check_python(python_cmd)
        try:
            if fresh:
                python = create_venv(venv, python_cmd)
            uv, why = find_uv(venv, python, python_cmd)
            if uv:
                where = ["--quiet", "--python", str(python)]  # sync: exactly the lock, nothing left over
                run([uv, "pip", "sync", *where, "--require-hashes", str(LOCK)],
                    "installing requirements.lock with uv")
                run([uv, "pip", "install", *where, *PROJECT], "installing the project with uv")
                compile_imports(python)
            else:
                say(f"set-up: uv cannot be had ({why}); installing with pip instead (about a minute)")
                pip = pip_install(python, python_cmd)
                run([*pip, "--require-hashes", "-r", str(LOCK)], "installing requirements.lock with pip")
                run([*pip, *PROJECT], "installing the project with pip")
        except BaseException:
            if fresh:  # nothing half-installed is left for a later make to find
                shutil.rmtree(venv, ignore_errors=True)
            raise
        stamp.write_text(want + "\n")
        say(f"set-up: {venv.name} ready from requirements.lock ({'uv' if uv else 'pip'}, "
            f"{time.perf_counter() - t0:.1f} s)")


def lock(python_cmd: str) -> None:
    """Resolve pyproject.toml with the dev extra into a hash-pinned requirements.lock, with uv."""
    uv = shutil.which("uv")
    scratch = None
    try:
        if not uv and (ROOT / ".venv/bin/uv").exists():
            uv = str(ROOT / ".venv/bin/uv")
        if not uv:  # no uv yet: the locked one, in a scratch venv
            scratch = Path(tempfile.mkdtemp(prefix="asf-lock-"))
            python = create_venv(scratch / "venv", python_cmd)
            uv, why = find_uv(scratch / "venv", python, python_cmd)
            if not uv:
                raise SetupError(f"make lock needs uv ({why}); install it with `pip install uv`")
        oldest = ".".join(map(str, min_python()))
        run([uv, "pip", "compile", "--quiet", str(PYPROJECT), "--extra", "dev", *LOCK_OPTIONS,
             "--python-version", oldest,
             "--custom-compile-command", "make lock", "--output-file", str(LOCK)],
            "resolving pyproject.toml with uv")
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    say(f"lock: {LOCK.name} written ({LOCK.read_text().count('==')} packages, hash-pinned)")


def main(argv: list[str] | None = None) -> int:
    """Entry point; exit 2 with one message when the set-up cannot go on."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", choices=["install", "lock"], default="install")
    parser.add_argument("--venv", default=".venv", help="the environment's folder (default .venv)")
    parser.add_argument("--python", default=sys.executable, help="the Python that creates it")
    args = parser.parse_args(argv)
    try:
        if args.command == "lock":
            lock(args.python)
        else:
            install((ROOT / args.venv).absolute(), args.python)
    except SetupError as err:
        print(f"error: {err}", file=sys.stderr)
        if args.command == "install":
            print(f"error: {args.venv} is not marked installed; the next make tries again", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
