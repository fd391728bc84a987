"""Meaning over vocabulary, part two: contrasts the notes teach, compounds, echoes, terse notes, advice
bullets under "Pitfalls", formula figures, and answers whose form has no substance behind it."""

from __future__ import annotations

import numpy as np
import pytest

from interviewer.scoring.claims import Relation, match_claims
from interviewer.scoring.contrasts import NO_CONTRASTS, note_contrasts
from interviewer.scoring.evasion import states_something
from interviewer.scoring.lexicon import terms
from interviewer.scoring.numbers import number_conflict, quantities
from interviewer.scoring.pitfalls import is_pitfall
from interviewer.scoring.polarity import Stance, clauses, reversal, term_reversal
from interviewer.scoring.scorer import Scorer
from tests.helpers import note_scorer


@pytest.mark.parametrize(
    ("texts", "pair"),
    [
        (["ROWS vs RANGE: ROWS = physical rows"], (("rows",), ("range",))),
        (["## Gradient boosting vs. random forest"], (("gradient", "boosting"), ("random", "forest"))),
        (["Platt scaling versus isotonic regression"], (("platt",), ("isotonic",))),
        (["Unlike the encoder, the decoder attends to earlier outputs"], (("encoder",), ("decoder",))),
        (["Bagging reduces variance, whereas boosting reduces bias."], (("bagging",), ("boosting",))),
        (["Report the median rather than the mean"], (("median",), ("mean",))),
        (["What is the difference between treatment and control?"], (("treatment",), ("control",))),
    ],
)
def test_contrasts_are_read_from_the_notes_own_words(texts: list[str], pair: tuple[object, object]) -> None:
    assert note_contrasts(texts).pairs == (pair,)


def test_a_phrase_without_a_distinct_word_names_no_side() -> None:
    # "RANK" is in both sides: nothing tells the sides apart, so no pair is made up.
    assert note_contrasts(["Difference between RANK and DENSE_RANK?"]).pairs == ()
    assert note_contrasts(["Nothing contrasted here, just a statement."]) == NO_CONTRASTS


def test_saying_of_one_side_what_the_notes_say_of_the_other_is_caught_on_a_pair_only_the_notes_teach() -> None:
    note = "ROWS vs RANGE: RANGE groups ties in ORDER BY together"
    answer = "ROWS groups ties in ORDER BY together."
    contrasts = note_contrasts([note])
    sim = np.full((1, 1), 0.8, dtype=np.float32)
    lexicon_only = match_claims([answer], [note], sim)
    with_notes = match_claims([answer], [note], sim, contrasts=contrasts)
    assert lexicon_only.sentences[0].relation is Relation.SUPPORTED
    assert with_notes.sentences[0].relation is Relation.CONTRADICTED
    assert "rows" in with_notes.sentences[0].reason and "range" in with_notes.sentences[0].reason


def test_both_sides_of_a_note_pair_stated_correctly_is_support() -> None:
    note = "Unlike the encoder, the decoder masks future tokens"
    sim = np.full((1, 1), 0.8, dtype=np.float32)
    claims = match_claims(["The decoder masks future tokens."], [note], sim, contrasts=note_contrasts([note]))
    assert claims.sentences[0].relation is Relation.SUPPORTED


@pytest.mark.parametrize(
    ("answer", "note"),
    [
        (
            "Impurity importance is biased toward low-cardinality features",
            "impurity importance biased toward high-cardinality features",
        ),
        ("Silhouette favours non-convex clusters", "silhouette favours convex clusters"),
        ("K-means converges to the global minimum", "k-means converges to a local minimum"),
        ("K-means maximizes the within-cluster sum of squares", "k-means minimizes the within-cluster sum of squares"),
        ("K-means assumes clusters of different density", "k-means assumes clusters of similar density"),
    ],
)
def test_compounds_and_more_antonyms_turn_a_claim_round(answer: str, note: str) -> None:
    assert reversal(answer, note) is not None


