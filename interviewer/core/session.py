"""The session state machine: the state is a fold over the answered turns, and `plan_next` decides what
to ask next (a new question, a follow-up on the biggest gap, or the end). Pure and deterministic."""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.core.domain import CASE_STAGES, CaseKind, Kind, Mode, Question, Turn
from interviewer.core.policy import DEFAULT_POLICY, WEAK, PolicyConfig, next_level, update_rating

__all__ = [
    "FOLLOW_UP_BELOW",
    "MAX_CASE_FOLLOW_UPS",
    "MAX_FOLLOW_UPS",
    "Finish",
    "Plan",
    "SessionConfig",
    "SessionState",
    "case_level",
    "listening_plan",
    "plan_next",
    "planned_case_stages",
    "replay",
]

MAX_FOLLOW_UPS = 2  # on one question
MAX_CASE_FOLLOW_UPS = 1  # on one case stage: a case must reach deployment in the questions it has
FOLLOW_UP_BELOW = 0.75  # answers below this, with a missing key point, get a follow-up
# The lowest level of a case question: a case is never recall; challenge mode asks it deeper (twists come at 4),
# and the later stages (evaluation on) ask for more judgement than the first ones.
CASE_FLOOR = {Mode.STANDARD: 2, Mode.CHALLENGE: 3}
_LATE_STAGE = CASE_STAGES.index("evaluation")
CHALLENGE_START = 3  # the first level of a session in challenge mode


@dataclass(frozen=True)
class SessionConfig:
    """What the candidate asked for."""

    kind: Kind = Kind.DEEP_DIVE
    mode: Mode = Mode.STANDARD
    topic: str | None = None
    questions: int = 5
    seed: int = 0
    priority_topics: tuple[str, ...] = ()  # asked first, in order (weakest or due topics); then as usual
    case_kind: CaseKind | None = None  # what the candidate says the case asks, over the app's reading of its note


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


def _case_slots(config: SessionConfig, turn_number: int, new_before: int) -> int:
    """How many questions, from this turn on, a case can use: all of them, or in a mixed session the new questions
    that fall to the case (every other one; `new_before` new questions were asked before this turn)."""
    left = max(0, config.questions - turn_number + 1)
    if config.kind is Kind.CASE:
        return left
    return sum(1 for k in range(left) if (new_before + k) % 2 == 1)


def _spread(stages: tuple[str, ...], slots: int) -> tuple[str, ...]:
    """`slots` of the stages, evenly spaced, always ending with the last (deployment)."""
    if slots >= len(stages):
        return stages
    if slots <= 1:
        return stages[-1:] if slots == 1 else ()
    return tuple(stages[round(i * (len(stages) - 1) / (slots - 1))] for i in range(slots))


def planned_case_stages(config: SessionConfig, opening_turn: int, new_before: int) -> tuple[str, ...]:
    """The stages a case opening at this turn will ask: all seven when the questions allow, else an even
    selection that still reaches deployment (`new_before`: new questions asked before the opening)."""
    return (CASE_STAGES[0], *_spread(CASE_STAGES[1:], _case_slots(config, opening_turn, new_before) - 1))


def _stages_left(state: SessionState) -> tuple[str, ...]:
    """The stages the case under way still has to ask; empty when no case is under way (the next opens one).

    A case plans its stages when it opens (planned_case_stages)."""
    cases = [q for q in _new_questions(state) if q.kind == "case"]
    opened = next((q for q in reversed(cases) if q.stage == CASE_STAGES[0]), None)
    if opened is None or cases[-1].stage not in CASE_STAGES:
        return ()
    new_before = sum(1 for q in _new_questions(state) if q.turn < opened.turn)
    planned = planned_case_stages(state.config, opened.turn, new_before)
    last = planned.index(cases[-1].stage) if cases[-1].stage in planned else len(planned) - 1
    return planned[last + 1 :]


def _next_stage(state: SessionState) -> str:
    """The next stage of the case under way, or 'clarify' to open a new case."""
    left = _stages_left(state)
    return left[0] if left else CASE_STAGES[0]


def _case_follow_up_fits(state: SessionState, turn_number: int, follow_ups: int) -> bool:
    """A case stage gets one follow-up at most, and only when the questions left still reach deployment."""
    slots = _case_slots(state.config, turn_number + 1, len(_new_questions(state)))
    return follow_ups < MAX_CASE_FOLLOW_UPS and slots >= len(_stages_left(state))


def listening_plan(state: SessionState) -> Plan | None:
    """One more turn on the case stage just answered, when the case can spare it and still reach its last stage: what
    the interviewer asks there is up to what the answer said (a trial user named four methods in a case and none was
    ever taken up, since only middling answers got a follow-up). Whatever the answer scored: a case answer is scored
    on the note's story, and "CatBoost's ordered target statistics" scored 0.07 where the story told the naive
    encoding it replaced (round 76), so a method the candidate names is taken up even then. None otherwise."""
    if not state.turns or len(state.turns) >= state.config.questions:
        return None
    last = state.turns[-1]
    question = last.question
    if question.kind != "case" or question.stage in (None, CASE_STAGES[0]):
        return None
    follow_ups = sum(1 for q in state.asked if q.follow_up and q.root_turn == question.root_turn)
    if not _stages_left(state) or not _case_follow_up_fits(state, len(state.turns) + 1, follow_ups):
        return None
    return Plan(
        len(state.turns) + 1, "case", question.level, question.topic, stage=question.stage, follow_up=True,
        root_turn=question.root_turn,
    )  # fmt: skip


