"""Round 103's misreadings, on notes of my own in the same shapes: a prep-book prompt whose investor's question is
quoted in italics before a line to the candidate (read as a change: the quote never ended a sentence), a debrief
whose case is for "one of their customers, Larchmoor Creamery:" and lists three options under "which of three things
to do:" (read as a model to build, for "the business"), and a story-bank entry labelled with the questions it answers
('Use for: ... "impact without an experiment"', read as a change to measure)."""

from __future__ import annotations

import random

from interviewer.core.domain import CaseKind
from interviewer.interview.case_questions import case_draft
from interviewer.interview.case_setup import read_setup
from interviewer.interview.cases import case_facts
from interviewer.interview.templates import load_templates
from interviewer.scoring.text import sentences
from tests.helpers import chunks_of

BOOK = (
    "# Prep book, case 3.2 — Spokewise (bike chains)\n\n"
    "Timed myself, 20 min, then read the model answer.\n\n"
    "The setup, more or less verbatim: Spokewise is a three-year-old online shop selling replacement chains and "
    "cassettes for e-bikes. Revenue last year was £620k. The founder, Nadia, is raising money and her deck says £3m "
    'revenue in year 4. A lender has asked her: *"How many replacement e-bike chains are sold in the UK each year, '
    "and is £3m believable?\"* You're helping Nadia answer.\n\n"
    "## My attempt\n\nUK pop ~67m. Guess 2% own an e-bike → ~1.3m bikes.\n"
)

DEBRIEF = (
    "# Debrief — Routely final loop (Thu)\n\n"
    "Routely = small startup doing delivery software for bakeries. Four interviews: SQL, ML, behavioural, and the "
    "business case with Omar, Head of Data.\n\n"
    "## The case\n"
    "Omar shared a brief about one of their customers, Larchmoor Creamery: 7,200 households, 24 rounds, delivering "
    "6 days a week. Average spend £9.80 per household per week. Fuel costs had just gone up, and the owner, Ruth "
    "Larchmoor, had asked Routely's customer team which of three things to do:\n\n"
    "- (A) keep daily delivery as is,\n"
    "- (B) move everyone to three days a week,\n"
    "- (C) three days by default, daily kept for anyone paying £2 a week extra.\n\n"
    'Omar\'s actual question was "What would you tell Ruth, and how sure would you be?"\n\n'
    "## What I did\nI started with a contribution model per week.\n"
)

STORY = (
    "# Story bank: the fake-account thing at Puffin\n\n"
    'Use for: "a mistake you made", "adversarial problem", "impact without an experiment". ~3 min out loud.\n\n'
    "---\n\n"
    "Puffin Pay was a prepaid card app with about 800k users; I was one of three data scientists. Priti, who ran "
    'risk, came to our team with one question, which she wrote on the whiteboard: *"Can we catch mule accounts '
    'before the money leaves?"*\n\n'
    "Mule accounts receive stolen money and pass it on within hours. Finance put the loss at £90k a month.\n\n"
    "The rules flagged accounts with 20+ incoming transfers a day. I built a gradient-boosted model on "
    "transfer-graph features and we reviewed the top 100 a day.\n"
)


def test_a_question_quoted_in_italics_ends_its_sentence() -> None:
    split = sentences('She asked: *"Is £3m believable?"* You\'re helping Nadia answer.')
    assert split == ['She asked: *"Is £3m believable?"*', "You're helping Nadia answer."]


def test_an_investors_quoted_question_before_a_line_to_the_candidate_is_a_number_to_size() -> None:
    chunks = chunks_of("10_prepbook_spokewise.md", BOOK)
    facts = case_facts(chunks)
    assert facts.kind is CaseKind.SIZING, facts
    # (the quote closes on its question; the line to the candidate stays outside it)
    assert "and is £3m believable?\" You're helping Nadia answer." in facts.opening, facts.opening
    draft = case_draft("data", chunks[0].topic, chunks, [], None, load_templates(), random.Random(1), set(), False)
    assert "how many replacement e-bike chains are sold in the UK each year" in draft.text, draft.text


