"""Use cases of an interview, shared by the CLI and the web app: start a session with its priorities, resume,
finish and write the reports. The limits and defaults of a session are defined here, once; the front ends only
translate their input and output."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from interviewer.app.container import App
from interviewer.app.review import confirmed_scores
from interviewer.core.domain import CaseKind, Kind, Mode
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.errors import BadInputError
from interviewer.interview.live import LiveSession
from interviewer.learning.review import topics_for_next_session
from interviewer.reports.files import ReportFiles, write_reports

__all__ = [
    "DEFAULT_QUESTIONS",
    "MAX_QUESTIONS",
    "MIN_QUESTIONS",
    "WEAK_BELOW",
    "Priority",
    "SessionEnd",
    "finish_session",
    "priority_topics",
    "session_confirmed",
    "start_session",
    "weakest_topics",
    "write_session_reports",
]

MIN_QUESTIONS, MAX_QUESTIONS, DEFAULT_QUESTIONS = 1, 50, 5
WEAK_BELOW = 0.6  # a topic whose mean score is below this counts as weak ("weakest topics first")


class Priority(StrEnum):
    """Which topics a new session asks first, when the candidate has not picked one."""

    DUE = "due"  # topics due for spaced review, most overdue first
    WEAKEST = "weakest"  # topics with the lowest mean score, weakest first
    NONE = "none"


def weakest_topics(app: App, limit: int = 3) -> list[str]:
    """Topics with a mean score below WEAK_BELOW over all sessions, weakest first."""
    scores: defaultdict[str, list[float]] = defaultdict(list)
    for _, _, turn in app.repo.answered():
        scores[turn.question.topic].append(turn.total)
    means = sorted((sum(values) / len(values), topic) for topic, values in scores.items())
    return [topic for mean, topic in means if mean < WEAK_BELOW][:limit]


def priority_topics(app: App, priority: Priority, now: datetime) -> tuple[str, ...]:
    """The topics a new session asks first."""
    if priority is Priority.DUE:
        return tuple(topics_for_next_session(app.repo.answered(), now))
    if priority is Priority.WEAKEST:
        return tuple(weakest_topics(app))
    return ()


def start_session(
    app: App,
    *,
    kind: Kind,
    mode: Mode,
    topic: str | None,
    questions: int,
    seed: int,
    priority: Priority,
    now: datetime,
    case_kind: CaseKind | None = None,
) -> LiveSession:
    """Start and save a new session; a topic the candidate picks wins over the priority topics. A `case_kind` the
    candidate gives is what every case of the session asks, over the app's reading of its note."""
    if not MIN_QUESTIONS <= questions <= MAX_QUESTIONS:
        raise BadInputError(f"number of questions must be between {MIN_QUESTIONS} and {MAX_QUESTIONS}")
    config = SessionConfig(
        kind=kind,
        mode=mode,
        topic=topic or None,
        questions=questions,
        seed=seed,
        priority_topics=() if topic else priority_topics(app, priority, now),
        case_kind=case_kind,
    )
    return app.interviewer.start(config)


@dataclass(frozen=True)
class SessionEnd:
    """What ending a session did: deleted it (nothing was answered) or wrote its reports."""

    session_id: str
    files: ReportFiles | None  # None when the session was discarded
    finished: bool  # every question asked and answered (the session is marked finished)

    @property
    def discarded(self) -> bool:
        """True when the session had no answer and was deleted."""
        return self.files is None


def session_confirmed(app: App, session_id: str) -> dict[int, ScoreResult]:
    """Turn -> the score the candidate's confirmed verdicts give, for the answers they reviewed."""
    return {turn: r.confirmed for turn, r in confirmed_scores(app, session_id).items() if r.confirmed is not None}


def write_session_reports(app: App, session_id: str) -> ReportFiles:
    """Write a session's transcript files with the confirmed scores beside the machine's estimates (again after
    each confirmation, so the files never lag behind the review)."""
    return write_reports(app.repo, app.settings.transcripts_dir, session_id, session_confirmed(app, session_id))


def finish_session(app: App, session: LiveSession, discard_empty: bool = True) -> SessionEnd:
    """Write the feedback transcript (Markdown and HTML), then mark the session finished if it is; a session
    with no answer is deleted instead when `discard_empty` (nothing to score, keep or resume)."""
    if discard_empty and not session.state.turns and app.repo.discard_if_empty(session.id):
        return SessionEnd(session.id, None, False)
    files = write_session_reports(app, session.id)
    if session.finished:
        app.repo.finish(session.id, str(files.markdown))
    return SessionEnd(session.id, files, session.finished)
