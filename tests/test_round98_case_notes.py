"""Round 98's misreadings, on notes of my own in the same shapes: a prep book whose director wants "one number that
says whether we're reliable" (a metric to define, not a number to size) with the attempt under its own heading, and a
debrief whose case section follows a preface about the loop's other rounds and quotes what the interviewer "said
roughly"."""

from __future__ import annotations

from interviewer.interview.case_givens import spoken
from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of

BOOK = (
    '# Prep book, ch. 5 (metrics), case 2: "Pelham Tutors"\n\n'
    "Did it timed (15 min), then read the model answer. Prompt copied in:\n\n"
    "> Pelham Tutors sends tutors into pupils' homes: 800 pupils, 140 tutors, about 1,900 sessions a week. Pelham "
    'reports "sessions delivered" to schools every term and it has been 98.9% for a year. Complaints from parents '
    "have risen by a quarter. The director tells you: *\"I need one number that says whether we're reliable. "
    'Schools have to trust it. What should it be?"*\n\n'
    "## My attempt (as written)\n\n"
    "Reliable means the tutor turns up on time. 98.9% only captures the first part.\n"
)

DEBRIEF = (
    "debrief - Hedgerow final loop (Senior DS), Tues\n\n"
    "writing this on the train. 4 rounds, about 4h. SQL fine, ML design (demand forecasting from weather) went ok. "
    "The one I keep replaying is the product case with Sam Reid (Head of Product).\n\n"
    "## the case, as best I remember it\n"
    "Hedgerow sells soil-moisture sensors: the app tells the farmer when to irrigate each field instead of a fixed "
    'schedule. Sam said roughly: *"We believe the sensors cut water use. The board wants evidence before next '
    'season. We have 40 farms signed up to a pilot. How would you test it?"* Then the constraints came out:\n'
    "- one season only\n- the pilot farms paid and won't be a control\n\n"
    "## how I answered\nI went straight to randomising farms, which was wrong.\n"
)


def test_one_number_that_says_whether_something_holds_is_a_metric_to_define_and_the_attempt_is_told() -> None:
    facts = case_facts(chunks_of("prepbook_pelham.md", BOOK))
    assert facts.shape == "metric", facts
    given = {fact for fact, at in facts.facts if at != "told"}
    assert not [fact for fact in given if "only captures" in fact], facts.facts


def test_a_debriefs_case_section_is_the_case_and_its_said_roughly_quote_the_prompt() -> None:
    facts = case_facts(chunks_of("debrief_hedgerow.md", DEBRIEF))
    assert facts.business == "Hedgerow" and facts.shape == "change", facts
    assert facts.opening.startswith("Hedgerow sells soil-moisture sensors:"), facts.opening
    assert facts.opening.endswith("We have 40 farms signed up to a pilot. How would you test it?"), facts.opening
    assert not [fact for fact, _ in facts.facts if "4 rounds" in fact], facts.facts


def test_a_usual_figure_is_said_without_its_tilde_and_a_one_letter_speaker_is_no_part_of_a_fact() -> None:
    said = spoken("Card freezes jumped from their usual ~2,100 a day to ~6,800.")
    assert said == "Card freezes jumped from their usual 2,100 a day to about 6,800.", said
    assert spoken("C: One gritting run across the network is roughly 100 tonnes.").startswith("One gritting run")


QUOTED_BLOCK = (
    '# Prep book, ch. 5 (metrics), case 2: "Pelham Tutors"\n\n'
    "Book = *Cases in Service Analytics*, the green one. Did it timed. Prompt copied in:\n\n"
    "> Pelham Tutors sends tutors into pupils' homes: 800 pupils, 140 tutors, about 1,900 sessions a week. Pelham "
    'reports "sessions delivered" to schools every term and it has been 98.9% for a year. Complaints from parents '
    "have risen by a quarter. The director tells you: *\"I need one number that says whether we're reliable. "
    'What should it be?"*\n\n'
    "## My attempt\n\nReliable means the tutor turns up on time.\n"
)

DIALOGUE_ASK = (
    '# Mock w/ Jo, Sunday, "Brackley grit"\n\n'
    "Jo played Head of Highways at a made-up council. About 30 min.\n\n---\n\n"
    "**J:** So. Brackley District Council, we grit 900 km of priority routes. Our salt contract lets us order at £60 "
    "a tonne if we commit by 31 August. My question is simple: *how much salt do I order this year?*\n\n"
    "**Me:** What does one gritting run use?\n\n**J:** About 70 tonnes.\n"
)


def test_a_prompt_quoted_as_a_block_is_the_opening_with_the_question_its_speaker_puts_in_quotes() -> None:
    facts = case_facts(chunks_of("prepbook_pelham_block.md", QUOTED_BLOCK))
    assert facts.opening.startswith("Pelham Tutors sends tutors into pupils' homes"), facts.opening
    assert facts.opening.endswith(
        'The director tells you: "I need one number that says whether we\'re reliable. What should it be?"'
    ), facts.opening


def test_my_question_is_simple_puts_the_ask() -> None:
    facts = case_facts(chunks_of("mock_brackley.md", DIALOGUE_ASK))
    assert facts.opening.endswith("How much salt do I order this year?"), facts.opening
