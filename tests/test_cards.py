"""The chat's score card names why a low score is low, in one escaped line; a good score needs no reason."""

from __future__ import annotations

from interviewer.core.domain import Question, Turn
from interviewer.core.score import ScoreResult
from interviewer.ui.cards import score_card

QUESTION = Question(turn=1, text="Is accuracy a good metric here?", kind="case", topic="Fraud", level=3, stage="data")
NOTE = {"text": "At 0.1% fraud, flagging nothing is 99.9% accurate.", "source": "fraud.md", "heading": "Metrics"}


def card(total: float, **score: object) -> str:
    document = {"total": total, "relevance": 0.8, "evasive": False, "criteria": [], "contradictions": [], **score}
    return str(
        score_card(Turn(QUESTION, "Accuracy above 99% is good enough.", ScoreResult.from_json(document)))[0]["content"]
    )


def test_a_low_score_card_says_why_with_the_contradicted_note_and_its_source() -> None:
    shown = card(0.001, contradictions=[{"answer": "Accuracy above 99% is good enough.", "edit": "99", **NOTE}])
    why = next(line for line in shown.splitlines() if line.startswith("**Why it is low:**"))
    assert why == (
        '**Why it is low:** contradicts your notes, which say "At 0\\.1% fraud, flagging nothing is 99\\.9% '
        'accurate\\." \\(fraud\\.md › Metrics\\)'
    )
    assert shown.index("**Score 0.00**") < shown.index("**Why it is low:**") < shown.index("| criterion |")


def test_off_the_question_and_a_good_score() -> None:
    assert "**Why it is low:** off the question" in card(0.05, relevance=0.1)
    assert "Why it is low" not in card(0.8)


def test_a_question_shows_the_notice_given_with_it_and_only_then() -> None:
    from dataclasses import replace

    from interviewer.ui.cards import question_message

    notice = "Your notes on Fraud hold nothing to ask at level 5; this question is at level 4."
    shown = str(question_message(replace(QUESTION, notice=notice))["content"])
    start = "*Your notes on Fraud hold nothing to ask at level 5"  # escaped as Markdown after this
    assert start in shown and shown.index(start) < shown.index(QUESTION.text)
    assert "hold nothing" not in str(question_message(QUESTION)["content"])


def test_the_card_shows_the_steps_from_the_criteria_to_the_score() -> None:
    steps = ["x0.90: 1 of 2 sentences on the question are not in your notes (yours to check)"]
    shown = card(0.86, adjustments=steps)
    assert "*From the criteria to the score:* x0\\.90: 1 of 2 sentences" in shown
    assert "From the criteria" not in card(0.86)


def test_a_questions_sources_name_each_file_once_with_its_sections() -> None:
    from dataclasses import replace

    from interviewer.ui.cards import question_message

    place = "/home/me/notes/pca.md"
    sources = tuple(
        {"source": place, "heading": f"PCA > {heading}", "chunk_id": str(n)}
        for n, heading in enumerate(["How it is computed", "What PCA does", "How it is computed"])
    )
    shown = str(question_message(replace(QUESTION, sources=sources))["content"])
    assert shown.endswith("From your notes: `pca.md › How it is computed · What PCA does`")


def test_once_confirmed_the_card_says_why_of_the_confirmed_score_and_labels_the_machines_criteria() -> None:
    # A trial user saw "Why it is low: the machine is unsure of 1 point" beside "confirmed by you 0.87".
    document = {"total": 0.3, "relevance": 0.1, "evasive": False, "criteria": [], "contradictions": []}
    estimate = ScoreResult.from_json(document)
    mine = ScoreResult.from_json({**document, "total": 0.87, "relevance": 0.9})
    shown = str(score_card(Turn(QUESTION, "Accuracy is fine.", estimate), mine)[0]["content"])
    assert "confirmed by you 0.87" in shown and "Why it is low" not in shown
    assert "*The criteria below are the machine's estimate, before your review.*" in shown
    assert "**Why it is low:** off the question" in str(score_card(Turn(QUESTION, "A.", estimate))[0]["content"])


def test_a_review_part_done_says_how_many_points_are_confirmed_so_far() -> None:
    # A trial user confirmed 2 of 3 points, and the card's "confirmed by you 0.63" looked final.
    from dataclasses import replace

    from interviewer.core.score import PointCheck
    from interviewer.scoring.confirmed import CONFIRMED_REASON

    def check(n: int, reason: str) -> PointCheck:
        return PointCheck(f"p{n}", f"Point {n}.", "fraud.md", "Metrics", "c1", "covered", True, reason=reason)

    document = {"total": 0.6, "relevance": 0.9, "evasive": False, "criteria": [], "contradictions": []}
    estimate = ScoreResult.from_json(document)
    part = replace(estimate, points=(check(1, CONFIRMED_REASON), check(2, CONFIRMED_REASON), check(3, "")))
    whole = replace(part, points=(*part.points[:2], check(3, CONFIRMED_REASON)))
    assert "confirmed by you 0.60** (2 of 3 points so far)" in str(
        score_card(Turn(QUESTION, "A.", estimate), part)[0]["content"]
    )
    assert "so far" not in str(score_card(Turn(QUESTION, "A.", estimate), whole)[0]["content"])
