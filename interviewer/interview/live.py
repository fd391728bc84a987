"""A running session: the question on screen, the answer saved before anything else, and the protocol's
question event. The engine (engine.py) builds the questions; this is what the CLI and the web app hold."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from interviewer.core.domain import Mode, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import Finish, SessionState, apply_turn, plan_next, with_mode
from interviewer.errors import BadInputError
from interviewer.interview.prefetch import Prefetcher

if TYPE_CHECKING:
    from interviewer.interview.engine import Interviewer

__all__ = ["MAX_ANSWER_CHARS", "LiveSession", "clean_answer", "question_event"]

MAX_ANSWER_CHARS = 100_000  # kept whole in the session; the scorer reads the first 20,000
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]"
)  # incl. lone surrogates (valid JSON, invalid text)


def clean_answer(text: str) -> str:
    """An answer as saved: control characters removed, at most MAX_ANSWER_CHARS."""
    return _CONTROL.sub("", text)[:MAX_ANSWER_CHARS]


class LiveSession:
    """One running session: its id, its state derived from saved turns, and the question on screen."""

    def __init__(self, engine: Interviewer, session_id: str, state: SessionState, pending: Question | None) -> None:
        self.engine = engine
        self.id = session_id
        self.state = state
        self.pending = pending
        # While the candidate answers, the likely next questions are prepared (only when a model phrases them).
        self.prefetcher = Prefetcher(engine.realise) if engine.prefetch and engine.phraser is not None else None
        self._prepared_after: int | None = None

    @property
    def finished(self) -> bool:
        """True once every question has been asked and answered."""
        return self.pending is None and isinstance(plan_next(self.state), Finish)

    def set_mode(self, mode: Mode) -> None:
        """Switch "challenge me" on or off; applies from the next question."""
        self.state = with_mode(self.state, mode)

    def next_question(self) -> Question | None:
        """The question to show: the pending one if any, else a new one (saved before it is returned)."""
        if self.pending is None:
            plan = plan_next(self.state)
            if isinstance(plan, Finish):
                return None
            self.pending = self.engine.realise(plan, self.state)
            self.engine.repo.save_question(self.id, self.pending, self.state.mode, self.engine.clock())
        if self.prefetcher is not None and self._prepared_after != self.pending.turn:
            self._prepared_after = self.pending.turn
            self.prefetcher.start(self.state, self.pending)
        return self.pending

    def stop_preparing(self) -> None:
        """Prepare nothing more and wait for a generation under way to end: a process that exits while the model
        generates in the background thread is aborted by the native library ("terminate called without an active
        exception", exit 134, when a piped `interviewer mock` ended on a blank answer)."""
        if self.prefetcher is not None:
            self.prefetcher.cancel()
            self.prefetcher.join()

    def answer(self, text: str) -> tuple[ScoreResult, Turn]:
        """Score the answer to the pending question and save it; committed before this returns."""
        question = self.pending
        if question is None:
            raise BadInputError("there is no question to answer; ask for the next question first")
        if self.prefetcher is not None:
            self.prefetcher.cancel()  # the answer is in: prepare nothing more for this turn
        answer = clean_answer(text)
        result = self.engine.score(question, answer)
        turn = Turn(question=question, answer=answer, score=result)
        self.engine.repo.save_answer(self.id, turn, self.engine.clock())
        self.state = apply_turn(self.state, turn)
        self.pending = None
        return result, turn


def question_event(question: Question) -> dict[str, Any]:
    """The protocol's question object."""
    data = question.to_dict()
    return {
        "type": "question",
        "turn": data["turn"],
        "text": data["text"],
        "kind": data["kind"],
        "stage": data["stage"],
        "topic": data["topic"],
        "level": data["level"],
        "follow_up": data["follow_up"],
        "hint": data["hint"],
        "sources": data["sources"],
        # Not the item's points: they are the answer; the score event lists the ones an answer missed.
        "item_kind": data["item_kind"],
        # The notes its points come from, with how many points each gives (a cross-note question cites several).
        "uses": data["uses"],
        "notice": data["notice"],
    }
