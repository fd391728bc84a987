"""A session's timing: when it started and ended, and how long each answer took, from the saved times; and the
transcript's section that says so. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

__all__ = ["SessionTiming", "Timing", "duration", "parse_time", "session_timing", "timing_section", "when"]

Timing = tuple[str | None, str | None]  # (asked_at, answered_at), ISO-8601, as saved


@dataclass(frozen=True)
class SessionTiming:
    """When the session started and last saved something, and how long each answer took (None: unknown)."""

    started: datetime | None
    ended: datetime | None
    answer_seconds: tuple[float | None, ...]  # one per answered turn, in turn order

    @property
    def total_seconds(self) -> float | None:
        """From the start to the last saved question or answer."""
        return _seconds(self.started, self.ended)

    @property
    def answering_seconds(self) -> float | None:
        """The time spent on the answers whose timing is known (breaks between sessions excluded)."""
        known = [s for s in self.answer_seconds if s is not None]
        return sum(known) if known else None


def parse_time(value: str | None) -> datetime | None:
    """A saved ISO-8601 time, or None when it is missing or unreadable."""
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _seconds(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    try:
        delta = (end - start).total_seconds()
    except TypeError:  # one time carries a time zone and the other does not
        return None
    return delta if delta >= 0 else None


def _answered_timings(timings: Sequence[Timing], answered: int) -> list[Timing]:
    """The pair of each answered turn: the saved pairs also hold the pending (unanswered) question, if any."""
    pairs = list(timings)
    if len(pairs) == answered + 1:
        unanswered = [i for i, (_, done) in enumerate(pairs) if done is None]
        pairs.pop(unanswered[0] if len(unanswered) == 1 else -1)
    return pairs if len(pairs) == answered else [(None, None)] * answered


def session_timing(started: str, timings: Sequence[Timing], answered: int) -> SessionTiming:
    """Start, end and time per answer from the saved (asked_at, answered_at) pairs, one per saved turn in turn
    order (a trailing pending question included); unreadable or missing times count as unknown."""
    start = parse_time(started) or next((t for t in (parse_time(asked) for asked, _ in timings) if t), None)
    ended = next((t for asked, done in reversed(timings) if (t := parse_time(done) or parse_time(asked))), None)
    pairs = _answered_timings(timings, answered)
    return SessionTiming(start, ended, tuple(_seconds(parse_time(asked), parse_time(done)) for asked, done in pairs))


def duration(seconds: float | None) -> str:
    """'1 min 30 s', '45 s', '1 h 05 min'; 'n/a' when unknown."""
    if seconds is None:
        return "n/a"
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def when(moment: datetime | None) -> str:
    """A moment as the transcript prints it; 'n/a' when unknown."""
    return moment.isoformat(sep=" ") if moment else "n/a"


def timing_section(timing: SessionTiming, answered: int) -> list[str]:
    """The transcript's "Session timing" section."""
    answering = timing.answering_seconds
    known = sum(1 for s in timing.answer_seconds if s is not None)
    mean = f", mean {duration(answering / known)} per answer" if answering is not None and known else ""
    timed = f"{known} answers" if known == answered else f"the {known} of {answered} answers with saved times"
    return [
        "## Session timing",
        "",
        f"- Started: {when(timing.started)}",
        f"- Ended: {when(timing.ended)}",
        f"- Total duration: {duration(timing.total_seconds)}",
        f"- Time spent answering: {duration(answering)} over {timed}{mean}",
        "",
    ]
