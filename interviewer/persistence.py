"""Sessions in SQLite under INTERVIEWER_HOME: every answer and its score is committed before the next
question is shown, so a session killed at any point (even kill -9) resumes without losing a turn."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from interviewer.core.domain import Kind, Mode, Question, Turn
from interviewer.core.session import SessionConfig
from interviewer.errors import BadInputError, InterviewerError

__all__ = ["SessionRecord", "SessionRepository", "SessionsFileError"]

_SCHEMA = """
create table if not exists sessions (
    id text primary key,
    started text not null,
    kind text not null,
    mode text not null,
    topic text,
    questions integer not null,
    seed integer not null,
    finished integer not null default 0,
    transcript text,
    priority text
);
create table if not exists turns (
    session_id text not null references sessions(id),
    turn integer not null,
    question text not null,
    answer text,
    score text,
    asked_at text not null,
    answered_at text,
    mode text,
    primary key (session_id, turn)
);
"""


class SessionsFileError(InterviewerError):
    """The sessions database cannot be opened or is damaged."""


@dataclass(frozen=True)
class SessionRecord:
    """A saved session's header and its turns (answered ones, and at most one pending question)."""

    id: str
    started: str
    config: SessionConfig
    finished: bool
    transcript: str | None
    turns: tuple[Turn, ...]
    pending: Question | None
    mode: Mode  # the mode of the latest turn (challenge may be switched mid-session)
    timings: tuple[tuple[str, str | None], ...] = ()  # (asked_at, answered_at) per saved turn, in turn order

    @property
    def mean_score(self) -> float | None:
        """Mean total over answered turns, or None."""
        return round(sum(t.total for t in self.turns) / len(self.turns), 3) if self.turns else None


class SessionRepository:
    """Reads and writes sessions; one short transaction per write, durable on commit. Safe to share between
    the threads of the web app: one lock serialises the connection's transactions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("pragma journal_mode=wal")
            self._db.execute("pragma synchronous=full")
            self._db.executescript(_SCHEMA)
            columns = {row[1] for row in self._db.execute("pragma table_info(sessions)")}
            if "priority" not in columns:  # a sessions file from before priority topics existed
                self._db.execute("alter table sessions add column priority text")
        except sqlite3.DatabaseError as exc:
            backup = path.with_suffix(path.suffix + ".damaged")
            if path.exists() and not backup.exists():
                shutil.copy2(path, backup)
            raise SessionsFileError(
                f"{path}: the sessions file is damaged ({exc}); a copy was kept at {backup}. "
                "Move the file away to start a new one."
            ) from None

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def create(self, config: SessionConfig, started: datetime) -> str:
        """Save a new session and return its id."""
        session_id = f"{started:%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"
        priority = json.dumps(list(config.priority_topics)) if config.priority_topics else None
        with self._lock, self._db:
            self._db.execute("begin immediate")
            self._db.execute(
                "insert into sessions (id, started, kind, mode, topic, questions, seed, priority) "
                "values (?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, started.isoformat(timespec="seconds"), config.kind.value, config.mode.value,
                 config.topic, config.questions, config.seed, priority),
            )  # fmt: skip
        return session_id

    def save_question(self, session_id: str, question: Question, mode: Mode, at: datetime) -> None:
        """Save a question as it is shown (pending until answered)."""
        with self._lock, self._db:
            self._db.execute("begin immediate")
            self._db.execute(
                "insert or replace into turns (session_id, turn, question, asked_at, mode) values (?, ?, ?, ?, ?)",
                (
                    session_id,
                    question.turn,
                    json.dumps(question.to_dict()),
                    at.isoformat(timespec="seconds"),
                    mode.value,
                ),
            )

    def save_answer(self, session_id: str, turn: Turn, at: datetime) -> None:
        """Save an answer with its score; committed before this returns."""
        with self._lock, self._db:
            self._db.execute("begin immediate")
            cursor = self._db.execute(
                "update turns set answer = ?, score = ?, answered_at = ? where session_id = ? and turn = ?",
                (turn.answer, json.dumps(turn.score), at.isoformat(timespec="seconds"), session_id, turn.question.turn),
            )
            if cursor.rowcount != 1:
                raise BadInputError(f"session {session_id} has no question {turn.question.turn} to answer")

    def finish(self, session_id: str, transcript: str | None) -> None:
        """Mark a session finished and remember its transcript path."""
        with self._lock, self._db:
            self._db.execute("update sessions set finished = 1, transcript = ? where id = ?", (transcript, session_id))

    def load(self, session_id: str) -> SessionRecord:
        """A saved session; a one-line error naming the id when there is none."""
        with self._lock:
            row = self._db.execute(
                "select id, started, kind, mode, topic, questions, seed, finished, transcript, priority "
                "from sessions where id = ?",
                (session_id,),
            ).fetchone()
            if row is None:
                raise BadInputError(f"no session {session_id!r}; `interviewer sessions` lists them")
            rows = self._db.execute(
                "select question, answer, score, mode, asked_at, answered_at from turns where session_id = ? "
                "order by turn",
                (session_id,),
            ).fetchall()
        priority = tuple(json.loads(row[9])) if row[9] else ()
        config = SessionConfig(
            kind=Kind(row[2]), mode=Mode(row[3]), topic=row[4], questions=row[5], seed=row[6], priority_topics=priority
        )
        turns: list[Turn] = []
        timings: list[tuple[str, str | None]] = []
        pending: Question | None = None
        mode = config.mode
        for question, answer, score, turn_mode, asked_at, answered_at in rows:
            parsed = Question.from_dict(json.loads(question))
            mode = Mode(turn_mode) if turn_mode else mode
            timings.append((asked_at, answered_at))
            if answer is None:
                pending = parsed
            else:
                turns.append(Turn(question=parsed, answer=answer, score=json.loads(score)))
        return SessionRecord(
            row[0], row[1], config, bool(row[7]), row[8], tuple(turns), pending, mode, timings=tuple(timings)
        )

    def answered(self) -> list[tuple[str, str, Turn]]:
        """Every answered turn of every session as (session id, answered_at ISO-8601, turn), oldest first:
        what spaced review and progress charts are computed from."""
        with self._lock:
            rows = self._db.execute(
                "select session_id, answered_at, question, answer, score from turns where answer is not null "
                "order by answered_at, session_id, turn"
            ).fetchall()
        return [
            (sid, at, Turn(question=Question.from_dict(json.loads(q)), answer=a, score=json.loads(s)))
            for sid, at, q, a, s in rows
        ]

    def list(self) -> list[dict[str, Any]]:
        """Every session, newest first, as `interviewer sessions --json` shows them."""
        with self._lock:
            rows = self._db.execute(
                "select s.id, s.started, s.kind, s.mode, s.finished, count(t.answer), "
                "avg(json_extract(t.score, '$.total')) "
                "from sessions s left join turns t on t.session_id = s.id and t.answer is not null "
                "group by s.id order by s.started desc, s.rowid desc"
            ).fetchall()
        return [
            {"id": r[0], "started": r[1], "kind": r[2], "mode": r[3], "answered": r[5], "finished": bool(r[4]),
             "mean_score": round(r[6], 3) if r[6] is not None else None}
            for r in rows
        ]  # fmt: skip
