"""A session's mode history ("standard → challenge") is rendered one way everywhere: History, `sessions`,
`sessions --json`, the transcript and the progress page."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from interviewer.cli import main
from interviewer.core.domain import Mode, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.core.session_modes import mode_history, mode_history_text
from interviewer.learning.progress import build_progress, render_charts
from interviewer.reports.files import render_report
from interviewer.storage.persistence import SessionRepository

START = datetime(2026, 12, 1, 14, 0)


@pytest.mark.parametrize(
    ("started", "asked", "modes", "text"),
    [
        ("standard", [], ("standard",), "standard"),
        ("standard", ["standard", "standard"], ("standard",), "standard"),
        ("standard", ["standard", "challenge", "challenge"], ("standard", "challenge"), "standard → challenge"),
        ("challenge", ["challenge", "standard"], ("challenge", "standard"), "challenge → standard"),
        ("standard", ["challenge", "standard", "challenge"], ("standard", "challenge", "standard", "challenge"),
         "standard → challenge → standard → challenge"),
        ("standard", [None, "challenge", None], ("standard", "challenge"), "standard → challenge"),  # older rows
    ],
)  # fmt: skip
def test_mode_history(started: str, asked: list[str | None], modes: tuple[str, ...], text: str) -> None:
    assert mode_history(started, asked) == modes
    assert mode_history_text(modes) == text


def switched_session(home: Path) -> str:
    """A standard session switched to "Challenge me" after its first answer, as the issue found it."""
    repo = SessionRepository(home / "sessions.sqlite3")
    session_id = repo.create(SessionConfig(mode=Mode.STANDARD, questions=3), START)
    for number, mode in enumerate((Mode.STANDARD, Mode.CHALLENGE), 1):
        question = Question(turn=number, text=f"Question {number}?", kind="deep-dive", topic="Bagging", level=2)
        repo.save_question(session_id, question, mode, START + timedelta(minutes=number))
        repo.save_answer(
            session_id, Turn(question, "an answer", ScoreResult.from_json({"total": 0.5, "criteria": []})), START
        )
    repo.close()
    return session_id


def test_every_place_shows_the_same_mode_history(interviewer_home: Path) -> None:
    session_id = switched_session(interviewer_home)
    repo = SessionRepository(interviewer_home / "sessions.sqlite3")
    (listed,) = repo.list()
    assert listed["mode"] == "standard" and listed["modes"] == ["standard", "challenge"]  # "mode": where it began

    env = {"INTERVIEWER_HOME": str(interviewer_home)}
    out = io.StringIO()
    assert main(["sessions", "--json"], env=env, out=out) == 0
    (entry,) = json.loads(out.getvalue())["sessions"]
    assert entry["mode"] == "standard" and entry["modes"] == ["standard", "challenge"]
    text = io.StringIO()
    assert main(["sessions"], env=env, out=text) == 0
    assert "standard → challenge" in text.getvalue()

    assert "- Kind: deep-dive; mode: standard → challenge" in render_report(repo.load(session_id), "md")
    assert repo.load(session_id).modes == ("standard", "challenge")

    modes = {session["id"]: session["modes"] for session in repo.list()}
    progress = build_progress(repo.answered(), (), modes)
    assert progress.sessions[0]["modes"] == ["standard", "challenge"]
    assert "<td>standard → challenge</td>" in render_charts(progress, START)
