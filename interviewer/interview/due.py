"""Items due for review come first in a session: the item's own question, or, once FSRS counts the item as
learned, a harder item of the same note. Pure over the plan, the session so far and the due list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from interviewer.core.domain import Question
from interviewer.core.review import DueItem, item_key
from interviewer.core.session import Plan, SessionState
from interviewer.interview.item_bank import ItemBank
from interviewer.interview.items import Item

__all__ = ["DUE_NOTICE", "DueChoice", "choose_due", "own_question"]

DUE_NOTICE = "First, questions from earlier sessions that are due for review, most overdue first."


@dataclass(frozen=True)
class DueChoice:
    """The due item to ask now, and the harder item to ask in its place when it is learned (None: its own)."""

    due: DueItem
    harder: Item | None


def _harder(due: DueItem, bank: ItemBank) -> Item | None:
    """A learned item's harder variant: another item of the same note at a higher level, the lowest such."""
    if not due.learned or not due.question.sources:
        return None
    level = due.question.level
    chunk_id = due.question.sources[0].get("chunk_id", "")
    above = [i for i in bank.for_chunk(chunk_id) if max(i.levels, default=0) > level and i.points]
    return min(above, key=lambda i: (min(lv for lv in i.levels if lv > level), i.key), default=None)


def choose_due(plan: Plan, state: SessionState, due: Sequence[DueItem], bank: ItemBank) -> DueChoice | None:
    """The first due item this session has not asked yet, for a new deep-dive question on the session's topic."""
    if plan.follow_up or plan.kind != "deep-dive" or not due:
        return None
    asked = {item_key(q) for q in state.asked}
    topic = (state.config.topic or "").lower()
    for item in due:
        if item_key(item.question) in asked or (topic and item.question.topic.lower() != topic):
            continue
        if item.question.kind != "deep-dive" or item.question.follow_up:
            continue
        return DueChoice(item, _harder(item, bank))
    return None


def own_question(plan: Plan, state: SessionState, due: DueItem) -> Question:
    """The due item's own question, asked again at this turn (the notice is said once, with the first)."""
    notice = "" if any(q.notice == DUE_NOTICE for q in state.asked) else DUE_NOTICE
    return replace(due.question, turn=plan.turn, root_turn=plan.root_turn, follow_up=False, hint=False, notice=notice)
