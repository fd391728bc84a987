"""Choosing what to ask: the level and the items that suit a plan, and what a session has already asked.
Pure functions over items and questions."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from interviewer.core.domain import Mode, Question
from interviewer.core.session import SessionState
from interviewer.interview.combined import COMBINED_KINDS
from interviewer.interview.items import Item

__all__ = ["asked_item_key", "current_case", "item_key", "level_and_pool", "levels_nearest", "symptom_asked"]


def item_key(item: Item) -> tuple[str, str, str]:
    """What makes an item the same item across a session: its chunk, kind and first point."""
    return (item.chunk_id, item.kind, item.points[0] if item.points else "")


def asked_item_key(question: Question) -> tuple[str, str, str]:
    """The item key of a question already asked (empty parts for questions saved before items)."""
    chunk = question.chunk_ids[0] if question.chunk_ids else ""
    return (chunk, question.item_kind, question.points[0] if question.points else "")


def level_and_pool(
    items: list[Item], wanted: int, mode: Mode, variant_levels: Collection[int] = ()
) -> tuple[int, list[Item]]:
    """The level to ask and the items that suit it: the wanted level when the notes support it (a notes' own
    question may be asked in a harder variant at a level prompts/items.toml has tails for, `variant_levels`), else
    the nearest level they do support."""
    native = [i for i in items if wanted in i.levels]
    if native:
        return wanted, native
    variants = [i for i in items if i.kind == "qa" and wanted in variant_levels]
    if variants:
        return wanted, variants
    level = min({level for item in items for level in item.levels}, key=lambda lv: _nearness(lv, wanted, mode))
    return level, [i for i in items if level in i.levels]


def _nearness(level: int, wanted: int, mode: Mode) -> tuple[int, bool]:
    """How near a level is to the wanted one: standard mode falls back to an easier level first, challenge mode to a
    harder one."""
    return abs(level - wanted), (level > wanted) == (mode is not Mode.CHALLENGE)


def levels_nearest(
    items: list[Item], wanted: int, mode: Mode, variants: Collection[int]
) -> list[tuple[int, list[Item]]]:
    """The levels a topic's items can be asked at, each with its items: the one `level_and_pool` chooses first, then
    the others, nearest first (easier first in standard mode, harder first in challenge mode)."""
    first, pool = level_and_pool(items, wanted, mode, variants)
    others = sorted(
        {level for item in items for level in item.levels} - {first}, key=lambda lv: _nearness(lv, wanted, mode)
    )
    return [(first, pool), *((level, [i for i in items if level in i.levels]) for level in others)]


def current_case(state: SessionState, topic: str) -> list[Question]:
    """The questions of the case under way on this topic (since its last 'clarify')."""
    case: list[Question] = []
    for question in state.asked:
        if question.kind == "case" and question.topic == topic:
            case = [question] if question.stage == "clarify" and not question.follow_up else [*case, question]
    return case


def _situation(text: str) -> str:
    """The first sentence of a question: the symptom or constraint a combined question opens with."""
    return re.split(r"(?<=[.?!])\s+", text.strip(), maxsplit=1)[0]


def symptom_asked(items: Sequence[Item], asked: Sequence[Question]) -> Callable[[Item], bool]:
    """A test of whether a combined item's symptom was asked already in any wording: each symptom is asked from every
    topic whose statements explain it, in turns of its wordings and at levels 4 and 5, so a session of hard questions
    asked "Cross-validated AUC is 0.95, but ... 0.70 in production" three times (the round-34 bench)."""
    opened = {_situation(q.text) for q in asked if q.item_kind in COMBINED_KINDS}
    family: dict[tuple[str, str], set[str]] = {}
    for item in items:
        if item.kind in COMBINED_KINDS:
            family.setdefault((item.kind, item.concept), set()).add(_situation(item.question))
    return lambda item: bool(family.get((item.kind, item.concept), set()) & opened)
