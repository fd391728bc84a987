"""Round 72's case notes: a month that reads like a name, a business introduced with its article ("at the Severn
Valley Echo, a regional paper"), a change a named business started, the ask told after the opening's sentences, the
start-up the note-taker joined, the question handed to them, and what a sizing case counts. All notes are made up."""

from __future__ import annotations

from interviewer.interview.case_shape import counted_thing
from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of, stage_drafts

PAPER = (
    "Mock with Sam: Quill Puzzles' sessions jumped 40% overnight\n\n"
    "Sam (a PM, tough interviewer) played the head of digital at the Wyvern Gazette, a regional paper whose puzzle "
    "app has a crossword, sudoku and, from the first week of April, a new daily word game called Stepword. His "
    'opening line was: "Daily sessions went from about 20,000 to 28,000 on Monday 8 April and have stayed there for '
    'a week. I want to tell our advertisers Stepword is a hit. Can I?"\n\n'
    "I went straight to external explanations, which was weak.\n"
)

DENTIST = (
    "# Mock #2: Brightsmile Dental's free evening slots (did it work?)\n\n"
    "Ola ran this one on Friday. She played the operations director of a made-up chain, Brightsmile Dental: 34 "
    "practices across the North West. The setup: last May Brightsmile started offering a free evening check-up slot "
    "to anyone who had missed two appointments. Before that, evening slots were private only. A year on, the board "
    "wants to know if it worked, because each slot costs about £35 in staff time and they've run 5,200 of them.\n\n"
    "I started by asking what worked meant.\n"
)

STREAMING = (
    'Win-back texts at Cadenza: who gets the offer (my "tell me about a project" story)\n\n'
    "Writing it out so I can tell it in four minutes.\n\n"
    "Cadenza was the podcast app I joined in 2021: about 90k paying subscribers at £4.99 a month. Each month a "
    "few thousand people lapsed, and by spring there were about 20,000 lapsed subscribers. Our CFO asked the right "
    'question: how many of them would have come back anyway? The question handed to me was "who should get the '
    'text?"\n\n'
    "I modelled natural return first with a discrete-time hazard.\n"
)


def test_a_month_is_never_the_business_and_one_introduced_with_its_article_keeps_it() -> None:
    facts = case_facts(chunks_of("puzzles.md", PAPER))
    assert facts.business == "Wyvern Gazette", facts.business
    assert facts.opening.startswith("The Wyvern Gazette is a regional paper"), facts.opening
    drafts = stage_drafts(chunks_of("puzzles.md", PAPER), ("data", "deployment"), 2)
    assert not any("April" in text.split("?")[0][-30:] or "at April" in text for text in drafts), drafts


def test_a_change_the_business_started_is_named_as_its_title_names_it_and_the_ask_told_later_opens_the_case() -> None:
    facts = case_facts(chunks_of("dental.md", DENTIST))
    assert facts.made and facts.change == "the free evening slots", facts.change
    assert facts.opening.endswith("the board wants to know if it worked, because each slot costs about £35 in staff "
                                  "time and they've run 5,200 of them."), facts.opening  # fmt: skip


def test_the_start_up_the_note_taker_joined_is_a_case_that_asks_the_question_handed_to_them() -> None:
    chunks = chunks_of("cadenza.md", STREAMING)
    assert chunks and all(chunk.kind == "case" for chunk in chunks)
    facts = case_facts(chunks)
    assert facts.business == "Cadenza" and facts.targets, facts
    assert facts.opening.startswith("Cadenza is a podcast app with about 90k paying subscribers"), facts.opening
    assert facts.opening.endswith("The question: Who should get the text?"), facts.opening


def test_a_sizing_case_says_what_it_counts() -> None:
    assert counted_thing("The board is choosing between 60, 120 and 180 berths. What do you recommend?") == "berths"
    assert counted_thing("How many portable toilets and how many food stalls should they book?") == (
        "portable toilets and food stalls"
    )
    assert counted_thing("How many loaves per shop should they bake?") == "loaves"
    assert counted_thing("How many should we install, and roughly where?") == ""


LESSONS = (
    "# Mock #3: who gets a call from a tutor? (online guitar lessons)\n\n"
    "Peer mock; interviewer was Ana, a DS at a payments company. 40 minutes, shared doc.\n\n"
    'The company, "Fretwise", sells online guitar lessons by subscription at £20 a month after a 14-day free trial. '
    "About 6,000 people start a trial each month, and 12% convert to paid. Twenty tutors can make about 10 calls "
    "each per week, so only 13% of trialists can get one. The question: which ones?\n\n"
    "My first answer was to model conversion and call the top 800.\n"
)

BOXES = (
    '# Story for "tell me about a time a metric moved" — Hazelbrook fruit boxes, Feb 2025\n\n'
    "Context: I was doing two days a week of analytics for Hazelbrook Orchard, which runs a weekly fruit box delivery "
    "scheme around Kent. Around 2,000 households, boxes at £15-£25. On Monday the ops manager messaged me: orders "
    "for the week were 2,900, against 2,000 the week before. His question: does he hire more packers or not?\n\n"
    "I said it looked real. It was not: the new checkout counted each add-on as an order.\n"
)


def test_the_company_named_between_commas_opens_as_what_it_does() -> None:
    facts = case_facts(chunks_of("guitar.md", LESSONS))
    assert facts.business == "Fretwise" and facts.targets, facts
    assert facts.opening.startswith("Fretwise sells online guitar lessons by subscription"), facts.opening
    assert "payments company" not in " ".join(stage_drafts(chunks_of("guitar.md", LESSONS), ("data", "method"), 2))


def test_a_story_told_for_the_business_the_note_taker_worked_for_is_a_case_that_names_it() -> None:
    chunks = chunks_of("boxes.md", BOXES)
    assert chunks and all(chunk.kind == "case" for chunk in chunks)
    facts = case_facts(chunks)
    assert facts.business == "Hazelbrook Orchard", facts.business
    assert facts.opening.startswith("Hazelbrook Orchard runs a weekly fruit box delivery scheme around Kent."), facts


def test_a_name_a_heading_shouts_is_said_as_the_notes_write_it() -> None:
    from interviewer.interview.combined import as_written

    assert as_written("GINI", [("Gini impurity is cheaper to compute than entropy.", None)]) == "Gini"  # type: ignore[list-item]
    assert as_written("MAPE", []) == "MAPE"


STAMPS = (
    "# Mock case: a bakery chain and its loyalty change (Jo, 5 May)\n\n"
    "Jo ran this one. Crumb & Co is a chain of 9 bakeries across Devon. On Monday 3 March 2025 they launched a paper "
    "stamp card, buy nine coffees and the tenth is free. The founder wants to know if it worked.\n\n"
    "I started by asking what worked meant.\n"
)


def test_a_thing_launched_is_named_as_the_thing_never_as_launching_it() -> None:
    facts = case_facts(chunks_of("stamps.md", STAMPS))
    assert facts.made and facts.change == "the paper stamp card", facts.change
