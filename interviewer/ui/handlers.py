"""What the web app does, as plain functions: start a session, stream a question, score an answer, switch
"challenge me", end with the feedback transcript, restore after a reload. No Gradio here: the layout module
translates events into these calls, and tests call them directly."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from interviewer.app import App
from interviewer.app.sessions import Priority, finish_session, session_confirmed, start_session, write_session_reports
from interviewer.core.domain import CaseKind, Kind, Mode
from interviewer.core.session_modes import mode_history_text
from interviewer.errors import BadInputError
from interviewer.interview.live import LiveSession
from interviewer.reports.charts import trajectory_svg
from interviewer.reports.files import ReportFiles
from interviewer.reports.wording import score_text
from interviewer.scoring.text import counted
from interviewer.ui.cards import Message, chat_messages, level_label, question_message
from interviewer.ui.topics import match_topic, merged_topics

__all__ = ["CHOSEN_FOR_ME", "HISTORY_HEADERS", "WEAKEST_FIRST", "Feedback", "InterviewHandlers", "SessionView"]

CHOSEN_FOR_ME = "Chosen for me (due first)"  # (a longer label ran under the menu's arrow)
WEAKEST_FIRST = "Weakest topics first"
PRIORITIES = {CHOSEN_FOR_ME: Priority.DUE, WEAKEST_FIRST: Priority.WEAKEST}
KINDS = {"Deep dive": Kind.DEEP_DIVE, "Case study": Kind.CASE, "Mixed": Kind.MIXED}
# What a case asks, as the candidate may say it when the app misread the note; the first entry keeps the reading.
AS_READ = "as the app reads it"
CASE_KINDS: dict[str, CaseKind | None] = {AS_READ: None, **{k.described: k for k in CaseKind}}
_WORDS_PER_CHUNK = 3
HISTORY_HEADERS = [
    "session", "started", "kind", "topics", "mode", "answered", "mean: machine's estimate", "mean: confirmed by you",
    "state",
]  # fmt: skip


@dataclass(frozen=True)
class SessionView:
    """What the interview tab shows after an event."""

    session_id: str | None
    turn: int | None  # the turn of the question waiting for an answer
    chat: list[Message] = field(default_factory=list)
    level: str = ""
    status: str = ""
    finished: bool = False
    challenge: bool = False
    ready: bool = False  # the question is fully shown and waits for an answer (Submit may be pressed)


@dataclass(frozen=True)
class Feedback:
    """The feedback transcript: its Markdown for the page and the two downloadable files."""

    markdown: str
    files: ReportFiles | None  # None: the session ended before any answer, so nothing was written
    chart: str  # the difficulty trajectory as inline SVG
    status: str = ""  # the status line once the session has ended

    @property
    def discarded(self) -> bool:
        """True when the session ended with nothing answered and was not kept."""
        return self.files is None


class InterviewHandlers:
    """The interview tab's actions over one App; sessions are keyed by id, never shared between browsers
    unless a browser names the id (its own, kept in its local storage)."""

    def __init__(self, app: App, stream_delay: float = 0.0) -> None:
        self.app = app
        self.stream_delay = stream_delay  # seconds between streamed chunks of a question
        self._live: dict[str, LiveSession] = {}
        self._locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
        self._registry = threading.Lock()

    # ----- sessions --------------------------------------------------------------------------------

    def session(self, session_id: str | None) -> LiveSession:
        """The running session with this id (resumed from its file after a restart); BadInputError without one."""
        return self._session(session_id)

    def _session(self, session_id: str | None) -> LiveSession:
        if not session_id:
            raise BadInputError("no interview is running: press Start")
        with self._registry:
            live = self._live.get(session_id)
            if live is None:  # after a server restart, or a session opened from the history
                live = self._live[session_id] = self.app.interviewer.resume(session_id)
            return live

    def _lock(self, session_id: str) -> threading.Lock:
        with self._registry:
            return self._locks[session_id]

    def _view(
        self, live: LiveSession, status: str = "", chat: list[Message] | None = None, ready: bool = False
    ) -> SessionView:
        pending = live.pending
        level = (
            pending.level if pending is not None else (live.state.turns[-1].question.level if live.state.turns else 0)
        )
        return SessionView(
            session_id=live.id,
            turn=pending.turn if pending is not None else None,
            chat=chat if chat is not None else self._chat(live),
            level=_level_text(level, live.state.mode),
            status=status,
            finished=live.finished,
            challenge=live.state.mode is Mode.CHALLENGE,
            ready=ready and pending is not None,
        )

    def _chat(self, live: LiveSession, with_pending: bool = True) -> list[Message]:
        confirmed = self.app.confirmations.confirmed_scores(live.id)  # practice: what the candidate confirmed
        return chat_messages(list(live.state.turns), live.pending if with_pending else None, confirmed)

    def chat(self, session_id: str | None) -> list[Message]:
        """The chat of a session as it stands, with the scores confirmed so far (after a practice confirmation)."""
        return self._chat(self._session(session_id))

    def topic_choices(self) -> list[str]:
        """The topic menu: chosen for me, weakest first, then every topic in the notes (those that differ only
        in case once, as most of their notes spell it)."""
        return [CHOSEN_FOR_ME, WEAKEST_FIRST, *sorted(topic for topic, _ in merged_topics(self.app.store.topics()))]

    def match_topic(self, typed: str | None) -> str:
        """The menu entry the topic box names (typed text need not be picked from the list); "chosen for me" for
        an empty box. BadInputError when the text names no topic, or several."""
        return match_topic(typed or "", self.topic_choices()) or CHOSEN_FOR_ME

    def start(
        self,
        kind: str,
        topic_choice: str,
        questions: int,
        challenge: bool,
        seed: int | None = None,
        case_kind: str = AS_READ,
    ) -> SessionView:
        """Start and save a new session; the first question comes from `next_question`."""
        if kind not in KINDS:
            raise BadInputError(f"interview kind must be one of {', '.join(KINDS)}")
        if case_kind not in CASE_KINDS:
            raise BadInputError(f"case kind must be one of: {'; '.join(CASE_KINDS)}")
        if self.app.store.count() == 0:
            raise BadInputError("no notes yet: add files or a folder under “Your notes” first")
        choice = self.match_topic(topic_choice)
        live = start_session(
            self.app,
            kind=KINDS[kind],
            mode=Mode.CHALLENGE if challenge else Mode.STANDARD,
            topic=None if choice in PRIORITIES else choice,
            questions=int(questions),
            seed=seed if seed is not None else time.time_ns() % 1_000_000,
            priority=PRIORITIES.get(choice, Priority.NONE),
            now=datetime.now(UTC),
            case_kind=CASE_KINDS[case_kind],
        )
        with self._registry:
            self._live[live.id] = live
        return self._view(live, status=f"Session {live.id} started.")

    def next_question(self, session_id: str | None) -> Iterator[SessionView]:
        """Stream the next question into the chat (the whole text so far at each step)."""
        live = self._session(session_id)
        with self._lock(live.id):
            before = self._chat(live, with_pending=False)
            if live.pending is None and not live.finished:
                thinking = {"role": "assistant", "content": "*Preparing the next question from your notes…*"}
                yield self._view(live, status="The interviewer is thinking…", chat=[*before, thinking])
            question = live.next_question()
            if question is None:
                yield self._view(live, status="All questions answered: press End session for your feedback.")
                return
            words = question.text.split(" ")
            for end in range(_WORDS_PER_CHUNK, len(words), _WORDS_PER_CHUNK):
                partial = question_message(question, " ".join(words[:end]) + " …")
                yield self._view(live, status="Asking…", chat=[*before, partial])
                if self.stream_delay:
                    time.sleep(self.stream_delay)
            notices = "".join(f"⚠ {notice[:1].upper()}{notice[1:]}. " for notice in self.app.model_notices())
            yield self._view(live, status=f"{notices}Your turn: type your answer and press Submit.", ready=True)

    def answer(self, session_id: str | None, turn: int | None, text: str) -> SessionView:
        """Score and save the answer to the question on screen; a repeated submit of the same turn is ignored."""
        live = self._session(session_id)
        with self._lock(live.id):
            pending = live.pending
            if pending is None or (turn is not None and pending.turn != turn):
                return self._view(live, status="That answer was already submitted.")
            result, _ = live.answer(text)
            after = "That was the last question." if live.finished else "Next question coming…"
            return self._view(live, status=f"Scored {score_text(result.total)}. {after}")

    def set_challenge(self, session_id: str | None, challenge: bool) -> SessionView | None:
        """Switch "challenge me" on or off for the running session (from its next question)."""
        if not session_id:
            return None
        live = self._session(session_id)
        with self._lock(live.id):
            live.set_mode(Mode.CHALLENGE if challenge else Mode.STANDARD)
            note = "on: harder questions after strong answers" if challenge else "off"
            return self._view(live, status=f"Challenge me {note}.")

    def welcome(self) -> str:
        """What the Interview tab says before any session: how to begin when there are no notes yet ('' otherwise);
        a trial user found the tab silent about an empty notes store."""
        if self.app.store.topics():
            return ""
        return (
            "No notes yet: add yours in the **Your notes** tab (files, or a folder's path), then come back and press "
            "Start."
        )

    def restore(self, session_id: str | None) -> SessionView | None:
        """The chat of a saved session as it was (after a reload or a server restart), or None."""
        if not session_id:
            return None
        try:
            live = self._session(session_id)
        except BadInputError:
            return None  # the browser remembers a session this data directory does not have
        return self._view(live, status=f"Session {live.id} restored." if not live.finished else "", ready=True)

    def resume(self, session_id: str | None) -> SessionView | None:
        """A session chosen in History, to go on with; a finished one has only its report to open."""
        if session_id and self.app.repo.load(session_id).finished:
            raise BadInputError("that session is finished: open its report here, or press Start for a new interview")
        return self.restore(session_id)

    def end(self, session_id: str | None) -> Feedback:
        """Write the feedback transcript (Markdown and HTML) and mark the session finished if it is. A session
        ended before any answer is deleted instead: there is nothing to score, keep or resume."""
        live = self._session(session_id)
        with self._lock(live.id):
            end = finish_session(self.app, live)
            if end.files is None:
                with self._registry:
                    self._live.pop(live.id, None)
                status = "Session ended before any answer: nothing to score, nothing kept. Press Start for a new one."
                return Feedback("", None, "", status=status)
            files = end.files
            if end.finished:
                status = "Session finished: your feedback is below."
            else:
                status = (
                    f"Feedback on your {counted(len(live.state.turns), 'answer')} is below. The session stays open: "
                    "answer the question above to go on, or resume it later from History."
                )
        return self._feedback(live.id, files, status)

    def _feedback(self, session_id: str, files: ReportFiles, status: str = "") -> Feedback:
        turns = list(self.app.repo.load(session_id).turns)
        chart = trajectory_svg(turns) if turns else ""
        return Feedback(files.markdown.read_text(encoding="utf-8"), files, chart, status=status)

    def open_report(self, session_id: str) -> Feedback:
        """The transcript of any saved session (written again from the saved turns)."""
        if not session_id:
            raise BadInputError("choose a session from the list first")
        files = write_session_reports(self.app, session_id)
        return self._feedback(session_id, files)

    def forget_all(self) -> None:
        """Drop every session held in memory (after the user deleted their data)."""
        with self._registry:
            self._live.clear()

    def history(self) -> list[list[str]]:
        """Past sessions, newest first (HISTORY_HEADERS): id, date, kind, topics asked, modes ("standard →
        challenge"), answered, the machine's mean estimate, the mean confirmed by the candidate over the answers they
        reviewed, state."""
        reviewed = {session_id for session_id, _ in self.app.confirmations.by_turn()}
        rows = []
        for s in self.app.repo.list():
            mean = score_text(s["mean_score"]) if s["mean_score"] is not None else "–"
            mine = self._confirmed_mean(s["id"], s["answered"]) if s["id"] in reviewed else "–"
            state = "finished" if s["finished"] else "unfinished"
            modes = mode_history_text(s["modes"])
            row = [
                s["id"], s["started"].replace("T", " "), s["kind"], _topics_text(s.get("topics", [])), modes,
                str(s["answered"]), mean, mine, state,
            ]  # fmt: skip
            rows.append(row)
        return rows

    def _confirmed_mean(self, session_id: str, answered: int) -> str:
        """ "0.82 (3 of 5 answers)": the mean confirmed score over the answers the candidate reviewed."""
        confirmed = session_confirmed(self.app, session_id)
        if not confirmed:
            return "–"
        mean = sum(score.total for score in confirmed.values()) / len(confirmed)
        count = f"all {answered}" if len(confirmed) >= answered else f"{len(confirmed)} of {answered}"
        return f"{score_text(mean)} ({count} answers)"


def _topics_text(topics: list[str], shown: int = 2) -> str:
    """ "Gradient boosting; A/B testing (+2 more)": which notes a past session asked from, at a glance."""
    if not topics:
        return "–"
    more = f" (+{len(topics) - shown} more)" if len(topics) > shown else ""
    return "; ".join(topics[:shown]) + more


def _level_text(level: int, mode: Mode) -> str:
    mode_text = "**Challenge me: on**" if mode is Mode.CHALLENGE else "Challenge me: off"
    return f"Current level: **{level_label(level)}** · {mode_text}" if level else mode_text
