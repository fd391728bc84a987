"""Contradiction checks on hand-written pairs (none taken from the labelled set)."""

from __future__ import annotations

import pytest

from interviewer.scoring.contradictions import (
    contrast_pairs_in,
    find_contradiction,
    find_misattribution,
    find_number_mismatch,
    pair_agreement,
    statement_words,
)


@pytest.mark.parametrize(
    ("answer", "note"),
    [
        ("Recall falls as the threshold drops.", "Recall rises as the threshold drops."),
        (
            "Bagging mainly lowers bias, boosting mainly lowers variance.",
            "Bagging mainly lowers variance, boosting mainly lowers bias.",
        ),
        ("A wider interval comes from a larger sample.", "A narrower interval comes from a larger sample."),
    ],
)
def test_reversed_statements_are_caught(answer: str, note: str) -> None:
    assert find_contradiction(answer, note) is not None


@pytest.mark.parametrize(
    ("answer", "note"),
    [
        ("When you lower the threshold, recall goes up.", "Recall rises as the threshold drops."),
        ("Boosting attacks bias by fitting residuals.", "Bagging mainly lowers variance, boosting mainly lowers bias."),
        ("Larger samples give narrower intervals.", "A narrower interval comes from a larger sample."),
    ],
)
def test_paraphrases_are_not_contradictions(answer: str, note: str) -> None:
    assert find_contradiction(answer, note) is None


def test_support_from_another_note_statement_clears_a_sentence() -> None:
    answer = "Training error is low and validation error is high when the model overfits."
    note = "Underfitting: training error is high and validation error is high too."
    other = "Overfitting: training error is low and validation error is high."
    assert find_contradiction(answer, note, support=0) is not None
    strong_support = pair_agreement(statement_words(answer), statement_words(other))
    assert find_contradiction(answer, note, strong_support) is None


def test_misattribution_between_named_concepts() -> None:
    notes = [
        "Bagging trains trees in parallel on bootstrap samples and averages them.",
        "Boosting trains trees sequentially, each one fitting the errors of the previous ones.",
    ]
    pairs = contrast_pairs_in(notes)
    refs = [statement_words(n) for n in notes]
    wrong = statement_words("Bagging trains trees sequentially, each fitting the errors of the previous ones.")
    right = statement_words("Boosting fits each new tree to the errors of the previous trees, sequentially.")
    assert find_misattribution(wrong, refs, pairs) == "says of bagg what the notes say of boost"
    assert find_misattribution(right, refs, pairs) is None


def test_notes_name_their_own_contrasts() -> None:
    assert ("platt", "isotonic") in contrast_pairs_in(["Platt vs isotonic calibration"])
    assert ("holm", "hochberg") in contrast_pairs_in(["Holm versus Hochberg"])


def test_number_mismatch_ignores_numbers_from_the_question_and_single_digits() -> None:
    question = "What is the median of 3, 9, 12 and 40?"
    note = "The median of 3, 9, 12, 40 is 10.5."
    assert find_number_mismatch("The median is 11.", note, question) == "states 11 where the notes say 10.5"
    assert find_number_mismatch("The median is 10.5.", note, question) is None
    assert find_number_mismatch("Sort 3, 9, 12 and 40 first.", note, question) is None  # only the question's numbers
    assert find_number_mismatch("F1 is 2PR over P plus R.", "F1 = 2PR / (P + R)", "Define F1.") is None
    assert find_number_mismatch("Use 80% power.", "80% power and alpha 0.05 are the defaults.", "Power?") is None
