"""Sessions in SQLite under INTERVIEWER_HOME: every answer and its score is committed before the next
question is shown, so a session killed at any point (even kill -9) resumes without losing a turn."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from interviewer.core.domain import CaseKind, Kind, Mode, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.core.session_modes import mode_history
from interviewer.errors import BadInputError, InterviewerError, SaveError

__all__ = ["SessionRecord", "SessionRepository", "SessionsFileError", "keep_damaged_copy"]

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
    priority text,
    case_kind text
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
    modes: tuple[str, ...] = ()  # the starting mode, then each mode switched to (see session_modes.mode_history)

    @property
    def mean_score(self) -> float | None:
        """Mean total over answered turns, or None."""
        return round(sum(t.total for t in self.turns) / len(self.turns), 3) if self.turns else None


# The tables the app's other stores keep in the sessions file, which may be written before the first session is.
_COMPANION_TABLES = frozenset({"checkins", "confirmations", "confirmed_scores", "case_readings", "sqlite_sequence"})
# Columns every sessions file has had; `priority` and `case_kind` came later and are added to older files.
_REQUIRED_COLUMNS = {
    "sessions": {"id", "started", "kind", "mode", "topic", "questions", "seed", "finished", "transcript"},
    "turns": {"session_id", "turn", "question", "answer", "score", "asked_at", "answered_at", "mode"},
}


def _same_bytes(left: Path, right: Path) -> bool:
    return left.stat().st_size == right.stat().st_size and left.read_bytes() == right.read_bytes()


def _has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """True when SQLite says the file itself is broken; a locked, full or unreadable file is not damaged."""
    code = getattr(exc, "sqlite_errorcode", None)  # absent on the integrity-check errors raised here
    return code is None or code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _not_damaged(path: Path, exc: sqlite3.Error) -> SessionsFileError:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    fix = {
        sqlite3.SQLITE_BUSY: "close other interviewer windows and try again",
        sqlite3.SQLITE_LOCKED: "close other interviewer windows and try again",
        sqlite3.SQLITE_FULL: "free disk space and try again",
    }.get(code, "check the folder's permissions and free space")
    return SessionsFileError(f"{path}: cannot use the sessions file ({_one_line(exc)}); {fix}")


def keep_damaged_copy(path: Path) -> Path:
    """Copy a damaged sessions file (and its write-ahead log) beside it, never over an earlier, different copy:
    `NAME.damaged`, then `NAME.damaged-2`, ...; returns the copy's path."""
    for number in range(1, 1000):
        backup = path.with_name(path.name + (".damaged" if number == 1 else f".damaged-{number}"))
        if backup.exists() and not _same_bytes(path, backup):
            continue
        if not backup.exists():
            shutil.copy2(path, backup)
        wal = path.with_name(path.name + "-wal")
        if wal.is_file():  # committed answers not yet folded into the main file live here
            shutil.copy2(wal, backup.with_name(backup.name + "-wal"))
        return backup
    raise SessionsFileError(f"{path}: damaged, and 999 damaged copies are already kept; move them away")


