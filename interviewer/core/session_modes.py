"""What mode a session was in: the mode it started in, then each switch ("Challenge me" on or off) that a
later question was asked in. One rendering, "standard → challenge", for History, `sessions`, the transcript
and the progress page. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from interviewer.core.domain import Mode

__all__ = ["mode_history", "mode_history_text"]


def mode_history(started: Mode | str, question_modes: Iterable[Mode | str | None]) -> tuple[str, ...]:
    """The session's modes in order, a repeat collapsed: its starting mode, then the mode of each question
    (None: a question saved before modes were recorded, asked in the mode before it)."""
    modes = [Mode(started).value]
    for mode in question_modes:
        if mode is not None and Mode(mode).value != modes[-1]:
            modes.append(Mode(mode).value)
    return tuple(modes)


def mode_history_text(modes: Sequence[str]) -> str:
    """'standard', or 'standard → challenge' for a session switched mid-way."""
    return " → ".join(modes) if modes else "n/a"
