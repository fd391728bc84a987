"""The review loop (issue 20): point verdicts, confirmations, the confirmed score, what the scorer learns from
them, and the per-item schedule. Pure parts on hand-made values; learning on the real embedder."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from interviewer.core.domain import Question, Turn
from interviewer.core.review import Confirmation, Verdict, agreement, parse_verdicts, review_order
from interviewer.core.score import PointCheck, ScoreResult, point_id
from interviewer.learning.items import EASY_SECONDS, due_items, item_key, item_rating, schedule_items
from interviewer.scoring.confirmed import confirmed_score
from interviewer.scoring.keypoints import KeyPoint
from interviewer.scoring.learned import PointMemory
from interviewer.scoring.rubric import load_rubrics
from interviewer.scoring.scorer import Scorer
from interviewer.scoring.verdicts import MARKED_WRONG
from interviewer.storage.confirmations import ConfirmationStore
from tests.helpers import note_scorer

DAY = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def check(text: str, verdict: str, sure: bool = True, credit: float = 0.0, sentence: str = "") -> PointCheck:
    return PointCheck(point_id(text), text, "notes.md", "H", "c1", verdict, sure, sentence, "", credit)


def confirmation(
    pid: str, verdict: Verdict, machine: str, sure: bool = True, at: datetime = DAY, **kw: object
) -> Confirmation:
    fields: dict = {"point_text": pid, "sentence": "", "question": "Q?", "answer": "A.", **kw}
    return Confirmation(pid, fields.pop("point_text"), verdict, machine, sure, fields.pop("sentence"), at, **fields)


# ----- pure values ---------------------------------------------------------------------------------------------


def test_point_ids_are_stable_across_case_and_spacing_and_differ_between_points() -> None:
    assert point_id("L1 sets  weights to zero.") == point_id("l1 sets weights to zero.")
    assert point_id("L1 sets weights to zero.") != point_id("L2 sets weights to zero.")


def test_a_score_with_points_survives_its_json_form() -> None:
    result = ScoreResult(0.5, (), (), "deep-dive-2", 0.9, points=(check("A point here.", "wrong", False, 0.0, "S."),))
    assert ScoreResult.from_json(result.to_json()) == result
    assert ScoreResult.from_json({"total": 0.3}).points == ()  # a score saved before points existed


def test_verdicts_are_checked_and_every_bad_one_is_named() -> None:
    assert parse_verdicts({"p-1": "Covered", "p-2": "wrong"}) == {"p-1": Verdict.COVERED, "p-2": Verdict.WRONG}
    with pytest.raises(ValueError, match=r"p-2: 'right'.*p-3: 'yes'"):
        parse_verdicts({"p-1": "missed", "p-2": "right", "p-3": "yes"})
    with pytest.raises(ValueError, match="verdicts"):
        parse_verdicts([])


def test_the_review_asks_unsure_points_first_possible_mistakes_before_possible_misses() -> None:
    points = [check("a a a", "covered"), check("b b b", "missed", False), check("c c c", "wrong", False)]
    assert [p.text for p in review_order(points)] == ["c c c", "b b b", "a a a"]


def test_agreement_counts_per_machine_verdict_over_the_newest_confirmations() -> None:
    given = [
        confirmation("p1", Verdict.COVERED, "covered"),
        confirmation("p2", Verdict.MISSED, "covered"),
        confirmation("p3", Verdict.MISSED, "missed"),
        confirmation("p4", Verdict.COVERED, "missed", sure=False),
        confirmation("p5", Verdict.WRONG, "covered", at=DAY - timedelta(days=30)),  # older than the window
    ]
    rows = {row.verdict: row for row in agreement(given, recent=4)}
    assert (rows["covered"].confirmed, rows["covered"].agreed) == (2, 1)
    assert (rows["missed"].confirmed, rows["missed"].agreed) == (1, 1)
    assert (rows["unsure"].confirmed, rows["unsure"].agreed) == (1, 0)
    assert rows["wrong"].rate is None
    # A point confirmed off the question says nothing of the machine's reading: no row counts it.
    off = agreement([*given, confirmation("p6", Verdict.OFF, "missed")], recent=4)
    assert {row.verdict for row in off} == {"covered", "partly", "missed", "wrong", "unsure"}
    assert {row.verdict: row.confirmed for row in off} == {row.verdict: row.confirmed for row in rows.values()}


# ----- the confirmed score -------------------------------------------------------------------------------------


def _estimate() -> ScoreResult:
    scorer_rubric = load_rubrics()["deep-dive-2"]
    from interviewer.core.score import CriterionScore

    criteria = tuple(
        CriterionScore(c.name, c.label, 0.0 if c.name == "coverage" else 0.5, c.weight, "")
        for c in scorer_rubric.criteria
    )
    points = (
        check("first point text", "missed", False),
        check("second point text", "missed"),
        check("third point", "covered", credit=1.0),
    )
    return ScoreResult(0.2, criteria, (), "deep-dive-2", 0.8, points=points)


def test_the_confirmed_score_goes_through_the_rubric_and_never_changes_the_estimate() -> None:
    rubric = load_rubrics()["deep-dive-2"]
    estimate = _estimate()
    first, second, third = (p.id for p in estimate.points)
    all_covered = confirmed_score(estimate, {first: Verdict.COVERED, second: Verdict.COVERED}, rubric)
    # 60% of the points' weight earns full coverage (the rubric's bar), so these differ in two points of three.
    one_missed = confirmed_score(estimate, {first: Verdict.MISSED, second: Verdict.MISSED}, rubric)
    one_wrong = confirmed_score(estimate, {first: Verdict.MISSED, second: Verdict.WRONG}, rubric)
    assert all_covered.total > one_missed.total > one_wrong.total
    assert all_covered.criterion("coverage").score == 1.0
    assert one_missed.point(third) == estimate.point(third)  # not confirmed: the machine's reading stays
    assert one_missed.criterion("coverage").score == round(1 / 3 / 0.6, 3)
    assert one_wrong.point(second).verdict == "wrong" and one_wrong.point(second).sure
    assert estimate == _estimate() and estimate.total == 0.2
    assert any("confirmed by you: 2 points of 3" in step for step in all_covered.adjustments)


def test_a_point_confirmed_off_the_question_leaves_the_score() -> None:
    # A question that combines notes can carry a point of another note that does not bear on it: the candidate
    # takes it out with one click, and the answer is scored on the points that remain.
    rubric = load_rubrics()["deep-dive-2"]
    estimate = _estimate()
    first, second, third = (p.id for p in estimate.points)
    missed = confirmed_score(estimate, {first: Verdict.COVERED, second: Verdict.MISSED, third: Verdict.MISSED}, rubric)
    off = confirmed_score(estimate, {first: Verdict.COVERED, second: Verdict.OFF, third: Verdict.MISSED}, rubric)
    # One of two points covered (0.5 of the 0.6 bar) against one of three.
    assert off.criterion("coverage").score == round(0.5 / 0.6, 3) > missed.criterion("coverage").score
    assert off.total > missed.total
    assert not any("second point text" in m for m in off.criterion("coverage").missing)


def test_a_confirmed_evasive_answer_stays_capped() -> None:
    rubric = load_rubrics()["deep-dive-2"]
    estimate = replace(_estimate(), evasive=True)
    confirmed = confirmed_score(estimate, {p.id: Verdict.COVERED for p in estimate.points}, rubric)
    assert confirmed.total <= 0.02


# ----- storage -------------------------------------------------------------------------------------------------


def test_confirmations_are_all_kept_and_the_newest_per_point_of_an_answer_counts(tmp_path: Path) -> None:
    store = ConfirmationStore(tmp_path / "sessions.db")
    first = confirmation("p1", Verdict.MISSED, "missed", session_id="s1", turn=1)
    later = confirmation("p1", Verdict.COVERED, "missed", at=DAY + timedelta(hours=1), session_id="s1", turn=1)
    store.add([first])
    store.add([later, confirmation("p2", Verdict.WRONG, "covered", session_id="s1", turn=2)])
    assert store.history() == [first, later, confirmation("p2", Verdict.WRONG, "covered", session_id="s1", turn=2)]
    assert store.for_turn("s1", 1) == {"p1": later}
    store.delete_all()
    assert store.history() == []


# ----- the per-item schedule -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verdicts", "seconds", "rating"),
    [
        (["covered", "covered"], EASY_SECONDS, Rating.Easy),
        (["covered", "covered"], EASY_SECONDS + 1, Rating.Good),
        (["covered", "covered"], None, Rating.Good),
        (["covered", "partly"], 10, Rating.Hard),
        (["covered", "missed"], 10, Rating.Hard),
        (["partly", "missed"], 10, Rating.Again),
        (["covered", "covered", "wrong"], 10, Rating.Again),
        ([], 10, Rating.Again),
        (["covered", "off"], 10, Rating.Easy),  # a point off the question does not grade the answer
        (["missed", "off", "off"], 10, Rating.Again),
        (["off"], 10, Rating.Again),  # nothing left to grade it by
    ],
)
def test_the_confirmed_grade_maps_to_an_fsrs_rating(verdicts: list[str], seconds: float | None, rating: Rating) -> None:
    assert item_rating(verdicts, seconds) is rating


def _turn(number: int, text: str, points: tuple[str, ...], total: float, follow_up: bool = False) -> Turn:
    question = Question(number, text, "deep-dive", "Topic", 2, follow_up=follow_up, points=points)
    checks = tuple(check(p, "covered" if total > 0.5 else "missed", credit=total) for p in points)
    return Turn(question, "an answer", ScoreResult(total, (), (), "deep-dive-2", 0.9, points=checks))


def test_items_come_back_most_overdue_first_graded_by_the_candidate_where_they_confirmed() -> None:
    a = _turn(1, "What is A?", ("A is one thing here.",), 0.9)
    b = _turn(2, "What is B?", ("B is another thing.",), 0.9)
    c = _turn(3, "What is C?", ("C is a third thing.",), 0.2)
    answered = [("s1", (DAY + timedelta(minutes=i)).isoformat(), t) for i, t in enumerate((a, b, c))]
    # The candidate says A's answer missed its point (the machine thought it covered); B and C are not confirmed.
    confirmed = {("s1", 1): {point_id("A is one thing here."): Verdict.MISSED}}
    due = due_items(answered, confirmed, DAY + timedelta(hours=1))
    assert [s.question.text for s in due] == ["What is A?", "What is C?"]  # B (estimate: Good) is not due
    assert due[0].confirmed and due[0].missed == ("A is one thing here.",)
    assert not due[1].confirmed and due[1].to_json()["graded_by"] == "machine estimate"


def test_a_rephrased_question_is_the_same_card_and_follow_ups_do_not_grade_it() -> None:
    first = _turn(1, "What is A?", ("A is one thing here.",), 0.2)
    again = _turn(1, "Tell me what A is.", ("A is one thing here.",), 0.7)  # Good band for an estimate
    probe = _turn(2, "And why?", ("A is one thing here.",), 0.0, follow_up=True)
    assert item_key(first.question) == item_key(again.question)
    answered = [("s1", DAY.isoformat(), first), ("s2", (DAY + timedelta(days=1)).isoformat(), again),
                ("s2", (DAY + timedelta(days=1, minutes=1)).isoformat(), probe)]  # fmt: skip
    (schedule,) = schedule_items(answered, {})
    assert schedule.reviews == 2 and schedule.last_rating is Rating.Good


# ----- learning the candidate's words, on the real embedder -----------------------------------------------------

NOTE = """# Regularisation

