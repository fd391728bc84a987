"""Anki export: one card per key point of the notes that an answer missed. Front: the interview question;
back: the missed point as the notes state it, with its source (file > heading).

Ids are stable: the deck and note type have fixed ids, and each note's guid is derived from its topic and the
missed point, so importing a new export updates the cards already there instead of adding copies, and the same
point missed in several sessions is one card.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import genanki

from interviewer.core.domain import Turn
from interviewer.errors import BadInputError
from interviewer.learning.review import to_utc

__all__ = [
    "DECK_ID",
    "DECK_NAME",
    "MODEL_ID",
    "DeckExport",
    "MissedPoint",
    "NothingToExportError",
    "build_deck",
    "export_deck",
    "missed_points",
    "note_guid",
]

# Fixed once (random 31-bit numbers, as Anki's own ids are): never change them, or imports duplicate the deck.
DECK_ID = 1_749_205_113
MODEL_ID = 1_532_871_946
DECK_NAME = "Interviewer: missed key points"

_MODEL = genanki.Model(
    MODEL_ID,
    "Interviewer missed point",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}, {"name": "Topic"}],
    templates=[
        {
            "name": "Missed point",
            "qfmt": '<div class="topic">{{Topic}}</div><div class="question">{{Question}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
            '<div class="source">{{Source}}</div>',
        }
    ],
    css=".card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; background: white; }\n"
    ".topic { font-size: 14px; color: #666; }\n.source { font-size: 14px; color: #666; margin-top: 1em; }\n",
)


class NothingToExportError(BadInputError):
    """No answer missed a key point, so there is no card to make."""


@dataclass(frozen=True)
class MissedPoint:
    """A key point of the notes that an answer missed, with the question it was missed on."""

    topic: str
    question: str
    text: str
    source: str
    heading: str
    session_id: str
    answered_at: str


@dataclass(frozen=True)
class DeckExport:
    """What an export wrote."""

    path: Path
    cards: int
    topics: int
    sessions: int


def _normalised(text: str) -> str:
    return " ".join(text.split()).lower()


def note_guid(topic: str, point: str) -> str:
    """The note's stable id: the same topic and missed point always give the same guid."""
    return genanki.guid_for("interviewer", _normalised(topic), _normalised(point))


def _question_text(turn: Turn) -> str:
    # A hint is added to questions after a weak answer; a card asks the question itself.
    return turn.question.text.split(" Hint: ", 1)[0]


def missed_points(answered: Iterable[tuple[str, str, Turn]], session_id: str | None = None) -> list[MissedPoint]:
    """The missed key points of every answered turn (or one session's), one per topic and point: the most
    recent miss wins. Ordered by topic, then by when the point was first missed."""
    points: dict[str, MissedPoint] = {}
    first_seen: dict[str, int] = {}
    for sid, at, turn in sorted(answered, key=lambda item: to_utc(item[1])):
        if session_id is not None and sid != session_id:
            continue
        for missing in turn.missing:
            text = missing.get("text", "").strip()
            if not text:
                continue
            guid = note_guid(turn.question.topic, text)
            first_seen.setdefault(guid, len(first_seen))
            points[guid] = MissedPoint(
                topic=turn.question.topic,
                question=_question_text(turn),
                text=text,
                source=missing.get("source", ""),
                heading=missing.get("heading", ""),
                session_id=sid,
                answered_at=at,
            )
    return sorted(points.values(), key=lambda p: (p.topic, first_seen[note_guid(p.topic, p.text)]))


def _tag(topic: str) -> str:
    return re.sub(r"[^\w:-]+", "_", topic.strip()).strip("_") or "topic"


def _note(point: MissedPoint) -> genanki.Note:
    place = " &gt; ".join(html.escape(part) for part in (point.source, point.heading) if part)
    return genanki.Note(
        model=_MODEL,
        fields=[
            html.escape(point.question),
            html.escape(point.text),
            f"from: {place}" if place else "",
            html.escape(point.topic),
        ],
        tags=["interviewer", _tag(point.topic)],
        guid=note_guid(point.topic, point.text),
    )


def build_deck(points: Iterable[MissedPoint]) -> genanki.Deck:
    """A deck with one note per missed point."""
    deck = genanki.Deck(DECK_ID, DECK_NAME, description="Key points your interview answers missed, from your notes.")
    for point in points:
        deck.add_note(_note(point))
    return deck


def export_deck(answered: Iterable[tuple[str, str, Turn]], path: Path, session_id: str | None = None) -> DeckExport:
    """Write the deck of missed points (all sessions, or one) to `path` (.apkg); an error when there is none."""
    if path.suffix.lower() != ".apkg":
        raise BadInputError(f"{path}: Anki imports decks from .apkg files; give a path ending in .apkg")
    points = missed_points(answered, session_id)
    if not points:
        scope = f"session {session_id}" if session_id else "your sessions"
        raise NothingToExportError(f"no missed key points in {scope}: there is no card to export")
    # The package's note and card ids count up from its timestamp: taking it from the data (the latest answer)
    # rather than the clock makes two exports of the same answers byte-for-byte identical in content.
    timestamp = max(to_utc(p.answered_at) for p in points).timestamp()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".export-", suffix=".apkg", dir=path.parent)
    os.close(handle)
    try:
        genanki.Package(build_deck(points)).write_to_file(tmp, timestamp=timestamp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return DeckExport(
        path=path,
        cards=len(points),
        topics=len({p.topic for p in points}),
        sessions=len({p.session_id for p in points}),
    )
