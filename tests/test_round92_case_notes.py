"""Round 92's misreadings, on notes of my own in the same shapes: a note-taker's line about when it was written, a
book cited with its edition and no brackets, an amount that rose from one sentence to the next beside a figure that
only grew, a policy asked as what each van should carry, and an encoding question built on notes that never name the
encoding."""

from __future__ import annotations

from interviewer.interview.case_givens import writes
from interviewer.interview.case_opening import moved_metric
from interviewer.interview.cases import case_facts
from interviewer.interview.combined import combined_items, load_repertoire
from interviewer.interview.statement_pool import statement_items
from tests.helpers import chunks_of, stage_drafts


def test_lines_about_when_it_was_written_and_which_book_it_came_from_are_the_note_takers() -> None:
    assert writes("Written the evening of Monday 6 May, on the bus home, so it's rough.")
    assert writes("From Casework Without Randomisation, Ada Quell, 3rd edition, case 9.")
    assert not writes("Written consent is needed before a patient joins the trial.")


def test_an_amount_that_rose_between_two_sentences_is_what_moved_not_a_figure_that_grew_beside_it() -> None:
    opening = (
        "Wrenbury pays riders a £3 bonus for long waits. Two months ago bonus pay was about £30k a month. Last month "
        "it was £95k. Orders grew 10% over the same period."
    )
    assert moved_metric(opening) == ("bonus pay", "rise")


def test_a_policy_asked_as_what_each_van_should_carry_is_asked_as_a_policy() -> None:
    note = (
        "# Mock with Ravi: the boiler engineers' vans\n\n"
        '> "Calderwick Heating services about 9,000 boilers. There are 60 engineers, each with a van. First-time fix '
        "rate is 68%. A van holds about 300 part lines and the catalogue has 1,900. The service director wants to know "
        'what each van should carry and how restocking should work. Go."\n\n'
        "I went straight to a Poisson model of demand per part, which was too early.\n"
    )
    facts = case_facts(chunks_of("mock_boiler_vans.md", note))
    assert facts.shape == "policy", facts.shape
    drafts = stage_drafts(chunks_of("mock_boiler_vans.md", note), ("frame", "data", "method", "evaluation"), 2)
    assert not [t for t in drafts if "label" in t or "model" in t or "the change" in t or "effect of" in t], drafts
    assert sum("policy" in t for t in drafts) >= 4, drafts


def test_an_encoding_question_needs_a_note_that_names_the_encoding() -> None:
    notes = {
        "testing.md": "# Testing ML code\n\n- Category encoders: test that unseen categories map to the other bucket "
        "and that the mapping is loaded from the artefact, not rebuilt at serving time.\n",
        "aic.md": "# AIC\n\n- Stone showed that AIC is asymptotically equivalent to leave-one-out cross-validation, "
        "which is what it is for: predictive accuracy on new data from the same process.\n",
    }
    statements = [item for name, text in notes.items() for c in chunks_of(name, text) for item in statement_items(c)]
    found = {i.concept for i in combined_items(statements, load_repertoire())}
    assert "encoding that flatters validation" not in found, found
