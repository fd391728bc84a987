"""The candidate's correction of how the app reads one case note. The app reads a case's kind and who it is for from
the note's words, and a fresh note can defeat those rules (a city read as the business, a worked example read as a
case); the candidate knows, so what they say is kept per note and wins from then on, in every session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from interviewer.core.domain import CaseKind

__all__ = ["CaseReading"]

# A business name the candidate types is said inside questions: one line, no longer than a company's name runs.
BUSINESS_MAX = 60


@dataclass(frozen=True)
class CaseReading:
    """What the candidate says one case note is. Empty fields keep the app's own reading; a reading with every field
    empty puts the app's reading back."""

    note: str  # the note's file, as the store knows it (its path): the same note across sessions and re-ingests
    topic: str  # the note's topic when the reading was given, to show and to find it again
    at: datetime
    kind: CaseKind | None = None  # what the case asks, when the app misread it
    business: str = ""  # who the case is for ("Tandem Tools"), when the app misread or found no name
    not_case: bool = False  # the note poses no case (a worked example, a technical note): asked as a note

    @property
    def as_read(self) -> bool:
        """Nothing corrected: the app's own reading stands."""
        return self.kind is None and not self.business and not self.not_case

    def said(self) -> str:
        """The correction in words, for a status line or a listing."""
        if self.not_case:
            return "not a case: asked as a note"
        if self.as_read:
            return "as the app reads it"
        parts = [
            f"asked as {self.kind.described}" if self.kind else "",
            f"for {self.business}" if self.business else "",
        ]
        return ", ".join(part for part in parts if part)

    def to_json(self) -> dict[str, Any]:
        return {
            "note": self.note,
            "topic": self.topic,
            "at": self.at.isoformat(timespec="seconds"),
            "kind": self.kind.value if self.kind else None,
            "business": self.business,
            "not_case": self.not_case,
        }
