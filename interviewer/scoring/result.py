"""What a score is: per-criterion scores with evidence and missing key points, and its JSON form."""

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
            "score": self.score,
            "weight": self.weight,
            "descriptor": self.descriptor,
            "evidence": list(self.evidence),
            "missing": list(self.missing),
        }


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
        }
        if self.judge is not None:
            document["judge"] = self.judge
        return document

    def criterion(self, name: str) -> CriterionScore:
        """The criterion with this name."""
        return next(c for c in self.criteria if c.name == name)
