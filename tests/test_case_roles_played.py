"""Round 76's case notes: a business named inside the role the interviewer played, an opening line under its label and
the mock's length after it, a business the note-taker renames in brackets, a company name ending in "Co.", a metric
steady at one figure and then at another, and a pilot launched everywhere since. Every note is made up for the test."""

from __future__ import annotations

from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of, stage_drafts

LIFEBOATS = (
    "mock #2 — lifeboat volunteer crews (Omar as interviewer), 3 Mar\n\n"
    'Omar (ex-Big Four, now in ops at a water company) ran it on a call and played "Head of Operations at Penhallow '
    'Lifeboat Trust", a coastal rescue charity in West Cornwall. Opening line: the crew rota is stretched, and the '
    "board want to know how many volunteers we need before paying for a recruitment drive. 35 minutes; he had a "
    "sheet of numbers and only gave them when asked.\n\n"
    "My first go divided total hours by hours offered and got 30, which he shot down.\n"
)

SPICES = (
    "Debrief: Larchfield 2nd round, product analytics case (17 Nov)\n\n"
    "Real interview, written up on the bus. Interviewer was Kim, an analyst on their growth team, 40 minutes.\n\n"
    "Setup: Nutmeg & Co. sells spices online (UK, mostly refills). Average order value had been steady at about "
    "£23.40 all of August, then from Monday 2 September it sat at about £18.10 and stayed there for a fortnight. The "
    "founder wants to know what happened and whether to worry.\n\n"
    "I split AOV into revenue and order count first.\n"
)

TIMBER = (
    'Past-job story for "tell me about a model that changed a decision": stock credit at the yard\n\n'
    "Writing it up while the numbers are fresh. The company was a timber merchant in the Midlands (I'll call it "
    "Ashby & Vane in interviews), 21 yards, about 4,800 trade accounts: joiners, fencers, small builders. Credit "
    "sales were about £31m a year.\n\n"
    "In 2021 the sales director said that roughly 700 accounts had been blocked at their credit limit in the last "
    "quarter. The question I was given was which of those 700 accounts should get a higher limit.\n\n"
    "I modelled the chance of going 90 days past due within a year.\n"
)

GYMS = (
    "Case practice: Brightlane Swim Schools, term-pass discount\n\n"
    "Copied from case 12 of the prep book, then my timed attempt.\n\n"
    "The prompt: Brightlane is a chain of seven swim schools in Kent, about 60 teachers, £14 a lesson. After a pilot "
    "at two pools (Ashford and Dover, Jan–Mar 2024) showed lessons up 15%, they launched a term pass everywhere on "
    "1 May 2024: 10 lessons for £126, paid upfront. The MD wants to know whether it worked and whether to keep it. "
    "Figures given: lessons May–Oct 2024 were 41,000 against 38,500 in the same months of 2023.\n\n"
    "My attempt. I asked what 'worked' meant.\n"
)


def test_a_business_named_inside_the_role_played_opens_the_case_without_the_mocks_labels() -> None:
    facts = case_facts(chunks_of("lifeboats.md", LIFEBOATS))
    assert facts.business == "Penhallow Lifeboat Trust", facts.business
    assert facts.opening.startswith(
        "Penhallow Lifeboat Trust is a coastal rescue charity in West Cornwall. The crew"
    ), facts.opening
    assert "how many volunteers Penhallow Lifeboat Trust needs" in facts.opening, facts.opening
    assert "Opening line" not in facts.opening and "minutes" not in facts.opening, facts.opening


def test_a_sizing_case_counts_what_it_asks_for_never_a_names_first_word() -> None:
    drafts = stage_drafts(chunks_of("lifeboats.md", LIFEBOATS), ("data", "method"), 4)
    assert any("how many volunteers Penhallow Lifeboat Trust needs" in text for text in drafts), drafts
    assert not any("the number for" in text or "number of Penhallow" in text for text in drafts), drafts


def test_a_name_ending_in_co_is_one_sentence_and_a_metric_steady_then_lower_is_a_drop_to_explain() -> None:
    chunks = chunks_of("spices.md", SPICES)
    facts = case_facts(chunks)
    assert facts.business == "Nutmeg & Co.", facts.business
    assert facts.opening.startswith("Nutmeg & Co. sells spices online"), facts.opening
    assert facts.shape == "drop", facts.shape
    drafts = stage_drafts(chunks, ("frame", "data", "method", "evaluation"), 4)
    assert any("the drop in average order value at Nutmeg & Co." in text for text in drafts), drafts
    assert not any("Co.." in text or "the business" in text for text in drafts), drafts


def test_a_business_the_note_taker_renames_in_brackets_is_a_case_and_their_handed_question_is_asked() -> None:
    chunks = chunks_of("timber.md", TIMBER)
    assert chunks and all(chunk.kind == "case" for chunk in chunks)
    facts = case_facts(chunks)
    assert facts.business == "Ashby & Vane", facts.business
    assert facts.opening.startswith("Ashby & Vane is a timber merchant in the Midlands"), facts.opening
    assert "Which of those 700 accounts should get a higher limit?" in facts.opening, facts.opening


def test_a_pilot_launched_everywhere_since_is_never_asked_as_if_only_part_had_it() -> None:
    chunks = chunks_of("swim.md", GYMS)
    facts = case_facts(chunks)
    assert facts.pilot and facts.everywhere, facts
    drafts = stage_drafts(chunks, ("experiment", "deployment"), 6)
    assert not any("only part" in text.lower() or "beyond where" in text for text in drafts), drafts
    assert not any("Figures given" in fact for fact, _ in facts.facts), facts.facts
