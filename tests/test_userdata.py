"""Export all of a user's data as JSON, and delete it: through the functions and the CLI."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from interviewer.cli import main
from interviewer.core.domain import Mode, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.errors import BadInputError
from interviewer.learning.checkins import CheckInStore, make_checkin, save_steps
from interviewer.learning.userdata import EXPORT_FORMAT, delete_user_data, export_user_data
from interviewer.settings import Settings
from interviewer.storage.persistence import SessionRepository

T0 = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)
SECRET = "my answer mentions the zebra-quokka constant"


def question(number: int, topic: str) -> Question:
    return Question(turn=number, text=f"Explain {topic}.", kind="deep-dive", topic=topic, level=2)


def fill(settings: Settings) -> str:
    """A session with two answered turns and a pending question, a check-in, custom steps, a transcript, a page."""
    repo = SessionRepository(settings.sessions_db)
    session_id = repo.create(SessionConfig(questions=3, seed=7, priority_topics=("Bagging",)), T0)
    for number, (topic, score) in enumerate([("Bagging", 0.1), ("SQL joins", 0.9)], start=1):
        asked = T0 + timedelta(minutes=number)
        repo.save_question(session_id, question(number, topic), Mode.STANDARD, asked)
        answer = Turn(question(number, topic), SECRET, ScoreResult.from_json({"total": score, "criteria": []}))
        repo.save_answer(session_id, answer, asked + timedelta(seconds=30))
    repo.save_question(session_id, question(3, "Bagging"), Mode.STANDARD, T0 + timedelta(minutes=5))
    repo.close()
    CheckInStore(settings.sessions_db).add(
        make_checkin(["Opening the call"], [8], [5], at=T0.isoformat(), session_id=session_id)
    )
    save_steps(settings.home, ["Opening the call", "Hearing the first question"])
    settings.transcripts_dir.mkdir(parents=True)
    (settings.transcripts_dir / f"{session_id}.md").write_text(SECRET, encoding="utf-8")
    (settings.home / "progress.html").write_text(SECRET, encoding="utf-8")
    (settings.store_dir).mkdir()
    (settings.store_dir / "chroma.sqlite3").write_bytes(b"notes index")
    return session_id


def files_containing(home: Path, text: str) -> list[Path]:
    return [p for p in home.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


def test_export_holds_sessions_turns_scores_checkins_steps_and_review(fake_settings: Settings) -> None:
    session_id = fill(fake_settings)
    repo = SessionRepository(fake_settings.sessions_db)
    document = json.loads(json.dumps(export_user_data(fake_settings, repo, T0 + timedelta(hours=1))))
    repo.close()
    assert document["format"] == EXPORT_FORMAT and document["exported_at"] == "2025-03-03T19:00:00+00:00"
    [session] = document["sessions"]
    assert session["id"] == session_id and session["priority_topics"] == ["Bagging"] and session["answered"] == 2
    assert [(t["turn"], t["answer"], t["score"] and t["score"]["total"]) for t in session["turns"]] == [
        (1, SECRET, 0.1),
        (2, SECRET, 0.9),
        (3, None, None),  # shown but not answered
    ]
    exported = session["turns"][0]["score"]
    assert ScoreResult.from_json(exported).to_json() == exported  # the whole score, in the form it is read back from
    assert session["turns"][0]["question"]["topic"] == "Bagging"
    assert session["turns"][0]["asked_at"] == "2025-03-03T18:01:00+00:00"
    assert session["turns"][0]["answered_at"] == "2025-03-03T18:01:30+00:00"
    [checkin] = document["checkins"]
    assert checkin["session_id"] == session_id and checkin["ratings"] == [
        {"step": "Opening the call", "before": 8, "after": 5}
    ]
    assert document["checkin_steps"] == ["Opening the call", "Hearing the first question"]
    assert [item["topic"] for item in document["review"]["due"]] == ["Bagging"]


def run(args: list[str], home: Path) -> int:
    return main(args, env={"INTERVIEWER_HOME": str(home)}, out=io.StringIO())


def test_cli_export_then_delete_leaves_nothing_of_the_answers(fake_settings: Settings, tmp_path: Path) -> None:
    home = fake_settings.home
    fill(fake_settings)
    export = tmp_path / "export" / "mine.json"
    assert run(["export-data", "--out", str(export)], home) == 0
    assert json.loads(export.read_text(encoding="utf-8"))["sessions"][0]["turns"][0]["answer"] == SECRET

    assert run(["delete-data"], home) == 2  # no confirmation: nothing deleted
    assert fake_settings.sessions_db.exists() and files_containing(home, SECRET)

    out = io.StringIO()
    assert main(["delete-data", "--yes"], env={"INTERVIEWER_HOME": str(home)}, out=out) == 0
    assert files_containing(home, SECRET) == []
    assert not fake_settings.sessions_db.exists() and not fake_settings.transcripts_dir.exists()
    assert not list(home.glob("sessions.sqlite3*")) and not (home / "checkin_steps.json").exists()
    assert (fake_settings.store_dir / "chroma.sqlite3").exists()  # the notes index stays unless asked
    assert f"deleted {fake_settings.sessions_db}" in out.getvalue() and "kept the notes index" in out.getvalue()

    after = tmp_path / "after.json"
    assert run(["export-data", "--out", str(after)], home) == 0
    document = json.loads(after.read_text(encoding="utf-8"))
    assert (document["sessions"], document["checkins"], document["review"]) == ([], [], {"due": [], "upcoming": []})
    assert run(["delete-data", "--yes", "--include-notes"], home) == 0
    assert not fake_settings.store_dir.exists()


def test_delete_keeping_the_open_database_file(fake_settings: Settings) -> None:
    fill(fake_settings)
    repo = SessionRepository(fake_settings.sessions_db)  # what the web app holds open
    deletion = delete_user_data(fake_settings, keep_database_file=True)
    assert deletion.removed[0] == f"{fake_settings.sessions_db} (emptied)"
    assert repo.list() == [] and repo.answered() == [] and CheckInStore(fake_settings.sessions_db).list() == []
    assert files_containing(fake_settings.home, SECRET) == []
    new_id = repo.create(SessionConfig(), T0)  # the open connection still works
    assert [s["id"] for s in repo.list()] == [new_id]
    repo.close()


def test_notes_on_a_chroma_server_fail_before_anything_is_deleted(fake_settings: Settings) -> None:
    fill(fake_settings)
    server = replace(fake_settings, chroma_url="http://127.0.0.1:8000")
    with pytest.raises(BadInputError, match="Chroma server"):
        delete_user_data(server, include_notes=True)
    assert files_containing(fake_settings.home, SECRET)


def test_a_damaged_sessions_file_is_removed_too(fake_settings: Settings) -> None:
    fake_settings.home.mkdir(parents=True)
    fake_settings.sessions_db.write_bytes(b"this is not a database " + SECRET.encode())
    copies = [
        fake_settings.sessions_db.with_name(fake_settings.sessions_db.name + s) for s in (".damaged-2", ".damaged-wal")
    ]
    for copy in copies:
        copy.write_bytes(SECRET.encode())  # the backups kept when damage was found hold answers too
    deletion = delete_user_data(fake_settings)
    assert deletion.removed == [str(fake_settings.sessions_db), *map(str, copies)]
    assert files_containing(fake_settings.home, SECRET) == []
