"""`interviewer mock --protocol jsonl`, `sessions` and `report`, as DESIGN.md section 5 specifies."""

from __future__ import annotations

import html
import io
import json
import sqlite3
from pathlib import Path

import pytest

from interviewer.cli import main
from interviewer.reports.html import md_escape
from interviewer.storage.persistence import SessionRepository, SessionsFileError
from tests.conftest import CORPUS

FAKE = {
    "INTERVIEWER_LLM": "fake",
    "INTERVIEWER_EMBEDDER": "fake",
    "INTERVIEWER_THREADS": "1",
    "INTERVIEWER_PHRASE": "0",
}
QUESTION_KEYS = {"type", "turn", "text", "kind", "stage", "topic", "level", "follow_up", "hint", "sources"}
# Added with the interview items (DESIGN.md 5: new fields may be added); the item's points are not sent with the
# question, since they are its answer.
ITEM_KEYS = {"item_kind", "notice", "uses"}


def run(args: list[str], home: Path, monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> tuple[int, list[dict]]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    code = main(args, env={"INTERVIEWER_HOME": str(home), **FAKE}, out=out)
    return code, [json.loads(line) for line in out.getvalue().splitlines() if line.startswith("{")]


@pytest.fixture
def indexed(interviewer_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    code, _ = run(["ingest", str(CORPUS), "--json"], interviewer_home, monkeypatch)
    assert code == 0
    return interviewer_home


def answers(*texts: str) -> str:
    return "".join(json.dumps({"answer": text}) + "\n" for text in texts)


def test_headless_session_events(indexed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = answers("I'm not sure", "Bagging averages bootstrap trees to lower variance.", "fine")
    code, events = run(["mock", "--protocol", "jsonl", "--questions", "3", "--seed", "1"], indexed, monkeypatch, stdin)
    assert code == 0
    assert [e["type"] for e in events] == ["question", "score"] * 3 + ["summary"]
    question = events[0]
    assert set(question) == QUESTION_KEYS | ITEM_KEYS and question["turn"] == 1 and 1 <= question["level"] <= 5
    assert question["sources"] and {"source", "heading", "chunk_id", "text"} <= set(question["sources"][0])
    score = events[1]
    assert score["turn"] == 1 and 0 <= score["total"] <= 1 and score["criteria"] and score["sources"]
    summary = events[-1]
    assert summary["answered"] == 3 and summary["finished"] is True
    transcript = Path(summary["transcript"]).read_text(encoding="utf-8")
    assert md_escape(question["text"]) in transcript and "```text\nI'm not sure\n```" in transcript
    assert "- Status: finished\n" in transcript  # written before the session is marked finished
    page = Path(summary["transcript"]).with_suffix(".html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and page.count('<circle class="level"') == 3


def test_end_of_input_saves_and_resume_continues(indexed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["mock", "--protocol", "jsonl", "--questions", "4", "--seed", "2", "--kind", "case"]
    code, events = run(args, indexed, monkeypatch, answers("First I'd clarify the goal and the budget."))
    summary = events[-1]
    assert code == 0 and summary["type"] == "summary" and summary["answered"] == 1 and summary["finished"] is False
    assert Path(summary["transcript"]).exists()
    pending = events[2]  # shown after the first score, never answered
    code, resumed = run(
        ["mock", "--protocol", "jsonl", "--resume", summary["session_id"]], indexed, monkeypatch, answers("a", "b", "c")
    )
    assert resumed[0]["type"] == "question" and resumed[0]["turn"] == 2 and resumed[0]["text"] == pending["text"]
    assert resumed[-1]["answered"] == 4 and resumed[-1]["finished"] is True
    code, listed = run(["sessions", "--json"], indexed, monkeypatch)
    (entry,) = listed[0]["sessions"]
    assert entry["id"] == summary["session_id"] and entry["answered"] == 4 and entry["finished"] is True
    assert entry["kind"] == "case" and entry["mode"] == "standard" and entry["started"][:4].isdigit()


def test_bad_input_lines_are_reported_and_skipped(
    indexed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = "not json\n" + json.dumps({"text": "x"}) + "\n" + answers("fine")
    code, events = run(["mock", "--protocol", "jsonl", "--questions", "1"], indexed, monkeypatch, stdin)
    assert code == 0 and [e["type"] for e in events] == ["question", "score", "summary"]
    assert capsys.readouterr().err.count('each input line must be {"answer": "..."}') == 2


def test_report_markdown_and_html(indexed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _, events = run(["mock", "--protocol", "jsonl", "--questions", "1"], indexed, monkeypatch, answers("fine"))
    session_id = events[-1]["session_id"]
    out = io.StringIO()
    env = {"INTERVIEWER_HOME": str(indexed), **FAKE}
    assert main(["report", session_id], env=env, out=out) == 0
    assert out.getvalue().startswith(f"# Interview feedback: {session_id}") and "What to review" in out.getvalue()
    target = tmp_path / "report.html"
    assert main(["report", session_id, "--format", "html", "--out", str(target)], env=env, out=io.StringIO()) == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<table>" in page and "<svg" in page
    assert html.escape(" ".join(events[0]["text"].split())[:30]) in page


def test_unknown_session_is_a_one_line_error(
    indexed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run(["mock", "--protocol", "jsonl", "--resume", "nope"], indexed, monkeypatch)
    assert code == 2 and "no session 'nope'" in capsys.readouterr().err


def test_damaged_sessions_file_is_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(SessionsFileError, match="damaged"):
        SessionRepository(path)
    assert (tmp_path / "sessions.sqlite3.damaged").read_bytes() == path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("select 1 from sessions").fetchall()


def test_transcript_has_every_part_of_the_feedback(indexed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, events = run(
        ["mock", "--protocol", "jsonl", "--questions", "2", "--seed", "4"],
        indexed,
        monkeypatch,
        answers("fine", "no idea"),
    )
    text = Path(events[-1]["transcript"]).read_text(encoding="utf-8")
    question, score = events[0], events[1]
    assert f"**Question:** {md_escape(question['text'])}" in text
    assert f"level {question['level']}" in text and question["sources"][0]["source"] in text
    assert "```text\nfine\n```" in text and f"**Score: {score['total']:.2f}**" in text
    assert "A full answer from your notes:" in text and md_escape(score["key_points"][0]["text"]) in text
    assert "✗ missing:" in text and "## What to review" in text


def test_the_next_session_starts_on_the_topic_answered_badly(indexed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    weak = ["mock", "--protocol", "jsonl", "--questions", "2", "--topic", "Linear Regression", "--seed", "4"]
    code, _ = run(weak, indexed, monkeypatch, answers("fine", "no idea"))
    assert code == 0
    code, events = run(["mock", "--protocol", "jsonl", "--questions", "1", "--seed", "5"], indexed, monkeypatch)
    assert code == 0 and events[0]["topic"] == "Linear Regression"
    code, events = run(["mock", "--protocol", "jsonl", "--questions", "1", "--topic", "SQL"], indexed, monkeypatch)
    assert code == 0 and "SQL" in events[0]["topic"]  # a topic the candidate picks wins over the review


def test_quitting_the_terminal_interview_before_any_answer_keeps_nothing(
    indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("/quit\n"))
    out = io.StringIO()
    assert main(["mock", "--questions", "2"], env={"INTERVIEWER_HOME": str(indexed), **FAKE}, out=out) == 0
    assert "Session ended before any answer: nothing to score, nothing kept." in out.getvalue()
    assert "Resume with" not in out.getvalue()
    code, listed = run(["sessions", "--json"], indexed, monkeypatch)
    assert code == 0 and listed[0]["sessions"] == []


def test_the_terminal_says_once_when_the_notes_cannot_support_a_level(
    interviewer_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    glossary = tmp_path / "glossary.md"
    glossary.write_text(
        "# Glossary\n\n## Terms\n\n- Recall is the share of actual positives that the model finds.\n"
        "- Precision is the share of predicted positives that are correct.\n",
        encoding="utf-8",
    )
    assert run(["ingest", str(glossary)], interviewer_home, monkeypatch)[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("Recall is the share of positives found.\n\n" * 2))
    out = io.StringIO()
    args = ["mock", "--mode", "challenge", "--questions", "2"]
    assert main(args, env={"INTERVIEWER_HOME": str(interviewer_home), **FAKE}, out=out) == 0
    assert out.getvalue().count("hold no unasked questions at level") == 1
