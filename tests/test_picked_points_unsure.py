"""A point picked for a question by nearness alone (a story case's statement filling a stage the note never ties it
to) is missed for certain never: "Nine fewer refinements ... ≈ $307k a quarter gross" was a sure miss of a strong
clarify answer on bench.case_scoring's held-out set. A point the question's item carries stays sure."""

from __future__ import annotations

from pathlib import Path

from interviewer.scoring.keypoints import KeyPoint
from tests.helpers import note_scorer

NOTE = "# A\n\nThe refinement policy started on 1 February for every subscription customer.\n"
GIVEN = KeyPoint("Ask what the finance team counts as worked before anything else.", "notes/a.md", "A", "a1")
TOLD = (
    KeyPoint("The regression discontinuity at the 85% cut-off compared customers either side.", "a.md", "A", "a2"),
    KeyPoint("Nine fewer refinements per hundred customers saved about $307k a quarter.", "notes/a.md", "A", "a3"),
)


def test_a_missed_point_picked_by_nearness_is_unsure_and_an_items_point_stays_sure(tmp_path: Path) -> None:
    scorer = note_scorer(tmp_path, {"a.md": NOTE})
    result = scorer.score(
        "Before you look at any data, what would you clarify about the refinement policy?",
        "The refinement policy started on 1 February for every subscription customer.",
        kind="case",
        stage="clarify",
        points=[GIVEN],
        candidates=TOLD,
        fill=2,
    )
    verdicts = {p.text: (p.verdict, p.sure) for p in result.points}
    assert verdicts[GIVEN.text] == ("missed", True), verdicts
    picked = [verdicts[p.text] for p in TOLD if p.text in verdicts]
    assert picked and all(v == ("missed", False) for v in picked), verdicts
    reasons = [p.reason for p in result.points if p.text != GIVEN.text]
    assert all("near this question" in r for r in reasons), reasons


def test_a_statement_the_question_says_is_never_a_key_point_it_is_scored_on(tmp_path: Path) -> None:
    # The statements nearest a question are often the ones it says: a case's own givens were scored as missed.
    note = (
        "# Kennel overbooking\n\nBarkridge Kennels runs a 60-pen boarding kennel outside a market town. "
        "No-shows differ between deposit-paid and unpaid bookings. A walked booking costs a night elsewhere "
        "plus goodwill.\n"
    )
    scorer = note_scorer(tmp_path, {"kennels.md": note})
    question = (
        "Barkridge Kennels runs a 60-pen boarding kennel outside a market town. "
        "How many bookings beyond capacity should it take?"
    )
    result = scorer.score(question, "I would look at no-shows by deposit.", kind="case", stage="clarify")
    texts = [p.text for p in result.points]
    assert texts and not [t for t in texts if "60-pen" in t], texts
