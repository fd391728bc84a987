"""The session state machine: follow-ups, hints, step-downs, kinds and stages, the end."""

from __future__ import annotations

from interviewer.core.domain import CASE_STAGES, Kind, Mode, Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.core.session import MAX_FOLLOW_UPS, Finish, Plan, SessionConfig, SessionState, apply_turn, plan_next

GAP = {"text": "Higher variance needs more samples.", "source": "n.md", "heading": "T > Size", "chunk_id": "c2"}


def answered(
    state: SessionState, plan: Plan, total: float, missing: list[dict[str, str]] | None = None
) -> SessionState:
    question = Question(
        turn=plan.turn, text=f"q{plan.turn}", kind=plan.kind, topic=plan.topic or "T", level=plan.level,
        stage=plan.stage, follow_up=plan.follow_up, hint=plan.hint, root_turn=plan.root_turn,
        sources=({"source": "n.md", "heading": "T", "chunk_id": f"c{plan.turn}"},),
    )  # fmt: skip
    score = {"total": total, "criteria": [{"name": "coverage", "missing": missing or []}]}
    return apply_turn(state, Turn(question=question, answer="a", score=ScoreResult.from_json(score)))


def step(state: SessionState, total: float, missing: list[dict[str, str]] | None = None) -> tuple[Plan, SessionState]:
    plan = plan_next(state)
    assert isinstance(plan, Plan)
    return plan, answered(state, plan, total, missing)


def test_middling_answer_with_a_gap_gets_at_most_two_follow_ups() -> None:
    state = SessionState(SessionConfig(questions=10))
    plans = []
    for _ in range(4):
        plan, state = step(state, 0.5, [GAP])
        plans.append(plan)
    assert [p.follow_up for p in plans] == [False, True, True, False]
    assert plans[1].gap == GAP and plans[1].root_turn == plans[2].root_turn == 1
    assert sum(p.follow_up for p in plans[:3]) == MAX_FOLLOW_UPS


def test_weak_answer_in_standard_mode_steps_down_with_a_hint() -> None:
    state = SessionState(SessionConfig(questions=10), ratings={"T": 4.0})
    first, state = step(state, 0.1, [GAP])
    second = plan_next(state)
    assert isinstance(second, Plan)
    assert not second.follow_up and second.hint and second.level < first.level


def test_challenge_mode_gives_no_hints() -> None:
    state = SessionState(SessionConfig(mode=Mode.CHALLENGE, questions=10), mode=Mode.CHALLENGE)
    _, state = step(state, 0.1, [GAP])
    plan = plan_next(state)
    assert isinstance(plan, Plan) and not plan.hint


def test_strong_answer_moves_on_to_a_new_question() -> None:
    state = SessionState(SessionConfig(questions=10))
    _, state = step(state, 0.9, [GAP])
    plan = plan_next(state)
    assert isinstance(plan, Plan) and not plan.follow_up and plan.root_turn == 2


def test_session_finishes_after_n_questions() -> None:
    state = SessionState(SessionConfig(questions=2))
    _, state = step(state, 0.9)
    _, state = step(state, 0.9)
    assert isinstance(plan_next(state), Finish)


def test_case_stages_advance_in_order_and_mixed_alternates() -> None:
    state = SessionState(SessionConfig(kind=Kind.CASE, questions=8))
    plans = []
    for _ in range(8):
        plan, state = step(state, 0.9)
        plans.append(plan)
    # The eighth question goes deeper into the case rather than opening a one-question case.
    assert [p.stage for p in plans] == [*CASE_STAGES, CASE_STAGES[-1]]
    assert [p.follow_up for p in plans] == [False] * 7 + [True]
    state = SessionState(SessionConfig(kind=Kind.MIXED, questions=4))
    kinds = []
    for _ in range(4):
        plan, state = step(state, 0.9)
        kinds.append(plan.kind)
    assert kinds == ["deep-dive", "case", "deep-dive", "case"]


