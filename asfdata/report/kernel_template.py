"""Chapter kernels forked from a template process: still a new kernel process for every chapter, started in
milliseconds instead of a second of imports.

The template (`python -m asfdata.report.kernel_template FD`) imports what every chapter kernel imports
(IPython's kernel, pandas, matplotlib, the chapter modules: PRELOAD) and runs nothing of any notebook. Asked
over the socket FD for a kernel (a JSON line: connection file, folder, environment), it forks; the child
becomes an IPython kernel on that connection file in a session of its own, and the template answers with
its pid. The build's kernel manager watches that kernel through a pidfd (it is the template's child, not
the build's), signals it by process group, and sees it die within its usual second. The template reaps
its children; when the build closes the socket (or dies) it kills the kernels left and exits.

`KernelTemplate` is the build's side; `launch` is the kernel manager's launch through it.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import pkgutil
import select
import signal
import socket
import subprocess
import sys
import threading

# What a chapter kernel imports: the kernel itself, then the chapters' modules and what they use.
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "asfdata.pipeline.data", "asfdata.render.html",
           "matplotlib.backends.backend_agg", "scipy.stats")
CHAPTER_PACKAGE = "asfdata.chapters"
UNKNOWN_EXIT = 1  # a forked kernel's exit status is its parent's (the template's) to read


def supported() -> bool:
    """True where a process can be watched by a pidfd (Linux 5.3 on): elsewhere kernels start as usual."""
    try:
        os.close(os.pidfd_open(os.getpid()))
    except (AttributeError, OSError):
        return False
    return True


class KernelTemplate:
    """The template process for one build: started at once (its imports overlap the data step), closed
    at the end; fork() asks it for a kernel and returns the kernel's pid (OSError when it cannot)."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        self._lock = threading.Lock()
        self._sock = ours
        self._replies = ours.makefile("rb")
        self._proc = subprocess.Popen([sys.executable, "-m", __name__, str(theirs.fileno())],
                                      pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL)
        theirs.close()

    def fork(self, connection_file: str, cwd: str | None, env: dict | None) -> int:
        """A new kernel on connection_file, working in cwd with env; its pid."""
        request = json.dumps({"connection_file": connection_file, "cwd": cwd or os.getcwd(),
                              "env": dict(env or os.environ)}) + "\n"
        with self._lock:
            self._sock.sendall(request.encode())
            reply = self._replies.readline()
        if not reply.strip().isdigit():
            raise OSError(f"the kernel template did not start a kernel (it answered {reply[:80]!r})")
        return int(reply)

    def close(self) -> None:
        """Stop the template (it kills any kernel of its own still running)."""
        self._replies.close()
        self._sock.close()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()

    def __enter__(self) -> KernelTemplate:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class ForkedKernel:
    """A kernel the template forked, with the part of Popen's interface a kernel provisioner uses."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid, self.returncode = pid, None
        self._fd = os.pidfd_open(pid)  # readable once the process has ended

    def poll(self) -> int | None:
        """None while it runs, else an exit status."""
        return self.wait(timeout=0)

    def wait(self, timeout: float | None = None) -> int | None:
        """Wait up to timeout seconds (None: until it ends); its exit status, or None if still running."""
        if self.returncode is None and select.select([self._fd], [], [], timeout)[0]:
            self.returncode = UNKNOWN_EXIT
            os.close(self._fd)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


async def launch(provisioner, template: KernelTemplate, started, cmd: list[str], **kwargs):
    """LocalProvisioner.launch_kernel (started: the provisioner's own), with the kernel forked by the
    template, in a process group of its own; started as usual when the template cannot."""
    import asyncio  # Jupyter's event loop: only when kernels start

    connection_file = cmd[cmd.index("-f") + 1]
    try:
        pid = await asyncio.to_thread(template.fork, connection_file, kwargs.get("cwd"), kwargs.get("env"))
    except OSError:
        return await started(cmd, **kwargs)
    provisioner.process = ForkedKernel(pid)
    provisioner.pid = provisioner.pgid = pid
    provisioner.cwd = kwargs.get("cwd") or os.getcwd()
    return provisioner.connection_info


# ---- the template process --------------------------------------------------------------------------------


def preload() -> None:
    """Import what chapter kernels import; a module that fails is left for the kernel to report."""
    chapters = importlib.import_module(CHAPTER_PACKAGE)
    names = [*PRELOAD, *(m.name for m in pkgutil.iter_modules(chapters.__path__, f"{CHAPTER_PACKAGE}."))]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # the notebook's own import shows the error, in its cell
            pass


def become_kernel(request: dict) -> None:
    """In the forked child: a kernel on the request's connection file; never returns."""
    code = 0
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.setsid()
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        if sys.path and sys.path[0] in ("", os.getcwd()):  # as ipykernel_launcher: not the folder it runs in
            del sys.path[0]
        from ipykernel.kernelapp import launch_new_instance

        parent = f"--IPKernelApp.parent_handle={os.getppid()}"  # it ends if the template is gone
        launch_new_instance(argv=["-f", request["connection_file"], parent])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:  # shown on stderr, then the kernel ends
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve(fd: int) -> None:
    """Fork a kernel for every request read from the socket fd, until it closes."""
    children: set[int] = set()

    def reap(*_) -> None:
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            children.discard(pid)

    sock = socket.socket(fileno=fd)
    signal.signal(signal.SIGCHLD, reap)
    try:
        with sock.makefile("rb") as requests:
            for line in requests:
                pid = os.fork()
                if pid == 0:
                    sock.close()
                    become_kernel(json.loads(line))
                children.add(pid)
                sock.sendall(f"{pid}\n".encode())
    finally:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for pid in children:  # the build is gone or done: no kernel outlives it
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass


if __name__ == "__main__":
    preload()
    gc.freeze()  # the collector leaves what was imported alone: a kernel copies no page just to scan it
    serve(int(sys.argv[1]))
