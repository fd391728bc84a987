"""Round 101's misreadings, on notes of my own in the same shapes: a debrief whose case round opens on the
interviewer's name and role ("Callum Reyes, Commercial Director.") after other rounds, a mock write-up whose ask comes
after the set-up as "the actual ask, more or less word for word" and proposes to "put ... up 15%", and a prep-book
case whose model answer and lessons are headed sections (their statements had led stage questions)."""

from __future__ import annotations

import random

from interviewer.core.domain import CaseKind
from interviewer.interview.case_givens import spoken
from interviewer.interview.case_questions import case_draft
from interviewer.interview.cases import case_facts
from interviewer.interview.templates import load_templates
from tests.helpers import chunks_of

DEBRIEF = (
    "# Debrief — Larkspur Bikes final loop, written on the bus\n\n"
    "Three rounds, about 3h. Role: senior DS, pricing. Recruiter says Friday.\n\n"
    "**R1 SQL (45 min, w/ Ines).** Sessionise rides with LAG and a running SUM. Fine.\n\n"
    "**R2 ML (45 min).** Predict which new members cancel in 60 days. Framing ok; leakage again on support tickets.\n\n"
    "**R3 Case — the one to remember.** Priya Natt, Pricing Director. No slides, she just talked. Larkspur leases "
    "e-bikes to commuters, about 18,000 active leases. For the city model today: £39/month, and 40% of lease paid "
    "counts towards buying it at £900. The proposal on her desk: £45/month but 100% counts towards the £900. "
    '"Finance hates it, sales loves it. Should we do it?"\n\n'
    "I asked for the mix: about 30% return within a year, about 50% lease for two years, about 20% buy.\n\n"
    "## What to do better\n- Segment first, then walk each segment through the new rules.\n"
)

MOCK = (
    "# Mock #2 with Ola — Sparkhand (~40 min)\n\n"
    'Ola played "Head of Ops". Writing up the same evening.\n\n'
    "**Setup she gave me:** Sparkhand is an app that matches office managers in Leeds with evening cleaners. "
    "Offices close at 6pm and open at 8am. About 55% of the week's jobs land on Friday evenings. A Friday has "
    "about 1,400 jobs and only 81% get filled, vs 96% on other days.\n\n"
    'Then the actual ask, more or less word for word: *"Our CEO wants to put Friday cleaner pay up 20%. Is that the '
    'right call, and what would you do instead?"*\n\n'
    "**What I did**\n\nI sized it first: 1,400 × 81% ≈ 1,130 filled, so about 270 unfilled.\n\n"
    'Ola: "So the answer is no?"\n\nMe: "No to a flat raise."\n'
)

BOOK = (
    "# Prep book, ch. 4, case 4.2 — Tassel & Co\n\n"
    "Did this one timed, 20 min.\n\n"
    "> Tassel & Co hires graduation gowns at 9 UK universities. New stock must be ordered by 1 March. Last July it "
    'made 15,000 hires and "ran out" at 2 universities. How much new stock should Tassel & Co order?\n\n'
    "## My attempt\n\nTop-down on total hires: 15,000 × 1.03 ≈ 15,500.\n\n"
    "## Book's model answer (paraphrased)\n\n"
    "1. **Ask what ran out.** What ran out was the hoods at 2 universities, not the gowns, which are shared.\n"
    "2. **Forecast at the right grain.** With a 6-day turnaround a gown does about 3 ceremonies a season, so what "
    "matters is peak concurrent demand, not total hires.\n\n"
    "## Where I went wrong\n\n"
    "- The book's line: *\"a forecast is only as useful as its match to the decision's unit.\"*\n"
)


def test_a_debriefs_case_round_names_the_business_not_its_interviewer_and_keeps_the_ask() -> None:
    facts = case_facts(chunks_of("12_debrief_larkspur.md", DEBRIEF))
    assert facts.business == "Larkspur", facts
    assert facts.opening.startswith("Larkspur leases e-bikes to commuters"), facts.opening
    # (the question asks about "it": the proposal it follows is said before it, and named so in the stages)
    assert facts.opening.endswith(
        "The proposal on her desk is £45 a month but 100% counts towards the £900. Finance hates it, sales loves it. "
        "Should Larkspur do it?"
    ), facts.opening
    assert "Priya Natt" not in facts.opening
    assert facts.kind is CaseKind.CHANGE and facts.change == "the proposal", facts


def test_the_actual_ask_after_a_set_up_ends_the_opening_and_says_the_change() -> None:
    facts = case_facts(chunks_of("09_mock_sparkhand.md", MOCK))
    assert facts.opening.endswith(
        'The question: "Our CEO wants to put Friday cleaner pay up 20%. Is that the right call, and what would you do '
        'instead?"'
    ), facts.opening
    assert facts.kind is CaseKind.CHANGE and facts.change == "raising Friday cleaner pay 20%", facts
    assert not facts.guessed  # ("Is that the right call?" says it weighs a change)
    assert "So the answer is no" not in facts.opening


def test_a_model_answer_and_its_lessons_never_lead_a_stage_question() -> None:
    chunks = chunks_of("10_prepbook_tassel.md", BOOK)
    facts = case_facts(chunks)
    told = [fact for fact, at in facts.facts if at == "told"]
    assert any("peak concurrent demand" in fact for fact in told), facts.facts
    assert any("a forecast is only as useful" in fact for fact in told), facts.facts
    asked = [
        case_draft(stage, chunks[0].topic, chunks, [], None, load_templates(), random.Random(seed), set(), False).text
        for stage in ("frame", "data", "method", "evaluation", "experiment", "deployment")
        for seed in range(3)
    ]
    for text in asked:
        assert "hoods" not in text and "forecast is only as useful" not in text and "concurrent" not in text, text


def test_a_figure_labelled_by_a_phrase_that_opens_with_a_preposition_is_not_made_a_subject() -> None:
    assert spoken("For violins today: £19/month, and 50% counts.").startswith("For violins today: £19 a month")
    assert spoken("Staff time to process a hold: about 2 minutes") == "Staff time to process a hold is about 2 minutes"


def test_a_loop_debriefs_points_are_its_case_rounds_and_its_own_lessons() -> None:
    from interviewer.interview.items import build_items

    note = DEBRIEF + (
        "\n**R4 behavioural (Ola).** Used the Quillby story; she asked about stakeholder updates.\n\n"
        "Things to fix before the next loop:\n"
        "1. Randomise the test by school, not by family, when families compare notes.\n"
    )
    points = [p for chunk in chunks_of("12_debrief_larkspur.md", note) for i in build_items(chunk) for p in i.points]
    said = " ".join(points)
    # Nothing of the other rounds, nor a round's label, is a point of the case's stages ...
    for other in ("Sessionise rides", "Predict which new members cancel", "R3 Case", "Quillby story", "R4"):
        assert other not in said, points
    # ... while the case round's and the lessons' are.
    assert any("Randomise the test by school" in p for p in points), points
    assert any("£39/month" in p for p in points), points
