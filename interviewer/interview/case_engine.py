"""Case-study questions in a session: each stage from the case's items and facts (case_questions.py), and the
follow-ups a case interviewer asks: one that takes up what the candidate said, or one more turn with a twist."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping

from interviewer.core.chunks import Chunk
from interviewer.core.domain import CASE_STAGES, CaseKind, Question
from interviewer.core.readings import CaseReading
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
from interviewer.interview.case_readings import told
from interviewer.interview.cases import CaseFacts, case_facts, stage_of_statement
from interviewer.interview.choosing import asked_item_key, current_case, item_key
from interviewer.interview.item_bank import ItemBank
from interviewer.interview.listening import take_up
from interviewer.interview.planned import planned_question
from interviewer.interview.readable import term_fits
from interviewer.interview.templates import QuestionTemplates, pick
from interviewer.scoring.text import STOPWORDS, content_words
from interviewer.storage.store import NoteStore

__all__ = ["CaseAsker", "fact_said"]

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
        readings: Callable[[], Mapping[str, CaseReading]] = dict,
    ) -> None:
        self.chunks = chunks
        self.readings = readings  # the candidate's readings of case notes, read afresh for every question
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
        case_chunks = self._case_chunks(topic)
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
        kind, named_as = self.told(case_chunks, state)
        draft = case_draft(
            stage, topic, case_chunks, fresh, other, self.templates, rng, used_texts, opening, kind, named_as
        )
        text = draft.text
        if plan.level >= 4 and draft.twistable:
            asked = " ".join(q.text for q in current_case(state, topic))
            text = draft.with_twist(
                twist_for(case_chunks, self.templates, self.frames, rng, asked, stage=stage, kind=kind)
            )
        by_id = {c.chunk_id: c for c in self.chunks()}
        sources = [by_id[i.chunk_id] for i in draft.items if i.chunk_id in by_id]
        # A stage the case note holds no statement for is scored on the whole note (the scorer picks the statements
        # nearest the question): "your notes hold nothing for this stage" scored 0.00 for the right two explanations
        # of round 44's vet-clinic story, whose findings name no stage's words.
        fallback = case_chunks or candidates[:1]
        sources = list({c.chunk_id: c for c in sources}.values()) or fallback
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

    def told(self, case_chunks: list[Chunk], state: SessionState) -> tuple[CaseKind | None, str]:
        """The kind and business the candidate gave this case (None and '': as the app reads it)."""
        return told(case_chunks, self.readings(), state.config.case_kind)

    def facts(self, case_chunks: list[Chunk], state: SessionState) -> CaseFacts | None:
        """The case's facts as the candidate's reading says to ask them; None for a case built from a topic's notes."""
        return case_facts(case_chunks, *self.told(case_chunks, state)) if case_chunks else None

    def _case_chunks(self, topic: str) -> list[Chunk]:
        """The chunks of the case note on `topic` (none for a case built from a topic's notes)."""
        return [c for c in self.chunks() if c.topic == topic and c.kind == "case"]

    def taken_up(
        self,
        plan: Plan,
        state: SessionState,
        rng: random.Random,
        used_texts: set[str],
        facts: CaseFacts | None = None,
    ) -> Question | None:
        """The follow-up that takes up a term of the last answer another note covers, asked in the case's terms
        (its facts, read from the case when not given) and scored on that note's points; None when the answer names
        none (or answered the clarifying question)."""
        root = state.asked[-1]
        # Not after the clarifying questions: a method named while asking about the business is not yet a choice
        # to probe ("You brought up dot product. How would you use it for Basketly?", a blind rater).
        if root.stage == CASE_STAGES[0]:
            return None
        asked_points = {point for q in state.asked for point in q.points}
        case_chunks = self._case_chunks(root.topic)
        # (read once: the business and the case's shape, unless the caller read them)
        facts = facts or self.facts(case_chunks, state)
        business = facts.business if facts else _business(case_chunks)
        explaining = facts is not None and facts.shape == "drop"
        taken = take_up(
            state.turns[-1].answer, self.bank.items, root.topic, asked_points, self.frames, rng, used_texts,
            self.templates, business, self.bank.terms, explaining, facts.opening if facts else "",
        )  # fmt: skip
        if taken is None:
            return None
        sources = self.store.get([taken.item.chunk_id]) + self.store.get(root.chunk_ids[:1])
        return planned_question(
            plan, taken.text, root.topic, sources, follow_up=True, points=taken.item.points,
            point_sources=(taken.item.chunk_id,) * len(taken.item.points), item_kind=taken.item.kind,
        )  # fmt: skip

    def follow_up(self, plan: Plan, state: SessionState, rng: random.Random, used_texts: set[str]) -> Question | None:
        """A case follow-up that takes up a term of the answer another note covers; else one on the point the answer
        may have missed, by its own terms in the case's terms (or on the plan's weakest part when it has none); for a
        case that has walked its stages, one more turn with a twist; None only for a gap with no text."""
        gap = plan.gap or {}
        root = state.asked[-1]
        case_chunks = self._case_chunks(root.topic)
        facts = self.facts(case_chunks, state)
        business = facts.business if facts is not None else _business(case_chunks)
        # A case interviewer listens: a term the candidate used that another note covers comes first.
        taken = self.taken_up(plan, state, rng, used_texts, facts)
        if taken is not None:
            return taken
        # A missed point is asked by its own specific terms, in the case's terms: never quoted or blanked (in a story
        # it is what happened later), never "You left it out" (the scorer may have missed it said in other words) and
        # never about a bare word every case uses ("What about constraints?").
        if gap.get("text"):
            return self._push(plan, state, rng, used_texts, business, facts.shape if facts is not None else "")
        if not gap:  # the case has walked its stages: one more turn on it, with a twist to react to
            asked = " ".join(q.text for q in current_case(state, root.topic))
            after = "after" if root.stage == CASE_STAGES[-1] else root.stage or ""
            twist = twist_for(
                case_chunks, self.templates, self.frames, rng, asked, condition=False, stage=after,
                kind=self.told(case_chunks, state)[0],
            )  # fmt: skip
            # With no twist left, a question about the candidate's own plan ("What would you do differently a year
            # from now?" said differently from what, a blind rater).
            # "Which assumption in your plan is the riskiest?" read as filler that could end any case (rounds 37-40):
            # the close asks for the recommendation itself, in the case's terms.
            last = (
                f"If {business} asked you tomorrow for one recommendation, what would it be, and which single piece of "
                "evidence would change your mind?"
            )
            # ("One more turn on this case." read as the tool's own word, a blind rater)
            text = f"Before we leave this case, one more question. {twist or last}"
            return planned_question(
                plan, text, root.topic, self.store.get(root.chunk_ids), follow_up=True, points=root.points,
                point_sources=root.point_sources, item_kind=root.item_kind,
            )  # fmt: skip
        return None

    def _push(
        self, plan: Plan, state: SessionState, rng: random.Random, used_texts: set[str], business: str, shape: str = ""
    ) -> Question:
        """A follow-up on the one missing point, named by its key terms and asked in the case's terms, scored on that
        point alone."""
        gap = plan.gap or {}
        root = state.asked[-1]
        # With no specific term to name, the question asks for the weakest part of the plan, still in the case's terms.
        # After the clarifying question it never names one: its answer is questions and assumptions, and a term from
        # the note ("where would go/no-go and items per year come in?") hands over the plan (two blind raters).
        opening = root.stage == CASE_STAGES[0]
        sources = self.store.get([gap["chunk_id"]]) if gap.get("chunk_id") else []
        # A point from another note names no term in the case's terms: "how does your plan for the Courier deal with
        # expected count?" pushed a chi-square note's term into a paywall case (both blind raters, round 54).
        own = all(chunk.topic == root.topic for chunk in sources)
        cue = "" if opening or not own else _cue(gap["text"], f"{state.turns[-1].answer} {root.text}")
        open_push = f"push-open{'-clarify' * opening}"
        # (a drop to explain has an explanation to test, not a plan to work: "what would have to be true at ReShelf for
        # your plan to work" fit none of it, a rater in round 68)
        open_push = f"push-open-{shape}" if not opening and f"push-open-{shape}" in self.templates.case else open_push
        # (never a fact of the case dropped in first: "The average wash lasts 13.5 minutes ... How does that change your
        # plan?" read as a pasted fact that ignored the answer, 1 of 14 both-yes over rounds 83-104)
        options = self.templates.case["push"] if cue else self.templates.case[open_push]
        text = pick(options, rng, used_texts, cue=cue, business=business)
        sources += [c for c in self.store.get(root.chunk_ids[:1]) if c.chunk_id not in {s.chunk_id for s in sources}]
        return planned_question(
            plan, text, root.topic, sources, follow_up=True, points=(gap["text"],), item_kind=root.item_kind
        )


