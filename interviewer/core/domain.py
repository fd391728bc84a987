"""Domain values of an interview: kinds, modes, levels, case stages, and what a question and a turn are."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

from interviewer.core.score import ScoreResult

__all__ = ["CASE_STAGES", "MADE_UP", "ORGANISATIONS", "CaseKind", "Kind", "Level", "Mode", "Question", "Turn"]


class Kind(StrEnum):
    """What the interview asks: a technical deep dive, a case study, or both in turn."""

    DEEP_DIVE = "deep-dive"
    CASE = "case"
    MIXED = "mixed"


class CaseKind(StrEnum):
    """What a case asks of the candidate. The app reads it from the case note; the candidate may say otherwise when
    the reading is wrong, and then the case's stage questions follow the candidate."""

    MODEL = "model"  # build a model or a list of whom to act on
    CHANGE = "change"  # measure a change, or decide whether to make one
    DROP = "drop"  # explain a metric that moved
    SIZING = "sizing"  # estimate a number
    CHOICE = "choice"  # choose among options
    ALLOCATION = "allocation"  # split a fixed budget
    POLICY = "policy"  # say how something should work
    METRIC = "metric"  # define what a number should count
    OPERATING = "operating"  # set the threshold of a model or rule that exists

    @property
    def described(self) -> str:
        """The kind as the app says it: "a metric that moved, to explain"."""
        return _CASE_KIND_SAID[self]


_CASE_KIND_SAID = {
    CaseKind.MODEL: "a model to build",
    CaseKind.CHANGE: "a change to measure or decide on",
    CaseKind.DROP: "a metric that moved, to explain",
    CaseKind.SIZING: "a number to size",
    CaseKind.CHOICE: "a choice among options",
    CaseKind.ALLOCATION: "a budget to split",
    CaseKind.POLICY: "a policy to set",
    CaseKind.METRIC: "a metric to define",
    CaseKind.OPERATING: "a threshold to set",
}


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
# The kinds of organisation a case is about: ingest reads them to find a case note, the interview to name its business.
ORGANISATIONS: tuple[str, ...] = (
    "company", "retailer", "bank", "insurer", "marketplace", "platform", "service", "startup", "shop", "app",
    "airline", "hotel", "lender", "operator", "provider", "brand", "chain", "firm", "telecom", "hospital", "utility",
    "publisher", "manufacturer", "carrier", "fintech", "merchant", "issuer", "grocer", "supermarket", "agency",
    "broker", "wholesaler", "job board", "job site", "charity", "nonprofit", "non-profit", "foundation", "university",
    "council", "clinic", "museum", "NHS trust", "health trust", "hospital trust", "housing trust",
)  # fmt: skip
# The words by which a case note says its business is invented ("Riverside Health (made up)"): ingest reads them to
# find a case, the interview to leave them out of the business's name and of its questions.
MADE_UP = r"made[- ]up|invented|fictional|fictitious|hypothetical|imaginary|not real"
# A paragraph wholly in brackets is the note-taker's aside ("(Interviewer's opening question, almost word for word.
# Mock w/ R., product DS loop.)"): ingest skips it when it reads a note's opening, the interview when it reads a case.
ASIDE_PARAGRAPH = r"(?m)^[ \t]*\((?:[^()]|\([^()]*\))*\)[ \t]*$"
# How a case note tells its own practice ("did this one twice", "Took 45 min.") and whoever played the interviewer
# ("He was brutal about units"): ingest reads past it to the case's opening, the interview never quotes it.
PRACTICE_VOICE = (
    r"\bdid (?:this|it)(?: one)?\b|^Took\b|^(?:He|She) (?:was|is|kept|pushed|asked|played|wanted|said)\b"
    r"|^(?:He|She|They)(?:'d| had) (?:prepared|brought|made|built|set up)\b"  # "He'd prepared a fake dashboard." (82)
)


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
    point_sources: tuple[str, ...] = ()  # the chunk id each point comes from (empty: all from the first source)
    # definition, mechanism, contrast, rule, procedure, pitfall, trade-off, qa, cloze, case; and the items that combine
    # statements: diagnosis, decision, consequence (see interview/combined.py)
    item_kind: str = ""
    notice: str = ""  # said once in a session: e.g. levels the notes cannot support for a topic

    @property
    def chunk_ids(self) -> list[str]:
        """The ids of the chunks the question is grounded in."""
        return [source["chunk_id"] for source in self.sources]

    def point_origin(self, index: int) -> dict[str, str]:
        """The source (file, heading, chunk id) one point comes from."""
        wanted = self.point_sources[index] if index < len(self.point_sources) else ""
        found = next((s for s in self.sources if wanted and s.get("chunk_id") == wanted), None)
        return found or (self.sources[0] if self.sources else {})

    @property
    def notes_used(self) -> list[dict[str, Any]]:
        """Each note the question's points come from (file, heading, chunk id) with how many points it gives."""
        used: dict[str, dict[str, Any]] = {}
        for index in range(len(self.points)):
            origin = self.point_origin(index)
            key = origin.get("chunk_id", "")
            entry = used.setdefault(key, {**{k: origin.get(k, "") for k in ("source", "heading", "chunk_id")}})
            entry["points"] = entry.get("points", 0) + 1
        return list(used.values())

    def to_dict(self) -> dict[str, Any]:
        """The saved and protocol form: with the notes the points come from (`uses`), so a reader can tell a
        question that combines notes from one that asks a single statement."""
        data = asdict(self)
        data["sources"] = [dict(source) for source in self.sources]
        data["points"] = list(self.points)
        data["point_sources"] = list(self.point_sources)
        data["uses"] = self.notes_used
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        """Rebuild a question from its saved form."""
        known = {name for name in cls.__dataclass_fields__}
        values = {key: value for key, value in data.items() if key in known}
        values["sources"] = tuple(dict(s) for s in data.get("sources", ()))
        values["points"] = tuple(str(p) for p in data.get("points", ()))
        values["point_sources"] = tuple(str(p) for p in data.get("point_sources", ()))
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
