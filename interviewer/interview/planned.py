"""The question a plan asks, once the engine has found its words, sources and points. Pure."""

from __future__ import annotations

from interviewer.core.chunks import Chunk
from interviewer.core.domain import Question
from interviewer.core.session import Plan

__all__ = ["planned_question"]


def planned_question(
    plan: Plan,
    text: str,
    topic: str,
    sources: list[Chunk],
    *,
    level: int | None = None,
    follow_up: bool = False,
    points: tuple[str, ...] = (),
    point_sources: tuple[str, ...] = (),
    item_kind: str = "",
    notice: str = "",
) -> Question:
    """The question a plan asks: its turn, kind, level (unless the notes could not support it), stage, hint and
    thread, with the sources it cites and what this kind of question adds."""
    return Question(
        turn=plan.turn,
        text=text,
        kind=plan.kind,
        topic=topic,
        level=plan.level if level is None else level,
        stage=plan.stage,
        follow_up=follow_up,
        hint=plan.hint,
        root_turn=plan.root_turn,
        # A note cited twice (the stage's chunk is also the take-up's) is cited once: its id is looked up again.
        sources=tuple({**c.citation(), "text": c.text} for c in {c.chunk_id: c for c in sources}.values()),
        points=points,
        point_sources=point_sources,
        item_kind=item_kind,
        notice=notice,
    )