def fact_said(fact: str, business: str = "") -> str:
    """A given as the interviewer says it: the note-taker's "We had about 212,000 past customers" is the business's
    ("FixPoint had about ..."; pasted in the first person, a blind rater in round 70)."""
    fact = fact.rstrip(" .;:,")
    if business and not business.startswith("the "):
        fact = re.sub(r"^We (had|have)\b", lambda m: f"{business} {'had' if m.group(1) == 'had' else 'has'}", fact)
        fact = re.sub(r"^Our\b", f"{business}'s", fact)
    return f"{fact[:1].upper()}{fact[1:]}." if fact else ""


def _qualifies(phrase: str, point: str) -> bool:
    """True when a hyphenated phrase stands before a noun of its point ('card-scan rate', 'add-on sales'): said alone,
    "how does your plan deal with card-scan?" named half a thing (both blind raters, rounds 41-42)."""
    if "-" not in phrase and phrase.count("/") != 1:
        # ("pool/gym mix", "A/B test": a pair qualifies its noun too, both raters, round 55; "trials/arm/month" is a
        # rate)
        return False
    after = re.search(rf"(?<![\w-]){re.escape(phrase)}\s+([a-z]{{3,}})\b(\s+\w+)?", point)
    if after is None:
        return False
    # (a noun in "-ing" too: "min-cost matching", "where would min-cost come in" named half a thing, round 90; a verb
    # takes an object: "real-time scoring the leads")
    acts = re.fullmatch(r"\w+ing", after.group(1)) and re.match(
        r"\s+(?:the|a|an|it|them|their|its|to)$", after.group(2) or ""
    )
    return after.group(1) not in STOPWORDS and not re.fullmatch(r"\w+(?:ed|ly)", after.group(1)) and not acts


