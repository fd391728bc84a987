"""Issue 22, items 1 and 8: what a candidate reads never praises a wrong answer. A sentence that contradicts the
notes is shown once, with ✗ and the note it contradicts, never under ✓ evidence; a session's Strengths count only
answers that contradicted nothing; counts are pluralised; a score reads the same in the table and the chart."""

from __future__ import annotations

import re

from interviewer.core.domain import Question, Turn
from interviewer.core.score import ClaimCheck, CriterionScore, ScoreResult
from interviewer.reports.charts import trajectory_text
from interviewer.reports.transcript import build_markdown
from interviewer.ui.cards import score_card

STARTED = "2026-12-01T09:00:00"
NOTE = {"text": "Bagging reduces variance.", "source": "ml/ensembles.md", "heading": "Bagging", "chunk_id": "b1"}
BOOSTING = {"text": "Boosting reduces bias.", "source": "ml/ensembles.md", "heading": "Boosting", "chunk_id": "b2"}
WRONG = "Bagging reduces bias."


def question(turn: int, topic: str = "Ensembles") -> Question:
    return Question(turn=turn, text=f"What does bagging do? ({turn})", kind="deep-dive", topic=topic, level=2)


def wrong_score(total: float, *, with_claims: bool = True) -> ScoreResult:
    """A confidently wrong answer as the scorer saved it before the lead's change: the contradicted sentence sits
    in the coverage evidence, tagged, and coverage scored high."""
    coverage = CriterionScore(
        "coverage", "Correctness and coverage", 1.0, 0.6, "covers most key points",
        evidence=(f"{WRONG}  [contradicts: {NOTE['text']} (variance vs bias)]", f"{WRONG}  [covers: {NOTE['text']}]"),
        missing=(BOOSTING,),
    )  # fmt: skip
    structure = CriterionScore("structure", "Structure", 0.9, 0.4, "focused", evidence=(WRONG,))
    claims = (ClaimCheck(WRONG, "contradicted", NOTE, "variance vs bias"),) if with_claims else ()
    return ScoreResult(
        total, (coverage, structure), (), "deep-dive-l2", 0.9,
        contradictions=({"answer": WRONG, "edit": "variance vs bias", **NOTE},), claims=claims,
    )  # fmt: skip


def good_score(total: float) -> ScoreResult:
    coverage = CriterionScore(
        "coverage", "Correctness and coverage", 0.8, 0.6, "covers most key points",
        evidence=(f"Boosting fits each model to the errors left.  [covers: {BOOSTING['text']}]",),
    )  # fmt: skip
    structure = CriterionScore("structure", "Structure", 0.6, 0.4, "focused")
    return ScoreResult(total, (coverage, structure), (), "deep-dive-l2", 0.9)


def test_the_card_shows_a_contradiction_once_with_a_cross_and_never_as_evidence() -> None:
    for with_claims in (True, False):  # claims checked, or an older score with contradictions only
        card, folded = score_card(Turn(question(1), WRONG, wrong_score(0.66, with_claims=with_claims)))
        assert str(card["content"]).split("\n\n")[-1] == (
            "**Your notes say otherwise:**\n"
            "- ✗ “Bagging reduces bias\\.” contradicts your notes, which say “Bagging reduces variance\\.” "
            "(ml/ensembles\\.md › Bagging)"
        )
        assert folded["content"] == ("- ✗ missing: Boosting reduces bias\\. (`ml/ensembles.md › Boosting`)")
        assert folded["metadata"]["title"] == "Evidence and 1 missing point"


def test_the_fold_counts_missing_points_in_words() -> None:
    two = ScoreResult(0.5, (CriterionScore("coverage", "Coverage", 0.5, 1.0, "", ("A.",), (NOTE, BOOSTING)),), (),
                      "r", 0.9)  # fmt: skip
    none = ScoreResult(0.9, (CriterionScore("coverage", "Coverage", 0.9, 1.0, "", ("A.",), ()),), (), "r", 0.9)
    titles = [score_card(Turn(question(1), "A.", score))[1]["metadata"]["title"] for score in (two, none)]
    assert titles == ["Evidence and 2 missing points", "Evidence and 0 missing points"]


