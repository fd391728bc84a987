"""Spaced review of topics with FSRS: every scored answer is a review of its topic, replayed in the order the
answers were given, so the schedule is always derived from the saved sessions and never stored. Pure: the
clock is an argument.

Score band → FSRS rating (the answer's total, 0..1):

- below 0.35 → Again (a weak answer: the difficulty policy's WEAK threshold; evasive and off-topic answers,
  which score at most 0.1, always land here)
- 0.35 to below 0.6 → Hard (some key points, most missing)
- 0.6 to below 0.85 → Good (most key points; strong answers average about 0.7)
- 0.85 and above → Easy (the top band)

A new topic answered Again or Hard, and a learned topic answered Again (a lapse), is due again at once (one
zero-length learning step), so the next session asks it first, until an answer rates Good or Easy and FSRS's
day-based intervals take over (where Hard shortens the next interval). Topics are reviewed a few times per
session at most, so Anki's minute-long learning steps would only make every topic due again within minutes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fsrs import Card, Rating, Scheduler, State

from interviewer.core.domain import Turn
from interviewer.core.policy import WEAK

__all__ = [
    "SCORE_BANDS",
    "TopicSchedule",
    "due_topics",
    "rating_for",
    "review_document",
    "schedule_topics",
    "to_utc",
    "topics_for_next_session",
    "upcoming_topics",
]

# Lower bound of each band, highest first: the first band a score reaches gives its rating.
SCORE_BANDS: tuple[tuple[float, Rating], ...] = (
    (0.85, Rating.Easy),
    (0.6, Rating.Good),
    (WEAK, Rating.Hard),
    (0.0, Rating.Again),
)

# No fuzzing: the same answers always give the same schedule. One zero-length (re)learning step: a topic not
# yet answered well stays due until it is.
_SCHEDULER = Scheduler(learning_steps=(timedelta(0),), relearning_steps=(timedelta(0),), enable_fuzzing=False)

Answered = Iterable[tuple[str, str, Turn]]  # (session id, answered_at ISO-8601, turn), as the repository gives


@dataclass(frozen=True)
class TopicSchedule:
    """Where one topic stands: when it is due, and the answers it was computed from."""

    topic: str
    due: datetime  # UTC
    last_score: float
    last_rating: Rating
    last_answered: datetime  # UTC
    reviews: int
    state: State
    stability: float

    def overdue(self, now: datetime) -> timedelta:
        """How long the topic has been due at `now` (negative: not yet due)."""
        return to_utc(now) - self.due

    def to_json(self) -> dict[str, Any]:
        """The form `interviewer review --json` prints."""
        return {"topic": self.topic, "due": self.due.isoformat(timespec="seconds"), "last_score": self.last_score}


def rating_for(score: float) -> Rating:
    """The FSRS rating of an answer's total score (see the module docstring for the bands)."""
    return next((rating for low, rating in SCORE_BANDS if score >= low), Rating.Again)


def to_utc(moment: str | datetime) -> datetime:
    """An ISO-8601 string or datetime as an aware UTC datetime; a naive one is taken as local time, which is
    how the interview engine's default clock records answers."""
    parsed = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return parsed.astimezone(UTC)


def _card_id(topic: str) -> int:
    # A stable id per topic: py-fsrs would otherwise read the clock (and sleep a millisecond) to make one.
    return int.from_bytes(hashlib.sha256(topic.encode("utf-8")).digest()[:6], "big")


def schedule_topics(answered: Answered) -> list[TopicSchedule]:
    """Replay every answered turn, oldest first, as a review of its topic; one schedule per topic."""
    reviews = sorted(((to_utc(at), turn) for _, at, turn in answered), key=lambda item: item[0])
    cards: dict[str, tuple[Card, Turn, datetime, int]] = {}
    for at, turn in reviews:
        topic = turn.question.topic
        card, _, _, count = cards.get(topic, (Card(card_id=_card_id(topic), due=at), turn, at, 0))
        card, _ = _SCHEDULER.review_card(card, rating_for(turn.total), review_datetime=at)
        cards[topic] = (card, turn, at, count + 1)
    return [
        TopicSchedule(
            topic=topic,
            due=card.due,
            last_score=round(turn.total, 3),
            last_rating=rating_for(turn.total),
            last_answered=at,
            reviews=count,
            state=card.state,
            stability=round(card.stability or 0.0, 4),
        )
        for topic, (card, turn, at, count) in cards.items()
    ]


def _split(schedules: list[TopicSchedule], now: datetime) -> tuple[list[TopicSchedule], list[TopicSchedule]]:
    now = to_utc(now)
    # Most overdue first, to the second, as `review` prints the times beside the topics; only topics due at the
    # very same moment fall back to the weakest last answer first.
    due = sorted((s for s in schedules if s.due <= now), key=lambda s: (s.due, s.last_score, s.topic))
    upcoming = sorted((s for s in schedules if s.due > now), key=lambda s: (s.due, s.topic))
    return due, upcoming


def due_topics(answered: Answered, now: datetime) -> list[TopicSchedule]:
    """Topics due at `now`, most overdue (earliest due) first; equally overdue ones weakest last answer first."""
    return _split(schedule_topics(answered), now)[0]


def upcoming_topics(answered: Answered, now: datetime) -> list[TopicSchedule]:
    """Topics not yet due at `now`, soonest first."""
    return _split(schedule_topics(answered), now)[1]


def topics_for_next_session(answered: Answered, now: datetime, limit: int | None = None) -> tuple[str, ...]:
    """The due topics to put in `SessionConfig.priority_topics`, most overdue first (at most `limit`)."""
    topics = tuple(s.topic for s in due_topics(answered, now))
    return topics if limit is None else topics[:limit]


def review_document(answered: Answered, now: datetime) -> dict[str, list[dict[str, Any]]]:
    """`{"due": [...], "upcoming": [...]}`: due topics most overdue first, then the rest soonest first."""
    due, upcoming = _split(schedule_topics(answered), now)
    return {"due": [s.to_json() for s in due], "upcoming": [s.to_json() for s in upcoming]}
