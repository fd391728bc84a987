"""Every item asked is a card: an FSRS schedule per item, graded by what the candidate confirmed (the machine's
estimate where they confirmed nothing, marked as such). Pure: the clock, the answers, the confirmations and the
answer times are arguments; the schedule is always replayed from them, never stored.

Confirmed grade → FSRS rating, over the item's key points (covered counts 1, partly 0.5):
- any point confirmed wrong, or less than half the points → Again
- at least half, not all → Hard
- every point covered → Good
- every point covered, answered within EASY_SECONDS → Easy
Without a confirmation, the answer's total maps as for topics (review.py's SCORE_BANDS). A point the candidate did
not confirm takes the machine's verdict. An item is the question the notes' points answer: its key is those points
(or its text when it has none), so a re-phrased question is the same card. Follow-ups probe the item they follow,
so only a new question's answer grades it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fsrs import Card, Rating, Scheduler, State

from interviewer.core.domain import Question, Turn
from interviewer.core.review import CREDIT, Verdict, counted_verdicts, item_key
from interviewer.learning.review import rating_for, to_utc

__all__ = ["EASY_SECONDS", "ItemSchedule", "due_items", "item_key", "item_rating", "schedule_items"]

EASY_SECONDS = 60.0  # every point covered within a minute of reading the question: Easy
_SCHEDULER = Scheduler(learning_steps=(timedelta(0),), relearning_steps=(timedelta(0),), enable_fuzzing=False)

Answered = Iterable[tuple[str, str, Turn]]  # (session id, answered_at ISO-8601, turn), as the repository gives
Confirmed = Mapping[tuple[str, int], Mapping[str, Verdict]]  # (session id, turn) -> point id -> verdict


def item_rating(verdicts: Iterable[str], seconds: float | None = None) -> Rating:
    """The FSRS rating of one answer from its per-point verdicts (see the module docstring for the mapping)."""
    given = counted_verdicts(Verdict(v) for v in verdicts)
    if not given or Verdict.WRONG in given:
        return Rating.Again
    share = sum(CREDIT[v] for v in given) / len(given)
    if share < 0.5:
        return Rating.Again
    if share < 1.0:
        return Rating.Hard
    return Rating.Easy if seconds is not None and seconds <= EASY_SECONDS else Rating.Good


@dataclass(frozen=True)
class ItemSchedule:
    """Where one item stands: when it is due, its last grade, and the points missed last time."""

    key: str
    question: Question  # as last asked
    due: datetime  # UTC
    last_rating: Rating
    confirmed: bool  # the last grade came from the candidate (False: the machine's estimate)
    missed: tuple[str, ...]  # the points not covered in the last answer (missed, partly or wrong)
    reviews: int
    state: State
    order: int = 0  # when it was last answered, among all answers (times can tie to the second)

    def overdue(self, now: datetime) -> timedelta:
        """How long the item has been due at `now` (negative: not yet due)."""
        return to_utc(now) - self.due

    @property
    def learned(self) -> bool:
        """FSRS has moved it past learning: the next asking may be a harder variant."""
        return self.state is State.Review

    def to_json(self) -> dict[str, Any]:
        """The form `interviewer review --json` prints under "items"."""
        return {
            "item": self.key,
            "question": self.question.text,
            "topic": self.question.topic,
            "level": self.question.level,
            "due": self.due.isoformat(timespec="seconds"),
            "last_rating": self.last_rating.name.lower(),
            "graded_by": "you" if self.confirmed else "machine estimate",
            "missed": list(self.missed),
            "reviews": self.reviews,
        }


def _grade(turn: Turn, given: Mapping[str, Verdict], seconds: float | None) -> tuple[Rating, bool, tuple[str, ...]]:
    points = turn.score.points
    if not given or not points:
        missed = tuple(p["text"] for p in turn.score.missing)
        return rating_for(turn.total), False, missed
    verdicts = [given[p.id].value if p.id in given else p.verdict for p in points]
    missed = tuple(p.text for p, v in zip(points, verdicts, strict=True) if v not in ("covered", "off"))
    return item_rating(verdicts, seconds), True, missed


def schedule_items(
    answered: Answered, confirmed: Confirmed, seconds: Mapping[tuple[str, int], float] | None = None
) -> list[ItemSchedule]:
    """Replay every new question's answer, oldest first, as a review of its item; one schedule per item."""
    times = seconds or {}
    reviews = sorted(
        ((to_utc(at), sid, turn) for sid, at, turn in answered if not turn.question.follow_up), key=lambda r: r[0]
    )
    cards: dict[str, ItemSchedule] = {}
    fsrs_cards: dict[str, Card] = {}
    for order, (at, sid, turn) in enumerate(reviews):
        key = item_key(turn.question)
        number = turn.question.turn
        rating, by_candidate, missed = _grade(turn, confirmed.get((sid, number), {}), times.get((sid, number)))
        card = fsrs_cards.get(key) or Card(card_id=int(key[2:], 16), due=at)
        card, _ = _SCHEDULER.review_card(card, rating, review_datetime=at)
        fsrs_cards[key] = card
        count = cards[key].reviews + 1 if key in cards else 1
        cards[key] = ItemSchedule(key, turn.question, card.due, rating, by_candidate, missed, count, card.state, order)
    return list(cards.values())


def due_items(
    answered: Answered, confirmed: Confirmed, now: datetime, seconds: Mapping[tuple[str, int], float] | None = None
) -> list[ItemSchedule]:
    """Items due at `now`, most overdue first (equally overdue: the one answered first)."""
    moment = to_utc(now)
    due = [s for s in schedule_items(answered, confirmed, seconds) if s.due <= moment]
    return sorted(due, key=lambda s: (s.due, s.order))
