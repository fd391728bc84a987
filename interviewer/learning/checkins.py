"""Readiness check-ins: walk through the steps of the interview day, rating anxiety 1-10 for each before and
after a calming pause. Optional, never needed to start an interview.

The steps are an editable list in `checkin_steps.json` under INTERVIEWER_HOME (defaults until edited). Check-ins
are rows of their own table in the sessions file: one file then holds the whole history (one thing to back up,
export or delete), and a check-in can name the session it preceded. The walk-through is a pure state machine,
so the terminal and the web app drive the same logic.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from interviewer.errors import BadInputError

__all__ = [
    "CALMING_PAUSE",
    "DEFAULT_STEPS",
    "MAX_STEPS",
    "CheckIn",
    "CheckInError",
    "CheckInStore",
    "Prompt",
    "StepRating",
    "Walkthrough",
    "load_steps",
    "make_checkin",
    "parse_rating",
    "save_steps",
    "steps_path",
    "validate_steps",
]

DEFAULT_STEPS: tuple[str, ...] = (
    "Waking up on the morning of the interview",
    "Opening the video call link",
    "Waiting for the interviewer to join",
    "Introducing yourself",
    "Hearing the first question",
    "Being asked something you do not know",
    "Working through a problem while they watch",
    "Asking your own questions at the end",
)
MAX_STEPS = 20
MAX_STEP_CHARS = 200
CALMING_PAUSE = (
    "Pause. Breathe in slowly through your nose for four counts, hold for four, breathe out for six. "
    "Picture the step going fine: you pause, you think, you answer."
)

_SCHEMA = """
create table if not exists checkins (
    id integer primary key autoincrement,
    at text not null,
    session_id text,
    pause_seconds integer not null,
    ratings text not null
);
"""


class CheckInError(BadInputError):
    """A check-in or its list of steps is not valid; the message names the field."""


@dataclass(frozen=True)
class StepRating:
    """Anxiety about one step, 1 (calm) to 10 (panic), before and after the calming pause."""

    step: str
    before: int
    after: int


@dataclass(frozen=True)
class CheckIn:
    """One walk-through: when, the ratings per step, and the session it preceded (if known)."""

    at: str  # ISO-8601
    ratings: tuple[StepRating, ...]
    session_id: str | None = None
    pause_seconds: int = 0
    id: int | None = None

    @property
    def before_mean(self) -> float:
        """Mean anxiety before the pauses."""
        return round(sum(r.before for r in self.ratings) / len(self.ratings), 2)

    @property
    def after_mean(self) -> float:
        """Mean anxiety after the pauses."""
        return round(sum(r.after for r in self.ratings) / len(self.ratings), 2)

    def to_dict(self) -> dict[str, Any]:
        """The saved and exported form."""
        return {
            "id": self.id,
            "at": self.at,
            "session_id": self.session_id,
            "pause_seconds": self.pause_seconds,
            "ratings": [{"step": r.step, "before": r.before, "after": r.after} for r in self.ratings],
            "before_mean": self.before_mean,
            "after_mean": self.after_mean,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckIn:
        """Rebuild a check-in from its saved form (validated)."""
        ratings = data.get("ratings") or []
        checkin = make_checkin(
            [r.get("step") for r in ratings],
            [r.get("before") for r in ratings],
            [r.get("after") for r in ratings],
            at=data.get("at"),
            session_id=data.get("session_id"),
            pause_seconds=data.get("pause_seconds", 0),
        )
        return replace(checkin, id=data.get("id"))


def _valid_rating(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 10


def parse_rating(text: str | int, field: str) -> int:
    """A rating typed by the user as an int 1..10; a one-line error naming the field otherwise."""
    try:
        value = int(str(text).strip())
    except ValueError:
        value = 0
    if not 1 <= value <= 10:
        raise CheckInError(f"{field} must be a whole number from 1 to 10, got {str(text).strip()!r}")
    return value


def validate_steps(steps: Sequence[object]) -> tuple[str, ...]:
    """The steps, stripped; one error listing every problem (empty, too long, repeated, too many)."""
    problems: list[str] = []
    if not steps:
        problems.append("steps: give at least one step")
    if len(steps) > MAX_STEPS:
        problems.append(f"steps: at most {MAX_STEPS}, got {len(steps)}")
    clean: list[str] = []
    for number, step in enumerate(steps, start=1):
        text = " ".join(step.split()) if isinstance(step, str) else ""
        if not text:
            problems.append(f"step {number}: must be non-empty text")
        elif len(text) > MAX_STEP_CHARS:
            problems.append(f"step {number}: at most {MAX_STEP_CHARS} characters, got {len(text)}")
        elif text.lower() in (c.lower() for c in clean):
            problems.append(f"step {number}: {text!r} is listed twice")
        clean.append(text)
    if problems:
        raise CheckInError("; ".join(problems))
    return tuple(clean)


def make_checkin(
    steps: Sequence[object],
    before: Sequence[object],
    after: Sequence[object],
    at: object,
    session_id: object = None,
    pause_seconds: object = 0,
) -> CheckIn:
    """A validated check-in from parallel lists (what a form submits); one error naming every bad field."""
    problems: list[str] = []
    try:
        clean_steps = validate_steps(steps)
    except CheckInError as exc:
        problems.append(str(exc))
        clean_steps = tuple(str(s) for s in steps)
    if len(before) != len(steps) or len(after) != len(steps):
        problems.append(f"ratings: need a before and an after rating for each of the {len(steps)} steps")
    for number, (b, a) in enumerate(zip(before, after, strict=False), start=1):
        for name, value in (("before", b), ("after", a)):
            if not _valid_rating(value):
                problems.append(f"step {number} {name}: must be a whole number from 1 to 10, got {value!r}")
    if not isinstance(at, str):
        problems.append("at: must be an ISO-8601 date and time")
    else:
        try:
            datetime.fromisoformat(at)
        except ValueError:
            problems.append(f"at: {at!r} is not an ISO-8601 date and time")
    if session_id is not None and (not isinstance(session_id, str) or not session_id.strip()):
        problems.append("session_id: must be a session id or empty")
    if not isinstance(pause_seconds, int) or isinstance(pause_seconds, bool) or pause_seconds < 0:
        problems.append(f"pause_seconds: must be a whole number of seconds, 0 or more, got {pause_seconds!r}")
    if problems:
        raise CheckInError("; ".join(problems))
    # Validated above: every rating is an int in 1..10, the id a string or None, the pause an int.
    ratings = tuple(
        StepRating(step, cast(int, b), cast(int, a)) for step, b, a in zip(clean_steps, before, after, strict=True)
    )
    return CheckIn(
        at=str(at), ratings=ratings, session_id=cast("str | None", session_id), pause_seconds=cast(int, pause_seconds)
    )


@dataclass(frozen=True)
class Prompt:
    """What the walk-through asks next: a rating of one step, before or after its calming pause."""

    index: int  # 0-based step index
    step: str
    phase: str  # "before" or "after"

    @property
    def pause_first(self) -> bool:
        """Whether the calming pause comes before this rating."""
        return self.phase == "after"

    @property
    def field(self) -> str:
        """The field name used in error messages."""
        return f"step {self.index + 1} {self.phase}"


@dataclass(frozen=True)
class Walkthrough:
    """The walk-through so far: for each step, a rating before the pause, then one after it."""

    steps: tuple[str, ...]
    before: tuple[int, ...] = ()
    after: tuple[int, ...] = ()

    @classmethod
    def start(cls, steps: Sequence[str]) -> Walkthrough:
        """A new walk-through over valid steps."""
        return cls(validate_steps(steps))

    def next_prompt(self) -> Prompt | None:
        """The next rating to ask for, or None when every step is rated."""
        if len(self.before) > len(self.after):
            return Prompt(len(self.after), self.steps[len(self.after)], "after")
        if len(self.before) < len(self.steps):
            return Prompt(len(self.before), self.steps[len(self.before)], "before")
        return None

    @property
    def done(self) -> bool:
        """Every step has both ratings."""
        return self.next_prompt() is None

    def rate(self, value: str | int) -> Walkthrough:
        """The walk-through after answering the current prompt (a new value; errors name the field)."""
        prompt = self.next_prompt()
        if prompt is None:
            raise CheckInError("the walk-through is complete; no rating is expected")
        rating = parse_rating(value, prompt.field)
        if prompt.phase == "before":
            return replace(self, before=(*self.before, rating))
        return replace(self, after=(*self.after, rating))

    def to_checkin(self, at: datetime, session_id: str | None = None, pause_seconds: int = 0) -> CheckIn:
        """The finished walk-through as a check-in taken at `at`."""
        if not self.done:
            raise CheckInError("the walk-through is not finished: every step needs a before and an after rating")
        return make_checkin(
            self.steps, self.before, self.after, at.isoformat(timespec="seconds"), session_id, pause_seconds
        )


def steps_path(home: Path) -> Path:
    """Where the editable list of steps is kept."""
    return home / "checkin_steps.json"


def load_steps(home: Path) -> tuple[str, ...]:
    """The user's steps, or the defaults when none were saved; a damaged file is an error naming it."""
    path = steps_path(home)
    if not path.exists():
        return DEFAULT_STEPS
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CheckInError(f"{path}: cannot read the check-in steps ({exc}); fix or delete the file") from None
    if not isinstance(data, list):
        raise CheckInError(f"{path}: must hold a JSON list of steps; fix or delete the file")
    return validate_steps(data)


