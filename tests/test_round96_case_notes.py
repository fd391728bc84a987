"""Round 96's misreadings, on notes of my own in the same shapes: a loop debrief whose case round is second, whose
business is named only in its preface ("X = ...") and whose prompt is quoted after "Roughly what he said:"; a mock told
as dialogue, whose interviewer names the business in passing and puts the real question late; a prep-book case whose
question comes after the note-taker's label and whose attempt follows a label line of its own; and a behavioural
story from a "behavioural bank" whose business is said in brackets."""

from __future__ import annotations

from interviewer.core.domain import CaseKind
from interviewer.ingest.pipeline import read_sections
from interviewer.ingest.sections import note_kind
from interviewer.interview.case_change import case_change
from interviewer.interview.case_givens import writes
from interviewer.interview.case_shape import case_shape
from interviewer.interview.cases import case_facts
from interviewer.scoring.text import sentences
from tests.helpers import chunks_of, stage_drafts

LOOP = (
    "Debrief - Hollyhock final loop (onsite, 3 rounds). Writing on the bus.\n\n"
    "Hollyhock = pumpkin delivery, UK, very seasonal (all revenue in October). Role: senior DS, planning.\n\n"
    "**R1 SQL (Maya).** Orders table, repeat rate by channel. Fine.\n\n"
    "**R2 the case (Sam, head of data).** The one to remember. Roughly what he said:\n\n"
    '> "Every July we sign contracts with three growers for October. Two years ago we sold 8,200 pumpkins, last '
    "year 11,900. Last year we ordered 13,000 and composted 1,100. The CEO wants a number for this July and wants "
    'to know how confident we should be in it."\n\n'
    "What I did, in order:\n\n"
    "1. Said two points can't give a trend. Built it bottom-up instead: returning + new.\n"
)

DIALOGUE = (
    "Mock w/ Bea, Tuesday, about 35 min. Bea played Head of Ops. Typed up from memory.\n\n"
    "---\n\n"
    "**Bea:** Ok so, Quillfern. Online marketplace for freelance piano tuners. Schools and venues post a job, "
    "tuners accept it. About 600 active tuners, 4,000 jobs a month.\n\n"
    "**Me:** Is it everywhere or concentrated?\n\n"
    "**Bea:** Weekend jobs went from 25% of requests to 40%.\n\n"
    "**Me:** So it's the weekends.\n\n"
    "**Bea:** Anyway, here's my actual question. *\"The board wants acceptance back to 90% by spring. Ops want to "
    'pay tuners a £15 weekend bonus. Finance want a £20 weekend surcharge instead. Which do we do?"*\n\n'
    "**Me:** I'd test both.\n"
)

BOOK = (
    'Prep book, ch. 4 ("Pilots with few units"), case 2. Did it timed, 20 min.\n\n'
    "The setup, paraphrasing the book: Harrowgate Hire has 30 depots. The ops director wants to offer evening "
    "collection and believes it will grow rentals. Only 6 depots can run it in the pilot. The board wants an answer "
    'after 8 weeks. The question in the book is literally: "Design the pilot. What could you conclude after 8 '
    'weeks?"\n\n'
    "**My attempt**\n\n"
    "Randomly pick 6 of 30 depots to run it, other 24 are control. Primary metric: rentals per depot per week.\n"
)

STORY = (
    'Behavioural bank -> "a time you pushed back on a number" / "a time data changed a decision".\n\n'
    "Written long first, then the short version.\n\n"
    "At Lumenly (the sleep-coaching app, employers + a couple of insurers as customers) I'd been there a year when "
    "Dr Ana Ruiz, our clinical lead, stopped me after a review. She asked something like: what share of our users "
    "actually finish the programme? She wanted one number she could defend.\n\n"
    'We already had one. The dashboard said "64% completion" and it was in every deck.\n\n'
    "In Q3 there were about 22,000 users enrolled, and only about 15,000 had opened the app that month.\n"
)


def test_a_loop_debriefs_business_is_its_preface_and_its_prompt_the_quote_after_what_he_said() -> None:
    facts = case_facts(chunks_of("debrief_hollyhock.md", LOOP))
    assert facts.business == "Hollyhock" and facts.shape == "sizing", facts
    assert facts.opening.startswith("At Hollyhock, every July we sign contracts"), facts.opening
    assert facts.opening.endswith("how confident we should be in it."), facts.opening
    assert "bottom-up" not in facts.opening


def test_a_dialogue_mocks_business_is_named_in_passing_and_its_late_question_is_the_ask() -> None:
    facts = case_facts(chunks_of("mock_quillfern_tuners.md", DIALOGUE))
    assert facts.business == "Quillfern" and facts.shape == "choice", facts
    assert facts.opening.startswith("Quillfern is an online marketplace for freelance piano tuners."), facts.opening
    assert facts.opening.endswith("Finance want a £20 weekend surcharge instead. Which do we do?"), facts.opening
    # What the interviewer told only when asked is found by asking, never said at the start.
    assert "Weekend jobs went from" not in facts.opening


def test_a_books_labelled_question_is_said_plainly_and_the_attempt_after_its_label_is_no_given() -> None:
    facts = case_facts(chunks_of("prepbook_harrowgate.md", BOOK))
    assert facts.opening.endswith(
        "after 8 weeks. Design the pilot. What could you conclude after 8 weeks?"
    ), facts.opening  # fmt: skip
    given = {fact for fact, at in facts.facts if at != "told"}
    assert not [fact for fact in given if "Randomly pick" in fact], facts.facts
    assert writes('Prep book, ch. 4 ("Pilots with few units"), case 2.')
    assert sentences("Prep book, ch. 4, case 2. Did it timed.")[0] == "Prep book, ch. 4, case 2."


def test_a_behavioural_banks_story_is_a_case_and_says_what_its_business_is() -> None:
    sections, _ = read_sections("notes/story_lumenly.md", STORY.encode())
    assert note_kind("notes/story_lumenly.md", sections) == "case"
    facts = case_facts(chunks_of("story_lumenly.md", STORY))
    assert facts.business == "Lumenly", facts
    assert facts.opening.startswith("Lumenly is a sleep-coaching app, employers + a couple of insurers as customers.")
    assert "finish the programme?" in facts.opening, facts.opening


def test_a_case_that_asks_what_a_number_should_count_is_a_metric_to_define() -> None:
    facts = case_facts(chunks_of("story_lumenly.md", STORY))
    assert facts.shape == "metric" and facts.kind is CaseKind.METRIC and not facts.guessed, facts
    drafts = stage_drafts(chunks_of("story_lumenly.md", STORY), ("method", "evaluation", "experiment"), 2)
    # Its stages define, check and roll out the metric, never "the effect of the change" or a comparison group.
    assert not [t for t in drafts if "the change" in t or "comparison group" in t], drafts
    assert any("definition" in t or "metric" in t for t in drafts), drafts
    assert case_shape("", "What counts as an active clinic?", True, False) == "metric"


def test_what_someone_wants_to_change_is_named_without_what_they_believe_of_it() -> None:
    asked = "The ops director wants to offer evening collection and believes it will grow rentals, not just fees."
    assert case_change([asked], "Harrowgate Hire").phrase == "offering evening collection"
