"""Think while the candidate answers: prepare the questions that may come next, in the background.

A candidate takes half a minute or more to write an answer; the model is idle meanwhile. As soon as a question is
shown, the plans that could follow it (a strong, a middling and a weak answer: the level up, the same level, the
level down) are realised in a background thread, which asks the model for their phrasings. Nothing of that work is
shown or saved: the questions are thrown away and only the phraser's memo keeps the phrasings, so when the answer
is in, the real next question is realised as always and finds its phrasing ready. A follow-up needs no model
(it is built from the missing point), so it is not prepared. Preparation stops when the answer arrives."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from interviewer.core.domain import Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import Plan, SessionState, apply_turn, plan_next

__all__ = ["HYPOTHETICAL_TOTALS", "Prefetcher", "likely_plans"]

# Middling first (the most common outcome), then strong, then weak.
HYPOTHETICAL_TOTALS = (0.6, 0.9, 0.2)


@dataclass(frozen=True)
class Likely:
    """A plan that may follow the question on screen, with the state it would follow from."""

    plan: Plan
    state: SessionState


def likely_plans(state: SessionState, question: Question) -> list[Likely]:
    """The distinct new-question plans that could follow an answer to `question`, most likely first."""
    found: list[Likely] = []
    for total in HYPOTHETICAL_TOTALS:
        score = ScoreResult(total=total, criteria=(), sources=(), rubric="", relevance=1.0)
        after = apply_turn(state, Turn(question=question, answer="", score=score))
        plan = plan_next(after)
        if isinstance(plan, Plan) and not plan.follow_up and all(plan != seen.plan for seen in found):
            found.append(Likely(plan, after))
    return found


class Prefetcher:
    """Prepares the likely next questions of one session in a daemon thread; `cancel` stops it between questions
    (a generation under way finishes: its phrasing is kept for when it is needed)."""

    def __init__(self, realise: Callable[[Plan, SessionState], Question]) -> None:
        self.realise = realise
        self.prepared = 0
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, state: SessionState, question: Question) -> None:
        """Begin preparing what may follow `question` (cancelling what was being prepared before)."""
        self.cancel()
        cancel = self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(state, question, cancel), daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Stop preparing: no new question is started after this."""
        self._cancel.set()

    def join(self, timeout: float | None = None) -> None:
        """Wait for the preparation to end (tests and benches)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, state: SessionState, question: Question, cancel: threading.Event) -> None:
        for likely in likely_plans(state, question):
            if cancel.is_set():
                return
            try:
                self.realise(likely.plan, likely.state)
            except Exception:  # preparing is only ever a head start: the real question is realised as always
                continue
            self.prepared += 1
