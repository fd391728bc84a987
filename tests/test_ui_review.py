"""The web review (issue 20), called as plain functions on the fake backends: each key point of each answer in
review order with the machine's reading, one click per point saved at once, both scores labelled, and the
confirmed score in the transcript, History and Progress."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.app.learning import progress
from interviewer.app.review import confirmed_scores
from interviewer.core.domain import Mode, Question, Turn
from interviewer.core.review import Verdict
from interviewer.core.score import PointCheck, ScoreResult, point_id
from interviewer.core.session import SessionConfig
from interviewer.errors import BadInputError
from interviewer.ui import learning, review
from interviewer.ui.handlers import InterviewHandlers
from tests.helpers import ask, strong, ui_app

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
QUESTION = "What does the learning rate do in gradient boosting?"
POINTS = [
    ("It shrinks each tree's contribution.", "covered", True, "The learning rate scales down each new tree."),
    ("A smaller rate needs more trees.", "missed", True, ""),
    ("Boosting fits trees to the residuals.", "wrong", False, "Each tree fits the original targets again."),
    ("It trades training time for generalisation.", "covered", False, "It makes training slower but safer."),
]


@pytest.fixture
def app(interviewer_home: Path) -> App:
    return ui_app(interviewer_home)


def saved_session(app: App, answers: int = 1) -> str:
    """A finished session whose answers carry the four points above: two the machine is sure of, two not."""
    estimate = app.scorer.score(QUESTION, "The learning rate scales down each new tree.")
    points = tuple(
        PointCheck(point_id(text), text, "notes/gb.md", "Gradient Boosting > Learning rate", "c1", verdict, sure,
                   sentence, "says of the targets what the notes say of the residuals" if verdict == "wrong" else "",
                   1.0 if verdict == "covered" and sure else 0.0)
        for text, verdict, sure, sentence in POINTS
    )  # fmt: skip
    estimate = replace(estimate, points=points)
    session_id = app.repo.create(SessionConfig(questions=answers, topic="Gradient Boosting"), NOW)
    for number in range(1, answers + 1):
        question = Question(turn=number, text=QUESTION, kind="deep-dive", topic="Gradient Boosting", level=2)
        app.repo.save_question(session_id, question, Mode.STANDARD, NOW + timedelta(minutes=number))
        answer = "The learning rate scales down each new tree. Each tree fits the original targets again."
        app.repo.save_answer(session_id, Turn(question, answer, estimate), NOW + timedelta(minutes=number, seconds=40))
    app.repo.finish(session_id, None)
    return session_id


def test_every_answer_lists_its_points_unsure_first_with_the_machines_reading_never_as_fact(app: App) -> None:
    session_id = saved_session(app, answers=2)
    answers = review.review_answers(app, session_id)
    assert [a.turn for a in answers] == [1, 2]
    first = answers[0]
    texts = [p.markdown for p in first.points]
    # Unsure first (a possible mistake before a possible cover), then the sure ones as the question lists them.
    assert [p.id for p in first.points] == [point_id(POINTS[i][0]) for i in (2, 3, 0, 1)]
    assert "Machine's reading: **? unsure, please check (maybe wrong)**" in texts[0]
    assert "Machine's reading: **? unsure, please check (maybe covered)**" in texts[1]
    assert "Machine's reading: **✓ covered**" in texts[2] and "Machine's reading: **✗ missed**" in texts[3]
    assert "Your sentence: “Each tree fits the original targets again\\.”" in texts[0]
    assert not any("You:" in text for text in texts) and all(p.mine is None for p in first.points)
    assert "**Question:** " + QUESTION.replace(".", "\\.") in first.intro
    assert first.intro.count("`gb.md › Gradient Boosting > Learning rate`") == 4  # the notes' model answer, cited
    assert first.scores == "**Not confirmed yet** (4 points to confirm) · machine's estimate " + (
        f"{app.repo.load(session_id).turns[0].total:.2f}"
    )


def test_one_click_records_the_verdict_and_returns_both_scores_labelled(app: App) -> None:
    session_id = saved_session(app)
    unsure_wrong = point_id(POINTS[2][0])
    done = review.confirm_point(app, session_id, 1, unsure_wrong, "covered", now=NOW)
    saved = app.confirmations.for_turn(session_id, 1)
    assert list(saved) == [unsure_wrong]
    mine = saved[unsure_wrong]
    assert mine.verdict is Verdict.COVERED and mine.machine_verdict == "wrong" and not mine.machine_sure
    reviewed = confirmed_scores(app, session_id)[1]
    assert reviewed.confirmed is not None
    estimate, confirmed = reviewed.estimate.total, reviewed.confirmed.total
    assert estimate == app.repo.load(session_id).turns[0].total  # the estimate is never overwritten
    assert done.answer.scores == (
        f"**Confirmed by you {confirmed:.2f}** (1 of 4 points so far) · machine's estimate {estimate:.2f}"
    )
    assert done.answer.point(unsure_wrong).markdown.endswith("**You: ✓ covered** (saved)")
    assert done.answer.point(unsure_wrong).mine == "covered"
    # The transcript files were written again with both scores.
    markdown = done.files.markdown.read_text(encoding="utf-8")
    assert f"**Score: confirmed by you {confirmed:.2f} (machine's estimate {estimate:.2f})**" in markdown
    assert f"confirmed by you {confirmed:.2f}" in done.files.html.read_text(encoding="utf-8")


def test_reviewing_every_point_takes_one_click_each_and_a_second_look_shows_the_verdicts(app: App) -> None:
    session_id = saved_session(app)
    clicks = 0
    for point in review.review_answers(app, session_id)[0].points:
        review.confirm_point(app, session_id, 1, point.id, "covered", now=NOW)
        clicks += 1
    again = review.review_answers(app, session_id)[0]
    assert clicks == len(POINTS) and all(p.mine == "covered" for p in again.points)
    confirmed = confirmed_scores(app, session_id)[1].confirmed
    assert confirmed is not None and again.scores.startswith(f"**Confirmed by you {confirmed.total:.2f}** ·")
    changed = review.confirm_point(app, session_id, 1, point_id(POINTS[0][0]), "missed", now=NOW + timedelta(1))
    assert changed.answer.point(point_id(POINTS[0][0])).mine == "missed"  # the newest verdict counts


def test_practice_shows_only_the_answer_just_given_and_its_card_in_the_chat_gets_both_scores(app: App) -> None:
    session_id = saved_session(app, answers=3)
    answers = review.review_answers(app, session_id, turn=2, show_answer=False)
    assert [a.turn for a in answers] == [2] and len(answers[0].points) == len(POINTS)
    assert "**Your answer:**" not in answers[0].intro  # it is right above, in the chat
    assert "**Your answer:**" in review.review_answers(app, session_id, turn=2)[0].intro
    handlers = InterviewHandlers(app)
    cards = [m["content"] for m in handlers.chat(session_id) if m["content"].startswith("**Score ")]
    assert len(cards) == 3 and not any("confirmed by you" in card for card in cards)
    review.confirm_point(app, session_id, 2, point_id(POINTS[0][0]), "partly", now=NOW)
    confirmed = confirmed_scores(app, session_id)[2].confirmed
    estimate = app.repo.load(session_id).turns[1].total
    assert confirmed is not None
    cards = [m["content"] for m in handlers.chat(session_id) if m["content"].startswith("**Score ")]
    assert cards[1].splitlines()[0] == (
        f"**Score {estimate:.2f}** / 1.00 (machine's estimate) · **confirmed by you {confirmed.total:.2f}**"
        f" (1 of {len(confirmed.points)} points so far)"  # one point confirmed: the review is not done
    )
    assert "confirmed by you" not in cards[0] + cards[2]


def test_a_bad_verdict_or_point_is_a_one_line_error_and_saves_nothing(app: App) -> None:
    session_id = saved_session(app)
    with pytest.raises(BadInputError, match="covered, partly, missed, wrong"):
        review.confirm_point(app, session_id, 1, point_id(POINTS[0][0]), "right")
    with pytest.raises(BadInputError, match="unknown point id p-nope"):
        review.confirm_point(app, session_id, 1, "p-nope", "covered")
    with pytest.raises(BadInputError, match="choose a session"):
        review.review_answers(app, None)
    assert app.confirmations.for_turn(session_id, 1) == {}


def test_history_and_progress_show_the_confirmed_score_beside_the_estimate_and_the_agreement(app: App) -> None:
    handlers = InterviewHandlers(app)
    session_id = saved_session(app, answers=2)
    assert handlers.history()[0][7] == "–"
    assert "No confirmations yet" in learning.progress_fragment(app, NOW)
    for point in review.review_answers(app, session_id, turn=1)[0].points:  # the machine's reading each time
        machine = next(verdict for text, verdict, _, _ in POINTS if point_id(text) == point.id)
        review.confirm_point(app, session_id, 1, point.id, machine, now=NOW)
    confirmed = confirmed_scores(app, session_id)[1].confirmed
    assert confirmed is not None
    row = handlers.history()[0]
    assert row[0] == session_id and row[7] == f"{confirmed.total:.2f} (1 of 2 answers)"
    page = learning.progress_fragment(app, NOW)
    assert "This is the scorer's accuracy for you" in page and "No confirmations yet" not in page
    # Two sure points (covered, missed) and two unsure ones, every reading agreed with: 100% on each row.
    assert "<td>✓ covered</td><td>1</td><td>1</td><td>100%</td>" in page
    assert "<td>? unsure, please check</td><td>2</td><td>2</td><td>100%</td>" in page
    assert "<td>~ partly</td><td>0</td><td>0</td><td>–</td>" in page
    estimate = app.repo.load(session_id).turns[0].total
    assert f"<td>1 of 2</td><td>{confirmed.total:.2f}</td><td>{estimate:.2f}</td>" in page


def test_ending_a_live_session_then_reviewing_it_rewrites_the_feedback(app: App) -> None:
    handlers = InterviewHandlers(app)
    session_id = handlers.start("Deep dive", "Gradient Boosting", 1, challenge=False, seed=5).session_id
    ask(handlers, session_id)
    question = app.repo.load(session_id or "").pending
    assert session_id is not None and question is not None
    handlers.answer(session_id, 1, strong(question))
    feedback = handlers.end(session_id)
    assert "confirmed by you" not in feedback.markdown
    answer = review.review_answers(app, session_id)[0]
    assert answer.points, "an item's question has key points to confirm"
    for point in answer.points:
        done = review.confirm_point(app, session_id, 1, point.id, "covered")
    reopened = handlers.open_report(session_id).markdown
    assert reopened == done.files.markdown.read_text(encoding="utf-8")
    assert "**Score: confirmed by you " in reopened and "(machine's estimate " in reopened


def test_an_answer_scored_before_points_existed_says_there_is_nothing_to_confirm(app: App) -> None:
    session_id = app.repo.create(SessionConfig(questions=1, topic="SQL"), NOW)
    question = Question(turn=1, text="What does a LEFT JOIN keep?", kind="deep-dive", topic="SQL", level=1)
    app.repo.save_question(session_id, question, Mode.STANDARD, NOW)
    old = ScoreResult.from_json({"total": 0.55, "criteria": []})
    app.repo.save_answer(session_id, Turn(question, "Every left row.", old), NOW + timedelta(seconds=30))
    answer = review.review_answers(app, session_id)[0]
    assert answer.points == ()
    assert answer.scores == "*No key points to confirm for this answer* · machine's estimate 0.55"


def test_the_progress_charts_count_a_confirmed_answer_with_its_confirmed_score(app: App) -> None:
    """A trial user confirmed every answer and still found the machine's estimate in the Progress charts."""
    session_id = saved_session(app, answers=1)
    estimate = app.repo.load(session_id).turns[0].total
    for point in review.review_answers(app, session_id, turn=1)[0].points:
        review.confirm_point(app, session_id, 1, point.id, "covered", now=NOW)
    confirmed = confirmed_scores(app, session_id)[1].confirmed
    assert confirmed is not None and round(confirmed.total, 3) != round(estimate, 3)
    charted = progress(app)
    assert charted.sessions[0]["mean_score"] == round(confirmed.total, 3)
    assert charted.topics[0]["mean_score"] == round(confirmed.total, 3)
