"""The case-reading panel's actions as plain functions: what the case on screen is read as, and the candidate's
correction of it (its kind, who it is for, or that it is no case), applied from the next question. No Gradio here."""

from __future__ import annotations

from datetime import UTC, datetime

from interviewer.app.readings import CaseNoteReading, case_notes, correct_reading
from interviewer.errors import BadInputError
from interviewer.ui.handlers import AS_READ, CASE_KINDS, InterviewHandlers

__all__ = ["NOT_A_CASE", "READING_KINDS", "ReadingHandlers"]

NOT_A_CASE = "not a case: ask it as a note"
# The panel's menu: keep the app's reading, a kind, or no case at all.
READING_KINDS = [*CASE_KINDS, NOT_A_CASE]


class ReadingHandlers:
    """Reads and corrects the reading of the case the running session asks."""

    def __init__(self, interview: InterviewHandlers) -> None:
        self.interview = interview
        self.app = interview.app

    def _reading(self, session_id: str | None) -> CaseNoteReading:
        """The reading of the case note the session's latest case question comes from."""
        live = self.interview.session(session_id)
        asked = [*live.state.asked, *([live.pending] if live.pending else [])]
        topic = next((q.topic for q in reversed(asked) if q.kind == "case"), None)
        if topic is None:
            raise BadInputError("no case asked yet in this session: the reading is corrected for a case on screen")
        # (only the case on screen is read: the panel is refreshed with every question)
        reading = next(iter(case_notes(self.app, topic)), None)
        if reading is None:
            raise BadInputError(
                f"this case is built from your notes on {topic}, not from a case note: it has no reading to correct"
            )
        return reading

    def current(self, session_id: str | None) -> tuple[str, str, str, str]:
        """The panel for the case on screen: its menu entry, its business, the line that says how it is read (the
        app's own reading beside the candidate's), and its topic."""
        reading = self._reading(session_id)
        corrected = reading.corrected
        own = f"the app read it as {reading.read_kind.described}, for {reading.read_business}"
        if corrected is not None and corrected.not_case:
            return NOT_A_CASE, "", f"**{reading.topic}**: {corrected.said()} ({own}).", reading.topic
        kind = corrected.kind.described if corrected is not None and corrected.kind else AS_READ
        if corrected is not None:
            line = f"**{reading.topic}**: you set it as {reading.kind.described}, for {reading.business}; {own}."
        else:
            unsure = " I guessed its kind: please check." if reading.guessed else ""
            line = f"**{reading.topic}**: read as {reading.kind.described}, for {reading.business}.{unsure}"
        session_kind = self.interview.session(session_id).state.config.case_kind
        if session_kind is not None:
            line += f" This session was started as {session_kind.described}, which it keeps."
        return kind, reading.business, line, reading.topic

    def save(self, session_id: str | None, kind_label: str, business: str, shown_topic: str = "") -> str:
        """Keep the candidate's reading of the case on screen; the status line that says what changes. The topic
        the panel showed must be the case's on screen: a panel left from another case never saves onto this one."""
        if kind_label not in READING_KINDS:
            raise BadInputError(f"case reading must be one of: {'; '.join(READING_KINDS)}")
        reading = self._reading(session_id)
        if shown_topic and shown_topic != reading.topic:
            raise BadInputError(
                f"the panel showed the reading of {shown_topic}, not of the case on screen ({reading.topic}); "
                "it now shows this case's: check it and save again"
            )
        typed = (business or "").strip()
        # The app's own name is no correction: the note keeps its reading of it.
        named = "" if typed in ("", reading.read_business) else typed
        not_case = kind_label == NOT_A_CASE
        kind = None if not_case else CASE_KINDS[kind_label]
        kind = None if kind is reading.read_kind else kind  # (nor is the app's own kind)
        saved = correct_reading(
            self.app, reading.topic, datetime.now(UTC), kind=kind, business="" if not_case else named,
            not_case=not_case,
        )  # fmt: skip
        if not_case:
            return (
                f"Saved: {reading.topic} is read as a note from now on. This session's next case questions are "
                "built from your notes on it; start a new session for another case."
            )
        session_kind = self.interview.session(session_id).state.config.case_kind
        chosen = (
            f" This session was started as {session_kind.described}, which it keeps; later sessions use yours."
            if session_kind is not None and kind is not None and kind is not session_kind
            else ""
        )
        return f"Saved: {reading.topic}, {saved[0].said()}. It applies from the next question.{chosen}"

    def reset(self, session_id: str | None) -> str:
        """Put the app's own reading of the case on screen back."""
        reading = self._reading(session_id)
        correct_reading(self.app, reading.topic, datetime.now(UTC))
        return (
            f"Saved: {reading.topic} is asked as the app reads it again ({reading.read_kind.described}, for "
            f"{reading.read_business}), from the next question."
        )
