"""The candidate's case readings applied to the notes: a note they say is no case is asked as a note, and a case is
asked as the kind and for the business they name. The session's own kind, chosen when it started, wins over a
reading kept for the note."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from interviewer.core.chunks import Chunk
from interviewer.core.domain import CaseKind
from interviewer.core.readings import CaseReading

__all__ = ["as_corrected", "note_of", "reading_for", "told"]


def note_of(chunk: Chunk) -> str:
    """The note a chunk comes from, as readings are kept: its file's path (its name where the store has no path)."""
    return chunk.location or chunk.source


def as_corrected(chunks: list[Chunk], readings: Mapping[str, CaseReading]) -> list[Chunk]:
    """The chunks, with the case chunks of every note the candidate says is no case turned into note chunks (no
    stage): its statements are then asked as a technical note's are."""
    gone = {note for note, reading in readings.items() if reading.not_case}
    if not gone:
        return chunks
    return [replace(c, kind="note", stage="") if c.kind == "case" and note_of(c) in gone else c for c in chunks]


def reading_for(case_chunks: list[Chunk], readings: Mapping[str, CaseReading]) -> CaseReading | None:
    """The candidate's reading of the note these case chunks come from, if they gave one."""
    return next((readings[note] for c in case_chunks if (note := note_of(c)) in readings), None)


def told(
    case_chunks: list[Chunk], readings: Mapping[str, CaseReading], session_kind: CaseKind | None
) -> tuple[CaseKind | None, str]:
    """The kind a case is asked as (the session's, else the note's reading's; None: as the app reads it) and the
    business the candidate named for it ('' : as the app reads it)."""
    reading = reading_for(case_chunks, readings)
    kind = session_kind or (reading.kind if reading else None)
    return kind, reading.business if reading else ""
