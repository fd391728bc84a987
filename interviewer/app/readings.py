"""Use cases of the case readings, shared by the CLI and the web app: what the app reads each case note as, and the
candidate's correction of it (its kind, who it is for, or that it is no case), kept per note from then on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from interviewer.app.container import App
from interviewer.core.chunks import Chunk
from interviewer.core.domain import CaseKind
from interviewer.core.readings import BUSINESS_MAX, CaseReading
from interviewer.errors import BadInputError
from interviewer.interview.case_readings import note_of
from interviewer.interview.cases import case_facts

__all__ = ["CaseNoteReading", "case_notes", "correct_reading"]


@dataclass(frozen=True)
class CaseNoteReading:
    """One case note as the app will ask it: the app's reading with the candidate's correction, if any."""

    topic: str
    note: str
    kind: CaseKind
    business: str
    guessed: bool  # no words of the note told its kind, and the candidate has not said it
    corrected: CaseReading | None  # the candidate's reading, if they gave one
    read_kind: CaseKind  # the app's own reading, whatever the candidate said
    read_business: str

    def said(self) -> str:
        """The reading in one line."""
        if self.corrected is not None and self.corrected.not_case:
            return f"{self.topic}: {self.corrected.said()}"
        unsure = " (guessed: please check)" if self.guessed else ""
        yours = " (as you set it)" if self.corrected is not None else ""
        return f"{self.topic}: {self.kind.described}{unsure}, for {self.business}{yours}"


def _case_chunks_by_note(app: App, topic: str | None = None) -> dict[str, list[Chunk]]:
    """The chunks of every note the app reads as a case (those the candidate said are no case included), or of those
    on one `topic` only."""
    found: dict[str, list[Chunk]] = {}
    for chunk in app.store.chunks(where={"topic": topic} if topic is not None else None):
        if chunk.kind == "case":
            found.setdefault(note_of(chunk), []).append(chunk)
    return found


def case_notes(app: App, topic: str | None = None) -> list[CaseNoteReading]:
    """Every case note (or those on `topic`) with the reading it is asked by, in topic order."""
    readings = app.readings.latest()
    listed = []
    for note, chunks in _case_chunks_by_note(app, topic).items():
        reading = readings.get(note)
        facts = case_facts(chunks, reading.kind if reading else None, reading.business if reading else "")
        own = case_facts(chunks) if reading is not None else facts
        listed.append(
            CaseNoteReading(
                chunks[0].topic,
                note,
                facts.kind,
                facts.business,
                facts.guessed and not (reading is not None and reading.not_case),  # (no case has no kind to check)
                reading,
                own.kind,
                own.business,
            )
        )
    return sorted(listed, key=lambda r: (r.topic.lower(), r.note))


def correct_reading(
    app: App,
    topic: str,
    now: datetime,
    kind: CaseKind | None = None,
    business: str = "",
    not_case: bool = False,
) -> list[CaseReading]:
    """Keep the candidate's reading of the case note(s) on `topic`; with no kind, no business and not `not_case`, the
    app's own reading is put back. Applies from the next question, in this session and every later one."""
    business = business.strip()
    if "\n" in business or len(business) > BUSINESS_MAX:
        raise BadInputError(f"business: give the company's name on one line, up to {BUSINESS_MAX} characters")
    if not_case and (kind is not None or business):
        raise BadInputError("case reading: a note that is no case has no kind or business; give one or the other")
    notes = _case_chunks_by_note(app)
    wanted = topic.strip().lower()
    chosen = sorted(note for note, chunks in notes.items() if chunks[0].topic.lower() == wanted)
    if not chosen:
        raise BadInputError(f"no case note has the topic {topic!r}; `interviewer case-reading` lists the case notes")
    saved = []
    for note in chosen:
        reading = CaseReading(note, notes[note][0].topic, now, kind, business, not_case)
        app.readings.add(reading)
        saved.append(reading)
    if "interviewer" in app.__dict__:  # (a running app: a note that is no case, or one again, from the next question)
        app.interviewer.reread()
    return saved
