"""Evasive answers (issue 16, item 6): our own phrasings in a tuning and a held-out split, and a held-out list
written by someone who never saw the rules. Every evasion is flagged; hedged answers with substance are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.scoring.evasion import is_evasive, substance

DATA = Path(__file__).parent / "data"


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_the_phrasings_are_enough_and_a_third_is_held_out() -> None:
    tune, held_out = _lines("evasive_tune.txt"), _lines("evasive_holdout.txt")
    assert len(tune) + len(held_out) >= 30
    assert len(held_out) * 3 >= len(tune) + len(held_out) - 1
    assert not set(tune) & set(held_out)


@pytest.mark.parametrize("answer", _lines("evasive_tune.txt"))
def test_tuning_phrasings_are_evasive(answer: str) -> None:
    assert is_evasive(answer), substance(answer)


@pytest.mark.parametrize("answer", _lines("evasive_holdout.txt"))
def test_held_out_phrasings_are_evasive(answer: str) -> None:
    assert is_evasive(answer), substance(answer)


@pytest.mark.parametrize("answer", _lines("not_evasive_tune.txt"))
def test_hedged_answers_with_substance_are_not_evasive(answer: str) -> None:
    assert not is_evasive(answer)


@pytest.mark.parametrize(
    ("answer", "question"),
    [
        ("I've never used gradient boosting, sorry.", "How does gradient boosting work?"),
        ("Gradient boosting? Not sure, it's boosting with gradients.", "How does gradient boosting work?"),
    ],
)
def test_echoing_the_question_is_not_substance(answer: str, question: str) -> None:
    assert is_evasive(answer, question)
    assert not is_evasive("It fits each new tree to the residual errors of the ensemble so far.", question)


def test_a_terse_answer_without_any_evasion_is_not_evasive() -> None:
    assert not is_evasive("Variance, mostly averaging.", "What does bagging reduce?")
    assert not is_evasive("Because PCA is linear.", "Why is it that a Swiss-roll shaped manifold stays tangled?")
    assert is_evasive("Good question, honestly.", "Why is it that a Swiss-roll shaped manifold stays tangled?")


# Written by another helper who never saw the rules; a final measurement, never tuned on.
@pytest.mark.parametrize("answer", _lines("heldout_evasive.txt"))
def test_independent_held_out_evasions_are_evasive(answer: str) -> None:
    assert is_evasive(answer), substance(answer)


@pytest.mark.parametrize("answer", _lines("heldout_not_evasive.txt"))
def test_independent_held_out_answers_with_substance_are_not_evasive(answer: str) -> None:
    assert not is_evasive(answer), substance(answer)


BLANK = (
    "Conditional aggregation: SUM(CASE WHEN status = 'paid' THEN 1 ELSE ___ END) counts paid orders; "
    "what goes in the blank?"
)


@pytest.mark.parametrize(
    ("answer", "evasive"),
    [
        ("0", False),  # the value fills the blank: an answer, however short
        ("Zero.", False),
        ("SUM(CASE WHEN status = 'paid' THEN 1 ELSE 0 END) counts paid orders.", False),  # restated, blank filled
        ("I don't know, 1 maybe", True),  # a figure the question already holds, and a deflection
        ("", True),
    ],
)
def test_a_question_with_a_blank_is_answered_by_its_value(answer: str, evasive: bool) -> None:
    assert is_evasive(answer, BLANK) is evasive


def test_a_lone_figure_is_still_no_answer_to_an_open_question() -> None:
    assert is_evasive("42", "Why does bagging reduce variance?")