def test_a_compound_keeps_its_meaning_when_restated() -> None:
    stance, _ = term_reversal(terms("a high-variance model overfits"), terms("high-variance model: overfits"))
    assert stance is Stance.KEEPS
    assert [t.key for t in terms("non-linear")] == ["linear|nonlinear"]  # the lexicon's own entry wins


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        ("lr too high -> loss NaN / explodes", ["lr too high", "loss NaN / explodes"]),
        (
            "LAST_VALUE returns current row, not last of partition",
            ["LAST_VALUE returns current row", "not last of partition"],
        ),
        ("batch x k => lr x k", ["batch x k", "lr x k"]),
    ],
)
def test_terse_notes_split_at_arrows_and_denials(sentence: str, parts: list[str]) -> None:
    assert clauses(sentence) == parts


def test_a_denial_after_a_comma_is_its_own_claim_and_can_be_reversed() -> None:
    denial = clauses("Lloyd iterations converge fast, not to the optimal clustering")[1]
    assert reversal("they reach the optimal clustering", denial) is not None
    assert reversal("they never get the optimal clustering", denial) is None


@pytest.mark.parametrize(
    ("text", "pitfall"),
    [
        ("Fitting the scaler on the full dataset before splitting.", True),
        ("Forgetting to rescale lr when changing batch size", False),
        ("Test set must keep real prevalence", False),
        ("Not scaling features before k-means", False),
    ],
)
def test_advice_and_omissions_under_pitfalls_are_not_mistakes_to_recommend(text: str, pitfall: bool) -> None:
    assert is_pitfall(text, "Pitfalls") is pitfall


def test_recommending_the_advice_of_a_pitfalls_section_is_not_a_contradiction() -> None:
    note = "Forgetting to rescale lr when changing batch size"
    sim = np.full((1, 1), 0.8, dtype=np.float32)
    claims = match_claims(
        ["When you change the batch size you should rescale the learning rate."],
        [note],
        sim,
        pitfalls=[is_pitfall(note, "Pitfalls")],
    )
    assert claims.sentences[0].relation is not Relation.CONTRADICTED


def test_figures_in_formulas_and_after_their_names() -> None:
    assert [(q.text, q.unit) for q in quantities("alpha=.05, power=.8")] == [(".05", "alpha"), (".8", "power")]
    assert [(q.text, q.unit) for q in quantities("alpha 0.05 and power 0.8")] == [("0.05", "alpha"), ("0.8", "power")]
    assert [(q.text, q.unit) for q in quantities("about 16σ²/δ² per group")] == [("16", "")]
    note = "rule of thumb: n per group ≈ 16 sigma^2/delta^2 for alpha=.05, power=.8"
    assert number_conflict("for alpha 0.05 and power 0.8 it is about 16σ²/δ²", note) is None
    assert number_conflict("for alpha 0.05 and power 0.8 you need 16 users per group", "16 users per group") is None
    assert number_conflict("for alpha 0.05 and power 0.8 you need 160 users per group", "16 users per group")


@pytest.mark.parametrize(
    ("sentence", "states"),
    [
        ("Labels are always tricky in fraud.", False),
        ("It depends on the company's processes.", False),
        ("Fraud labels do matter, it depends on the dataset.", False),
        ("Chargebacks arrive 30 to 90 days late, so recent labels are incomplete.", True),
        ("Variance, mostly.", True),
    ],
)
def test_a_sentence_that_only_echoes_the_question_states_nothing(sentence: str, states: bool) -> None:
    assert (
        states_something(sentence, "What problems do the fraud labels have, and how do you deal with them?") is states
    )


def test_an_echoing_sentence_covers_no_point_however_close_its_topic() -> None:
    points = ["labels: chargebacks + confirmed fraud reports"]
    answer = ["Labels are always tricky in fraud.", "Chargebacks and confirmed fraud reports are the labels."]
    sim = np.array([[0.8], [0.8]], dtype=np.float32)
    echo = match_claims(answer, points, sim, empty=frozenset({0}))
    assert echo.point_sentence == (1,)
    only_echo = match_claims(answer[:1], points, sim[:1], empty=frozenset({0}))
    assert only_echo.point_strength == (0.0,) and only_echo.sentences[0].relation is Relation.NOT_IN_NOTES


