"""The Anki export: the .apkg is read back with zipfile and sqlite3 (card count, fields, ids stable across
exports), duplicates collapse, user text is escaped, and the CLI command."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from interviewer.cli import main
from interviewer.core.domain import Mode, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.errors import BadInputError
from interviewer.learning.anki_export import (
    DECK_ID,
    DECK_NAME,
    MODEL_ID,
    NothingToExportError,
    export_deck,
    missed_points,
    note_guid,
)
from interviewer.settings import Settings
from interviewer.storage.persistence import SessionRepository

T0 = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)


def point(text: str, heading: str = "Basics", source: str = "notes/ml.md") -> dict[str, str]:
    return {"text": text, "source": source, "heading": heading, "chunk_id": f"c-{len(text)}"}


def turn(topic: str, question: str, missing: list[dict[str, str]], number: int = 1) -> Turn:
    q = Question(turn=number, text=question, kind="deep-dive", topic=topic, level=2)
    score = {"total": 0.3, "criteria": [{"name": "coverage", "score": 0.2, "missing": missing}]}
    return Turn(question=q, answer="something", score=ScoreResult.from_json(score))


ANSWERED = [
    ("s1", T0.isoformat(), turn("Bagging", "Why does bagging reduce variance? Hint: think of averages.", [
        point("Averaging many bootstrap models lowers variance."),
        point("Bagging barely changes the bias."),
    ])),
    ("s1", (T0 + timedelta(minutes=3)).isoformat(), turn("L1 & <L2>", "When is L1 better than L2?", [
        point("L1 sets some weights to exactly 0 & selects <features>.", heading="L1 vs L2", source="reg & co.md"),
    ], number=2)),
    ("s2", (T0 + timedelta(days=2)).isoformat(), turn("Bagging", "How does bagging work?", [
        point("Averaging many  bootstrap models lowers variance."),  # the same point again (spacing differs)
    ])),
]  # fmt: skip


def read_apkg(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as archive:
        assert {"collection.anki2", "media"} <= set(archive.namelist())
        database = path.parent / (path.stem + ".anki2")
        database.write_bytes(archive.read("collection.anki2"))
    db = sqlite3.connect(database)
    try:
        notes = db.execute("select id, guid, mid, flds, tags from notes order by id").fetchall()
        cards = db.execute("select id, nid, did, ord from cards order by id").fetchall()
        models = json.loads(db.execute("select models from col").fetchone()[0])
        decks = json.loads(db.execute("select decks from col").fetchone()[0])
    finally:
        db.close()
    return {"notes": notes, "cards": cards, "models": models, "decks": decks}


def test_deck_has_one_card_per_missed_point_with_question_answer_and_source(tmp_path: Path) -> None:
    result = export_deck(ANSWERED, tmp_path / "missed.apkg")
    assert (result.cards, result.topics) == (3, 2)
    deck = read_apkg(result.path)
    assert len(deck["notes"]) == 3 and len(deck["cards"]) == 3
    assert {card[2] for card in deck["cards"]} == {DECK_ID}
    assert deck["decks"][str(DECK_ID)]["name"] == DECK_NAME
    assert str(MODEL_ID) in deck["models"]
    assert [f["name"] for f in deck["models"][str(MODEL_ID)]["flds"]] == ["Question", "Answer", "Source", "Topic"]
    fields = {note[1]: note[3].split("\x1f") for note in deck["notes"]}
    variance = fields[note_guid("Bagging", "Averaging many bootstrap models lowers variance.")]
    # The most recent miss gives the question; the card asks without the hint.
    assert variance == [
        "How does bagging work?",
        "Averaging many  bootstrap models lowers variance.",
        "from: notes/ml.md &gt; Basics",
        "Bagging",
    ]
    sparse = fields[note_guid("L1 & <L2>", "L1 sets some weights to exactly 0 & selects <features>.")]
    assert sparse == [
        "When is L1 better than L2?",
        "L1 sets some weights to exactly 0 &amp; selects &lt;features&gt;.",
        "from: reg &amp; co.md &gt; L1 vs L2",
        "L1 &amp; &lt;L2&gt;",
    ]
    assert all(" interviewer " in note[4] for note in deck["notes"])


def test_two_exports_have_the_same_ids(tmp_path: Path) -> None:
    first = read_apkg(export_deck(ANSWERED, tmp_path / "a.apkg").path)
    second = read_apkg(export_deck(list(reversed(ANSWERED)), tmp_path / "b.apkg").path)
    assert [note[:3] for note in first["notes"]] == [note[:3] for note in second["notes"]]
    assert first["cards"] == second["cards"]
    assert len({note[1] for note in first["notes"]}) == 3


def test_one_session_only(tmp_path: Path) -> None:
    points = missed_points(ANSWERED, session_id="s1")
    assert [(p.topic, p.question) for p in points] == [
        ("Bagging", "Why does bagging reduce variance?"),
        ("Bagging", "Why does bagging reduce variance?"),
        ("L1 & <L2>", "When is L1 better than L2?"),
    ]
    deck = read_apkg(export_deck(ANSWERED, tmp_path / "s2.apkg", session_id="s2").path)
    assert len(deck["notes"]) == 1


def test_nothing_missed_or_wrong_suffix_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(NothingToExportError, match="no missed key points"):
        export_deck([("s1", T0.isoformat(), turn("Bagging", "Why?", []))], tmp_path / "x.apkg")
    with pytest.raises(BadInputError, match=r"\.apkg"):
        export_deck(ANSWERED, tmp_path / "deck.zip")
    assert not list(tmp_path.iterdir())


def save_session(settings: Settings, answered: list[tuple[str, str, Turn]]) -> str:
    repo = SessionRepository(settings.sessions_db)
    session_id = repo.create(SessionConfig(), T0)
    for number, (_, when, answered_turn) in enumerate(answered, start=1):
        question = Question.from_dict({**answered_turn.question.to_dict(), "turn": number})
        moment = datetime.fromisoformat(when)
        repo.save_question(session_id, question, Mode.STANDARD, moment)
        repo.save_answer(session_id, Turn(question, answered_turn.answer, answered_turn.score), moment)
    repo.close()
    return session_id


def test_cli_exports_a_session_and_rejects_an_unknown_one(
    fake_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id = save_session(fake_settings, ANSWERED[:2])
    env = {"INTERVIEWER_HOME": str(fake_settings.home)}
    out = io.StringIO()
    assert main(["export-anki", "--session", session_id, "--out", str(tmp_path / "deck.apkg")], env=env, out=out) == 0
    assert out.getvalue() == f"3 cards on 2 topics written to {tmp_path / 'deck.apkg'}\n"
    assert len(read_apkg(tmp_path / "deck.apkg")["notes"]) == 3
    assert main(["export-anki", "--session", "nope", "--out", str(tmp_path / "x.apkg")], env=env, out=out) == 2
    assert "no session 'nope'" in capsys.readouterr().err
