"""Readiness check-ins: the walk-through state machine, validation naming the field, the editable steps, the
store beside the sessions, and the terminal command."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interviewer.cli import main
from interviewer.core.session import SessionConfig
from interviewer.learning.checkins import (
    DEFAULT_STEPS,
    MAX_STEPS,
    CheckIn,
    CheckInError,
    CheckInStore,
    Walkthrough,
    load_steps,
    make_checkin,
    save_steps,
    steps_path,
)
from interviewer.storage.persistence import SessionRepository

T0 = datetime(2025, 3, 3, 8, 30, tzinfo=UTC)


def test_defaults_include_the_call_link_and_the_first_question() -> None:
    assert "Opening the video call link" in DEFAULT_STEPS and "Hearing the first question" in DEFAULT_STEPS


def test_walkthrough_asks_before_then_after_the_pause_for_each_step() -> None:
    walk = Walkthrough.start(["Opening the video call link", "Hearing the first question"])
    asked = []
    for value in ["8", 5, "7 ", "6"]:
        prompt = walk.next_prompt()
        assert prompt is not None
        asked.append((prompt.index, prompt.phase, prompt.pause_first))
        walk = walk.rate(value)
    assert asked == [(0, "before", False), (0, "after", True), (1, "before", False), (1, "after", True)]
    assert walk.done and walk.next_prompt() is None
    checkin = walk.to_checkin(T0, session_id="s-1", pause_seconds=30)
    assert [(r.step, r.before, r.after) for r in checkin.ratings] == [
        ("Opening the video call link", 8, 5),
        ("Hearing the first question", 7, 6),
    ]
    assert (checkin.before_mean, checkin.after_mean, checkin.at) == (7.5, 5.5, "2025-03-03T08:30:00+00:00")


@pytest.mark.parametrize("value", ["0", "11", "x", "3.5", "", "-2"])
def test_a_bad_rating_names_the_step_and_phase(value: str) -> None:
    walk = Walkthrough.start(["A", "B"]).rate(4)
    with pytest.raises(CheckInError, match=r"^step 1 after must be a whole number from 1 to 10"):
        walk.rate(value)


def test_an_unfinished_or_finished_walkthrough_refuses_the_wrong_call() -> None:
    with pytest.raises(CheckInError, match="not finished"):
        Walkthrough.start(["A"]).rate(3).to_checkin(T0)
    with pytest.raises(CheckInError, match="complete"):
        Walkthrough.start(["A"]).rate(3).rate(2).rate(1)


def test_step_validation_lists_every_problem() -> None:
    with pytest.raises(CheckInError) as error:
        save_steps(Path("unused"), ["Opening", "  ", "opening", "x" * 201])
    assert str(error.value) == (
        "step 2: must be non-empty text; step 3: 'opening' is listed twice; step 4: at most 200 characters, got 201"
    )
    with pytest.raises(CheckInError, match="at least one step"):
        Walkthrough.start([])
    with pytest.raises(CheckInError, match=f"at most {MAX_STEPS}, got {MAX_STEPS + 1}"):
        Walkthrough.start([f"step {n}" for n in range(MAX_STEPS + 1)])


def test_make_checkin_gathers_every_bad_field() -> None:
    with pytest.raises(CheckInError) as error:
        make_checkin(["A", "B"], [3, 11], [True, 2], at="yesterday", session_id="", pause_seconds=-1)
    message = str(error.value)
    for fragment in ("step 2 before", "got 11", "step 1 after", "at: 'yesterday'", "session_id", "pause_seconds"):
        assert fragment in message
    assert "\n" not in message


def test_checkin_round_trips_through_its_dict() -> None:
    checkin = make_checkin(["A", "B"], [9, 4], [6, 3], at=T0.isoformat(), session_id="s-9", pause_seconds=20)
    assert CheckIn.from_dict(json.loads(json.dumps(checkin.to_dict()))) == checkin


def test_steps_default_save_reload_and_a_damaged_file(interviewer_home: Path) -> None:
    assert load_steps(interviewer_home) == DEFAULT_STEPS
    saved = save_steps(interviewer_home, ["  Logging   in ", "Saying hello"])
    assert saved == ("Logging in", "Saying hello") == load_steps(interviewer_home)
    steps_path(interviewer_home).write_text("{not json", encoding="utf-8")
    with pytest.raises(CheckInError, match=r"checkin_steps\.json: cannot read"):
        load_steps(interviewer_home)


def test_store_shares_the_sessions_file_with_the_repository(interviewer_home: Path) -> None:
    path = interviewer_home / "sessions.sqlite3"
    repo = SessionRepository(path)
    store = CheckInStore(path)
    first = store.add(make_checkin(["A"], [8], [5], at="2025-03-03T08:00:00+00:00"))
    session_id = repo.create(SessionConfig(), T0)
    second = store.add(make_checkin(["A"], [6], [4], at="2025-03-04T08:00:00+00:00", session_id=session_id))
    assert [c.id for c in store.list()] == [first.id, second.id] and first.id != second.id
    assert store.list()[1] == second
    assert [s["id"] for s in repo.list()] == [session_id]
    repo.close()


def run(args: list[str], home: Path, monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    return main(args, env={"INTERVIEWER_HOME": str(home)}, out=out), out.getvalue()


def test_cli_edits_the_steps(interviewer_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, text = run(["checkin", "--show-steps"], interviewer_home, monkeypatch)
    assert code == 0 and text.splitlines()[1] == " 2. Opening the video call link"
    code, text = run(["checkin", "--add-step", "Sending a thank-you note"], interviewer_home, monkeypatch)
    assert code == 0 and text.splitlines()[-1] == f"{len(DEFAULT_STEPS) + 1:>2}. Sending a thank-you note"
    code, text = run(["checkin", "--remove-step", "1"], interviewer_home, monkeypatch)
    assert code == 0 and load_steps(interviewer_home) == (*DEFAULT_STEPS[1:], "Sending a thank-you note")
    code, _ = run(["checkin", "--remove-step", "99"], interviewer_home, monkeypatch)
    assert code == 2
    code, _ = run(["checkin", "--reset-steps"], interviewer_home, monkeypatch)
    assert code == 0 and load_steps(interviewer_home) == DEFAULT_STEPS


def test_cli_walkthrough_saves_a_checkin_and_retries_a_mistyped_rating(
    interviewer_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_steps(interviewer_home, ["Opening the video call link", "Hearing the first question"])
    code, text = run(["checkin", "--pause", "0"], interviewer_home, monkeypatch, "8\n12\n5\n7\n6\n")
    assert code == 0
    assert "step 1 after must be a whole number from 1 to 10, got '12'" in text
    assert text.count("Pause. Breathe") == 2  # the pause is not repeated for the mistyped rating
    assert "Anxiety 7.5 before the pauses, 5.5 after." in text
    code, text = run(["checkin", "--list", "--json"], interviewer_home, monkeypatch)
    [saved] = json.loads(text)["checkins"]
    assert [(r["before"], r["after"]) for r in saved["ratings"]] == [(8, 5), (7, 6)]
    assert saved["pause_seconds"] == 0 and saved["session_id"] is None


def test_cli_walkthrough_stopped_early_saves_nothing(interviewer_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, text = run(["checkin", "--pause", "0"], interviewer_home, monkeypatch, "8\n5\n\n")
    assert code == 0 and "nothing saved" in text
    assert CheckInStore(interviewer_home / "sessions.sqlite3").list() == []
    code, _ = run(["checkin", "--session", "missing", "--pause", "0"], interviewer_home, monkeypatch, "8\n")
    assert code == 2