class SessionRepository:
    """Reads and writes sessions; one short transaction per write, durable on commit. Safe to share between
    the threads of the web app: one lock serialises the connection's transactions.

    A file that is not a sessions file is left untouched; a damaged one is copied aside first; a write that
    fails (a full disk) raises SaveError and leaves every earlier turn as it was."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_file() and path.stat().st_size and not _has_sqlite_header(path):
                # Copied before SQLite opens it: SQLite may delete a write-ahead log it cannot use.
                raise self._damaged(sqlite3.DatabaseError("file is not a database"))
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise SessionsFileError(f"{path}: cannot open the sessions file ({exc}); check the folder") from None
        try:
            self._check_schema()  # before anything is written: a foreign database must stay as it is
            self._db.execute("pragma journal_mode=wal")
            self._db.execute("pragma synchronous=full")
            self._db.executescript(_SCHEMA)
            columns = {row[1] for row in self._db.execute("pragma table_info(sessions)")}
            if "priority" not in columns:  # a sessions file from before priority topics existed
                self._db.execute("alter table sessions add column priority text")
            if "case_kind" not in columns:  # ... or before the candidate could say what a case asks
                self._db.execute("alter table sessions add column case_kind text")
        except SessionsFileError:
            self._db.close()
            raise
        except sqlite3.DatabaseError as exc:
            # A damaged file is copied while still open: closing may fold the log into it.
            error = self._damaged(exc) if _is_damage(exc) else _not_damaged(path, exc)
            self._db.close()
            raise error from None

    def _check_schema(self) -> None:
        """Refuse a SQLite file that is not ours; a damaged one raises sqlite3.DatabaseError."""
        tables = {row[0] for row in self._db.execute("select name from sqlite_master where type = 'table'")}
        problem = self._db.execute("pragma quick_check").fetchone()[0]
        if problem != "ok":
            raise sqlite3.DatabaseError(f"integrity check: {problem}")
        if not tables or tables <= _COMPANION_TABLES:
            return  # a new, empty file, or one where a check-in or a case reading came before any session
        if "sessions" not in tables:
            raise self._foreign("it has no sessions table")
        for table, required in _REQUIRED_COLUMNS.items():
            present = {row[1] for row in self._db.execute(f"pragma table_info({table})")}
            if present and required - present:
                raise self._foreign(f"table {table} lacks {', '.join(sorted(required - present))}")

    def _foreign(self, why: str) -> SessionsFileError:
        return SessionsFileError(
            f"{self.path}: not an interviewer sessions file ({why}); it was left untouched: "
            "move it away or set INTERVIEWER_HOME to another folder"
        )

    def _damaged(self, exc: BaseException) -> SessionsFileError:
        if not self.path.is_file():
            return SessionsFileError(f"{self.path}: cannot use the sessions file ({_one_line(exc)})")
        backup = keep_damaged_copy(self.path)
        return SessionsFileError(
            f"{self.path}: the sessions file is damaged ({_one_line(exc)}); a copy was kept at {backup}. "
            "Move the file away to start a new one."
        )

    @contextmanager
    def _writing(self, what: str, unsaved: str | None = None) -> Iterator[None]:
        """One write transaction; a failure (disk full, file locked or damaged) becomes a one-line SaveError
        that says what was not saved, and the transaction is rolled back, so earlier turns stay as they were."""
        with self._lock:
            try:
                with self._db:
                    self._db.execute("begin immediate")
                    yield
            except InterviewerError:
                raise
            except (sqlite3.Error, UnicodeEncodeError) as exc:
                raise SaveError(
                    f"{self.path}: {what} was not saved ({_one_line(exc)}); earlier answers are safe: "
                    "free disk space (or close other interviewer windows) and try again",
                    unsaved=unsaved,
                ) from None

    @contextmanager
    def _reading(self) -> Iterator[None]:
        with self._lock:
            try:
                yield
            except sqlite3.DatabaseError as exc:
                raise (self._damaged(exc) if _is_damage(exc) else _not_damaged(self.path, exc)) from None

    @contextmanager
    def _decoding(self, what: str) -> Iterator[None]:
        # A row SQLite reads fine can still hold JSON or a value this version cannot read (edited by hand).
        try:
            yield
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SessionsFileError(
                f"{self.path}: {what} cannot be read ({type(exc).__name__}: {_one_line(exc)}); "
                "the file was left as it is"
            ) from None

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def create(self, config: SessionConfig, started: datetime) -> str:
        """Save a new session and return its id."""
        session_id = f"{started:%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"
        priority = json.dumps(list(config.priority_topics)) if config.priority_topics else None
        with self._writing("the new session"):
            self._db.execute(
                "insert into sessions (id, started, kind, mode, topic, questions, seed, priority, case_kind) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, started.isoformat(timespec="seconds"), config.kind.value, config.mode.value,
                 config.topic, config.questions, config.seed, priority,
                 config.case_kind.value if config.case_kind else None),
            )  # fmt: skip
        return session_id

    def save_question(self, session_id: str, question: Question, mode: Mode, at: datetime) -> None:
        """Save a question as it is shown (pending until answered)."""
        with self._writing(f"question {question.turn}"):
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
        with self._writing(f"your answer to question {turn.question.turn}", unsaved=turn.answer):
            cursor = self._db.execute(
                "update turns set answer = ?, score = ?, answered_at = ? where session_id = ? and turn = ?",
                (
                    turn.answer,
                    json.dumps(turn.score.to_json()),
                    at.isoformat(timespec="seconds"),
                    session_id,
                    turn.question.turn,
                ),
            )
            if cursor.rowcount != 1:
                raise BadInputError(f"session {session_id} has no question {turn.question.turn} to answer")

    def finish(self, session_id: str, transcript: str | None) -> None:
        """Mark a session finished and remember its transcript path."""
        with self._writing("the end of the session"):
            self._db.execute("update sessions set finished = 1, transcript = ? where id = ?", (transcript, session_id))

    def discard_if_empty(self, session_id: str) -> bool:
        """Delete a session that has no answered question (its shown question too); True when it was deleted.
        A session with an answer is never deleted here."""
        with self._writing("the end of the session"):
            answered = self._db.execute(
                "select count(*) from turns where session_id = ? and answer is not null", (session_id,)
            ).fetchone()[0]
            if answered:
                return False
            self._db.execute("delete from turns where session_id = ?", (session_id,))
            deleted = self._db.execute("delete from sessions where id = ?", (session_id,)).rowcount
        return deleted == 1

    def load(self, session_id: str) -> SessionRecord:
        """A saved session; a one-line error naming the id when there is none."""
        with self._reading():
            row = self._db.execute(
                "select id, started, kind, mode, topic, questions, seed, finished, transcript, priority, case_kind "
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
        with self._decoding(f"session {session_id}"):
            return self._record(row, rows)

    def _record(self, row: tuple[Any, ...], rows: list[tuple[Any, ...]]) -> SessionRecord:
        priority = tuple(json.loads(row[9])) if row[9] else ()
        config = SessionConfig(
            kind=Kind(row[2]), mode=Mode(row[3]), topic=row[4], questions=row[5], seed=row[6], priority_topics=priority,
            case_kind=CaseKind(row[10]) if row[10] else None,
        )  # fmt: skip
        turns: list[Turn] = []
        timings: list[tuple[str, str | None]] = []
        pending: Question | None = None
        mode = config.mode
        turn_modes: list[str | None] = []
        for question, answer, score, turn_mode, asked_at, answered_at in rows:
            turn_modes.append(turn_mode)
            parsed = Question.from_dict(json.loads(question))
            mode = Mode(turn_mode) if turn_mode else mode
            timings.append((asked_at, answered_at))
            if answer is None:
                pending = parsed
            else:
                turns.append(Turn(question=parsed, answer=answer, score=ScoreResult.from_json(json.loads(score))))
        return SessionRecord(
            row[0], row[1], config, bool(row[7]), row[8], tuple(turns), pending, mode, timings=tuple(timings),
            modes=mode_history(config.mode, turn_modes),
        )  # fmt: skip

    def answered(self) -> list[tuple[str, str, Turn]]:
        """Every answered turn of every session as (session id, answered_at ISO-8601, turn), oldest first:
        what spaced review and progress charts are computed from."""
        with self._reading():
            rows = self._db.execute(
                "select session_id, answered_at, question, answer, score from turns where answer is not null "
                "order by answered_at, session_id, turn"
            ).fetchall()
        with self._decoding("an answered turn"):
            return [
                (sid, at, Turn(Question.from_dict(json.loads(q)), a, ScoreResult.from_json(json.loads(s))))
                for sid, at, q, a, s in rows
            ]

    def answer_seconds(self) -> dict[tuple[str, int], float]:
        """How long each answered turn took, from the question shown to the answer saved, in seconds."""
        with self._reading():
            rows = self._db.execute(
                "select session_id, turn, asked_at, answered_at from turns where answered_at is not null"
            ).fetchall()
        seconds: dict[tuple[str, int], float] = {}
        for session_id, turn, asked_at, answered_at in rows:
            try:
                taken = datetime.fromisoformat(answered_at) - datetime.fromisoformat(asked_at)
            except (TypeError, ValueError):
                continue  # a time this version cannot read says nothing about speed
            seconds[(session_id, int(turn))] = max(0.0, taken.total_seconds())
        return seconds

    def list(self) -> list[dict[str, Any]]:
        """Every session, newest first, as `interviewer sessions --json` shows them: "mode" is the mode it
        started in, "modes" that mode and each one switched to later, "topics" the topics asked, in order."""
        with self._reading():
            rows = self._db.execute(
                "select s.id, s.started, s.kind, s.mode, s.finished, count(t.answer), "
                "avg(json_extract(t.score, '$.total')) "
                "from sessions s left join turns t on t.session_id = s.id and t.answer is not null "
                "group by s.id order by s.started desc, s.rowid desc"
            ).fetchall()
            turn_modes: dict[str, list[str | None]] = {}
            turn_topics: dict[str, dict[str, None]] = {}  # the topics asked, in the order first asked
            for session_id, mode, topic in self._db.execute(
                # A hand-edited turn the JSON functions cannot read must not take the whole listing down.
                "select session_id, mode, case when json_valid(question) then json_extract(question, '$.topic') end "
                "from turns order by session_id, turn"
            ):
                turn_modes.setdefault(session_id, []).append(mode)
                turn_topics.setdefault(session_id, {})[str(topic or "")] = None
        with self._decoding("the list of sessions"):
            return [
                {"id": r[0], "started": r[1], "kind": r[2], "mode": r[3],
                 "modes": list(mode_history(r[3], turn_modes.get(r[0], []))), "answered": r[5],
                 "finished": bool(r[4]), "mean_score": round(r[6], 3) if r[6] is not None else None,
                 "topics": [topic for topic in turn_topics.get(r[0], {}) if topic]}
                for r in rows
            ]  # fmt: skip
