"""What a score is: per-criterion scores with evidence and missing key points, per-sentence claim checks, and its
JSON form (saved with each turn, printed by `score --json` and the protocol), read back with `from_json`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ClaimCheck", "CriterionScore", "ScoreResult"]


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
        )

    def criterion(self, name: str) -> CriterionScore:
        """The criterion with this name."""
        return next(c for c in self.criteria if c.name == name)

    @property
    def missing(self) -> tuple[dict[str, str], ...]:
        """The key points the answer missed (the coverage criterion's), most important first."""
        return next((c.missing for c in self.criteria if c.name == "coverage"), ())
