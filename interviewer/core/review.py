"""The candidate's review of an answer: per key point, what they confirm it did (covered, partly, missed, wrong),
or that the point is not one this question asks for (off), and how often the machine's verdict agreed. Pure: no
disk, no clock (times are passed in)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from interviewer.core.domain import Question
from interviewer.core.score import PointCheck

__all__ = [
    "CREDIT",
    "Agreement",
    "Confirmation",
    "DueItem",
    "Verdict",
    "agreement",
    "counted_verdicts",
    "item_key",
    "parse_verdicts",
    "points_key",
    "review_order",
    "verdict_text",
]


class Verdict(StrEnum):
    """What the candidate confirms an answer did with one key point."""

    COVERED = "covered"
    PARTLY = "partly"
    MISSED = "missed"
    WRONG = "wrong"
    # Not a point this question asks for: a question that combines notes may carry a point of another note that
    # does not bear on it. It leaves the score, the schedule and the scorer's agreement alike.
    OFF = "off"


# The share of a point's weight each confirmed verdict earns; a wrong point also costs like a contradiction. An off
# point earns nothing and weighs nothing (see counted_verdicts).
CREDIT: dict[Verdict, float] = {
    Verdict.COVERED: 1.0, Verdict.PARTLY: 0.5, Verdict.MISSED: 0.0, Verdict.WRONG: 0.0, Verdict.OFF: 0.0,
}  # fmt: skip
_NAMES = "|".join(Verdict)
_MARK = {"covered": "✓", "partly": "~", "missed": "✗", "wrong": "!", "off": "–"}


def verdict_text(verdict: str) -> str:
    """A verdict as the candidate reads it: "✓ covered", "– not this question's point"."""
    words = "not this question's point" if verdict == Verdict.OFF.value else verdict
    return f"{_MARK.get(verdict, '?')} {words}"


def counted_verdicts(verdicts: Iterable[Verdict]) -> list[Verdict]:
    """The verdicts that grade an answer: every one but 'off'."""
    return [v for v in verdicts if v is not Verdict.OFF]


def parse_verdicts(raw: object, where: str = "verdicts") -> dict[str, Verdict]:
    """`{"<point id>": "covered|partly|missed|wrong|off"}` checked, every problem named in one error."""
    if not isinstance(raw, Mapping) or not raw:
        raise ValueError(f"field '{where}' must be an object of point id -> {_NAMES}")
    parsed: dict[str, Verdict] = {}
    problems: list[str] = []
    for key, value in raw.items():
        try:
            parsed[str(key)] = Verdict(str(value).strip().lower())
        except ValueError:
            problems.append(f"{key}: {value!r}")
    if problems:
        raise ValueError(f"field '{where}': not {_NAMES}: {', '.join(problems)}")
    return parsed


@dataclass(frozen=True)
class Confirmation:
    """One point of one answer as the candidate confirmed it, with what the machine had said of it."""

    point_id: str
    point_text: str
    verdict: Verdict
    machine_verdict: str  # covered | partly | missed | wrong
    machine_sure: bool
    sentence: str  # the answer sentence the point rests on: a learned phrasing, or a known misconception
    at: datetime
    question: str
    answer: str
    session_id: str | None = None
    turn: int | None = None

    @property
    def agreed(self) -> bool:
        """Whether the machine's verdict was the candidate's."""
        return self.machine_verdict == self.verdict.value

    def to_json(self) -> dict[str, Any]:
        """The exported form (`export-data`)."""
        return {
            "point_id": self.point_id,
            "point": self.point_text,
            "verdict": self.verdict.value,
            "machine_verdict": self.machine_verdict,
            "machine_sure": self.machine_sure,
            "sentence": self.sentence,
            "at": self.at.isoformat(timespec="seconds"),
            "question": self.question,
            "answer": self.answer,
            "session_id": self.session_id,
            "turn": self.turn,
        }


@dataclass(frozen=True)
class Agreement:
    """Per machine verdict: how many confirmations it got, and how many of them the candidate agreed with."""

    verdict: str
    confirmed: int
    agreed: int

    @property
    def rate(self) -> float | None:
        """The share agreed, or None before any confirmation."""
        return self.agreed / self.confirmed if self.confirmed else None

    def to_json(self) -> dict[str, Any]:
        """`{"verdict", "confirmed", "agreed", "rate"}`."""
        rate = self.rate
        return {
            "verdict": self.verdict,
            "confirmed": self.confirmed,
            "agreed": self.agreed,
            "rate": None if rate is None else round(rate, 3),
        }


def agreement(confirmations: Iterable[Confirmation], recent: int = 200) -> list[Agreement]:
    """Machine-vs-candidate agreement per machine verdict (covered, partly, missed, wrong, then unsure), over
    the `recent` newest confirmations: the scorer's accuracy for this user."""
    # A point confirmed off the question says nothing of whether the machine read the answer right.
    graded = [c for c in confirmations if c.verdict is not Verdict.OFF]
    newest = sorted(graded, key=lambda c: c.at, reverse=True)[:recent]
    rows: list[Agreement] = []
    for verdict in (*counted_verdicts(Verdict), "unsure"):
        if verdict == "unsure":
            chosen = [c for c in newest if not c.machine_sure]
        else:
            chosen = [c for c in newest if c.machine_sure and c.machine_verdict == verdict]
        rows.append(Agreement(str(verdict), len(chosen), sum(c.agreed for c in chosen)))
    return rows


def review_order(points: Iterable[PointCheck]) -> list[PointCheck]:
    """The order a review asks the points in: unsure ones first (a possible mistake before a possible miss),
    then the rest as the question lists them."""
    ranked = list(points)
    first = {"wrong": 0, "partly": 1, "covered": 2, "missed": 3}
    return sorted(ranked, key=lambda p: (p.sure, first.get(p.verdict, 4) if not p.sure else 0, ranked.index(p)))


def item_key(question: Question) -> str:
    """A stable key per item asked: its points (a question phrased anew is the same card), else its text."""
    return points_key(question.points, question.text)


def points_key(points: Sequence[str], text: str = "") -> str:
    """The card key of the item whose points are `points` (its text when it has none), asked or not yet."""
    basis = "\n".join(sorted(p.strip().lower() for p in points)) or text.strip().lower()
    return "i-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class DueItem:
    """An item due for review: the question as last asked, and whether FSRS counts it as learned (then a harder
    variant may be asked in its place)."""

    question: Question
    learned: bool = False