def test_apply_turn_returns_a_new_state() -> None:
    state = SessionState(SessionConfig(questions=3))
    plan = plan_next(state)
    assert isinstance(plan, Plan)
    after = answered(state, plan, 0.9)
    assert state.turns == () and len(after.turns) == 1 and after.ratings["T"] > state.rating_for("T")


def test_an_eight_question_case_reaches_deployment_with_at_most_one_follow_up_per_stage() -> None:
    state = SessionState(SessionConfig(kind=Kind.CASE, questions=8))
    plans = []
    for _ in range(8):
        plan, state = step(state, 0.5, [GAP])  # every answer middling, with a gap: follow-ups are wanted
        plans.append(plan)
    assert [(p.stage, p.follow_up) for p in plans] == [
        ("clarify", False), ("clarify", True), *((stage, False) for stage in CASE_STAGES[1:])
    ]  # fmt: skip


def test_a_short_case_skips_stages_evenly_and_still_reaches_deployment() -> None:
    for questions, expected in [
        (3, ["clarify", "frame", "deployment"]),
        (5, ["clarify", "frame", "method", "evaluation", "deployment"]),
        (7, list(CASE_STAGES)),
    ]:
        state = SessionState(SessionConfig(kind=Kind.CASE, questions=questions))
        stages = []
        for _ in range(questions):
            plan, state = step(state, 0.5, [GAP])
            stages.append(plan.stage)
        assert stages == expected


def test_a_mixed_session_gives_its_case_every_other_new_question_and_plans_stages_on_that() -> None:
    state = SessionState(SessionConfig(kind=Kind.MIXED, questions=10))
    plans = []
    for _ in range(10):
        plan, state = step(state, 0.5, [GAP])
        plans.append(plan)
    case = [(p.stage, p.follow_up) for p in plans if p.kind == "case"]
    assert case[-1] == ("deployment", False) and case[0] == ("clarify", False)
    assert all(sum(1 for c in case if c == (stage, True)) <= 1 for stage in CASE_STAGES)


def test_a_score_round_trips_through_its_json_form() -> None:
    from interviewer.core.score import ClaimCheck, CriterionScore, ScoreResult

    note = {"text": "L1 sets some weights to zero.", "source": "reg.md", "heading": "L1", "chunk_id": "c1"}
    result = ScoreResult(
        total=0.42,
        criteria=(CriterionScore("coverage", "Coverage", 0.5, 0.6, "half the points", ("L1 zeroes",), (note,)),),
        sources=({"source": "reg.md", "heading": "L1", "chunk_id": "c1"},),
        rubric="deep-dive-2",
        relevance=0.8,
        evasive=False,
        contradictions=({"answer": "L2 zeroes weights", **note},),
        key_points=(note,),
        judge={"grade": 0.5, "weight": 0.2},
        claims=(ClaimCheck("L2 zeroes weights.", "contradicted", note, "swaps L1 and L2"),),
    )
    assert ScoreResult.from_json(result.to_json()) == result
    assert result.missing == (note,)
    older = ScoreResult.from_json({"total": 0.3, "criteria": [{"name": "coverage", "score": 0.3, "weight": 1}]})
    assert (older.claims, older.evasive, older.criteria[0].label, older.missing) == ((), False, "coverage", ())


