"""Ending a session before any answer deletes it; a session with an answer is never deleted that way."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from interviewer.core.domain import Mode, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.storage.persistence import SessionRepository

START = datetime(2026, 12, 1, 14, 0)
QUESTION = Question(turn=1, text="What is bagging?", kind="deep-dive", topic="Bagging", level=1)


def test_only_a_session_without_answers_is_discarded(tmp_path: Path) -> None:
    repo = SessionRepository(tmp_path / "sessions.sqlite3")
    empty, answered = repo.create(SessionConfig(), START), repo.create(SessionConfig(), START)
    for session_id in (empty, answered):
        repo.save_question(session_id, QUESTION, Mode.STANDARD, START)
    repo.save_answer(
        answered, Turn(QUESTION, "Bootstrap samples, averaged.", ScoreResult.from_json({"total": 0.5})), START
    )
    assert repo.discard_if_empty(answered) is False
    assert repo.discard_if_empty(empty) is True
    assert [s["id"] for s in repo.list()] == [answered] and len(repo.load(answered).turns) == 1
    assert repo.discard_if_empty(empty) is False  # already gone: nothing to delete