def test_a_customer_named_with_its_figures_and_options_listed_under_a_lead_in_are_a_choice() -> None:
    facts = case_facts(chunks_of("12_debrief_routely.md", DEBRIEF))
    assert facts.business == "Larchmoor Creamery", facts.business
    assert facts.kind is CaseKind.CHOICE, facts
    assert (
        "which of three things to do: (A) keep daily delivery as is, (B) move everyone to three days a week, or (C)"
        in facts.opening
    ), facts.opening
    assert facts.opening.endswith('"What would you tell Ruth, and how sure would you be?"'), facts.opening


def test_the_questions_a_story_answers_are_the_note_takers_and_the_question_brought_to_the_team_is_the_ask() -> None:
    chunks = chunks_of("11_story_puffin.md", STORY)
    facts = case_facts(chunks)
    assert facts.kind is CaseKind.MODEL, facts
    asks = read_setup(sorted(chunks, key=lambda c: c.chunk_index)).asks
    assert asks and "Can we catch mule accounts before the money leaves?" in asks[0], asks


THEM = (
    "# Story bank: the ghost-booking thing at Wrenfold\n\n"
    "Wrenfold Gyms ran 40 gyms with about 210k members; I was one of two analysts. Dev, who ran operations, came to "
    'our team with one question, which he put in an email: *"Can we spot them before they fill the classes?"*\n\n'
    "Ghost bookers reserve spin classes with our app and never turn up, so real members are turned away. About 12% "
    "of bookings were no-shows.\n\n"
    "I built a no-show model on booking history and we released seats to the waitlist an hour before class.\n"
)


def test_a_question_about_them_follows_the_sentences_that_say_who_they_are_in_the_business_voice() -> None:
    facts = case_facts(chunks_of("11_story_wrenfold.md", THEM))
    opening = facts.opening
    assert opening.endswith('The question: "Can we spot them before they fill the classes?"'), opening
    told = opening.index("Ghost bookers reserve spin classes")
    assert told < opening.index("The question:"), opening
    assert "with Wrenfold Gyms' app" in opening and " our " not in opening, opening


MOCK = (
    "Kemi played the interviewer, reading off her phone:\n\n"
    "Kemi: \"You're the data scientist at Boilwise. We make smart radiator valves for housing associations, about "
    "2,800 flats. Product wants to make a new 'night setback' schedule the default: the overnight setpoint drops "
    "from 20 to 18 degrees.\n\n"
    "Me: So randomise flats 50/50 and measure gas per flat?\n\n"
    "Kemi: Only 9 of the 30 buildings have flat-level meters.\n"
)


def test_an_opening_never_starts_on_a_quote_it_leaves_open() -> None:
    facts = case_facts(chunks_of("09_mock_boilwise.md", MOCK))
    assert facts.opening.startswith("You're the data scientist at Boilwise."), facts.opening


def test_a_kind_of_business_read_from_a_sentence_is_never_joined_to_other_words() -> None:
    from interviewer.interview.case_business import business_of

    assert business_of([("Ghost bookers reserve spin classes with our app and never turn up.", "")]) == "the app"


def test_an_opening_never_says_the_notes_shorthand_but_keeps_a_sum() -> None:
    from interviewer.interview.case_opening import opening_text

    said = opening_text(
        [
            "Brightwick matches holiday-let owners with cleaners.",
            "Unfilled jobs = owner scrambles for an agency.",
            "The CEO wants to raise Saturday pay by 15%.",
        ],
        "",
    )
    assert "scrambles" not in said and "raise Saturday pay" in said, said
    summed = opening_text(["Brightwick has 40 vans × 3 shifts = 120 van-shifts a day.", "The COO wants a plan."], "")
    assert "120 van-shifts" in summed, summed
