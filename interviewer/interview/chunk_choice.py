"""Choosing the notes a question comes from: its topic (the filter's, a due or weak one, the thread's, or a
fresh one) and the chunks of that topic that suit the plan. Pure functions over chunks and session state."""

from __future__ import annotations

import random
import re

from interviewer.core.chunks import Chunk
from interviewer.core.session import Plan, SessionState
from interviewer.scoring.keypoints import extract_key_points

__all__ = ["LEVEL_SECTIONS", "candidates", "matching_topics", "topic_for"]

LEVEL_SECTIONS = {
    1: re.compile(r"defin|what|overview|basics|key|summary", re.I),
    2: re.compile(r"how|why|intuition|mechanism|works|compar|vs|versus|differen", re.I),
    3: re.compile(r"example|apply|formula|comput|calculat|scenario|practice|how to|sample|worked", re.I),
    4: re.compile(r"pitfall|mistake|fail|trap|detect|diagnos|wrong|caveat|gotcha|assumption", re.I),
    5: re.compile(r"trade|design|choos|when to use|strateg|versus|vs|decision|alternative", re.I),
}


def matching_topics(chunks: list[Chunk], wanted: str) -> list[str]:
    """The topics a topic filter names: an exact match, else every topic containing it."""
    topics = sorted({chunk.topic for chunk in chunks})
    exact = [t for t in topics if t.lower() == wanted.lower()]
    return exact or [t for t in topics if wanted.lower() in t.lower()]


def topic_for(chunks: list[Chunk], plan: Plan, state: SessionState, rng: random.Random) -> str:
    """The topic the next question is about: the filter's, a due or weakest one, the thread's, or a fresh one."""
    kind = "case" if plan.kind == "case" else "note"
    used = {cid for q in state.asked for cid in q.chunk_ids[:1]}
    by_topic: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        if chunk.kind == kind:
            by_topic.setdefault(chunk.topic, []).append(chunk)
    if not by_topic:  # no case notes: a case question falls back to any note, and the other way round
        for chunk in chunks:
            by_topic.setdefault(chunk.topic, []).append(chunk)

    def fresh(topic: str) -> int:
        return sum(chunk.chunk_id not in used for chunk in by_topic.get(topic, []))

    if plan.kind == "case" and plan.stage != "clarify":
        # A case under way keeps its topic until its last stage, however few chunks its note has.
        under_way = next((q.topic for q in reversed(state.asked) if q.kind == "case"), None)
        if under_way is not None:
            return under_way
    if state.config.topic:
        wanted = [t for t in matching_topics(chunks, state.config.topic) if t in by_topic] or matching_topics(
            chunks, state.config.topic
        )
        return max(wanted, key=lambda t: (fresh(t) > 0, t == plan.topic, -wanted.index(t)))
    if plan.kind != "case" or plan.stage == "clarify":
        # Weakest or due topics come first, one new question (or one new case) each, in the order given.
        asked = {q.topic for q in state.asked}
        # Only topics with notes of this kind: a due deep-dive topic must not open a case study (its question
        # would be filed under that topic and move its level).
        waiting = [t for t in state.config.priority_topics if t in by_topic and t not in asked]
        if waiting:
            return waiting[0]
    if plan.kind == "case" and plan.stage == "clarify" and any(q.kind == "case" for q in state.asked):
        # A case that has run through all its stages is done: the next "clarify" opens a new case.
        done = {q.topic for q in state.asked if q.kind == "case"}
        last = next(q.topic for q in reversed(state.asked) if q.kind == "case")
        others = sorted(t for t in by_topic if t not in done) or sorted(t for t in by_topic if t != last)
        if others:
            return rng.choice(others)
    if plan.topic and fresh(plan.topic) > 0:
        return plan.topic
    previous = [q.topic for q in reversed(state.asked) if q.kind == plan.kind and fresh(q.topic) > 0]
    if previous:
        return previous[0]
    choices = sorted(t for t in by_topic if fresh(t) >= (2 if kind == "note" else 1)) or sorted(by_topic)
    return rng.choice(choices)


def candidates(chunks: list[Chunk], plan: Plan, topic: str, state: SessionState, rng: random.Random) -> list[Chunk]:
    """A topic's chunks, best first for the plan: unused ones, then sections whose heading suits the level."""
    used = {cid for q in state.asked for cid in q.chunk_ids[:1]}
    used_here = {q.chunk_ids[0] for q in state.asked if q.chunk_ids and q.level == plan.level}
    pool = [c for c in chunks if c.topic == topic] or chunks
    # A chunk with fewer than two statements (code, a stub) cannot ground a question or its scoring.
    pool = [c for c in pool if len(extract_key_points([c])) >= 2] or pool
    rng.shuffle(pool)
    if plan.kind == "case":
        return sorted(pool, key=lambda c: (c.stage != plan.stage, c.chunk_id in used, c.heading == c.topic))
    affinity = LEVEL_SECTIONS[plan.level]
    # A note's preamble (text before its first section) rarely holds facts worth a question.
    return sorted(
        pool,
        key=lambda c: (
            c.chunk_id in used,
            c.chunk_id in used_here,
            c.heading == c.topic,
            not affinity.search(c.heading),
        ),
    )
