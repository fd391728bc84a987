"""The difficulty policy: an Elo-style rating per topic; the next level is the one whose expected score is
nearest the mode's target (0.7 standard: stretch but succeed; 0.4 challenge: push). Pure and deterministic."""

from __future__ import annotations

import math
from dataclasses import dataclass

from interviewer.core.domain import Mode

__all__ = ["DEFAULT_POLICY", "STRONG", "WEAK", "PolicyConfig", "expected_score", "next_level", "update_rating"]

WEAK = 0.35  # an answer below this is weak: standard mode steps down and hints
STRONG = 0.7  # an answer at or above this is strong: challenge mode climbs fast


@dataclass(frozen=True)
class PolicyConfig:
    """Tuning of the policy; the defaults are the product's."""

    scale: float = 0.8  # rating units per logit: how sharply expected score falls with level
    start_rating: float = 1.5
    k_standard: float = 2.0
    k_challenge: float = 1.0
    k_challenge_strong: float = 2.2  # challenge mode climbs faster after strong answers
    target_standard: float = 0.7
    target_challenge: float = 0.4


DEFAULT_POLICY = PolicyConfig()


def expected_score(rating: float, level: int, config: PolicyConfig = DEFAULT_POLICY) -> float:
    """The score a candidate of this rating is expected to get at this level."""
    return 1.0 / (1.0 + math.exp((level - rating) / config.scale))


def update_rating(rating: float, level: int, score: float, mode: Mode, config: PolicyConfig = DEFAULT_POLICY) -> float:
    """The rating after an answer: moved by the surprise (score minus expected score)."""
    if mode is Mode.CHALLENGE:
        k = config.k_challenge_strong if score >= STRONG else config.k_challenge
    else:
        k = config.k_standard
    return min(6.0, max(0.0, rating + k * (score - expected_score(rating, level, config))))


def next_level(
    rating: float,
    mode: Mode,
    last_level: int | None,
    last_score: float | None,
    previous_score: float | None,
    config: PolicyConfig = DEFAULT_POLICY,
) -> int:
    """The level of the next new question.

    Standard: the level nearest the 0.7 target, and after a weak answer strictly below the last level.
    Challenge: nearest the 0.4 target, never below the last level after a single weak answer (only after two)."""
    target = config.target_challenge if mode is Mode.CHALLENGE else config.target_standard
    level = min(range(1, 6), key=lambda lv: (abs(expected_score(rating, lv, config) - target), lv))
    if last_level is None or last_score is None:
        return level
    if mode is Mode.STANDARD:
        if last_score < WEAK:
            return max(1, min(level, last_level - 1))
        return level
    two_weak = previous_score is not None and previous_score < WEAK and last_score < WEAK
    if last_score >= STRONG:
        return max(level, min(5, last_level + 1))
    return level if two_weak else max(level, last_level)
