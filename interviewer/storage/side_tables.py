"""A store's own tables in the sessions file, beside the sessions repository: a short connection per call (WAL lets
it write while the repository holds the file open), with the journal mode and the tables set up once per store, and
again when the file was deleted since (delete-data in another process)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["SideTables"]


class SideTables:
    """Connections to one store's tables (`schema`) in the sessions file at `path`."""

    def __init__(self, path: Path, schema: str) -> None:
        self.path = path
        self.schema = schema
        self._ready = False  # the journal mode and the tables are set up once per store, not on every read

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection, closed on leaving, to a file whose tables exist."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not self.path.exists()
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            if not self._ready or fresh:
                db.execute("pragma journal_mode=wal")
                db.executescript(self.schema)
                self._ready = True
            yield db
        finally:
            db.close()

    def forget(self) -> None:
        """Set the file up again at the next connection (its rows were deleted)."""
        self._ready = False