def case_level(level: int, stage: str, mode: Mode, weak_before: bool) -> int:
    """The level of a case question: the policy's level, but never below the case floor of the mode and stage
    (after a weak answer in standard mode the case eases off to the lowest case level, never to recall)."""
    if weak_before and mode is Mode.STANDARD:
        return max(level, CASE_FLOOR[Mode.STANDARD])
    floor = CASE_FLOOR[mode] + (1 if stage in CASE_STAGES and CASE_STAGES.index(stage) >= _LATE_STAGE else 0)
    return min(5, max(level, floor))


def _scored_gap(turn: Turn) -> dict[str, str] | None:
    """The most important missing point that the question asked: a point of a note the question did not use
    (a related chunk cited beside it) is no gap in the answer."""
    asked = set(turn.question.points)
    return next((gap for gap in turn.missing if not asked or gap.get("text") in asked), None)


def plan_next(state: SessionState, policy: PolicyConfig = DEFAULT_POLICY) -> Plan | Finish:
    """Decide the next question: a follow-up on the biggest gap of a middling answer, or a new question
    whose level comes from the policy (a step down and a hint after a weak answer in standard mode)."""
    turn_number = len(state.turns) + 1
    if len(state.turns) >= state.config.questions:
        return Finish(f"asked all {state.config.questions} questions")
    if not state.turns:
        kind = _next_kind(state)
        level = next_level(state.rating_for(state.config.topic or ""), state.mode, None, None, None, policy)
        if state.mode is Mode.CHALLENGE:
            # A candidate who asks to be challenged starts at "apply", not at a definition.
            level = max(level, CHALLENGE_START)
        stage = CASE_STAGES[0] if kind == "case" else None
        if kind == "case":
            level = case_level(level, CASE_STAGES[0], state.mode, weak_before=False)
        return Plan(turn_number, kind, level, state.config.topic, stage=stage, root_turn=turn_number)

    last = state.turns[-1]
    question = last.question
    follow_ups = sum(1 for q in state.asked if q.follow_up and q.root_turn == question.root_turn)
    gap = _scored_gap(last)
    fits = follow_ups < MAX_FOLLOW_UPS
    if question.kind == "case":
        fits = _case_follow_up_fits(state, turn_number, follow_ups)
    elif state.config.kind is Kind.MIXED and _stages_left(state):
        # A deep-dive follow-up in a mixed session must not cost the case under way its deployment stage.
        fits = fits and _case_slots(state.config, turn_number + 1, len(_new_questions(state))) >= len(
            _stages_left(state)
        )
    # A question whose item has a single point cannot be followed up on a missing part: that would ask it again.
    fits = fits and len(question.points) != 1
    if WEAK <= last.total < FOLLOW_UP_BELOW and gap is not None and fits:
        return Plan(
            turn_number, question.kind, question.level, question.topic, stage=question.stage,
            follow_up=True, root_turn=question.root_turn, gap=gap,
        )  # fmt: skip

    left = state.config.questions - len(state.turns)
    if question.kind == "case" and state.config.kind is Kind.CASE and not _stages_left(state) and left < 3:
        # A case that has walked its stages goes deeper rather than opening a case too short to reach its end.
        level = next_level(state.rating_for(question.topic), state.mode, question.level, last.total, None, policy)
        level = case_level(level, question.stage or CASE_STAGES[-1], state.mode, weak_before=last.total < WEAK)
        return Plan(
            turn_number, "case", level, question.topic, stage=question.stage, follow_up=True,
            root_turn=question.root_turn, gap=gap,
        )  # fmt: skip

    previous = state.turns[-2].total if len(state.turns) >= 2 else None
    kind = _next_kind(state)
    same_thread = kind == question.kind
    topic = question.topic if same_thread else None
    rating = state.rating_for(topic) if topic else state.rating_for("", policy)
    level = next_level(rating, state.mode, question.level if same_thread else None, last.total, previous, policy)
    if last.score.contradictions and same_thread:
        # An answer that states a note the wrong way round has not earned a harder question, however fluent.
        level = min(level, question.level)
    weak = last.total < WEAK and state.mode is Mode.STANDARD
    stage = _next_stage(state) if kind == "case" else None
    if stage is not None:
        level = case_level(level, stage, state.mode, weak_before=last.total < WEAK or bool(last.score.contradictions))
    return Plan(
        turn_number, kind, level, topic, stage=stage, hint=weak and same_thread,
        root_turn=turn_number, gap=gap if weak else None,
    )  # fmt: skip
