"""The candidate's corrections of case readings, in their own table of the sessions file. Every correction ever given
is kept (the newest per note counts), so an earlier one is never lost."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from interviewer.core.domain import CaseKind
from interviewer.core.readings import CaseReading
from interviewer.errors import SaveError
from interviewer.storage.side_tables import SideTables

__all__ = ["ReadingStore"]

_SCHEMA = """
create table if not exists case_readings (
    id integer primary key autoincrement,
    at text not null,
    note text not null,
    topic text not null,
    kind text,
    business text not null,
    not_case integer not null
);
create index if not exists case_readings_note on case_readings(note);
"""
_COLUMNS = "at, note, topic, kind, business, not_case"


def _reading(row: tuple[object, ...]) -> CaseReading:
    at, note, topic, kind, business, not_case = row
    return CaseReading(
        note=str(note),
        topic=str(topic),
        at=datetime.fromisoformat(str(at)),
        kind=CaseKind(str(kind)) if kind else None,
        business=str(business),
        not_case=bool(not_case),
    )


class ReadingStore:
    """Appends and reads the candidate's case readings."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connect = SideTables(path, _SCHEMA).connect

    def add(self, reading: CaseReading) -> None:
        """Keep a reading; a SaveError says when it could not be saved (nothing earlier is touched)."""
        row = (
            reading.at.isoformat(timespec="seconds"), reading.note, reading.topic,
            reading.kind.value if reading.kind else None, reading.business, int(reading.not_case),
        )  # fmt: skip
        try:
            with self._connect() as db:
                db.execute(f"insert into case_readings ({_COLUMNS}) values (?,?,?,?,?,?)", row)
        except sqlite3.Error as exc:
            raise SaveError(
                f"{self.path}: the case reading was not saved ({exc}); free disk space and save it again"
            ) from None

    def history(self) -> list[CaseReading]:
        """Every reading given, oldest first."""
        if not self.path.exists():
            return []
        with self._connect() as db:
            rows = db.execute(f"select {_COLUMNS} from case_readings order by id").fetchall()
        return [_reading(row) for row in rows]

    def latest(self) -> dict[str, CaseReading]:
        """The newest reading per note, for the notes whose reading the candidate changed (one put back to the app's
        reading is left out)."""
        newest = {reading.note: reading for reading in self.history()}
        return {note: reading for note, reading in newest.items() if not reading.as_read}
