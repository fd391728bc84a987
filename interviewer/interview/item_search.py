"""The order in which a deep dive tries the notes' items for its next question: at the hard end the notes' own hard
questions, then questions that combine statements, before any single statement; otherwise every level each topic
holds, the nearest first. Generators over items, so the caller tries each in turn and stops at the first a frame can
ask; they draw from the session's random generator in the same order as the caller does. Pure."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from interviewer.core.domain import Mode, Question
from interviewer.interview.choosing import item_key, levels_nearest
from interviewer.interview.combined import COMBINED_KINDS
from interviewer.interview.items import Item

__all__ = ["SearchState", "fallback_items", "hard_end_items", "hardest_left"]

TRIED_PER_POOL = 8  # items of one pool tried before the next pool


@dataclass(frozen=True)
class SearchState:
    """What the session has asked, as the search reads it, and the tests it applies to an item."""

    level: int  # the planned level
    used_points: frozenset[str]  # every point asked so far
    used_chunks: frozenset[str]  # the first chunk of every question asked
    asked_at: dict[str, int]  # the highest level each lead point was asked at
    last_asked: Question | None  # the last question that was no follow-up
    waits: Callable[[Item], bool]  # answered in an earlier session and not due yet, or its symptom asked already
    repeats: Callable[[Item], bool]  # its symptom was asked already in this session, in other words
    spread: Callable[[Item], int]  # how many notes an item's points come from
    spare_five: bool = False  # held at level 4 to pace the climb: a level-5 question is not spent at level 4

    def asked_again_at(self, item: Item, level: int) -> bool:
        """True when an item may be asked (again) at `level`: never lower, never twice, never right after."""
        first = item.points[0] if item.points else ""
        if first not in self.asked_at:
            return True
        last = self.last_asked
        return level > self.asked_at[first] and not (last is not None and first in last.points[:1])


def hard_end_items(
    search: SearchState, ordered: list[str], fresh: dict[str, list[Item]], spans: tuple[int, ...], rng: random.Random
) -> Iterator[Item]:
    """Items at the planned level (4 or 5) in the order they are tried: the notes' own hard questions, then those
    that combine statements, before any single statement; a thread leaves its topic for them. Items that wait come
    after every fresh one; those that connect at least `spans[0]` notes first."""
    spare = (True, False) if search.spare_five else (False,)
    rounds = (
        (worst, again, name, span, kept)
        for kept in spare
        for span in spans
        for again in (False, True)
        for worst in (1, 2)
        for name in ordered
    )
    for worst, again, name, span, kept in rounds:
        hard = [
            i
            for i in fresh[name]
            if search.level in i.levels
            and not (kept and 5 in i.levels)
            and hard_rank(i, search.level) <= worst
            and search.waits(i) == again
            and search.spread(i) >= span
            and not search.repeats(i)  # after every fresh question, however it ranks (the fall-back)
        ]
        # A question whose statements were mostly asked already (the same symptom again) is not asked.
        used = search.used_points
        hard = [i for i in hard if not (set(i.points[:1]) & used) and len(set(i.points) & used) < 2]
        rng.shuffle(hard)
        # Among questions that combine statements, those that connect more notes first.
        hard.sort(
            key=lambda i: (
                hard_rank(i, search.level),
                -min(search.spread(i), 2),
                search.level != i.levels[0],
                i.chunk_id in search.used_chunks,
            )
        )
        yield from hard[:TRIED_PER_POOL]


def hardest_left(
    items: Iterable[Item], asked: Collection[tuple[str, str, str]], used_points: Collection[str],
    repeats: Callable[[Item], bool],
) -> int:  # fmt: skip
    """How many more level-5 questions the hard end can ask: the unasked items at level 5 that the hard end tries
    (the notes' own questions and those that combine statements, never a single statement in a frame), one per
    symptom (a symptom is asked once however many notes explain it), none that repeats what was asked."""
    families = set()
    for item in items:
        if item.kind == "case-stage" or 5 not in item.levels or hard_rank(item, 5) > 2 or repeats(item):
            continue
        if item_key(item) in asked or set(item.points[:1]) & set(used_points):
            continue
        families.add((item.kind, item.concept) if item.kind in COMBINED_KINDS else item_key(item))
    return len(families)


def fallback_items(
    search: SearchState,
    nearest: list[tuple[str, int, list[Item]]],
    passes: tuple[tuple[bool, bool], ...],
    no_harder: bool,
    rng: random.Random,
) -> Iterator[tuple[Item, int]]:
    """Items with the level to ask each at, in the order they are tried when the hard end has none: each topic's
    levels, nearest first (`nearest`), in passes that first keep to the planned level (`passes`: (not easier, not
    harder) each); a statement asked already only when no level next to the planned one has a fresh one.
    `no_harder`: after a weak answer nothing is harder than planned."""
    # After a strong answer, an item asked again at the planned level with another ask ("which cause would you
    # check first?") still beats a fresh question two levels down ("What is precision?").
    again_near = ((False, True), (True, True), (False, False), (True, False))  # (asked again, near levels only)
    for (again, near), (strict, capped) in itertools.product(again_near, dict.fromkeys(passes)):
        for _, level, found in nearest:
            pool = list(found)  # each pass shuffles its own copy, in the items' order
            if (capped and level > search.level) or (strict and level < search.level):
                continue  # after a weak answer a question must not be harder than planned
            if near and not no_harder and level < search.level - 1:
                continue
            rng.shuffle(pool)
            # The notes' own hard questions first, then questions that combine statements, then single ones.
            if not again:
                pool = [i for i in pool if not (set(i.points[:1]) & search.used_points) and not search.repeats(i)]
            else:  # ... and asked again once at most, with a harder ask, never right after (a third "AUC ... in
                # production", "The ten stores ..." at level 4 after level 5, or the same scene twice in a row)
                pool = [i for i in pool if search.asked_again_at(i, level)]
            pool.sort(
                key=lambda i: (
                    search.waits(i),
                    hard_rank(i, level),
                    i.chunk_id in search.used_chunks,
                    level not in i.levels,
                )
            )
            for item in pool[:TRIED_PER_POOL]:
                yield item, level


def nearest_levels(
    ordered: list[str],
    fresh: dict[str, list[Item]],
    level: int,
    mode: Mode,
    variants: Collection[int],
    thread: Callable[[str, int], bool],
) -> list[tuple[str, int, list[Item]]]:
    """Every level each topic holds, with its items, the nearest to the planned `level` first: when no topic has the
    planned level, the topic whose nearest level is closest is asked (a strong candidate whose level-5 questions ran
    out gets level 4, not whatever level the first topic holds). `thread(topic, gap)`: the topic keeps the thread
    under way. `mode`: challenge mode falls back to a harder level first, standard mode to an easier one."""
    options = [
        (name, found_level, found)
        for name in ordered
        if fresh[name]
        for found_level, found in levels_nearest(fresh[name], level, mode, variants)
    ]

    def closeness(option: tuple[str, int, list[Item]]) -> tuple[bool, int, bool]:
        name, found_level, _ = option
        gap = abs(found_level - level)
        return (not thread(name, gap), gap, (found_level < level) == (mode is Mode.CHALLENGE))

    return sorted(options, key=closeness)


def hard_rank(item: Item, level: int) -> int:
    """At levels 4-5: the notes' own question at this level first (one whose answer is a single statement after
    the questions that combine statements), then the rest."""
    if level < 4:
        return 0
    if item.kind in ("qa", "cloze") and level in item.levels:
        return 0 if len(item.points) >= 2 else 2
    return 1 if item.kind in COMBINED_KINDS else 3
