"""A point the matcher did not credit is "missed" for certain only when no sentence of the answer uses its own words:
"compare the sites on expected incremental weekly orders" for "The answer reframes the question around incremental
orders" was a sure miss in a trial interview (session 18). Pure: no model, no embedder."""

from __future__ import annotations

from interviewer.scoring.evidence import _shared_words
from interviewer.scoring.keypoints import KeyPoint
from interviewer.scoring.verdicts import KeyEvidence, point_checks

POINT = "The answer reframes the question around incremental orders."
SAID = "I would compare the three sites on expected incremental weekly orders, minus cannibalisation."
OTHER = "I would ask the board how payback is measured."


def _evidence(shared: tuple[str, ...], sentence: str) -> KeyEvidence:
    point = KeyPoint(POINT, "notes/kitchen.md", "Kitchen", "c1")
    return KeyEvidence(point, 1.0, 0.0, "", "", None, "", "", "", shared=shared, shared_sentence=sentence)


def test_a_sentence_using_two_of_the_points_own_words_makes_its_miss_unsure() -> None:
    shared, sentence = _shared_words(POINT, [OTHER, SAID], [True, True], set())
    assert sentence == SAID and {"incremental", "orders"} <= set(shared), shared
    check = point_checks([_evidence(shared, sentence)])[0]
    assert check.verdict == "missed" and not check.sure and "incremental" in check.reason, check


def test_a_miss_stays_sure_when_no_sentence_uses_the_points_words_or_only_its_words_about_itself() -> None:
    # "answer" and "question" are the point's words about itself, never what it says.
    shared, sentence = _shared_words(POINT, [OTHER, "My answer to the question was short."], [True, True], set())
    assert shared == () and sentence == ""
    check = point_checks([_evidence(shared, sentence)])[0]
    assert check.verdict == "missed" and check.sure, check


def test_a_contradicting_sentence_shares_nothing() -> None:
    assert _shared_words(POINT, [SAID], [True], {0}) == ((), "")