def save_steps(home: Path, steps: Sequence[object]) -> tuple[str, ...]:
    """Validate and save the user's steps; returns them as saved."""
    clean = validate_steps(steps)
    path = steps_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(list(clean), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return clean


class CheckInStore:
    """Check-ins in their own table of the sessions file; a short connection per call, so it can be used
    beside the sessions repository (WAL mode lets both write)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        db.execute("pragma journal_mode=wal")
        db.executescript(_SCHEMA)
        return db

    def add(self, checkin: CheckIn) -> CheckIn:
        """Save a check-in; returns it with its id."""
        ratings = json.dumps([{"step": r.step, "before": r.before, "after": r.after} for r in checkin.ratings])
        db = self._connect()
        try:
            cursor = db.execute(
                "insert into checkins (at, session_id, pause_seconds, ratings) values (?, ?, ?, ?)",
                (checkin.at, checkin.session_id, checkin.pause_seconds, ratings),
            )
            return replace(checkin, id=cursor.lastrowid)
        finally:
            db.close()

    def list(self) -> list[CheckIn]:
        """Every check-in, oldest first."""
        if not self.path.exists():
            return []
        db = self._connect()
        try:
            rows = db.execute("select id, at, session_id, pause_seconds, ratings from checkins order by at, id")
            return [
                CheckIn.from_dict(
                    {"id": r[0], "at": r[1], "session_id": r[2], "pause_seconds": r[3], "ratings": json.loads(r[4])}
                )
                for r in rows.fetchall()
            ]
        finally:
            db.close()
