"""Phrasings already asked of the model, kept by what they were asked about (note, level, template question).

The question prepared while the candidate was still answering is then the one shown, at once; and when the
interview needs a phrasing that a background preparation is generating right now, it waits for that one
generation instead of starting a second."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

__all__ = ["PhraseMemo"]


class PhraseMemo:
    """A bounded, thread-safe memo of phrasings (accepted or rejected) with one generation per key at a time."""

    def __init__(self, size: int = 256, wait_seconds: float = 300.0) -> None:
        self.size = size
        self.wait_seconds = wait_seconds
        self.hits = 0
        self._results: OrderedDict[Hashable, str | None] = OrderedDict()
        self._running: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._results

    def get_or_run(self, key: Hashable, run: Callable[[], tuple[str | None, bool]]) -> str | None:
        """The phrasing for `key`: remembered, awaited from another caller, or `run()` now. `run` returns the
        phrasing (None: rejected) and whether to keep it (not when the model could not be asked)."""
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                self.hits += 1
                return self._results[key]
            running = self._running.get(key)
            if running is None:
                self._running[key] = threading.Event()
        if running is not None:
            running.wait(self.wait_seconds)
            with self._lock:
                self.hits += key in self._results
                return self._results.get(key)
        try:
            result, keep = run()
            if keep:
                with self._lock:
                    self._results[key] = result
                    while len(self._results) > self.size:
                        self._results.popitem(last=False)
            return result
        finally:
            with self._lock:
                self._running.pop(key).set()
