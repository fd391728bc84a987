"""What a score is: per-criterion scores with evidence and missing key points, per-sentence claim checks, and its
JSON form (saved with each turn, printed by `score --json` and the protocol), read back with `from_json`."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ClaimCheck", "CriterionScore", "PointCheck", "ScoreResult", "point_id"]


@dataclass(frozen=True)
class ClaimCheck:
    """One answer sentence and what the notes say of it: "supported", "contradicted" or "not_in_notes"."""

    sentence: str
    verdict: str
    note: dict[str, str] | None = None  # the note statement that supports or contradicts it, with its source
    reason: str = ""  # why: "stated in your notes", the flip that reverses the note, or "yours to check"

    def to_json(self) -> dict[str, Any]:
        """`{"sentence", "verdict", "note", "reason"}`; note is null when the notes say nothing about it."""
        return {"sentence": self.sentence, "verdict": self.verdict, "note": self.note, "reason": self.reason}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ClaimCheck:
        """Read the JSON form back."""
        note = data.get("note")
        return cls(
            str(data["sentence"]), str(data["verdict"]), dict(note) if note else None, str(data.get("reason", ""))
        )


def point_id(text: str) -> str:
    """A key point's stable id: its text, case and spacing aside. It survives a re-ingest while the text stays."""
    normal = re.sub(r"\s+", " ", text.strip().lower())
    return "p-" + hashlib.sha256(normal.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class PointCheck:
    """The machine's verdict on one key point of the question: covered, partly, missed or wrong, and whether
    it can stand behind it (`sure`). An unsure verdict is a question to the candidate, never a fact."""

    id: str
    text: str
    source: str
    heading: str
    chunk_id: str
    verdict: str  # covered | partly | missed | wrong: the machine's best reading
    sure: bool
    sentence: str = ""  # the answer sentence the verdict rests on ("" when none is near the point)
    reason: str = ""  # why, in words a candidate reads
    credit: float = 0.0  # what the point earned in the machine's estimate, 0..1
    weight: float = 1.0  # its weight among the question's key points

    def citation(self) -> dict[str, str]:
        """Where the point comes from, as evidence lists quote it."""
        return {"text": self.text, "source": self.source, "heading": self.heading, "chunk_id": self.chunk_id}

    def to_json(self) -> dict[str, Any]:
        """`{"id", "text", "source", "heading", "chunk_id", "verdict", "sure", "sentence", "reason", "credit"}`."""
        return {
            "id": self.id,
            **self.citation(),
            "verdict": self.verdict,
            "sure": self.sure,
            "sentence": self.sentence,
            "reason": self.reason,
            "credit": self.credit,
            "weight": self.weight,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PointCheck:
        """Read the JSON form back."""
        text = str(data["text"])
        return cls(
            id=str(data.get("id") or point_id(text)),
            text=text,
            source=str(data.get("source", "")),
            heading=str(data.get("heading", "")),
            chunk_id=str(data.get("chunk_id", "")),
            verdict=str(data.get("verdict", "missed")),
            sure=bool(data.get("sure", False)),
            sentence=str(data.get("sentence", "")),
            reason=str(data.get("reason", "")),
            credit=float(data.get("credit", 0.0)),
            weight=float(data.get("weight", 1.0)),
        )


@dataclass(frozen=True)
class CriterionScore:
    """One criterion: its score in 0..1, weight, the answer spans that earned it, the key points missing."""

    name: str
    label: str
    score: float
    weight: float
    descriptor: str
    evidence: tuple[str, ...] = ()
    missing: tuple[dict[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The criterion as DESIGN.md section 5 specifies it (plus label and descriptor)."""
        return {
            "name": self.name,
            "label": self.label,
            "score": float(self.score),
            "weight": float(self.weight),
            "descriptor": self.descriptor,
            "evidence": list(self.evidence),
            "missing": list(self.missing),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CriterionScore:
        """Read the JSON form back (what an older saved score lacks takes its default)."""
        return cls(
            name=str(data["name"]),
            label=str(data.get("label") or data["name"]),
            score=float(data.get("score", 0.0)),
            weight=float(data.get("weight", 0.0)),
            descriptor=str(data.get("descriptor", "")),
            evidence=tuple(str(item) for item in data.get("evidence") or ()),
            missing=tuple(dict(point) for point in data.get("missing") or ()),
        )


@dataclass(frozen=True)
class ScoreResult:
    """The whole score of one answer."""

    total: float
    criteria: tuple[CriterionScore, ...]
    sources: tuple[dict[str, str], ...]
    rubric: str
    relevance: float
    evasive: bool = False
    contradictions: tuple[dict[str, str], ...] = ()
    key_points: tuple[dict[str, str], ...] = ()  # what a full answer covers, from the notes, most important first
    judge: dict[str, Any] | None = field(default=None)
    claims: tuple[ClaimCheck, ...] = ()  # per answer sentence: supported, contradicted (quoted) or not in the notes
    adjustments: tuple[str, ...] = ()  # each step from the criteria's weighted sum to the total, in order, and why
    points: tuple[PointCheck, ...] = ()  # the machine's verdict on each key point, in key-point order
    # The on-topic sentences the notes do not back, and how many on-topic claims there were: what the "not in your
    # notes" step costs, so a confirmation can lift it from exactly the sentences the candidate vouched for.
    unbacked: tuple[str, ...] = ()
    on_topic_claims: int = 0

    def __post_init__(self) -> None:
        # Plain Python values: the scorer's arithmetic may hand numpy scalars, which neither JSON nor the policy's
        # comparisons should ever see.
        object.__setattr__(self, "total", float(self.total))
        object.__setattr__(self, "relevance", float(self.relevance))
        object.__setattr__(self, "evasive", bool(self.evasive))

    def to_json(self) -> dict[str, Any]:
        """`{"total", "criteria", "sources", ...}` as DESIGN.md section 5 specifies."""
        document: dict[str, Any] = {
            "total": self.total,
            "criteria": [criterion.to_json() for criterion in self.criteria],
            "sources": list(self.sources),
            "rubric": self.rubric,
            "relevance": self.relevance,
            "evasive": self.evasive,
            "contradictions": list(self.contradictions),
            "key_points": list(self.key_points),
            "claims": [claim.to_json() for claim in self.claims],
            "adjustments": list(self.adjustments),
            "points": [point.to_json() for point in self.points],
            "unbacked": list(self.unbacked),
            "on_topic_claims": self.on_topic_claims,
        }
        if self.judge is not None:
            document["judge"] = self.judge
        return document

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScoreResult:
        """Read the JSON form back; keys a score saved by an older version lacks take their defaults."""
        return cls(
            total=float(data["total"]),
            criteria=tuple(CriterionScore.from_json(c) for c in data.get("criteria") or ()),
            sources=tuple(dict(source) for source in data.get("sources") or ()),
            rubric=str(data.get("rubric", "")),
            relevance=float(data.get("relevance", 1.0)),
            evasive=bool(data.get("evasive", False)),
            contradictions=tuple(dict(item) for item in data.get("contradictions") or ()),
            key_points=tuple(dict(point) for point in data.get("key_points") or ()),
            judge=dict(data["judge"]) if data.get("judge") is not None else None,
            claims=tuple(ClaimCheck.from_json(claim) for claim in data.get("claims") or ()),
            adjustments=tuple(str(line) for line in data.get("adjustments") or ()),
            points=tuple(PointCheck.from_json(point) for point in data.get("points") or ()),
            unbacked=tuple(str(sentence) for sentence in data.get("unbacked") or ()),
            on_topic_claims=int(data.get("on_topic_claims", 0)),
        )

    def criterion(self, name: str) -> CriterionScore:
        """The criterion with this name."""
        return next(c for c in self.criteria if c.name == name)

    def point(self, identifier: str) -> PointCheck | None:
        """The key point with this id, if the question has it."""
        return next((p for p in self.points if p.id == identifier), None)

    @property
    def missing(self) -> tuple[dict[str, str], ...]:
        """The key points the answer missed (the coverage criterion's), most important first."""
        return next((c.missing for c in self.criteria if c.name == "coverage"), ())