_PLUMBING = re.compile(
    r"(?:API|CRM|ERP|SQL|ETL|ELT|SMS|CSV|JSON|UI|UX|DB|IT|HR|PM|VP|CEO|COO|CFO|CTO|SDK|URL|PDF|app|apps)s?"
)


def _cue(point: str, said: str) -> str:
    """Two key phrases of a point the answer did not use, as the note writes them ('WAPE and ETA', 'popular recipes
    and old ranker'); '' when it names nothing but what every case has ('constraints', 'the model')."""
    if point.rstrip().endswith(":"):
        return ""  # a list's lead-in ("A few constraints shaped the whole thing:") names nothing to ask about
    used = set(content_words(said))
    fresh = [phrase for phrase in _phrases(point) if not set(content_words(phrase)) <= used]
    # Only named terms (acronyms, 'k-means', 'trials/arm/month') and the point's own subject: a run of plain words
    # cut from a note line read as nonsense to a blind rater ("how does your plan deal with feature saw bookings?"),
    # and so does a modifier ('in-batch'). With none, the open question is asked instead.
    # The subject a point opens with ('declined transactions never get a label') is a name too.
    opens = point.strip().lower()
    fresh = [
        phrase
        for phrase in fresh
        if (
            _NAMED_TERM.search(phrase)
            and not _MODIFIER.match(phrase)
            and not _PARTICIPLE_END.search(phrase)
            and not _qualifies(phrase, point)
            # ("how does your plan deal with events-vs-users?": a label's two sides joined, round 74)
            and not re.search(r"(?<![a-z])vs\.?(?![a-z])", phrase, re.I)
            # (nor a role or a date: "how does your plan deal with CEO and mid-April?", round 77)
            and not _ROLE_OR_DATE.match(phrase)
        )
        # (never a possessive: "how does your plan deal with finance's value?", both raters, round 49)
        or (
            len(phrase.split()) == 2
            and opens.startswith(phrase.lower())
            and term_fits(phrase)
            and not re.search(r"['’]s\b", phrase)
        )
    ]
    # Named terms (acronyms, hyphenated, with a figure or a slash) first, then phrases of two words, in note order.
    fresh.sort(key=lambda phrase: (not _NAMED_TERM.search(phrase), len(phrase.split()) < 2))
    chosen: list[str] = []
    for phrase in fresh:  # "trials/arm/month" and "arm" name one thing: the second adds nothing
        if len(chosen) < 2 and not set(content_words(phrase)) <= set(content_words(" ".join(chosen).replace("/", " "))):
            chosen.append(phrase)
    if len(chosen) == 1 and _PLUMBING.fullmatch(chosen[0]):
        # A piece of plumbing alone names a kind of thing, not the point: "how does your plan deal with API?" (both
        # raters, round 49; the point was a model moved from a nightly batch job to a real-time API). A method's
        # acronym ('CUPED') names one.
        return ""
    return " and ".join(_as_written(phrase, point) for phrase in chosen)


