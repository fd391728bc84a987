"""A sizing case's stage questions name the number it asks for ("how many Tollgate Tutors should hire this year"), not
"the number for Tollgate Tutors" (round 102: a number of nothing to both blind raters); a prompt read out as a block
that says what it asks keeps its ask over a later turn of the mock; and the opening of a prep-book prompt keeps "The
ops director asks: how much ...?". Notes of my own in the shapes rounds 101-102 showed."""

from __future__ import annotations

import random

import pytest

from interviewer.core.domain import CaseKind
from interviewer.interview.case_givens import spoken
from interviewer.interview.case_quantity import asked_quantity, with_quantity_named
from interviewer.interview.case_questions import case_draft
from interviewer.interview.cases import case_facts
from interviewer.interview.templates import load_templates
from tests.helpers import chunks_of


@pytest.mark.parametrize(
    ("text", "business", "clause"),
    [
        (
            "Every May we get swamped. How many should Tollgate Tutors hire this year?",
            "Tollgate Tutors",
            "how many Tollgate Tutors should hire this year",
        ),
        (
            "The head of ops asks: how much flour should we order for December?",
            "Kneadwell",
            "how much flour Kneadwell should order for December",
        ),
        (
            "How many charging bays do we actually need by spring?",
            "Plugway",
            "how many charging bays Plugway actually needs by spring",
        ),
        (
            "How many vans should the depot run, and what will they cost?",
            "Roundly",
            "how many vans the depot should run",
        ),
        ("The owner wants to know how big the problem is and whether to act.", "Coilhouse", "how big the problem is"),
        ("She asks how many lockers it needs by June.", "Boxmere", "how many lockers Boxmere needs by June"),
        ("How big is the backlog?", "Filewise", "how big the backlog is"),
    ],
)
def test_the_number_a_case_asks_for_is_read_as_a_clause(text: str, business: str, clause: str) -> None:
    assert asked_quantity(text, business) == clause


@pytest.mark.parametrize(
    "text",
    [
        "She wants to know how much extra volume that means.",  # points back: "that" of nothing in the question
        "How many of those should we keep?",  # points back too
        "Kneadwell bakes bread for 40 cafés.",  # asks nothing
    ],
)
def test_no_clause_where_the_words_ask_for_no_number_a_question_can_name(text: str) -> None:
    assert asked_quantity(text, "Kneadwell") == ""


def test_a_stage_question_names_the_number_in_place_of_the_number_for_the_business() -> None:
    quantity = "how many Tollgate Tutors should hire this year"
    assert (
        with_quantity_named(
            "How would you estimate the number for Tollgate Tutors? Walk me through it.", "Tollgate Tutors", quantity
        )
        == "How would you estimate how many Tollgate Tutors should hire this year? Walk me through it."
    )
    assert with_quantity_named(
        "How wrong could your number for Tollgate Tutors be, and what would you say?", "Tollgate Tutors", quantity
    ).startswith("Once you have an estimate of how many Tollgate Tutors should hire this year, how wrong could it be,")
    unchanged = "How would you estimate the number for Tollgate Tutors?"
    assert with_quantity_named(unchanged, "Tollgate Tutors", "") == unchanged


MOCK = (
    'Mock with Priya, Thursday, ~40 min on a call. Priya played "Head of Product at Ladle Club" (made-up recipe '
    "subscription). Writing it up the same night.\n\n"
    "Setup Priya read out:\n\n"
    "> Ladle Club has 96,000 paying members at £8.99/month. Our COO thinks a lot of members cancel and rejoin to "
    "get the welcome discount again. He wants to know how big the problem is and whether we should stop it. You've "
    "got the billing history.\n\n"
    "---\n\n"
    "**Me:** What counts as rejoining, any gap at all?\n\n"
    "**Priya:** Say a cancel and a new sign-up on the same card within 90 days.\n\n"
    "**Me:** OK. Then I'd count cards with two sign-ups in 90 days.\n\n"
    "I spent ten minutes on how to match cards across accounts. Then:\n\n"
    "**Priya:** Fine, but I asked two things and you've answered neither. What do I tell the COO?\n\n"
    "Fair point. I gave a rough number: 6% of sign-ups last year were rejoins → about 5,800 a year.\n"
)


def test_a_prompt_read_out_as_a_block_keeps_its_ask_over_a_later_turn_of_the_mock() -> None:
    facts = case_facts(chunks_of("09_mock_ladle_club.md", MOCK))
    assert "He wants to know how big the problem is and whether we should stop it." in facts.opening, facts.opening
    assert "answered neither" not in facts.opening, facts.opening
    assert "£8.99 a month" in facts.opening  # said as words, like every other prompt
    assert facts.kind is CaseKind.SIZING


BOOK = (
    "# Prep book, ch. 4 (forecasting), case 4.1 — Kneadwell\n\n"
    "Did it timed, then read the answer.\n\n"
    "> *Kneadwell is a bakery that supplies bread to 40 cafés in Leeds. Almost all its trade is weekday mornings. "
    "Flour must be ordered "
    "from the mill six weeks ahead. Last December it ran out twice and turned away about 900 loaves. The head of ops "
    "asks: how much flour should we order for December?*\n\n"
    "## My attempt\n\nTop-down on loaves: 40 cafés × 60 loaves a day ≈ 2,400 a day.\n"
)


def test_a_prep_book_prompts_number_asked_is_said_in_the_opening_and_named_in_its_stages() -> None:
    chunks = chunks_of("10_prepbook_kneadwell.md", BOOK)
    facts = case_facts(chunks)
    assert facts.opening.endswith("The head of ops asks: how much flour should we order for December?"), facts.opening
    draft = case_draft(
        "data", chunks[0].topic, chunks, [], None, load_templates(), random.Random(1), set(), False, None, ""
    )
    assert "how much flour Kneadwell should order for December" in draft.text, draft.text
    assert "the number for" not in draft.text


def test_a_figure_after_an_article_is_said_roughly() -> None:
    assert spoken("Every job has a ~6h window.") == "Every job has a roughly 6h window."
    assert spoken("A peak day has ~3,100 jobs.") == "A peak day has about 3,100 jobs."
