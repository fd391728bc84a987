"""Find the app's model process and crash it for real while it generates (for the crash tests)."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

__all__ = ["ModelKiller", "busy_ticks", "loaded_model_process", "model_process"]

WORKER_MODULE = b"interviewer.llm.worker"


def model_process(parent: int) -> int | None:
    """The pid of the running model process started by `parent`, if any."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == parent and WORKER_MODULE in cmdline and stat.rsplit(")", 1)[1].split()[0] != "Z":
            return int(entry.name)
    return None


def loaded_model_process(parent: int, timeout: float = 120.0, quiet: float = 0.5) -> int | None:
    """The pid of `parent`'s model process once it has started and gone idle (loaded, not generating), or None
    if none has by `timeout`. The app starts its model in the background, so it may be later than the first reply."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid = model_process(parent)
        if pid is not None:
            before = busy_ticks(pid)
            time.sleep(quiet)
            if before >= 0 and busy_ticks(pid) == before:
                return pid
        else:
            time.sleep(0.05)
    return None


def busy_ticks(pid: int) -> int:
    """CPU time the process has used so far (user + system), in clock ticks; -1 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1
    return int(fields[11]) + int(fields[12])


class ModelKiller:
    """Watches the model process of `parent` from a thread and sends it SIGSEGV as soon as it starts working on
    a request (its CPU time grows while it is idle-waiting otherwise), i.e. in the middle of a generation."""

    def __init__(self, parent: int, min_ticks: int = 3) -> None:
        self.parent = parent
        self.min_ticks = min_ticks
        self.killed: int | None = None
        self._armed = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def arm(self) -> None:
        """From now on, kill the model process the moment it works."""
        self._armed.set()

    def close(self) -> None:
        """Stop watching."""
        self._stop.set()
        self._thread.join(timeout=5)

    def _watch(self) -> None:
        self._armed.wait()
        baseline: dict[int, int] = {}
        while not self._stop.is_set() and self.killed is None:
            pid = model_process(self.parent)
            if pid is not None:
                ticks = busy_ticks(pid)
                start = baseline.setdefault(pid, ticks)
                if ticks - start >= self.min_ticks:
                    os.kill(pid, signal.SIGSEGV)
                    self.killed = pid
                    return
            time.sleep(0.01)
