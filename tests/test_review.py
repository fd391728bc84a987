"""Spaced review with FSRS: the score → rating bands, a golden schedule, due order, and the loop from a weak
answer to `interviewer review` and to the next session's first question."""

from __future__ import annotations

import io
import json
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating, State

from interviewer.app import App
from interviewer.cli import main
from interviewer.core.domain import Mode, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest
from interviewer.learning.review import (
    due_topics,
    rating_for,
    review_document,
    schedule_topics,
    to_utc,
    topics_for_next_session,
    upcoming_topics,
)
from interviewer.storage.persistence import SessionRepository
from tests.conftest import CORPUS
from tests.helpers import make_app, strong, weak

T0 = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
FAKE_ENV = {"INTERVIEWER_LLM": "fake", "INTERVIEWER_EMBEDDER": "fake", "INTERVIEWER_THREADS": "1"}


def turn(topic: str, score: float, level: int = 1) -> Turn:
    question = Question(turn=1, text=f"What is {topic}?", kind="deep-dive", topic=topic, level=level)
    return Turn(question=question, answer="an answer", score=ScoreResult.from_json({"total": score, "criteria": []}))


def at(days: float) -> str:
    return (T0 + timedelta(days=days)).isoformat()


@pytest.mark.parametrize(
    ("score", "rating"),
    [
        (0.0, Rating.Again),
        (0.1, Rating.Again),
        (0.349, Rating.Again),
        (0.35, Rating.Hard),
        (0.59, Rating.Hard),
        (0.6, Rating.Good),
        (0.84, Rating.Good),
        (0.85, Rating.Easy),
        (1.0, Rating.Easy),
    ],
)
def test_score_bands_map_to_ratings(score: float, rating: Rating) -> None:
    assert rating_for(score) is rating


def test_golden_schedule_of_one_topic() -> None:
    script = [(0, 0.1), (0.01, 0.7), (3, 0.65), (10, 0.2), (10.01, 0.5), (11, 0.9), (25, 0.95)]
    answered = [("s1", at(days), turn("Bagging", score)) for days, score in script]
    history = []
    for count in range(1, len(answered) + 1):
        schedule = schedule_topics(answered[:count])[0]
        interval = schedule.due - to_utc(answered[count - 1][1])
        history.append((schedule.state, schedule.last_rating, round(interval.total_seconds() / 86400, 2)))
    assert history == [
        (State.Learning, Rating.Again, 0.0),  # a weak first answer: due again at once
        (State.Review, Rating.Good, 1.0),
        (State.Review, Rating.Good, 3.0),
        (State.Relearning, Rating.Again, 0.0),  # a lapse: due at once
        (State.Relearning, Rating.Hard, 0.0),  # still not good enough: stays due
        (State.Review, Rating.Easy, 1.0),
        (State.Review, Rating.Easy, 10.0),
    ]
    assert schedule.reviews == 7 and schedule.last_score == 0.95


def test_schedule_does_not_depend_on_input_order() -> None:
    answered = [("s1", at(d), turn(t, s)) for d, t, s in [(0, "A", 0.2), (0, "B", 0.9), (2, "A", 0.7), (3, "B", 0.4)]]
    shuffled = answered[:]
    random.Random(3).shuffle(shuffled)
    assert schedule_topics(shuffled) == schedule_topics(answered)


def test_due_topics_most_overdue_first_and_upcoming_soonest_first() -> None:
    answered = [
        ("s1", at(0), turn("Old weak", 0.3)),  # due at day 0
        ("s2", at(5), turn("Fair", 0.5)),  # due at day 5 (Hard keeps it due)
        ("s2", at(5.001), turn("Weakest", 0.0)),  # due at day 5 too, a little later: weaker, but less overdue
        ("s2", at(5.002), turn("Strong", 0.9)),  # Easy: due in days
    ]
    now = T0 + timedelta(days=5, hours=1)
    assert [s.topic for s in due_topics(answered, now)] == ["Old weak", "Fair", "Weakest"]
    assert [s.topic for s in upcoming_topics(answered, now)] == ["Strong"]
    assert topics_for_next_session(answered, now, limit=2) == ("Old weak", "Fair")
    document = review_document(answered, now)
    assert [set(item) for item in document["due"]] == [{"topic", "due", "last_score"}] * 3
    assert document["due"][2] == {"topic": "Weakest", "due": at(5.001)[:19] + "+00:00", "last_score": 0.0}
    assert [item["topic"] for item in document["upcoming"]] == ["Strong"]
    assert datetime.fromisoformat(document["upcoming"][0]["due"]) > now


def test_topics_due_at_the_same_moment_list_the_weakest_first() -> None:
    same = at(1)
    answered = [("s1", same, turn("Bagging", 0.3)), ("s1", same, turn("Boosting", 0.1))]
    assert [s.topic for s in due_topics(answered, T0 + timedelta(days=2))] == ["Boosting", "Bagging"]


