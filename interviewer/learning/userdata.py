"""Export and delete the user's data: sessions with their turns and scores, readiness check-ins and their
steps, and the review schedule (derived from the sessions, exported for convenience).

Deleting removes the history a person produced: the sessions file (where check-ins live too) with its -wal,
-shm and any damaged-file copy, the transcripts, the check-in steps and the progress page. The sessions file is
first emptied in place (secure_delete, VACUUM, WAL truncated), so a web app that holds it open keeps a valid,
empty database and nothing of the answers remains on disk. The notes index stays unless asked for: it is a copy
of notes the user still has, and rebuilding it takes time. The model calibration stays: it measures the model,
not the person.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from interviewer.errors import BadInputError
from interviewer.learning.checkins import CheckInStore, load_steps, steps_path
from interviewer.learning.progress import default_progress_path
from interviewer.learning.review import review_document, to_utc
from interviewer.settings import Settings
from interviewer.storage.confirmations import ConfirmationStore
from interviewer.storage.persistence import SessionRepository
from interviewer.storage.readings import ReadingStore

__all__ = ["EXPORT_FORMAT", "Deletion", "delete_user_data", "export_user_data", "write_export"]

EXPORT_FORMAT = "interviewer-export/1"


def _sessions(repo: SessionRepository) -> list[dict[str, Any]]:
    sessions = []
    for summary in reversed(repo.list()):  # oldest first
        record = repo.load(summary["id"])
        shown = sorted(
            [(t.question, t) for t in record.turns] + ([(record.pending, None)] if record.pending else []),
            key=lambda item: item[0].turn,
        )
        # Timings come one per saved turn, in turn order: answered turns and at most one pending question.
        timings = record.timings if len(record.timings) == len(shown) else ((None, None),) * len(shown)
        turns = []
        for (question, turn), (asked_at, answered_at) in zip(shown, timings, strict=True):
            turns.append(
                {
                    "turn": question.turn,
                    "question": question.to_dict(),
                    "answer": turn.answer if turn else None,
                    "score": turn.score.to_json() if turn else None,
                    "asked_at": asked_at,
                    "answered_at": answered_at,
                }
            )
        config = record.config
        sessions.append(
            {
                **summary,
                "topic": config.topic,
                "questions": config.questions,
                "seed": config.seed,
                "priority_topics": list(config.priority_topics),
                "case_kind": config.case_kind.value if config.case_kind else None,
                "transcript": record.transcript,
                "turns": turns,
            }
        )
    return sessions


def export_user_data(settings: Settings, repo: SessionRepository, now: datetime) -> dict[str, Any]:
    """Everything of the user's as one JSON-ready document."""
    return {
        "format": EXPORT_FORMAT,
        "exported_at": to_utc(now).isoformat(timespec="seconds"),
        "sessions": _sessions(repo),
        "checkins": [checkin.to_dict() for checkin in CheckInStore(settings.sessions_db).list()],
        "checkin_steps": list(load_steps(settings.home)),
        "review": review_document(repo.answered(), now),
        # Every verdict the candidate confirmed, in the order given: user data like an answer.
        "confirmations": [c.to_json() for c in ConfirmationStore(settings.sessions_db).history()],
        # ... and every correction of how a case note is read.
        "case_readings": [r.to_json() for r in ReadingStore(settings.sessions_db).history()],
    }


def write_export(settings: Settings, repo: SessionRepository, path: Path, now: datetime) -> Path:
    """Write the export to `path` (JSON, atomically); returns the path."""
    document = export_user_data(settings, repo, now)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


@dataclass(frozen=True)
class Deletion:
    """What a deletion removed, and what it left on purpose."""

    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def _empty_database(path: Path) -> None:
    """Delete every row of every table, overwriting freed pages, and fold the WAL back, empty."""
    db = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        db.execute("pragma secure_delete=on")
        tables = [row[0] for row in db.execute("select name from sqlite_master where type='table'")]
        db.execute("begin immediate")
        for table in tables:
            if not table.startswith("sqlite_"):
                db.execute(f'delete from "{table}"')
        db.execute("commit")
        db.execute("vacuum")
        db.execute("pragma wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def delete_user_data(settings: Settings, include_notes: bool = False, keep_database_file: bool = False) -> Deletion:
    """Delete the user's history (see the module docstring). `keep_database_file`: leave the emptied sessions
    file and its WAL in place, for a caller that still holds it open (the web app)."""
    if include_notes and settings.chroma_url:  # checked first: fail before anything is deleted
        raise BadInputError(
            f"the notes index is on the Chroma server {settings.chroma_url}: delete its collection "
            f"{settings.collection!r} there, or run again without --include-notes"
        )
    database = settings.sessions_db
    if database.exists():
        try:
            _empty_database(database)
        except sqlite3.OperationalError as exc:  # locked by a writer that did not let go within the timeout
            raise BadInputError(f"{database}: cannot delete the sessions now ({exc}); try again") from None
        except sqlite3.DatabaseError:
            pass  # not a database (damaged): it cannot be emptied, and removing it below suffices
    companions = [database.with_name(database.name + suffix) for suffix in ("-wal", "-shm")]
    # Copies kept when the file was found damaged: `.damaged`, `.damaged-2`, ..., and their `-wal` logs.
    damaged = sorted(database.parent.glob(database.name + ".damaged*")) if database.parent.exists() else []
    files = damaged if keep_database_file else [database, *companions, *damaged]
    others = [settings.transcripts_dir, steps_path(settings.home), default_progress_path(settings.home)]
    if include_notes:
        others.append(settings.store_dir)
    removed = [f"{database} (emptied)"] if keep_database_file and database.exists() else []
    for path in [*files, *others]:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        else:
            continue
        removed.append(str(path))
    kept = []
    if not include_notes and (settings.chroma_url or settings.store_dir.exists()):
        kept.append(f"the notes index ({settings.chroma_url or settings.store_dir}): --include-notes deletes it")
    return Deletion(removed=removed, kept=kept)
