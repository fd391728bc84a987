"""The interview engine: realises the core's plans as questions grounded in the notes, scores answers
against the question's own sources, and saves every turn before the next question is shown."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

import numpy as np

from interviewer.core.chunks import Chunk
from interviewer.core.domain import CASE_STAGES, Mode, Question
from interviewer.core.policy import WEAK
from interviewer.core.readings import CaseReading
from interviewer.core.review import DueItem, points_key
from interviewer.core.score import ScoreResult
from interviewer.core.session import Plan, SessionConfig, SessionState, listening_plan, replay
from interviewer.errors import BadInputError
from interviewer.interview.asking import QuestionFrames, load_frames, question_for
from interviewer.interview.case_engine import CaseAsker
from interviewer.interview.case_readings import as_corrected
from interviewer.interview.cases import story_points
from interviewer.interview.choosing import asked_item_key, item_key, level_and_pool, symptom_asked
from interviewer.interview.chunk_choice import candidates, matching_topics, topic_for
from interviewer.interview.combined import COMBINED_KINDS
from interviewer.interview.due import choose_due, own_question
from interviewer.interview.follow_ups import follow_up_text, hint_text
from interviewer.interview.item_bank import ItemBank
from interviewer.interview.item_search import SearchState, fallback_items, hard_end_items, hardest_left, nearest_levels
from interviewer.interview.items import Item
from interviewer.interview.live import LiveSession
from interviewer.interview.phrasing import LEVEL_NAMES, QuestionPhraser
from interviewer.interview.planned import planned_question
from interviewer.interview.templates import QuestionTemplates, cue_for, display_topic, pick, subject_of
from interviewer.scoring.keypoints import KeyPoint
from interviewer.scoring.scorer import Scorer
from interviewer.scoring.text import sentences
from interviewer.storage.embeddings import CachedEmbedder, Embedder
from interviewer.storage.persistence import SessionRepository
from interviewer.storage.store import NoteStore

__all__ = ["NEAR_DUPLICATE", "Interviewer"]

NEAR_DUPLICATE = 0.9  # cosine similarity above which two questions count as the same question


def _without_hint(text: str) -> str:
    return text.split(" Hint: ", 1)[0]


class Interviewer:
    """Builds questions from the notes and runs sessions; one per app, shared by all sessions."""

    def __init__(
        self,
        store: NoteStore,
        scorer: Scorer,
        embedder: Embedder,
        repo: SessionRepository,
        templates: QuestionTemplates,
        phraser: QuestionPhraser | None = None,
        clock: Callable[[], datetime] = datetime.now,
        frames: QuestionFrames | None = None,
        prefetch: bool = False,
        due_items: Callable[[], Sequence[DueItem]] | None = None,
        resting_items: Callable[[], frozenset[str]] | None = None,
        readings: Callable[[], Mapping[str, CaseReading]] = dict,
    ) -> None:
        self.store = store
        self.scorer = scorer
        self.embedder = embedder
        self.repo = repo
        self.templates = templates
        self.phraser = phraser
        self.prefetch = prefetch  # prepare the likely next questions while the candidate answers
        self.due_items = due_items  # the items due for review now, most overdue first (None: no review queue)
        # the card keys of items answered in an earlier session and not due yet: a new question goes before them
        self.resting_items = resting_items
        self.clock = clock
        self.frames = frames or load_frames()
        self.bank = ItemBank()
        # the candidate's readings of case notes: which are no case, and what the others ask and for whom
        self.readings = readings
        self.cases = CaseAsker(self.chunks, self.bank, store, templates, self.frames, readings)
        self._chunks: list[Chunk] | None = None
        self._question_vectors = CachedEmbedder(embedder)  # asked questions are compared on every turn

    # ----- sessions --------------------------------------------------------------------------------

    def start(self, config: SessionConfig) -> LiveSession:
        """Start and save a new session."""
        self._chunks = None  # the notes may have changed since the last session
        if not self.chunks():
            raise BadInputError("no notes indexed yet: run `interviewer ingest PATH` first")
        if config.topic and not self._matching_topics(config.topic):
            raise BadInputError(f"no topic matches {config.topic!r}; `interviewer topics` lists them")
        session_id = self.repo.create(config, self.clock())
        return LiveSession(self, session_id, SessionState(config=config, mode=config.mode), None)

    def resume(self, session_id: str) -> LiveSession:
        """Continue a saved session: answered turns are kept, a shown but unanswered question is asked again."""
        record = self.repo.load(session_id)
        state = replay(record.config, list(record.turns), mode=record.mode)
        return LiveSession(self, record.id, state, record.pending)

    # ----- questions -------------------------------------------------------------------------------

    def chunks(self) -> list[Chunk]:
        """Every chunk of the notes (read once per session start, and again after `reread`), a note the candidate
        says is no case read as a note."""
        if self._chunks is None:
            self._chunks = as_corrected(self.store.chunks(), self.readings())
            self.bank.refresh(self._chunks)
        return self._chunks

    def reread(self) -> None:
        """Read the notes again at the next question: the candidate changed which of them are cases."""
        self._chunks = None

    def _matching_topics(self, wanted: str) -> list[str]:
        return matching_topics(self.chunks(), wanted)

    def _topic_for(self, plan: Plan, state: SessionState, rng: random.Random) -> str:
        return topic_for(self.chunks(), plan, state, rng)

    def _candidates(self, plan: Plan, topic: str, state: SessionState, rng: random.Random) -> list[Chunk]:
        return candidates(self.chunks(), plan, topic, state, rng)

    def _text(
        self, plan: Plan, chunk: Chunk, state: SessionState, rng: random.Random, used: set[str], phrase: bool
    ) -> str:
        # Notes with no items at all (code, a stub): the template stands, so the interview still goes on.
        template = pick(self.templates.deep_dive[plan.level], rng, used, subject=subject_of(chunk), topic=chunk.topic)
        phrased = self.phraser.phrase(chunk.text, plan.level, template) if phrase and self.phraser is not None else None
        return phrased or template

    def _hint(self, chunk: Chunk, text: str) -> str:
        first = next(iter(sentences(chunk.text)), chunk.text)
        section = chunk.heading.split(" > ")[-1]
        return pick(self.templates.hint, random.Random(0), set(), section=section, cue=cue_for(first, exclude=text))

    def _is_repeat(self, text: str, used_texts: set[str], asked_vectors: np.ndarray | None) -> bool:
        if text in used_texts:
            return True
        if asked_vectors is None:
            return False
        return float(np.max(asked_vectors @ self._question_vectors.embed([text])[0])) >= NEAR_DUPLICATE

    def realise(self, plan: Plan, state: SessionState) -> Question:
        """Turn a plan into a question grounded in the notes, never repeating an earlier question."""
        rng = random.Random(f"{state.config.seed}:{plan.turn}")
        used_texts = {_without_hint(q.text) for q in state.asked}
        asked_vectors = self._question_vectors.embed(sorted(used_texts)) if used_texts else None
        if plan.follow_up and (plan.gap is not None or plan.kind == "case"):
            return self._follow_up(plan, state, rng, used_texts, asked_vectors)
        if plan.kind == "case":
            # A strong case answer that names a method another note covers is taken up when the case can spare the
            # turn; the next stage comes after it.
            listening = listening_plan(state) if plan.stage != CASE_STAGES[0] else None
            if listening is not None and listening.root_turn == state.asked[-1].root_turn:
                taken = self.cases.taken_up(listening, state, rng, used_texts)
                if taken is not None:
                    return taken
            topic = self._topic_for(plan, state, rng)
            return self.cases.question(plan, state, rng, used_texts, topic, self._candidates(plan, topic, state, rng))
        due = self._due_question(plan, state, rng)  # items due for review come before any new question
        if due is not None:
            return due
        question = self._item_question(plan, state, rng, used_texts, asked_vectors)
        if question is not None and self._far_below(plan, state, question):
            # A strong candidate in challenge mode whose chosen topic holds only easy questions left gets a hard one
            # that another note holds, said once, before a definition: a trial user's chosen topic ran 4 -> 1 -> 1 ->
            # 1 -> 1 on strong answers ("What is 1se, in your own words?").
            floor = f"at level {plan.level - 1} or above"
            harder = self._item_question(plan, state, rng, used_texts, asked_vectors, beyond=True, why_left=floor)
            question = harder if harder is not None and harder.level >= plan.level - 1 else question
        if question is None and state.config.topic:
            # The chosen topic has nothing left at any level: another topic's item, said once, comes before any
            # template with the chosen note's title pasted in ("Suppose you meet inference in Diff-in-diff & ...").
            question = self._item_question(plan, state, rng, used_texts, asked_vectors, beyond=True)
        if question is not None:
            return question
        topic = self._topic_for(plan, state, rng)
        candidates = self._candidates(plan, topic, state, rng)[:6]
        if not state.config.topic:
            # When this topic has run out of fresh questions, move on to another one.
            kind = "case" if plan.kind == "case" else "note"
            others = sorted({c.topic for c in self.chunks() if c.kind == kind and c.topic != topic})
            rng.shuffle(others)
            for other in others[:4]:
                candidates += self._candidates(plan, other, state, rng)[:2]
        text, chosen = "", candidates[0]
        for attempt, chunk in enumerate(candidates):
            # The model phrases the first candidate only: one generation per question at most.
            text = self._text(plan, chunk, state, rng, used_texts, phrase=attempt == 0)
            chosen = chunk
            if not self._is_repeat(text, used_texts, asked_vectors):
                break
        if plan.hint:
            text = f"{text} {self._hint(chosen, text)}"
        sources = [chosen]
        if plan.kind == "deep-dive":
            related = self.store.search(_without_hint(text), k=3, where={"topic": chosen.topic})
            sources += [hit.chunk for hit in related if hit.chunk.chunk_id != chosen.chunk_id][:2]
        return planned_question(plan, text, chosen.topic, sources)

    def _due_question(self, plan: Plan, state: SessionState, rng: random.Random) -> Question | None:
        """The first item due for review that this session has not asked: its own question, or a harder item of the
        same note once it is learned (interview/due.py)."""
        choice = choose_due(plan, state, self.due_items(), self.bank) if self.due_items is not None else None
        if choice is None:
            return None
        if choice.harder is None:
            return own_question(plan, state, choice.due)
        level = min(lv for lv in choice.harder.levels if lv > choice.due.question.level)
        text = question_for(choice.harder, level, self.frames, rng, set())
        return self._question_from_item(plan, state, choice.harder, level, text)

    def _follow_up(
        self,
        plan: Plan,
        state: SessionState,
        rng: random.Random,
        used_texts: set[str],
        asked_vectors: np.ndarray | None,
    ) -> Question:
        """A question about the one missing point, scored on that point alone; when the point names nothing to ask
        about, the interview moves on to a new question of the thread's topic instead."""
        gap = plan.gap or {}
        root = state.asked[-1]
        if root.kind == "case":
            # A case interviewer listens first; a case that has walked its stages gets one more turn.
            question = self.cases.follow_up(plan, state, rng, used_texts)
            if question is not None:
                return question
        text = follow_up_text(gap, state.turns[-1].answer, self.frames, rng, used_texts)
        if not text:
            moved_on = replace(plan, follow_up=False, gap=None, root_turn=plan.turn)
            question = self._item_question(moved_on, state, rng, used_texts, asked_vectors)
            if question is not None:
                return question
            text = f"Take the question again and add what is missing: {_without_hint(root.text)}"
        # (the notes are read only for a follow-up that is asked)
        gap_chunks = self.store.get([gap["chunk_id"]]) if gap.get("chunk_id") else []
        found = gap_chunks or self.store.get(root.chunk_ids[:1])
        chosen = found[0] if found else None
        sources = [chosen] if chosen is not None else []
        sources += [c for c in self.store.get(root.chunk_ids[:1]) if chosen is None or c.chunk_id != chosen.chunk_id]
        points = (gap["text"],) if gap.get("text") else ()
        return planned_question(
            plan, text, root.topic, sources, follow_up=True, points=points, item_kind=root.item_kind
        )

    def _item_question(
        self,
        plan: Plan,
        state: SessionState,
        rng: random.Random,
        used_texts: set[str],
        asked_vectors: np.ndarray | None,
        beyond: bool = False,
        why_left: str = "left",
    ) -> Question | None:
        """A new deep-dive question from an item that suits the level; None when no topic has items left.
        `beyond`: from a topic other than the one the candidate chose (it has none left)."""
        used_keys = {asked_item_key(q) for q in state.asked}
        chosen = self._matching_topics(state.config.topic) if beyond and state.config.topic else []
        # `beyond`: the chosen topic is left out of every list, so a question from it is never said to come from
        # elsewhere.
        eligible = sorted({item.topic for item in self.bank.items if item.kind != "case-stage"} - set(chosen))
        if beyond and not eligible:
            return None
        topic = eligible[rng.randrange(len(eligible))] if beyond else self._topic_for(plan, state, rng)
        topics = [topic]
        if not state.config.topic or beyond:
            others = [name for name in eligible if name != topic]
            rng.shuffle(others)
            topics += others
        fresh = {name: [i for i in self.bank.for_topic(name) if item_key(i) not in used_keys] for name in topics}
        variants = self.frames.variants.keys()  # the levels a notes' own question has a harder variant at
        # A thread under way stays on its topic (another level of it, if need be); a new thread goes first to a topic
        # that has an item at the planned level.
        supported = [
            name
            for name in topics
            if fresh[name] and level_and_pool(fresh[name], plan.level, state.mode, variants)[0] == plan.level
        ]
        # A topic due for review is kept as a thread is: its nearest level beats another topic's planned one.
        kept = bool(plan.topic) or topic in state.config.priority_topics
        ordered = [topic] if kept else []
        ordered += [name for name in supported if name not in ordered]
        ordered += [name for name in topics if name not in ordered]
        used_chunks = {cid for q in state.asked for cid in q.chunk_ids[:1]}
        used_points = {point for q in state.asked for point in q.points}
        last_asked = next((q for q in reversed(state.asked) if not q.follow_up), None)
        asked_at: dict[str, int] = {}  # the highest level each lead point was asked at
        for q in state.asked:
            if q.points:
                asked_at[q.points[0]] = max(q.level, asked_at.get(q.points[0], 0))
        # After a weak or wrong answer no mode asks harder than planned: the notes' missing level is no licence.
        last = state.turns[-1] if state.turns else None
        no_harder = plan.hint or (last is not None and (last.total < WEAK or bool(last.score.contradictions)))
        # Challenge mode first looks for a topic at the planned level or above: it does not step down only because
        # one topic ran out; when no topic can, the nearest level the notes support is asked. Only when nothing at
        # or below the planned level is left does a weak answer get a harder item: an item of the notes is still a
        # better question than a template with a heading pasted in.
        note = {chunk.chunk_id: chunk.source for chunk in self.chunks()}
        # An item answered in an earlier session and not due yet waits: a candidate who practises daily met the same
        # hard question in session after session (the bench: 7 of 7 in a third session).
        resting = self.resting_items() if self.resting_items is not None else frozenset()
        repeats = symptom_asked(self.bank.items, state.asked)

        def waits(item: Item) -> bool:
            return points_key(item.points) in resting or repeats(item)

        held = plan.level  # the level the policy planned; `_paced` may hold it at 4 for now
        plan = self._paced(plan, state, [i for name in topics for i in fresh[name]], used_points, repeats, no_harder)
        search = SearchState(
            level=plan.level,
            used_points=frozenset(used_points),
            used_chunks=frozenset(used_chunks),
            asked_at=asked_at,
            last_asked=last_asked,
            waits=waits,  # ... and a symptom asked already in this session, in other words
            spare_five=plan.level < held,
            repeats=repeats,
            spread=lambda item: len({note[c] for c in item.point_chunks}),
        )
        if plan.level >= 4 and not no_harder:
            # The hard end asks the notes' own hard questions, then questions that need two facts, before any
            # single statement; a thread leaves its topic for them (unless the candidate chose the topic).
            # Half the hard questions, at least, connect two notes: while fewer have, those come first.
            hard_asked = [q for q in state.asked if q.level >= 4 and not q.follow_up]
            connected = sum(len({use["source"] for use in q.notes_used}) >= 2 for q in hard_asked)
            spans = (2, 1) if 2 * connected <= len(hard_asked) else (1,)
            # Held at level 4 to pace the climb, with no level-4 question left, the session climbs now.
            for level in dict.fromkeys((plan.level, held)):
                plan, search = replace(plan, level=level), replace(search, level=level)
                for item in hard_end_items(search, ordered, fresh, spans, rng):
                    text = question_for(item, level, self.frames, rng, used_texts)
                    if text and not self._is_repeat(text, used_texts, asked_vectors):
                        left = display_topic(chosen[0]) if chosen else ""
                        return self._question_from_item(plan, state, item, level, text, left=left, why_left=why_left)
        passes = ((state.mode is Mode.CHALLENGE, no_harder), (False, no_harder), (False, False))
        # Falling back after a weak answer looks for an easier level first, in either mode. A thread under way keeps
        # its topic when that topic holds a level next to the planned one (a topic due for review is asked at its
        # nearest level, however far: it is why the session opened).
        fallback_mode = Mode.STANDARD if no_harder else state.mode

        def thread(name: str, gap: int) -> bool:
            return kept and name == topic and (gap <= 1 or topic in state.config.priority_topics)

        nearest = nearest_levels(ordered, fresh, plan.level, fallback_mode, variants, thread)
        # A statement or symptom already asked (alone or in a combined question) is asked again only when no level
        # next to the planned one has a fresh one: the same "Cross-validated AUC is 0.95 ..." at level 5 right after
        # level 4 was a repeat where fresh level-4 questions were left (hard51 bench).
        for item, level in fallback_items(search, nearest, passes, no_harder, rng):
            text = question_for(item, level, self.frames, rng, used_texts)
            if text and not self._is_repeat(text, used_texts, asked_vectors):
                left = display_topic(chosen[0]) if chosen else ""
                return self._question_from_item(
                    plan, state, item, level, text, anywhere=not supported, left=left, why_left=why_left
                )
        return None

    @staticmethod
    def _far_below(plan: Plan, state: SessionState, question: Question) -> bool:
        """A question two levels or more below a hard plan, in challenge mode on a topic the candidate chose."""
        chosen = bool(state.config.topic) and state.mode is Mode.CHALLENGE
        return chosen and plan.level >= 4 and not plan.hint and question.level <= plan.level - 2

    @staticmethod
    def _paced(
        plan: Plan, state: SessionState, fresh: list[Item], used_points: set[str], repeats: Callable[[Item], bool],
        no_harder: bool,
    ) -> Plan:  # fmt: skip
        """Challenge mode climbs to level 5 only when the notes hold a level-5 question for every question left:
        a strong candidate got [3, 4, 5, 5, 5, 4, 4, 4] when three level-5 questions ran out (every round of
        sessions 12-15). Held at level 4 until then, the session ends on its hardest questions and never steps
        down; once at level 5 it stays there as long as the notes allow."""
        if state.mode is not Mode.CHALLENGE or plan.level != 5 or no_harder:
            return plan
        last = next((q for q in reversed(state.asked) if not q.follow_up and q.kind == plan.kind), None)
        if last is None or last.level >= 5:
            return plan
        left = state.config.questions - len(state.turns)
        # An item answered in an earlier session still counts: the hard end asks it after every fresh one.
        return plan if hardest_left(fresh, (), used_points, repeats) >= left else replace(plan, level=4)

    def _question_from_item(
        self, plan: Plan, state: SessionState, item: Item, level: int, text: str, anywhere: bool = False,
        left: str = "", why_left: str = "left",
    ) -> Question:  # fmt: skip
        if self.phraser is not None and item.kind not in ("qa", "cloze", *COMBINED_KINDS):
            text = self.phraser.phrase(" ".join(item.points), level, text) or text
        if plan.hint:
            hint = hint_text(item, text, self.frames)
            text = f"{text} {hint}" if hint else text
        notice = ""
        ran_out = f"Your notes on {left} hold no unasked questions {why_left}"
        said = f"Your notes on {left} hold no unasked questions"  # said once, whatever level it says
        if left and not any(q.notice.startswith(said) for q in state.asked):
            notice = f"{ran_out}; this one is from your notes on {display_topic(item.topic)}."
        elif level != plan.level and not any("hold no unasked questions" in q.notice for q in state.asked):
            # (said once, whatever else was said: a case's opening always says what it read the case as)
            # `anywhere`: no topic has an unasked question at the planned level; else only this topic lacks one. A
            # session over all the notes says it of all of them: "Your notes on RAG evaluation: self-quiz hold no
            # unasked questions at level 5" named one note where none had one left to ask (round 79).
            chosen = bool(state.config.topic)
            where = f"Your notes on {display_topic(item.topic)}" if chosen and not anywhere else "Your notes"
            notice = (
                f"{where} hold no unasked questions at level {plan.level} ({LEVEL_NAMES[plan.level]}); "
                f"this question is level {level} instead."
            )
        if item.point_chunks:  # a question that combines notes cites each of them, and only them
            sources = self.store.get(list(dict.fromkeys(item.point_chunks)))
        else:
            chunks = self.store.get([item.chunk_id])
            related = self.store.search(_without_hint(text), k=3, where={"topic": item.topic})
            sources = chunks + [hit.chunk for hit in related if hit.chunk.chunk_id != item.chunk_id][:2]
        return planned_question(
            plan, text, item.topic, sources, level=level, points=item.points, point_sources=item.point_chunks,
            item_kind=item.kind, notice=notice,
        )  # fmt: skip

    # ----- answers ---------------------------------------------------------------------------------

    def score(self, question: Question, answer: str) -> ScoreResult:
        """Score an answer against the question's item points (old questions: their sources' key points)."""
        chunks: list[Chunk] | None = self.store.get(question.chunk_ids) or None
        points = []
        for index, text in enumerate(question.points):
            origin = question.point_origin(index)  # each point cites the note it comes from
            where = (origin.get("source", ""), origin.get("heading", ""), origin.get("chunk_id", ""))
            points.append(KeyPoint(text, *where))
        # A case told as a story: what it found and did, nearest the question, fills the stage's few points (a deep
        # dive reads no case note: its scoring, on every answer, does not walk the notes for one).
        told: list[KeyPoint] = []
        if question.kind == "case":
            case = [c for c in self.chunks() if c.topic == question.topic and c.kind == "case"]
            told = [
                KeyPoint(text, *_origin(case, chunk_id))
                for text, chunk_id in story_points(case)
                if text not in question.points
            ]
        return self.scorer.score(
            question.text,
            answer,
            reference=chunks,
            candidates=told,
            fill=max(2, _STORY_POINTS - len(points)) if told else 0,
            kind=question.kind,
            level=question.level,
            stage=question.stage,
            points=points or None,
            # A case stage asked with no statement of the notes behind it (a case built from a topic's notes); a
            # case note's stage with none is scored on the statements of the note nearest the question.
            open_stage=question.kind == "case"
            and question.item_kind == "case"
            and not question.points
            and not any(chunk.kind == "case" for chunk in chunks or []),
        )


_STORY_POINTS = 4  # the points a story case's stage is scored on, its own first


def _origin(chunks: list[Chunk], chunk_id: str) -> tuple[str, str, str]:
    """(file, heading, chunk id) of a story case's statement."""
    chunk = next((c for c in chunks if c.chunk_id == chunk_id), None)
    return (chunk.source, chunk.heading, chunk_id) if chunk else ("", "", chunk_id)
