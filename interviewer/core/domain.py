"""Domain values of an interview: kinds, modes, levels, case stages, and what a question and a turn are."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

from interviewer.core.score import ScoreResult

__all__ = ["CASE_STAGES", "Kind", "Level", "Mode", "Question", "Turn"]


class Kind(StrEnum):
    """What the interview asks: a technical deep dive, a case study, or both in turn."""

    DEEP_DIVE = "deep-dive"
    CASE = "case"
    MIXED = "mixed"


class Mode(StrEnum):
    """Standard mode aims at answers that stretch but succeed; challenge mode pushes harder."""

    STANDARD = "standard"
    CHALLENGE = "challenge"


class Level(IntEnum):
    """The ladder of a deep dive (Bloom's taxonomy, as interviewers use it)."""

    RECALL = 1
    EXPLAIN = 2
    APPLY = 3
    ANALYZE = 4
    DESIGN = 5


CASE_STAGES: tuple[str, ...] = ("clarify", "frame", "data", "method", "evaluation", "experiment", "deployment")


@dataclass(frozen=True)
class Question:
    """A question as shown to the candidate, with the notes it is grounded in."""

    turn: int
    text: str
    kind: str  # "deep-dive" or "case"
    topic: str
    level: int
    stage: str | None = None
    follow_up: bool = False
    hint: bool = False
    root_turn: int = 0  # the turn of the question a follow-up belongs to (itself for a new question)
    sources: tuple[dict[str, str], ...] = field(default=())  # source, heading, chunk_id, text
    points: tuple[str, ...] = ()  # the item's points: what the answer is scored on (empty: the sources' key points)
    item_kind: str = ""  # definition, mechanism, contrast, rule, procedure, pitfall, trade-off, qa, cloze, case
    notice: str = ""  # said once in a session: e.g. levels the notes cannot support for a topic

    @property
    def chunk_ids(self) -> list[str]:
        """The ids of the chunks the question is grounded in."""
        return [source["chunk_id"] for source in self.sources]

    def to_dict(self) -> dict[str, Any]:
        """The saved and protocol form."""
        data = asdict(self)
        data["sources"] = [dict(source) for source in self.sources]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        """Rebuild a question from its saved form."""
        known = {name for name in cls.__dataclass_fields__}
        values = {key: value for key, value in data.items() if key in known}
        values["sources"] = tuple(dict(s) for s in data.get("sources", ()))
        values["points"] = tuple(str(p) for p in data.get("points", ()))
        return cls(**values)


@dataclass(frozen=True)
class Turn:
    """A question with its answer and score."""

    question: Question
    answer: str
    score: ScoreResult

    @property
    def total(self) -> float:
        """The answer's total score, 0..1."""
        return self.score.total

    @property
    def missing(self) -> list[dict[str, str]]:
        """The key points the answer missed, most important first."""
        return list(self.score.missing)
