"""The candidate's confirmations, in their own table of the sessions file: every verdict ever given is kept
(a later one for the same point of the same answer wins where it counts, the earlier stays in the history), so
nothing a candidate confirmed is lost. A short connection per call, like the check-ins: WAL lets it write beside
the sessions repository."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from interviewer.core.review import Confirmation, Verdict
from interviewer.core.score import ScoreResult
from interviewer.errors import SaveError
from interviewer.storage.side_tables import SideTables

__all__ = ["ConfirmationStore"]

_SCHEMA = """
create table if not exists confirmations (
    id integer primary key autoincrement,
    at text not null,
    session_id text,
    turn integer,
    question text not null,
    answer text not null,
    point_id text not null,
    point text not null,
    verdict text not null,
    machine_verdict text not null,
    machine_sure integer not null,
    sentence text not null
);
create index if not exists confirmations_point on confirmations(point_id);
create table if not exists confirmed_scores (
    session_id text not null,
    turn integer not null,
    at text not null,
    score text not null,
    primary key (session_id, turn)
);
create index if not exists confirmations_turn on confirmations(session_id, turn);
"""
_COLUMNS = "at, session_id, turn, question, answer, point_id, point, verdict, machine_verdict, machine_sure, sentence"


def _row(confirmation: Confirmation) -> tuple[object, ...]:
    c = confirmation
    return (c.at.isoformat(timespec="seconds"), c.session_id, c.turn, c.question, c.answer, c.point_id,
            c.point_text, c.verdict.value, c.machine_verdict, int(c.machine_sure), c.sentence)  # fmt: skip


def _confirmation(row: tuple[object, ...]) -> Confirmation:
    at, session_id, turn, question, answer, pid, point, verdict, machine, sure, sentence = row
    return Confirmation(
        point_id=str(pid),
        point_text=str(point),
        verdict=Verdict(str(verdict)),
        machine_verdict=str(machine),
        machine_sure=bool(sure),
        sentence=str(sentence),
        at=datetime.fromisoformat(str(at)),
        question=str(question),
        answer=str(answer),
        session_id=None if session_id is None else str(session_id),
        turn=None if turn is None else int(str(turn)),
    )


class ConfirmationStore:
    """Reads and appends the candidate's confirmed verdicts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tables = SideTables(path, _SCHEMA)
        self._connect = self._tables.connect

    def add(
        self, confirmations: Iterable[Confirmation], confirmed: tuple[str, int, datetime, ScoreResult] | None = None
    ) -> None:
        """Append confirmations, and the confirmed score of a saved answer (session, turn, when, score) if given, in
        one transaction: all of it is saved, or none and a SaveError says so."""
        rows = [_row(c) for c in confirmations]
        if not rows:
            return
        try:
            with self._connect() as db, db:
                db.execute("begin immediate")
                db.executemany(f"insert into confirmations ({_COLUMNS}) values (?,?,?,?,?,?,?,?,?,?,?)", rows)
                if confirmed is not None:
                    session_id, turn, at, score = confirmed
                    db.execute(
                        "insert or replace into confirmed_scores (session_id, turn, at, score) values (?, ?, ?, ?)",
                        (session_id, turn, at.isoformat(timespec="seconds"), json.dumps(score.to_json())),
                    )
        except sqlite3.Error as exc:
            raise SaveError(
                f"{self.path}: your confirmations were not saved ({exc}); free disk space and confirm again"
            ) from None

    def history(self) -> list[Confirmation]:
        """Every confirmation, oldest first (the order they were given)."""
        if not self.path.exists():
            return []
        with self._connect() as db:
            rows = db.execute(f"select {_COLUMNS} from confirmations order by id").fetchall()
        return [_confirmation(row) for row in rows]

    def latest(self) -> list[Confirmation]:
        """The newest verdict per point of each answer: what counts for scores, schedules and learning."""
        newest: dict[tuple[str | None, int | None, str, str, str], Confirmation] = {}
        for confirmation in self.history():
            c = confirmation
            newest[(c.session_id, c.turn, c.question if c.session_id is None else "", c.answer, c.point_id)] = c
        return list(newest.values())

    def by_turn(self) -> dict[tuple[str, int], dict[str, Verdict]]:
        """The newest verdict per point of every saved answer the candidate reviewed, by (session, turn)."""
        found: dict[tuple[str, int], dict[str, Verdict]] = {}
        for c in self.latest():
            if c.session_id is not None and c.turn is not None:
                found.setdefault((c.session_id, c.turn), {})[c.point_id] = c.verdict
        return found

    def for_turn(self, session_id: str, turn: int) -> dict[str, Confirmation]:
        """The newest confirmed verdict of each point of one saved answer, by point id."""
        return {c.point_id: c for c in self.latest() if c.session_id == session_id and c.turn == turn}

    def confirmed_scores(self, session_id: str) -> dict[int, ScoreResult]:
        """The saved confirmed score of each reviewed answer of a session, by turn."""
        if not self.path.exists():
            return {}
        with self._connect() as db:
            rows = db.execute("select turn, score from confirmed_scores where session_id = ?", (session_id,))
            return {int(turn): ScoreResult.from_json(json.loads(score)) for turn, score in rows.fetchall()}

    def delete_all(self) -> None:
        """Drop every confirmation (delete-data)."""
        if self.path.exists():
            with self._connect() as db:
                db.execute("delete from confirmations")
                db.execute("delete from confirmed_scores")
        self._tables.forget()