- L1 (lasso) can set coefficients exactly to zero, so it selects features.
- L2 (ridge) shrinks all coefficients smoothly and keeps correlated features together.
"""
QUESTION = "What does L1 do that L2 does not?"
POINTS = [KeyPoint(line[2:], "reg.md", "Regularisation", "") for line in NOTE.splitlines() if line.startswith("- ")]
FIRST = "Lasso kills off some of the inputs entirely, which trims the model down to the useful ones."
LATER = "Lasso kills some inputs off completely, trimming the model down to the ones that matter."
WRONG = "L1 never sets coefficients to zero; only L2 can select features that way."
OTHER_QUESTION = "How does ridge treat correlated features?"


@pytest.fixture(scope="module")
def scorer(tmp_path_factory: pytest.TempPathFactory) -> Scorer:
    return note_scorer(tmp_path_factory.mktemp("learn"), {"reg.md": NOTE})


def _score(scorer: Scorer, answer: str, question: str = QUESTION) -> ScoreResult:
    return scorer.score(question, answer, kind="deep-dive", level=2, points=POINTS)


def _learn(scorer: Scorer, *given: Confirmation) -> None:
    scorer.learn(PointMemory(given))


def test_a_confirmed_phrasing_covers_its_point_later_and_only_that_point(scorer: Scorer) -> None:
    lasso = point_id(POINTS[0].text)
    _learn(scorer)
    before, wrong_before = _score(scorer, LATER), _score(scorer, WRONG)
    other_before = _score(scorer, "Ridge keeps groups of correlated inputs together.", OTHER_QUESTION)
    assert before.point(lasso).verdict != "covered"
    _learn(scorer, confirmation(lasso, Verdict.COVERED, "missed", sentence=FIRST))
    after = _score(scorer, LATER)
    assert after.point(lasso).verdict == "covered" and after.point(lasso).sure
    assert "as you confirmed on 2026-12-01" in after.point(lasso).reason
    ridge_before, ridge_after = before.point(point_id(POINTS[1].text)), after.point(point_id(POINTS[1].text))
    # No leak to the other point: it gains nothing. (Its miss is now certain: the learned sentence is accounted for.)
    assert ridge_after.verdict == ridge_before.verdict == "missed" and ridge_after.credit == ridge_before.credit
    assert after.total > before.total
    assert _score(scorer, WRONG).total <= wrong_before.total + 0.02  # a wrong answer gains nothing
    assert _score(scorer, "Ridge keeps groups of correlated inputs together.", OTHER_QUESTION) == other_before


def test_a_mistake_said_again_is_flagged_with_the_day_it_was_marked(scorer: Scorer) -> None:
    lasso = point_id(POINTS[0].text)
    _learn(scorer, confirmation(lasso, Verdict.WRONG, "covered", sentence=WRONG))
    result = _score(scorer, WRONG)
    assert result.contradictions and result.contradictions[0]["edit"] == MARKED_WRONG + "2026-12-01"
    assert result.contradictions[0]["text"] == POINTS[0].text  # the note is quoted
    assert result.point(lasso).verdict == "wrong" and result.point(lasso).sure
    assert not _score(scorer, FIRST).contradictions  # a correct answer is not flagged
    # A later verdict withdraws what was learned from the same sentence.
    _learn(scorer, confirmation(lasso, Verdict.WRONG, "covered", sentence=WRONG),
           confirmation(lasso, Verdict.MISSED, "wrong", at=DAY + timedelta(days=1), sentence=WRONG))  # fmt: skip
    assert not _score(scorer, WRONG).contradictions


def test_the_very_sentence_marked_wrong_is_flagged_again_even_where_the_notes_seem_to_support_it(
    scorer: Scorer,
) -> None:
    # A trial user marked "probability=True gives properly calibrated probabilities out of the box" wrong beside the
    # point it was shown with; said again word for word the next day, it scored 1.00: the notes' words seemed to
    # support it, and a past mark never flagged a supported sentence. The same sentence is the one they marked.
    lasso = point_id(POINTS[0].text)
    seeming = "L1 (lasso) can set coefficients exactly to zero, so it keeps correlated features together."
    _learn(scorer)
    assert not _score(scorer, seeming).contradictions  # the rules alone see nothing wrong
    _learn(scorer, confirmation(lasso, Verdict.WRONG, "covered", sentence=seeming))
    result = _score(scorer, seeming)
    assert result.contradictions and result.contradictions[0]["edit"] == MARKED_WRONG + "2026-12-01"
    assert result.point(lasso).verdict == "wrong"


def test_one_unsure_flag_never_halves_an_answer_that_covers_every_point(scorer: Scorer) -> None:
    _learn(scorer)
    full = (
        "L1, the lasso, can set coefficients exactly to zero, so it selects features. "
        "L2, ridge, shrinks all coefficients smoothly and keeps correlated features together."
    )
    flagged = _score(scorer, full + " So L2 can set coefficients exactly to zero as well.")
    assert any(c.verdict == "unsure" for c in flagged.claims)  # the rule saw something it cannot stand behind
    assert flagged.contradictions == ()  # ... so it is asked, not stated
    assert flagged.total >= 0.5 * _score(scorer, full).total
    assert all(p.verdict == "covered" for p in _score(scorer, full).points)


def test_a_confirmation_lifts_the_not_in_your_notes_cost_only_from_the_sentences_it_vouches_for() -> None:
    rubric = load_rubrics()["deep-dive-2"]
    estimate = replace(
        _estimate(), unbacked=("My own words for the first point.", "An extra claim."), on_topic_claims=3
    )
    first = estimate.points[0].id
    vouched = confirmed_score(
        estimate, {first: Verdict.COVERED}, rubric, sentences={first: "My own words for the first point."}
    )
    unvouched = confirmed_score(estimate, {first: Verdict.COVERED}, rubric, sentences={first: "Something else."})
    assert any(step.startswith("x0.93: 1 of 3 sentences") for step in vouched.adjustments), vouched.adjustments
    assert any(step.startswith("x0.87: 2 of 3 sentences") for step in unvouched.adjustments), unvouched.adjustments
    assert vouched.total > unvouched.total
    assert vouched.point(first).sentence == "My own words for the first point."


def test_a_flags_reason_uses_the_words_as_written_never_the_matchers_stems(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    note = "# Gradient boosting\n\n- Gradient boosting handles mixed feature types and missing values natively.\n"
    boosting = note_scorer(tmp_path_factory.mktemp("stems"), {"gb.md": note})
    answer = "Gradient boosting cannot handle missing values or mixed feature types, so you must impute first."
    result = boosting.score("What are the strengths of gradient boosting?", answer, level=1)
    (claim,) = result.claims
    assert claim.verdict == "unsure" and claim.reason == "maybe the wrong way round (negates handle): please check"
    assert result.points[0].verdict == "wrong" and not result.points[0].sure  # never "✓ in your notes"


def test_a_point_is_missed_for_certain_only_when_every_sentence_is_accounted_for(scorer: Scorer) -> None:
    _learn(scorer)
    lasso, ridge = point_id(POINTS[0].text), point_id(POINTS[1].text)
    # Only lasso's point, in the notes' words: ridge's point is missed, and nothing else was said.
    stated = _score(scorer, "L1 (lasso) can set coefficients exactly to zero, so it selects features.")
    assert stated.point(ridge).verdict == "missed" and stated.point(ridge).sure
    # A sentence the notes do not account for may be ridge's point in other words: the miss is a question.
    loose = _score(scorer, "L1 can set coefficients exactly to zero. The other one spreads weight over twins.")
    assert loose.point(ridge).verdict == "missed" and not loose.point(ridge).sure
    assert loose.point(ridge).sentence == "The other one spreads weight over twins."
    assert stated.point(lasso).verdict == "covered"


def test_a_match_that_names_the_opposite_side_is_asked_never_stated(scorer: Scorer) -> None:
    _learn(scorer)
    swapped = _score(scorer, "L2 (ridge) can set coefficients exactly to zero, so it selects features.")
    lasso = swapped.point(point_id(POINTS[0].text))
    assert lasso.verdict in ("covered", "partly", "wrong") and not lasso.sure  # never "✓ covered" as fact
    assert "l2" in lasso.reason.lower() and "please check" in lasso.reason
    plain = _score(scorer, "L1 (lasso) can set coefficients exactly to zero, so it selects features.")
    assert plain.point(point_id(POINTS[0].text)).sure and plain.point(point_id(POINTS[0].text)).verdict == "covered"


@pytest.mark.parametrize(
    ("unbacked", "on_topic", "said"),
    [
        (1, 1, "x0.80: 1 of 1 sentence on the question is not in your notes (yours to check)"),
        (1, 3, "x0.80: 1 of 3 sentences on the question is not in your notes (yours to check)"),
        (2, 3, "x0.80: 2 of 3 sentences on the question are not in your notes (yours to check)"),
    ],
)
def test_the_not_in_your_notes_step_reads_as_english(unbacked: int, on_topic: int, said: str) -> None:
    from interviewer.scoring.text import not_in_notes_step

    assert not_in_notes_step(0.8, unbacked, on_topic) == said


def test_a_sentence_the_notes_support_is_never_flagged_as_fact_on_a_past_mark(scorer: Scorer) -> None:
    lasso = point_id(POINTS[0].text)
    correct = "L1 (lasso) can set coefficients exactly to zero, so it selects features."
    # The mark rested on a correct sentence (an answer's other sentence was the mistake): asked, never stated.
    _learn(scorer, confirmation(lasso, Verdict.WRONG, "covered", sentence=correct))
    result = _score(scorer, correct)
    assert result.contradictions == ()
    assert not result.point(lasso).sure and "looks like what you marked as wrong" in result.point(lasso).reason
    _learn(scorer)


def test_confirmations_survive_their_file_being_deleted_under_a_running_app(tmp_path: Path) -> None:
    store = ConfirmationStore(tmp_path / "sessions.db")
    store.add([confirmation("p1", Verdict.COVERED, "missed", session_id="s1", turn=1)])
    (tmp_path / "sessions.db").unlink()  # delete-data from another process
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"sessions.db{suffix}").unlink(missing_ok=True)
    assert store.history() == []
    store.add([confirmation("p2", Verdict.WRONG, "covered", session_id="s2", turn=1)])  # tables set up again
    assert [c.point_id for c in store.history()] == ["p2"]


def test_an_answer_whose_every_point_is_confirmed_off_the_question_is_not_scored_on_coverage() -> None:
    # A trial user's strong answer kept the machine's 0.28 (coverage 0) after she took out both points, and the
    # feedback then named that topic her weakest.
    rubric = load_rubrics()["deep-dive-2"]
    estimate = _estimate()
    all_off = confirmed_score(estimate, {p.id: Verdict.OFF for p in estimate.points}, rubric)
    all_missed = confirmed_score(estimate, {p.id: Verdict.MISSED for p in estimate.points}, rubric)
    assert all_off.total > all_missed.total
    others = [c for c in estimate.criteria if c.name != "coverage"]
    form = sum(c.score * c.weight for c in others) / sum(c.weight for c in others)
    assert all_off.total >= round(0.5 * form, 3)  # carried by what the rubric reads besides coverage
    assert any("coverage left out" in step for step in all_off.adjustments)
