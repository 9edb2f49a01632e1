"""`make explore`: the explorer (notebooks/explore.ipynb) as a dashboard without code, served by Voilà.

    python -m asfdata.explore_server [--lang en|sv] [--port 8866] [--log]

Voilà runs the notebook in a fresh kernel for each visit (one made ready ahead: preheat_kernel) and shows its
widgets, charts and tables, never its code. It listens on 127.0.0.1 only, behind a token made here (passed
to Voilà in its environment, not on its command line, where any user of the machine could read it); this
prints the one address to open, token included, and nothing of Voilà's log unless --log. --lang sv sets
ASF_EXPLORE_LANG for the kernels, which the notebook reads (asfdata.chapters.explore.dashboard_lang).

Nothing is requested from outside the machine: Voilà's template "lab" links Font Awesome from a CDN (icons
that no control of the explorer uses), so the dashboard is drawn with the template in
asfdata/dashboard/voila/templates/asf (found through JUPYTER_PATH): "lab" without that link, and without
the cells tagged asf-notebook-only (the notebook's opening cell for JupyterLab, its static example).
Voilà, unlike JupyterLab, has no root check (no --allow-root): the same command runs as root, as in a
container, and as a user.

Voilà runs in a session of its own, so that a terminal's Ctrl-C reaches this process alone: it stops Voilà
and its kernels (SIGTERM; killed after STOP_SECONDS) and says so in one line. Ctrl-C is how the dashboard
is meant to end, so the exit code is then 0 and make adds no line of its own; SIGTERM and SIGHUP stop it
the same way. Voilà stopping by itself (a port it cannot have) is one line too, exit code 1.

Standard library only: the explorer imports LANG_ENV from here, and the command starts in a moment.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
from pathlib import Path

LANG_ENV = "ASF_EXPLORE_LANG"  # the dashboard's language, for its kernels: en or sv
PACKAGE = Path(__file__).resolve().parent
NOTEBOOK = PACKAGE.parent / "notebooks" / "explore.ipynb"
TEMPLATES = PACKAGE / "dashboard"  # holds voila/templates/asf: a Jupyter data folder (JUPYTER_PATH)
TEMPLATE = "asf"
HOST = "127.0.0.1"
PORT = 8866  # Voilà's own default; taken, Voilà tries the next ports and this prints the one it has
START_SECONDS = 120  # Voilà listening within this, or it is stopped and the last line of its log shown
STOP_SECONDS = 15  # Voilà's own stop (kernels shut down) within this, or it is killed
LISTENING = re.compile(r"(http://127\.0\.0\.1:(\d+)/)")  # Voilà's log line once it listens
LOG_LINES = 40  # of Voilà's log, kept to say why it stopped


class Stop(Exception):
    """SIGTERM or SIGHUP: stop as on Ctrl-C."""


def stop_signal(signum, frame) -> None:
    """A signal that stops the dashboard as Ctrl-C does."""
    raise Stop


def command(port: int) -> list[str]:
    """Voilà on the explorer notebook: 127.0.0.1, the port (or the next free one), a token, no browser,
    the dashboard's template, one kernel kept running the notebook ahead of the next visit (a visit then
    shows the explorer in about 3 s, not 10)."""
    return [sys.executable, "-m", "voila", str(NOTEBOOK), "--no-browser", "--token", f"--port={port}",
            f"--Voila.ip={HOST}", f"--template={TEMPLATE}", "--preheat_kernel=True", "--pool_size=1"]


def environment(lang: str, token: str) -> dict[str, str]:
    """Voilà's environment: the token (JUPYTER_TOKEN), the template folder first on JUPYTER_PATH, the
    kernels' language."""
    env = dict(os.environ)
    paths = [str(TEMPLATES), *[p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]]
    env.update({"JUPYTER_TOKEN": token, "JUPYTER_PATH": os.pathsep.join(paths), LANG_ENV: lang})
    return env


def address(port: int, token: str) -> str:
    """The address to open."""
    return f"http://{HOST}:{port}/?token={token}"


class Voila:
    """Voilà running in a session of its own, its log read line by line (kept, or shown with log)."""

    def __init__(self, lang: str, port: int, log: bool):
        self.token = secrets.token_hex(24)
        self.log = log
        self.lines: collections.deque[str] = collections.deque(maxlen=LOG_LINES)
        self.port: int | None = None
        self.listening = threading.Event()
        self.proc = subprocess.Popen(command(port), env=environment(lang, self.token), cwd=NOTEBOOK.parent,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, errors="replace",
                                     start_new_session=True)
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()

    def read(self) -> None:
        """Read Voilà's log to its end: note the port it listens on."""
        assert self.proc.stdout is not None  # a pipe, as Popen was asked for
        for line in self.proc.stdout:
            self.lines.append(line.rstrip())
            if self.log:
                print(line, end="", file=sys.stderr, flush=True)
            found = LISTENING.search(line)
            if found and self.port is None:
                self.port = int(found.group(2))
                self.listening.set()
        self.listening.set()  # ended: whoever waits need not wait longer

    def why(self) -> str:
        """The last line of Voilà's log that says something."""
        said = [ln for ln in self.lines if ln.strip()]
        return said[-1] if said else f"exit code {self.proc.poll()}"

    def stop(self) -> None:
        """Stop Voilà (SIGTERM: it shuts its kernels down), killing it if it takes too long."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.reader.join(5)


def serve(lang: str, port: int, log: bool) -> int:
    """Start Voilà, print the address to open, wait until it is stopped."""
    voila = Voila(lang, port, log)
    try:
        voila.listening.wait(START_SECONDS)
        if voila.port is None:
            voila.stop()
            print(f"error: the dashboard did not start: {voila.why()}", file=sys.stderr)
            return 1
        print(f"explore: open {address(voila.port, voila.token)} (Ctrl-C stops it)", flush=True)
        voila.proc.wait()
        print(f"error: the dashboard stopped: {voila.why()}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, Stop):
        voila.stop()
        print("explore: stopped", file=sys.stderr)
        return 0


def main(argv: list[str] | None = None) -> int:
    """Serve the explorer until Ctrl-C; bad arguments: one message, exit code 2."""
    parser = argparse.ArgumentParser(prog="python -m asfdata.explore_server",
                                     description=__doc__.splitlines()[0].strip("`"))
    parser.add_argument("--lang", choices=("en", "sv"), default="en", help="the explorer's language")
    parser.add_argument("--port", type=int, default=PORT, help=f"the port to try first (default {PORT})")
    parser.add_argument("--log", action="store_true", help="show Voilà's log")
    args = parser.parse_args(argv)
    if not 0 < args.port < 65536:
        parser.error(f"--port {args.port} is no port: use 1 to 65535")
    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C, even where a shell ignored it (&)
    signal.signal(signal.SIGTERM, stop_signal)
    signal.signal(signal.SIGHUP, stop_signal)
    return serve(args.lang, args.port, args.log)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # Ctrl-C before Voilà was started: nothing to stop
        print("explore: stopped", file=sys.stderr)
        sys.exit(0)
