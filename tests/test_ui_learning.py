"""The learning-loop actions of the web app, called directly on the fake backends."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.errors import BadInputError
from interviewer.learning.checkins import CheckInStore
from interviewer.ui import learning
from interviewer.ui.handlers import CHOSEN_FOR_ME, InterviewHandlers
from tests.helpers import ask, ui_app

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def app(interviewer_home: Path) -> App:
    return ui_app(interviewer_home)


def one_answered_session(app: App, answer: str) -> str:
    handlers = InterviewHandlers(app)
    session_id = handlers.start("Deep dive", "Gradient Boosting", 1, challenge=False, seed=1).session_id
    ask(handlers, session_id)
    handlers.answer(session_id, 1, answer)
    return str(session_id)


def test_a_check_in_from_the_table_is_stored_and_its_steps_kept(app: App) -> None:
    rows = learning.checkin_rows(app)
    assert len(rows) >= 3 and all(row[1:] == [None, None] for row in rows)
    filled = [[row[0], 7.0, "4"] for row in rows[:2]] + [["Writing code while they watch", 9, 6]]
    note = learning.save_checkin(app, filled, now=NOW)
    assert "7.7 before" in note and "4.7 after" in note  # (7 + 7 + 9) / 3 and (4 + 4 + 6) / 3
    saved = CheckInStore(app.settings.sessions_db).list()
    assert len(saved) == 1 and [r.after for r in saved[0].ratings] == [4, 4, 6]
    assert [row[0] for row in learning.checkin_rows(app)][-1] == "Writing code while they watch"
    with pytest.raises(BadInputError, match="rate each step from 1"):
        learning.save_checkin(app, learning.checkin_rows(app), now=NOW)  # nothing rated yet: one short line
    with pytest.raises(BadInputError, match="step 1 before"):
        learning.save_checkin(app, [["Hearing the first question", 11, 3]], now=NOW)


def test_anki_export_of_a_session_with_missed_points(app: App) -> None:
    session_id = one_answered_session(app, "Boosting fits trees one after another.")
    path, note = learning.export_anki(app, session_id)
    assert path.suffix == ".apkg" and "cards" in note
    with zipfile.ZipFile(path) as package:
        package.extract("collection.anki2", path.parent)
    notes = sqlite3.connect(path.parent / "collection.anki2").execute("select count(*) from notes").fetchone()[0]
    assert notes == int(note.split(" ")[0]) and notes > 0


def test_progress_export_and_delete(app: App, interviewer_home: Path) -> None:
    one_answered_session(app, "fine")
    charts = learning.progress_fragment(app, now=NOW)
    assert "<svg" in charts and "Gradient Boosting" in charts
    exported = learning.export_data(app, now=NOW)
    assert exported.exists() and "Gradient Boosting" in exported.read_text(encoding="utf-8")
    with pytest.raises(BadInputError, match='type "delete"'):
        learning.delete_data(app, "yes")
    assert app.repo.list()
    learning.delete_data(app, "delete")
    assert app.repo.list() == [] and app.store.count() > 0
    handlers = InterviewHandlers(app)  # the app goes on working on the emptied file
    assert handlers.start("Deep dive", CHOSEN_FOR_ME, 1, challenge=False, seed=2).session_id
