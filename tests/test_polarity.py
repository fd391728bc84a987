"""Polarity and numbers on hand-written pairs: what reverses a note's claim, and what only rewords it."""

from __future__ import annotations

import pytest

from interviewer.scoring.lexicon import terms
from interviewer.scoring.numbers import number_conflict, quantities
from interviewer.scoring.polarity import Stance, clauses, reversal, term_reversal

REVERSED = [
    # negation, in its several spellings
    (
        "A feed-forward network cannot solve non-linear problems.",
        "Neural nets are good at solving non-linear problems.",
    ),
    ("Missing values carry no information.", "Missingness itself can be informative."),
    ("Tree models do need feature scaling.", "Tree models don't need feature scaling."),
    ("Accuracy is never a good metric on imbalanced data.", "Accuracy is a good metric on imbalanced data."),
    ("Fit the final model without early stopping.", "Fit the final model with early stopping."),
    # antonyms on the same axis
    ("Neural networks are fundamentally linear models.", "Neural networks are non-linear models."),
    ("L1 regularisation gives dense weights.", "L1 regularisation gives sparse weights."),
    ("Clustering is a supervised method.", "Clustering is an unsupervised method."),
    ("The model underestimates the risk.", "The model overestimates the risk."),
    ("Trees in a random forest are trained sequentially.", "Trees in a random forest are trained in parallel."),
    # directions on a shared object
    ("Recall falls as the threshold drops.", "Recall rises as the threshold drops."),
    ("A wider interval comes from a larger sample.", "A narrower interval comes from a larger sample."),
    ("Adding more trees increases the variance of a random forest.", "Adding trees reduces the variance of a forest."),
    ("A higher learning rate needs more rounds.", "A lower learning rate needs more rounds."),
    # named concepts swapped
    (
        "Bagging mainly lowers bias, boosting mainly lowers variance.",
        "Bagging mainly lowers variance, boosting mainly lowers bias.",
    ),
    ("Boosting reduces variance by averaging.", "Bagging reduces variance by averaging."),
    ("Ridge sets some coefficients exactly to zero.", "Lasso sets some coefficients exactly to zero."),
    ("Bagging mainly reduces bias.", "Bagging reduces variance, boosting reduces bias."),
]
KEPT = [
    ("When you lower the threshold, recall goes up.", "Recall rises as the threshold drops."),
    ("Larger samples give narrower intervals.", "A narrower interval comes from a larger sample."),
    ("Larger samples do not give wider intervals.", "Larger samples give narrower intervals."),
    ("Bagging mainly reduces variance.", "Bagging reduces variance, boosting reduces bias."),
    ("Boosting mainly reduces bias.", "Bagging reduces variance, boosting reduces bias."),
    ("Boosting mainly reduces bias.", "Boosting mainly lowers bias, and it can overfit if you add too many rounds."),
    ("Tree models don't need feature scaling.", "Scaling is not needed for tree models."),
    ("Without scaling, kNN distances are dominated by large features.", "kNN needs scaled features."),
    ("kNN fails without scaling.", "kNN needs scaling."),
    ("It is not only about accuracy: calibration matters too.", "Calibration matters too."),
    (
        "Beta above 1 weights recall more and below 1 weights precision more.",
        "beta > 1 weights recall more, beta < 1 weights precision more.",
    ),
    (
        "I'd use one global model rather than one model per series.",
        "A global model usually beats one model per series.",
    ),
    (
        "Pick n_estimators by early stopping on a separate validation split.",
        "Choose it with early stopping on a validation set.",
    ),
]


@pytest.mark.parametrize(("answer", "note"), REVERSED)
def test_reversed_claims_are_caught(answer: str, note: str) -> None:
    assert reversal(answer, note) is not None


@pytest.mark.parametrize(("answer", "note"), KEPT)
def test_restated_claims_are_not_reversals(answer: str, note: str) -> None:
    assert reversal(answer, note) is None


def test_two_flips_on_the_same_words_are_another_claim_not_support() -> None:
    stance, why = term_reversal(terms("Boosting reduces bias."), terms("Bagging reduces variance."))
    assert stance is Stance.DIFFERS and "boosting" in why


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Bagging mainly reduces variance; boosting mainly reduces bias.", 2),
        ("It is linear, so it cannot solve XOR.", 2),
        ("L1 zeroes weights whereas L2 shrinks them.", 2),
        ("Early stopping picks the number of rounds.", 1),
    ],
)
def test_clauses_split_contrasts_and_reasons(sentence: str, expected: int) -> None:
    assert len(clauses(sentence)) == expected


@pytest.mark.parametrize(
    ("answer", "note"),
    [
        ("Hold out 3-5% of traffic.", "Hold out 3% of traffic."),
        ("Between 3 and 5 percent of traffic.", "Hold out 3% of traffic."),
        ("Use alpha of 5%.", "Use an alpha of 0.05."),
        ("About 14,400 users per group.", "Roughly 14400 users per group are needed."),
        ("Run it for two weeks at 80% power.", "Aim for 80% power."),
        ("Use 1,000 bootstrap resamples.", "Use 1000 bootstrap resamples."),
    ],
)
def test_consistent_figures_are_not_contradictions(answer: str, note: str) -> None:
    assert number_conflict(answer, note) is None


@pytest.mark.parametrize(
    ("answer", "note"),
    [
        ("Hold out 30% of traffic.", "Hold out 3% of traffic."),
        ("Aim for 50% power.", "Aim for 80% power."),
        ("Use 10 bootstrap resamples.", "Use 1000 bootstrap resamples."),
    ],
)
def test_clearly_different_figures_contradict(answer: str, note: str) -> None:
    assert number_conflict(answer, note) is not None


def test_figures_given_in_the_question_are_left_out() -> None:
    question = "Baseline conversion is 10%: how many users do you need?"
    assert (
        number_conflict("At 10% baseline you need 14,400 users.", "Baseline 10% needs 14400 users.", question) is None
    )
    assert number_conflict("At 10% baseline you need 144 users.", "Baseline 10% needs 14400 users.", question)


def test_ranges_are_read_as_ranges() -> None:
    (found,) = quantities("3-5%")
    assert (found.low, found.high, found.percent) == (3.0, 5.0, True)


def test_figures_that_count_the_same_thing_must_agree() -> None:
    answer = "n is about 16 x 0.09 / 0.01 = 144 users per group."
    note = "n is about 16 * 0.09 / 0.0001 = 14,400 users per group."
    assert number_conflict(answer, note) == "states 144 user where the notes say 14,400"
    assert number_conflict("n is about 14,000 users per group.", note) is None


def test_two_figures_joined_by_and_are_not_a_range() -> None:
    alpha, power = quantities("alpha 0.05 and 80% power")
    assert (alpha.high, alpha.unit, power.low, power.percent, power.unit) == (0.05, "alpha", 80.0, True, "power")


def test_a_statement_never_contradicts_its_own_figures() -> None:
    note = "Velocity features: transactions per card in the last 10 minutes, 1 hour and 24 hours."
    assert number_conflict(note, note) is None
