"""Use cases of the learning loop shared by the CLI and the web app: the progress over sessions."""

from __future__ import annotations

from dataclasses import replace

from interviewer.app.container import App
from interviewer.core.domain import Turn
from interviewer.core.score import ScoreResult
from interviewer.learning.progress import Progress, build_progress

__all__ = ["judged_answers", "progress"]


def progress(app: App) -> Progress:
    """Scores and levels over time, per topic and per session (with each session's modes), and the check-ins. An
    answer the candidate confirmed counts with the score they confirmed (a trial user found the machine's estimate in
    the charts after confirming every answer)."""
    modes = {session["id"]: session["modes"] for session in app.repo.list()}
    return build_progress(judged_answers(app), app.checkins.list(), modes)


def judged_answers(app: App) -> list[tuple[str, str, Turn]]:
    """Every answered turn as `SessionRepository.answered` gives it, with the confirmed score where there is one."""
    confirmed: dict[str, dict[int, ScoreResult]] = {}
    out = []
    for session_id, at, turn in app.repo.answered():
        if session_id not in confirmed:
            confirmed[session_id] = app.confirmations.confirmed_scores(session_id)
        mine = confirmed[session_id].get(turn.question.turn)
        out.append((session_id, at, replace(turn, score=mine) if mine is not None else turn))
    return out