def test_the_transcript_never_lists_a_contradicted_sentence_as_evidence() -> None:
    markdown = build_markdown("S", STARTED, "deep-dive", "standard", [Turn(question(1), WRONG, wrong_score(0.66))])
    evidence = markdown.split("**Evidence:**\n\n", 1)[1].split("\n\n", 1)[0]
    assert evidence.splitlines() == [
        "- ✗ missing: Boosting reduces bias. (`ml/ensembles.md` > Boosting)",
        "- ✗ “Bagging reduces bias.” contradicts your notes, which say “Bagging reduces variance.” "
        "(ml/ensembles.md › Bagging)",
    ]


def test_strengths_count_only_answers_that_contradicted_nothing() -> None:
    # Two confidently wrong answers (coverage 1.00 each) and one good one: coverage averaged 0.93 over the three,
    # which the Strengths once praised; over the one sound answer it is 0.80.
    turns = [
        Turn(question(1), WRONG, wrong_score(0.72)),
        Turn(question(2), WRONG, wrong_score(0.74)),
        Turn(question(3, "Boosting"), "Boosting fits each model to the errors left.", good_score(0.71)),
    ]
    markdown = build_markdown("S", STARTED, "deep-dive", "standard", turns)
    strengths = markdown.split("## Strengths\n\n", 1)[1].split("\n## ", 1)[0]
    assert strengths.strip().splitlines() == [
        "What averaged 0.70 or more, counting only answers that contradicted nothing in your notes "
        "(turns 1, 2 left out):",
        "",
        "- Topic **Boosting**: mean score 0.71",
        "- Correctness and coverage: mean 0.80 over 1 answer",
        "- Best answer: turn 3 (Boosting, level 2 explain), score 0.71",
    ]


def test_only_wrong_answers_leave_no_strength() -> None:
    turns = [Turn(question(1), WRONG, wrong_score(0.9)), Turn(question(2), WRONG, wrong_score(0.8))]
    strengths = build_markdown("S", STARTED, "deep-dive", "standard", turns).split("## Strengths\n\n", 1)[1]
    assert strengths.split("\n", 1)[0] == (
        "- Nothing averaged 0.70 or more yet, counting only answers that contradicted nothing in your notes "
        "(turns 1, 2 left out): start with the list below."
    )


def test_one_rounding_for_a_score_in_the_table_the_card_and_the_chart() -> None:
    # 0.385 is stored as 0.38500000000000000888: two decimals say 0.39; round(38.5) said 38 in the chart.
    turns = [Turn(question(1), "Boosting fits each model to the errors left.", good_score(0.385))]
    markdown = build_markdown("S", STARTED, "deep-dive", "standard", turns)
    table = re.search(r"^\| 1 \| Ensembles \| 2 explain \| (\S+) \|", markdown, re.M)
    assert table is not None and table.group(1) == "0.39"
    chart = next(line for line in trajectory_text(turns).split("\n") if line.strip().startswith("score %"))
    assert chart.split()[2:] == ["39"]
    assert str(score_card(turns[0])[0]["content"]).startswith("**Score 0.39** / 1.00")


def test_evidence_is_dropped_only_for_the_contradicted_sentence_itself() -> None:
    from interviewer.reports.claims import sound_evidence

    score = ScoreResult(0.5, (), (), "case-l2", 0.9, claims=(ClaimCheck("It is.", "contradicted", NOTE, "flip"),))
    evidence = ["clarify: It is.", "It is.  [covers: x]", "It is. Bagging averages many trees.", "It is clear."]
    assert sound_evidence(score, evidence) == ["It is. Bagging averages many trees.", "It is clear."]
