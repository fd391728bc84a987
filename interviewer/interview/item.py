"""What an interview item is: a question the notes can answer, the points a good answer makes, the kind of
knowledge it tests (and the levels that kind suits) and where it comes from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

__all__ = ["ITEM_KINDS", "KIND_LEVELS", "MAX_POINTS", "Item", "ItemSource"]

ITEM_KINDS = (
    "definition", "mechanism", "contrast", "rule", "procedure", "pitfall", "trade-off", "qa", "cloze", "case-stage",
    "diagnosis", "decision", "consequence",
)  # fmt: skip
# The levels each kind of knowledge can be asked at (DESIGN.md section 2's ladder).
KIND_LEVELS: dict[str, tuple[int, ...]] = {
    "definition": (1,),
    "cloze": (1,),
    "mechanism": (2,),
    "contrast": (2,),
    "rule": (3,),
    "procedure": (3,),
    "pitfall": (4,),
    "trade-off": (5,),
    "case-stage": (),
    "diagnosis": (4,),  # built across notes: interview/combined.py
    "decision": (5,),
    "consequence": (3,),
}
MAX_POINTS = 4


class ItemSource(TypedDict):
    """Where an item comes from: the fields every item of one chunk shares."""

    chunk_id: str
    source: str
    heading: str
    topic: str


@dataclass(frozen=True)
class Item:
    """One thing an interviewer can ask from the notes, and what a good answer to it says."""

    question: str  # the notes' own question, or the statement-shaped question built from it
    points: tuple[str, ...]  # statements a good answer makes (the reference the answer is scored on)
    kind: str  # one of ITEM_KINDS
    concept: str  # what it is about, in the note's words
    chunk_id: str
    source: str
    heading: str
    topic: str
    levels: tuple[int, ...]  # the levels it suits
    other: str = ""  # the second side of a contrast, or the alternatives of a trade-off
    detail: str = ""  # the claim a why-question asks about, a condition, or a blanked number
    stage: str = ""  # a case study's stage
    point_chunks: tuple[str, ...] = ()  # the chunk each point comes from, for items that combine notes (else empty)

    @property
    def key(self) -> str:
        """Identity within a session: an item is asked once."""
        return f"{self.chunk_id}:{self.kind}:{self.question}"