def test_golden_review_listing_is_in_due_order(interviewer_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reported case: within one afternoon, a weaker topic due at 14:48 came before one due at 14:26."""
    day = datetime(2026, 12, 1, tzinfo=UTC)
    script = [  # (minute of the afternoon, topic, score), as one session answered them
        (5, "SQL Joins", 0.72),  # Good: due tomorrow
        (26, "Bias-Variance", 0.3),  # Again: due at once
        (31, "Calibration", 0.9),  # Easy: due in days
        (40, "A/B Testing", 0.5),  # Hard: due at once
        (48, "Gradient Boosting", 0.05),  # Again: due at once, the weakest, and the last to fall due
    ]
    repo = SessionRepository(interviewer_home / "sessions.sqlite3")
    session_id = repo.create(SessionConfig(questions=len(script)), day + timedelta(hours=14))
    for number, (minute, topic, score) in enumerate(script, 1):
        when = day + timedelta(hours=14, minutes=minute)
        question = Question(turn=number, text=f"What is {topic}?", kind="deep-dive", topic=topic, level=2)
        repo.save_question(session_id, question, Mode.STANDARD, when - timedelta(minutes=1))
        repo.save_answer(
            session_id, Turn(question, "an answer", ScoreResult.from_json({"total": score, "criteria": []})), when
        )
    repo.close()
    monkeypatch.setattr("interviewer.cli.learning._now", lambda: day + timedelta(hours=15))
    out = io.StringIO()
    env = {"INTERVIEWER_HOME": str(interviewer_home), **FAKE_ENV}
    assert main(["review"], env=env, out=out) == 0
    assert out.getvalue().splitlines() == [
        "Questions due, most overdue first (the next session asks these first):",
        "  [Bias-Variance] What is Bias-Variance?",
        "    due since 2026-12-01 14:26 UTC (again, machine estimate)",
        "  [A/B Testing] What is A/B Testing?",
        "    due since 2026-12-01 14:40 UTC (hard, machine estimate)",
        "  [Gradient Boosting] What is Gradient Boosting?",
        "    due since 2026-12-01 14:48 UTC (again, machine estimate)",
        "Topics due now, most overdue first:",
        "  Bias-Variance      due since 2026-12-01 14:26 UTC  last score 0.30",
        "  A/B Testing        due since 2026-12-01 14:40 UTC  last score 0.50",
        "  Gradient Boosting  due since 2026-12-01 14:48 UTC  last score 0.05",
        "Coming up:",
        "  SQL Joins          due 2026-12-03 14:05 UTC  last score 0.72",
        "  Calibration        due 2026-12-09 14:31 UTC  last score 0.90",
    ]


def test_naive_timestamps_are_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "EST+05")
    time.tzset()
    try:
        assert to_utc("2025-01-06T09:00:00") == datetime(2025, 1, 6, 14, 0, tzinfo=UTC)
        assert to_utc("2025-01-06T09:00:00+01:00") == datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_nothing_answered_nothing_due() -> None:
    assert review_document([], T0) == {"due": [], "upcoming": []}
    assert topics_for_next_session([], T0) == ()


@pytest.fixture
def app(interviewer_home: Path) -> App:
    app = make_app(interviewer_home)
    ingest([str(CORPUS)], app.store, 10**8)
    return app


def test_a_badly_answered_topic_is_due_first_and_opens_the_next_session(
    interviewer_home: Path, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    topics = sorted({chunk.topic for chunk in app.interviewer.chunks() if chunk.kind == "note"})
    good_first, bad, good_last = topics[1], topics[4], topics[7]
    session = app.interviewer.start(SessionConfig(questions=3, seed=4, priority_topics=(good_first, bad, good_last)))
    scores: dict[str, list[float]] = {}
    while (question := session.next_question()) is not None:
        result, _ = session.answer(weak(question) if question.topic == bad else strong(question))
        scores.setdefault(question.topic, []).append(result.total)
    assert max(scores[bad]) < 0.35 and min(scores[good_first] + scores[good_last]) >= 0.35

    out = io.StringIO()
    assert main(["review", "--json"], env={"INTERVIEWER_HOME": str(interviewer_home), **FAKE_ENV}, out=out) == 0
    document = json.loads(out.getvalue())
    assert document["due"][0]["topic"] == bad
    assert document["due"][0]["last_score"] == round(scores[bad][-1], 3)
    listed = [item["topic"] for item in document["due"] + document["upcoming"]]
    assert sorted(listed) == sorted(scores)

    priority = topics_for_next_session(app.repo.answered(), datetime.now(UTC))
    assert priority[0] == bad
    follow_on = app.interviewer.start(SessionConfig(questions=2, seed=9, priority_topics=priority))
    first = follow_on.next_question()
    assert first is not None and first.topic == bad

    text = io.StringIO()
    main(["review"], env={"INTERVIEWER_HOME": str(interviewer_home), **FAKE_ENV}, out=text)
    lines = text.getvalue().splitlines()
    assert lines[1].strip().startswith(f"[{bad}]")  # its question is due first
    assert lines[lines.index("Topics due now, most overdue first:") + 1].strip().startswith(bad)
