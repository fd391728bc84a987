"""The learning-loop actions of the web app as plain functions: progress charts, the readiness check-in,
the Anki deck of missed points, and exporting or deleting the user's data."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from interviewer.app import App
from interviewer.app.learning import progress
from interviewer.app.review import scorer_agreement
from interviewer.app.sessions import session_confirmed
from interviewer.errors import BadInputError
from interviewer.learning.anki_export import export_deck
from interviewer.learning.checkins import load_steps, make_checkin, save_steps
from interviewer.learning.progress import render_charts
from interviewer.learning.userdata import delete_user_data, write_export
from interviewer.reports.wording import score_text

__all__ = [
    "ALL_SESSIONS",
    "CALMING_PAUSE",
    "checkin_rows",
    "confirmed_table",
    "delete_data",
    "export_anki",
    "export_data",
    "progress_fragment",
    "save_checkin",
]

ALL_SESSIONS = "All sessions"
CALMING_PAUSE = (
    "Calming pause: breathe in through the nose for 4 counts, hold for 4, out through the mouth for 6. "
    "Repeat five times (about 30 seconds), then rate each step again."
)


def _exports(app: App) -> Path:
    folder = app.settings.transcripts_dir / "exports"  # under the folder the app may serve downloads from
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def progress_fragment(app: App, now: datetime | None = None) -> str:
    """The progress charts (score and level per topic over time, sessions per week, readiness), the scores
    confirmed by the candidate beside the machine's estimates, and how often the machine agreed, as HTML."""
    return render_charts(progress(app), now or datetime.now(UTC), scorer_agreement(app)) + confirmed_table(app)


def confirmed_table(app: App) -> str:
    """Per session the candidate reviewed: the mean score they confirmed and the machine's estimate of the same
    answers, newest first."""
    reviewed = {session_id for session_id, _ in app.confirmations.by_turn()}
    rows = []
    for session in app.repo.list():
        if session["id"] not in reviewed or not (confirmed := session_confirmed(app, session["id"])):
            continue
        estimates = {turn.question.turn: turn.total for turn in app.repo.load(session["id"]).turns}
        mine = sum(score.total for score in confirmed.values()) / len(confirmed)
        machine = sum(estimates[turn] for turn in confirmed) / len(confirmed)
        rows.append(
            f"<tr><td>{escape(session['started'][:16].replace('T', ' '))}</td><td>{escape(session['id'])}</td>"
            f"<td>{len(confirmed)} of {session['answered']}</td><td>{score_text(mine)}</td>"
            f"<td>{score_text(machine)}</td></tr>"
        )
    head = "<h2>Scores confirmed by you</h2>"
    if not rows:
        return head + "<p>No confirmed scores yet: review your answers after a session (or from History).</p>"
    return (
        head + "<p>Mean over the answers you reviewed, with the machine's estimate of the same answers.</p>"
        "<table><tr><th>started (UTC)</th><th>session</th><th>answers confirmed</th><th>confirmed by you</th>"
        "<th>machine's estimate</th></tr>" + "".join(rows) + "</table>"
    )


def checkin_rows(app: App) -> list[list[str | int | None]]:
    """The check-in table: each step of the interview day (editable), with empty before/after ratings."""
    return [[step, None, None] for step in load_steps(app.settings.home)]


def _rating(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)  # the table hands numbers back as floats
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


def save_checkin(app: App, rows: Sequence[Sequence[object]], now: datetime | None = None) -> str:
    """Validate and store a check-in from the table; the edited list of steps is kept for next time."""
    filled = [row for row in rows if row and str(row[0] or "").strip()]
    if not filled:
        raise BadInputError("check-in: add at least one step of the interview day")
    steps = [str(row[0]).strip() for row in filled]
    before = [_rating(row[1] if len(row) > 1 else None) for row in filled]
    after = [_rating(row[2] if len(row) > 2 else None) for row in filled]
    if all(value in (None, "") for value in (*before, *after)):
        raise BadInputError("check-in: rate each step from 1 (calm) to 10 (panic), before and after the pause")
    at = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    checkin = app.checkins.add(make_checkin(steps, before, after, at, pause_seconds=30))
    save_steps(app.settings.home, steps)
    return (
        f"Check-in saved: anxiety {checkin.before_mean:.1f} before the pause, {checkin.after_mean:.1f} after. "
        "It shows beside your scores under Progress."
    )


def export_anki(app: App, session_choice: str | None) -> tuple[Path, str]:
    """An Anki deck of the key points missed in one session (or all); the path and a one-line summary."""
    session_id = None if not session_choice or session_choice == ALL_SESSIONS else session_choice
    name = f"missed-{session_id or 'all'}.apkg"
    result = export_deck(app.repo.answered(), _exports(app) / name, session_id=session_id)
    return result.path, f"{result.cards} cards on {result.topics} topics: import {name} into Anki."


def export_data(app: App, now: datetime | None = None) -> Path:
    """Everything the user has (sessions, answers, scores, check-ins, review schedule) as one JSON file."""
    moment = now or datetime.now(UTC)
    path = _exports(app) / f"interviewer-data-{moment:%Y%m%d-%H%M%S}.json"
    return write_export(app.settings, app.repo, path, moment)


def delete_data(app: App, confirmation: str) -> str:
    """Delete sessions, scores, transcripts and check-ins after the user typed "delete"; notes stay indexed."""
    if confirmation.strip().lower() != "delete":
        raise BadInputError('type "delete" in the box to confirm; nothing was deleted')
    deletion = delete_user_data(app.settings, keep_database_file=True)  # the app keeps the file open
    return f"Deleted {len(deletion.removed)} items. Your notes index was kept."
