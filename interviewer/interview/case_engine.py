"""Case-study questions in a session: each stage from the case's items and facts (case_questions.py), and the
follow-ups a case interviewer asks: one that takes up what the candidate said, or one more turn with a twist."""

from __future__ import annotations

import random
from collections.abc import Callable

from interviewer.core.chunks import Chunk
from interviewer.core.domain import CASE_STAGES, Question
from interviewer.core.session import Plan, SessionState
from interviewer.interview.asking import QuestionFrames
from interviewer.interview.case_questions import (
    case_draft,
    from_other_note,
    points_of,
    stage_notice,
    topic_stage_items,
    twist_for,
)
from interviewer.interview.choosing import asked_item_key, current_case, item_key
from interviewer.interview.item_bank import ItemBank
from interviewer.interview.listening import take_up
from interviewer.interview.planned import planned_question
from interviewer.interview.templates import QuestionTemplates
from interviewer.storage.store import NoteStore

__all__ = ["CaseAsker"]

_METHOD_STAGES = ("data", "method", "evaluation", "experiment", "deployment")  # stages another note can serve


class CaseAsker:
    """Asks the stages of a case and its follow-ups, from the notes the engine reads."""

    def __init__(
        self,
        chunks: Callable[[], list[Chunk]],
        bank: ItemBank,
        store: NoteStore,
        templates: QuestionTemplates,
        frames: QuestionFrames,
    ) -> None:
        self.chunks = chunks
        self.bank = bank
        self.store = store
        self.templates = templates
        self.frames = frames

    def question(
        self,
        plan: Plan,
        state: SessionState,
        rng: random.Random,
        used_texts: set[str],
        topic: str,
        candidates: list[Chunk],
    ) -> Question:
        """A case stage asked with the case's own facts, scored on the stage's statements (and on the method another
        note brings to it); notes with no case note give a case built from one topic's notes."""
        stage = plan.stage or CASE_STAGES[0]
        case_chunks = [c for c in self.chunks() if c.topic == topic and c.kind == "case"]
        used_keys = {asked_item_key(q) for q in state.asked}
        if case_chunks:
            staged = [i for i in self.bank.for_topic(topic, case=True) if i.stage == stage]
            fresh = [i for i in staged if item_key(i) not in used_keys] or staged
        else:
            fresh = topic_stage_items(self.bank.for_topic(topic), stage, used_keys)
        other = None
        if case_chunks and stage in _METHOD_STAGES and (not fresh or plan.level >= 4):
            # The method comes from the note that shares most words with what this stage of the case is about.
            about = " ".join(p for i in fresh[:1] for p in i.points) or " ".join(c.text for c in case_chunks)
            other = from_other_note(self.bank.items, about, stage, topic)
        opening = stage == CASE_STAGES[0]
        draft = case_draft(stage, topic, case_chunks, fresh, other, self.templates, rng, used_texts, opening)
        text = draft.text
        if plan.level >= 4:
            asked = " ".join(q.text for q in current_case(state, topic))
            text = f"{text} {twist_for(case_chunks, self.templates, self.frames, rng, asked, stage=stage)}".strip()
        by_id = {c.chunk_id: c for c in self.chunks()}
        sources = [by_id[i.chunk_id] for i in draft.items if i.chunk_id in by_id]
        fallback = case_chunks or candidates
        sources = list({c.chunk_id: c for c in sources}.values()) or fallback[:1]
        # No one-word hint in a case ("Hint: think about time-ordered.", "Hint: start from complaints." read as
        # cryptic or misleading to a blind rater): after a weak answer the case eases its level instead.
        points, origins = points_of(draft)
        notice = " ".join(
            part
            for part in (draft.notice, stage_notice(state.config, plan.turn, state.asked) if opening else "")
            if part
        )
        return planned_question(
            plan, text, topic, sources, points=points, point_sources=origins, item_kind="case", notice=notice
        )

    def follow_up(self, plan: Plan, state: SessionState, rng: random.Random, used_texts: set[str]) -> Question | None:
        """A case follow-up that takes up a term of the answer another note covers; for a case that has walked its
        stages, one more turn with a twist; None when neither applies (the engine asks about the missing point)."""
        gap = plan.gap or {}
        root = state.asked[-1]
        # A case interviewer listens: a term the candidate used that another note covers comes first.
        asked_points = {point for q in state.asked for point in q.points}
        taken = take_up(state.turns[-1].answer, self.bank.items, root.topic, asked_points, self.frames, rng, used_texts)
        if taken is not None:
            sources = self.store.get([taken.item.chunk_id]) + self.store.get(root.chunk_ids[:1])
            return planned_question(
                plan, taken.text, root.topic, sources, follow_up=True, points=taken.item.points,
                point_sources=(taken.item.chunk_id,) * len(taken.item.points), item_kind=taken.item.kind,
            )  # fmt: skip
        if not gap:  # the case has walked its stages: one more turn on it, with a twist to react to
            case_chunks = [c for c in self.chunks() if c.topic == root.topic and c.kind == "case"]
            asked = " ".join(q.text for q in current_case(state, root.topic))
            twist = twist_for(
                case_chunks, self.templates, self.frames, rng, asked, condition=False, stage=root.stage or ""
            )
            text = f"One more turn on this case. {twist or 'What would you do differently a year from now?'}"
            return planned_question(
                plan, text, root.topic, self.store.get(root.chunk_ids), follow_up=True, points=root.points,
                point_sources=root.point_sources, item_kind=root.item_kind,
            )  # fmt: skip
        return None