FRAUD = """# Fraud labels

## Label problems
- Chargebacks arrive 30-90 days after the transaction, so the most recent weeks have unlabeled fraud.
- Declined transactions never get an outcome: selective labels.
- Treat the last 90 days as partially labeled, or wait before training on them.

## Features
- Standardise numeric features first, because k-means uses Euclidean distance and spend would dominate.
- Choose k with the elbow of inertia against k.
- Confirm k with the silhouette score.
"""


@pytest.fixture(scope="module")
def scorer(tmp_path_factory: pytest.TempPathFactory) -> Scorer:
    return note_scorer(tmp_path_factory.mktemp("depth"), {"fraud.md": FRAUD}, reference_chunks=2)


def test_a_hedge_that_echoes_the_question_scores_at_most_0_1(scorer: Scorer) -> None:
    question = "What problems do the fraud labels have, and how do you deal with them?"
    hedge = (
        "Labels are always tricky in fraud. It depends on the company's processes. I'd ask the team, because they know."
    )
    real = "Chargebacks come 30-90 days late, so recent weeks look clean when they are not; I'd wait before training."
    hedged = scorer.score(question, hedge, kind="deep-dive", level=2)
    assert hedged.total <= 0.1
    assert hedged.criterion("reasoning").score == 0.0  # a "because" around nothing is form without substance
    assert scorer.score(question, real, kind="deep-dive", level=2).total > 0.3


def test_giving_the_notes_own_figure_states_a_rule_of_thumb_whatever_the_dash() -> None:
    point = "keep enough components for a target share of cumulative variance, e.g. 90–95%"
    answer = ["Typically I'd keep 90-95% of the cumulative variance, and check the scree plot."]
    sim = np.array([[0.5]], dtype=np.float32)
    assert match_claims(answer, [point], sim).point_strength[0] >= 0.65
    wrong = ["Typically I'd keep 50% of the cumulative variance, and check the scree plot."]
    assert match_claims(wrong, [point], sim).point_strength[0] < 0.6  # a different figure earns no such credit


def test_the_card_says_every_step_from_the_criteria_to_the_total(scorer: Scorer) -> None:
    import math
    import re

    from interviewer.core.score import ScoreResult
    from interviewer.scoring.evidence import Thresholds

    question = "What problems do the fraud labels have, and how do you deal with them?"
    answer = (
        "Chargebacks arrive 30-90 days after the transaction, so the most recent weeks look clean. "
        "Fraud labels are noisy because analysts disagree about edge cases. "
        "I would also compare the labels with the support tickets of the month."
    )
    result = scorer.score(question, answer, kind="deep-dive", level=2)
    assert result.adjustments, result
    factors = [float(m.group(1)) for step in result.adjustments if (m := re.match(r"x(\d\.\d\d)", step))]
    gate = next((f for step, f in zip(result.adjustments, factors, strict=False) if "partly" in step), 1.0)
    share = Thresholds().on_topic_share
    weighted = (1 - share) * sum(c.score * c.weight for c in result.criteria) + share * gate
    assert math.isclose(weighted * math.prod(factors), result.total, abs_tol=0.02)
    assert ScoreResult.from_json(result.to_json()).adjustments == result.adjustments


def test_an_answer_off_the_question_is_said_to_be_so_not_partly(scorer: Scorer) -> None:
    question = "What problems do the fraud labels have, and how do you deal with them?"
    result = scorer.score(question, "Transformers use attention over all tokens of a sentence.", level=2)
    assert result.total <= 0.1
    assert any("not about the question" in step for step in result.adjustments), result.adjustments
    assert not any("partly" in step for step in result.adjustments)