def test_challenge_mode_never_raises_the_level_after_an_answer_that_contradicts_the_notes() -> None:
    config = SessionConfig(kind=Kind.DEEP_DIVE, mode=Mode.CHALLENGE, questions=4, seed=0, topic="T")
    start = SessionState(config=config, mode=Mode.CHALLENGE)
    first = plan_next(start)
    assert isinstance(first, Plan)
    question = Question(turn=1, text="q1", kind="deep-dive", topic="T", level=first.level, root_turn=1)
    fluent = {"total": 0.9, "criteria": [{"name": "coverage", "missing": []}]}
    wrong = {**fluent, "contradictions": [{"answer": "Neural nets are linear.", "text": "Neural nets are not linear."}]}
    after = {
        name: plan_next(apply_turn(start, Turn(question, "a", ScoreResult.from_json(score))))
        for name, score in (("fluent", fluent), ("wrong", wrong))
    }
    assert isinstance(after["fluent"], Plan) and isinstance(after["wrong"], Plan)
    assert after["fluent"].level > first.level  # a strong answer climbs in challenge mode
    assert after["wrong"].level <= first.level  # the same total with a contradiction does not


def test_a_one_point_question_is_not_followed_up_on_its_only_point() -> None:
    config = SessionConfig(kind=Kind.DEEP_DIVE, questions=4, seed=0, topic="T")
    start = SessionState(config=config)
    gap = [{"text": "Each test at alpha 0.05 has a 5% chance of a false positive.", "source": "n.md", "heading": "T"}]
    score = ScoreResult.from_json({"total": 0.5, "criteria": [{"name": "coverage", "missing": gap}]})
    plans = {}
    both = (gap[0]["text"], "Bonferroni divides alpha by the number of tests.")
    for name, points in (("one point", both[:1]), ("two points", both)):
        question = Question(turn=1, text="q1", kind="deep-dive", topic="T", level=3, root_turn=1, points=points)
        plans[name] = plan_next(apply_turn(start, Turn(question, "a", score)))
    assert isinstance(plans["two points"], Plan) and plans["two points"].follow_up
    assert isinstance(plans["one point"], Plan) and not plans["one point"].follow_up


def test_a_follow_up_aims_only_at_a_point_the_question_asked() -> None:
    """Issue 22: 'You didn't say anything about distance' came from a note cited beside the question, not asked."""
    asked = "Higher variance needs more samples."
    other = {"text": "K-means uses Euclidean distance.", "source": "k.md", "heading": "K", "chunk_id": "c9"}
    question = Question(1, "q1", "deep-dive", "T", 2, root_turn=1, points=(asked, "Power rises with n."))
    score = {"total": 0.5, "criteria": [{"name": "coverage", "missing": [other, GAP]}]}
    state = apply_turn(SessionState(config=SessionConfig()), Turn(question, "a", ScoreResult.from_json(score)))
    plan = plan_next(state)
    assert isinstance(plan, Plan) and plan.follow_up and plan.gap == GAP
    only_other = {"total": 0.5, "criteria": [{"name": "coverage", "missing": [other]}]}
    state = apply_turn(SessionState(config=SessionConfig()), Turn(question, "a", ScoreResult.from_json(only_other)))
    plan = plan_next(state)
    assert isinstance(plan, Plan) and not plan.follow_up


def case_levels(mode: Mode, totals: list[float]) -> list[int]:
    state = SessionState(config=SessionConfig(kind=Kind.CASE, mode=mode, questions=len(totals)), mode=mode)
    levels = []
    for total in totals:
        plan, state = step(state, total)
        levels.append(plan.level)
    return levels


def test_a_case_is_never_recall_and_challenge_mode_asks_it_deeper() -> None:
    """Issue 22: every case question was 'level 1 · recall'."""
    assert case_levels(Mode.STANDARD, [0.6] * 7) == [2, 2, 2, 2, 3, 3, 3]
    assert case_levels(Mode.CHALLENGE, [0.6] * 7) == [3, 3, 3, 3, 4, 4, 4]
    assert case_levels(Mode.CHALLENGE, [0.9] * 7) == [3, 4, 5, 5, 5, 5, 5]
    # A weak answer in standard mode eases a late stage off to the lowest case level, never to recall.
    assert case_levels(Mode.STANDARD, [0.6] * 4 + [0.1, 0.6, 0.6]) == [2, 2, 2, 2, 3, 2, 3]