# Words that name no fact of a case, and words that join or qualify without naming anything.
_GENERIC = re.compile(
    r"(?:constraints?|problems?|issues?|things?|points?|parts?|bits?|aspects?|factors?|questions?|steps?|"
    r"results?|tricky|later|first|second|third|simple|real|also|maybe|roughly|around|few|whole|lot|lots|bit|"
    r"never|nothing|always|often|still|already|mostly|just|even|every|much|many|heavy|part|said|says|say|"
    r"gets?|got|makes?|made|goes|went|gives?|gave|takes?|took|keeps?|kept|uses?|used|shows?|shown|models?|data|"
    r"teams?|business|case|people|users?|new|old|good|bad|high|low|same|sure|whether|within|per|vs|etc|"
    r"matters?|means?|needs?|works?|depends?|helps?|looks?|seems?|read|reads|seen|done)",
    re.I,
)
_ROLE_OR_DATE = re.compile(
    r"^(?:CEO|CFO|COO|CTO|CMO|CPO|VP|SVP|MD|HR|PM|GM|UK|US|EU)s?$"
    r"|^(?:mid|early|late|end|start)-[a-z]+$|^(?:Q[1-4]|H[12]|FY\d*)(?:-\w+)?$",
    re.I,
)
_NAMED_TERM = re.compile(r"^(?:[A-Z]{2,}\w*|\w+(?:[-/]\w+)+)$")
# "half-suggested", "over-fitted": a hyphenated participle describes, it names nothing to ask about
_PARTICIPLE_END = re.compile(r"-[a-z]{3,}ed$")
_MODIFIER = re.compile(
    r"^(out|in|on|off|up|down|over|under|cross|non|pre|post|look|well|so|self|last|next|this|previous|top|bottom|"
    r"high|low|best|worst|most|least)-"
    # a verb made with a prefix names nothing either ("where would fleet-hours and re-run come in", round 69)
    r"|^(?:re|de|un)-[a-z]+$"
    # 'heavy-tailed', 'tree-based': an adjective made with a hyphen qualifies a name, names nothing
    r"|^[\w-]*-(tailed|based|like|driven|aware|level|specific|sized|free|only|wise|sensitive|friendly|ready|shaped)$",
    re.I,
)  # ('last-quarter' says when, 'top-scored' which ones: they name nothing)
# The words after which a run of words names a thing ("of impressions", "per clinic", "the old ranker").
_BEFORE_NAME = frozenset(
    "the a an of on in for per by from with about no each every their its our one any into".split()
)


def _phrases(point: str) -> list[str]:
    """The point's names: a named term ('WAPE', 'k-means', 'trials/arm/month'), or a run of naming words after 'the',
    'of', 'per' ... ('popular recipes', 'per clinic'), or of two words that open a clause ('declined transactions').
    A function word, a figure, a punctuation mark or a verb's past form after a noun ('impressions served') ends it."""
    phrases: list[str] = []
    run: list[str] = []
    opener: str | None = None
    previous: str | None = None

    def close() -> None:
        if (
            run
            and not all(stage_of_statement(w) for w in run)
            and (opener in _BEFORE_NAME or (len(run) > 1 and not opener))
        ):
            phrases.append(" ".join(run[:3]))  # a run of words a stage names ("the data") names nothing
        run.clear()

    for token in re.findall(r"[\w/%€$£'-]*\w|[^\w\s]", point):
        naming = (
            token[:1].isalpha()
            and token.lower() not in STOPWORDS
            and not _GENERIC.fullmatch(token)
            and len(token) > 2
            and not token.lower().endswith("ly")
            and not any(ch.isdigit() for ch in token)
            and not (run and token.islower() and token.endswith("ed"))
        )
        if naming and _NAMED_TERM.match(token):
            close()
            phrases.append(token)
        elif naming:
            if not run:
                opener = previous if previous is None or previous[:1].isalpha() else None
            run.append(token)
        else:
            close()
        # "the old ranker", "the first model": a qualifier between 'the' and a name keeps 'the' as the opener
        if not (previous in _BEFORE_NAME and not run and _GENERIC.fullmatch(token)):
            previous = token.lower()
    close()
    return list(dict.fromkeys(phrases))


def _as_written(term: str, point: str) -> str:
    """A term as the point writes it ('WAPE', 'k-means'), lowercase where only a sentence's start capitalised it."""
    match = re.search(rf"\b{re.escape(term)}\b", point, re.I)
    if match is None:
        return term
    written = match.group(0)
    written = written.lower() if match.start() == 0 and written[1:].islower() else written
    # "trials/arm/month" reads as "trials per arm per month"
    # ... but "pre/post" and "train/test" are pairs, not a rate
    return re.sub(rf"(?<=[a-z])/(?=(?:{_UNITS})s?\b)", " per ", written)


_UNITS = "day|week|month|year|hour|minute|arm|user|customer|session|visit|order|store|shop|clinic|city|site|request"


def _business(case_chunks: list[Chunk]) -> str:
    """Who a case is for, as its stage questions name it ("the product team" for a case built from a topic's notes)."""
    return case_facts(case_chunks).business if case_chunks else "the product team"
