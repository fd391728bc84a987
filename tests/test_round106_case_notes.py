"""Round 106's misreadings, on notes of my own in the same shapes: a prep book's prompt quoted as a paragraph of its
own after the note-taker's line on where it is from (opened on the book's title), a debrief whose ask is "her words
were close to: *"...?"*" and asks for a rule's level and reach (read as a model to build), and a business "he called"
by a name that ends its sentence."""

from __future__ import annotations

from interviewer.core.domain import CaseKind
from interviewer.interview.case_business import business_of
from interviewer.interview.case_setup import read_setup
from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of

BOOK = (
    "# Prep book case 9 — Fernhollow dog-walking (sizing)\n\n"
    "From *The Case Gym*, 3rd ed. Did it timed (15 min) before reading the answer.\n\n"
    '> "Fernhollow sells dog-food subscriptions in a city of about 350,000 people. The founder, Priya Shah, wants to '
    "launch dog-walking: a walker takes a customer's dog out while they are at work. She asks: how many walks could we "
    'sell in year two, and is it worth hiring two full-time walkers?"\n\n'
    "## My attempt\n\n- 350k people / 2.3 per household ≈ 152k households\n"
)

DEBRIEF = (
    "# Debrief — Voltbay final loop (Thu)\n\n"
    "Four rounds. Voltbay runs rapid EV charging hubs (90 sites, 400 bays).\n\n"
    "## The case round (Maya, staff DS)\n\n"
    "She shared a slide. From memory, her words were close to: *\"Cars sit in bays after they've finished charging. "
    'Product wants an overstay fee. What should it be, where should it apply, and how would we know it worked?"*\n\n'
    "Numbers given when asked:\n- 14% of sessions overstay more than 10 min.\n\n"
    "**What I said:** goal first, freeing bays at busy times.\n"
)


def test_a_quoted_paragraph_that_asks_after_the_note_takers_line_is_the_prompt() -> None:
    facts = case_facts(chunks_of("10_prepbook_fernhollow.md", BOOK))
    assert facts.opening.startswith("Fernhollow sells dog-food subscriptions"), facts.opening
    assert "The Case Gym" not in facts.opening
    assert facts.kind is CaseKind.SIZING, facts


def test_her_words_are_the_ask_and_a_rules_level_and_reach_is_a_policy() -> None:
    chunks = sorted(chunks_of("12_debrief_voltbay.md", DEBRIEF), key=lambda c: c.chunk_index)
    asks = read_setup(chunks).asks
    assert asks and asks[0].endswith("where should it apply, and how would we know it worked?"), asks
    facts = case_facts(chunks)
    assert facts.kind is CaseKind.POLICY, facts
    assert "What should it be, where should it apply" in facts.opening, facts.opening


def test_a_business_he_called_by_a_name_ends_before_the_full_stop() -> None:
    said = "Sam played the head of ops at a made-up online furniture retailer he called Brackwood."
    assert business_of([(said, ""), ("We do about 30,000 orders a month.", "")]) == "Brackwood"
