"""The session state machine: the state is a fold over the answered turns, and `plan_next` decides what
to ask next (a new question, a follow-up on the biggest gap, or the end). Pure and deterministic."""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.core.domain import CASE_STAGES, Kind, Mode, Question, Turn
from interviewer.core.policy import DEFAULT_POLICY, WEAK, PolicyConfig, next_level, update_rating

__all__ = [
    "FOLLOW_UP_BELOW",
    "MAX_FOLLOW_UPS",
    "Finish",
    "Plan",
    "SessionConfig",
    "SessionState",
    "plan_next",
    "replay",
]

MAX_FOLLOW_UPS = 2  # on one question
FOLLOW_UP_BELOW = 0.75  # answers below this, with a missing key point, get a follow-up


@dataclass(frozen=True)
class SessionConfig:
    """What the candidate asked for."""

    kind: Kind = Kind.DEEP_DIVE
    mode: Mode = Mode.STANDARD
    topic: str | None = None
    questions: int = 5
    seed: int = 0
    priority_topics: tuple[str, ...] = ()  # asked first, in order (weakest or due topics); then as usual


@dataclass(frozen=True)
class SessionState:
    """Everything decided so far, derived from the answered turns."""

    config: SessionConfig
    turns: tuple[Turn, ...] = ()
    ratings: dict[str, float] = field(default_factory=dict)
    mode: Mode = Mode.STANDARD  # the current mode (the candidate may flip "challenge me" mid-session)

    @property
    def asked(self) -> list[Question]:
        """The questions answered so far."""
        return [turn.question for turn in self.turns]

    def rating_for(self, topic: str, policy: PolicyConfig = DEFAULT_POLICY) -> float:
        """A topic's rating; a topic not yet asked starts from the mean of the others."""
        if topic in self.ratings:
            return self.ratings[topic]
        return sum(self.ratings.values()) / len(self.ratings) if self.ratings else policy.start_rating


@dataclass(frozen=True)
class Plan:
    """What the next question must be; the engine finds the notes and words it."""

    turn: int
    kind: str
    level: int
    topic: str | None  # None: the engine picks (first question, or mixed switching kind)
    stage: str | None = None
    follow_up: bool = False
    hint: bool = False
    root_turn: int = 0
    gap: dict[str, str] | None = None  # the missing key point a follow-up or hint aims at


@dataclass(frozen=True)
class Finish:
    """The session has asked all its questions."""

    reason: str


def apply_turn(state: SessionState, turn: Turn, policy: PolicyConfig = DEFAULT_POLICY) -> SessionState:
    """The state after one answered turn (a new state; the old one is unchanged)."""
    question = turn.question
    rating = state.rating_for(question.topic, policy)
    ratings = dict(state.ratings)
    ratings[question.topic] = update_rating(rating, question.level, turn.total, state.mode, policy)
    return SessionState(config=state.config, turns=(*state.turns, turn), ratings=ratings, mode=state.mode)


def replay(config: SessionConfig, turns: list[Turn], mode: Mode | None = None) -> SessionState:
    """Rebuild the state of a saved session from its answered turns."""
    state = SessionState(config=config, mode=mode or config.mode)
    for turn in turns:
        state = apply_turn(state, turn)
    return state


def with_mode(state: SessionState, mode: Mode) -> SessionState:
    """The same state with "challenge me" switched on or off."""
    return SessionState(config=state.config, turns=state.turns, ratings=state.ratings, mode=mode)


def _new_questions(state: SessionState) -> list[Question]:
    return [q for q in state.asked if not q.follow_up]


def _next_kind(state: SessionState) -> str:
    kind = state.config.kind
    if kind is not Kind.MIXED:
        return kind.value
    return "case" if len(_new_questions(state)) % 2 == 1 else "deep-dive"


def _next_stage(state: SessionState) -> str:
    done = [q for q in _new_questions(state) if q.kind == "case"]
    return CASE_STAGES[len(done) % len(CASE_STAGES)]


def plan_next(state: SessionState, policy: PolicyConfig = DEFAULT_POLICY) -> Plan | Finish:
    """Decide the next question: a follow-up on the biggest gap of a middling answer, or a new question
    whose level comes from the policy (a step down and a hint after a weak answer in standard mode)."""
    turn_number = len(state.turns) + 1
    if len(state.turns) >= state.config.questions:
        return Finish(f"asked all {state.config.questions} questions")
    if not state.turns:
        kind = _next_kind(state)
        level = next_level(state.rating_for(state.config.topic or ""), state.mode, None, None, None, policy)
        stage = CASE_STAGES[0] if kind == "case" else None
        return Plan(turn_number, kind, level, state.config.topic, stage=stage, root_turn=turn_number)

    last = state.turns[-1]
    question = last.question
    follow_ups = sum(1 for q in state.asked if q.follow_up and q.root_turn == question.root_turn)
    gap = last.missing[0] if last.missing else None
    if WEAK <= last.total < FOLLOW_UP_BELOW and gap is not None and follow_ups < MAX_FOLLOW_UPS:
        return Plan(
            turn_number, question.kind, question.level, question.topic, stage=question.stage,
            follow_up=True, root_turn=question.root_turn, gap=gap,
        )  # fmt: skip

    previous = state.turns[-2].total if len(state.turns) >= 2 else None
    kind = _next_kind(state)
    same_thread = kind == question.kind
    topic = question.topic if same_thread else None
    rating = state.rating_for(topic) if topic else state.rating_for("", policy)
    level = next_level(rating, state.mode, question.level if same_thread else None, last.total, previous, policy)
    weak = last.total < WEAK and state.mode is Mode.STANDARD
    stage = _next_stage(state) if kind == "case" else None
    return Plan(
        turn_number, kind, level, topic, stage=stage, hint=weak and same_thread,
        root_turn=turn_number, gap=gap if weak else None,
    )  # fmt: skip
