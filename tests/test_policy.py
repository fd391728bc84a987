"""The difficulty policy: table tests and golden sequences."""

from __future__ import annotations

import pytest

from interviewer.core.domain import Mode
from interviewer.core.policy import STRONG, WEAK, expected_score, next_level, update_rating


def run(mode: Mode, scores: list[float], rating: float = 1.5) -> list[int]:
    """Levels asked when a candidate gives these scores, one new question after another."""
    levels: list[int] = []
    last_level = last = previous = None
    for score in scores:
        level = next_level(rating, mode, last_level, last, previous)
        levels.append(level)
        rating = update_rating(rating, level, score, mode)
        previous, last, last_level = last, score, level
    return levels


def test_golden_challenge_strong_climbs_to_design_fast() -> None:
    assert run(Mode.CHALLENGE, [0.9] * 6) == [2, 3, 4, 5, 5, 5]


def test_golden_standard_strong_climbs_slower() -> None:
    levels = run(Mode.STANDARD, [0.9] * 6)
    assert levels == [1, 1, 2, 2, 2, 3]
    assert max(levels) < 5


def test_golden_standard_weak_steps_down_and_stays_low() -> None:
    assert run(Mode.STANDARD, [0.0] * 5, rating=3.5) == [3, 1, 1, 1, 1]


def test_challenge_never_steps_down_after_one_weak_answer_but_does_after_two() -> None:
    assert next_level(3.0, Mode.CHALLENGE, last_level=4, last_score=0.1, previous_score=0.9) >= 4
    assert next_level(1.0, Mode.CHALLENGE, last_level=4, last_score=0.1, previous_score=0.1) < 4


@pytest.mark.parametrize("rating", [0.5, 1.5, 2.5, 3.5, 4.5])
def test_challenge_asks_at_least_as_hard_as_standard(rating: float) -> None:
    assert next_level(rating, Mode.CHALLENGE, None, None, None) >= next_level(rating, Mode.STANDARD, None, None, None)


@pytest.mark.parametrize("score", [0.0, 0.2, WEAK - 0.01])
@pytest.mark.parametrize("last_level", [2, 3, 4, 5])
def test_standard_never_asks_harder_after_a_weak_answer(score: float, last_level: int) -> None:
    for rating in (1.0, 3.0, 6.0):
        assert next_level(rating, Mode.STANDARD, last_level, score, None) < last_level


def test_expected_score_falls_with_level_and_rating_moves_with_surprise() -> None:
    assert expected_score(3, 1) > expected_score(3, 3) > expected_score(3, 5)
    assert update_rating(3, 3, 1.0, Mode.STANDARD) > 3 > update_rating(3, 3, 0.0, Mode.STANDARD)
    assert update_rating(3, 3, STRONG, Mode.CHALLENGE) - 3 > update_rating(3, 3, STRONG, Mode.STANDARD) - 3
