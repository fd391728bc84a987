"""Round 70's case notes: a business named in quotes as the subject of a set-up read out ('The setup he read out:
"Lock & Lantern" runs 9 ...'), named as what the company is ('The company is "GripLane", ...'), named where the
note-taker worked ("At PartSwap (22 ... shops) I was ..."), an opening line quoted after three sentences of preface,
a brief that says whom to choose ("My job: decide who got them."), and a change told at length that its title names
in a few words."""

from __future__ import annotations

from interviewer.interview.case_engine import fact_said
from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of, stage_drafts

PUZZLE = (
    "# Mock case — puzzle rooms midweek discount (Ines as interviewer, 2 May)\n\n"
    'Ines (a friend in pricing) ran this over video, about 30 min. The setup she read out: "Lock & Lantern" runs 9 '
    "puzzle-room sites, about five rooms each, 60-minute slots. On 6 January 2025 they introduced 20% off any "
    "Tuesday-to-Thursday slot starting before 4pm, so £20 a head instead of £25. It's April, the CEO wants to know if "
    "it worked and whether to keep it.\n\n"
    "I started with revenue per slot, which was fine, but forgot group size.\n"
)

TYRES = (
    'Mock #3 — "bookings fell off a cliff" (online car parts), Priya interviewing, Sat 8 Mar\n\n'
    'Priya from the study group ran this; she says it\'s loosely real. The company is "GripLane", an online car-parts '
    "retailer. You buy parts online and either collect them or book a fitting slot at a partner garage. Her opening "
    "line: \"It's Tuesday 3 June 2025. The head of e-commerce messages you: checkout conversion dropped from 38% to "
    '31% starting last Friday. What do you do?"\n\n'
    "- week of 19-25 May: 15,000 checkout starts, 5,700 orders\n"
    "- week of 2-8 June: 16,000 checkout starts, 4,960 orders\n\n"
    "First move was fine: I checked the definition.\n"
)

MAILER = (
    'Battery swap mailer: a story from my last job (for "tell me about a targeting project")\n\n'
    "At PartSwap (22 laptop-repair shops, mostly in Yorkshire) I was the analyst in a small commercial team. In 2024 "
    "the refurb side wanted more laptops traded in, since trade-ins feed the refurbished stock. The idea was to mail "
    "past repair customers a voucher worth £30 of extra trade-in credit, redeemable within 45 days. We had about "
    "90,000 past customers with marketing consent, and finance approved 20,000 mailers at £1.20 each. My job: decide "
    "who got them.\n\n"
    "Marketing had run a random pilot: 5,000 mailed and 2,500 held out. I built an uplift model on it.\n"
)


def test_a_name_in_quotes_opening_a_set_up_read_out_names_the_business_without_its_quotes() -> None:
    facts = case_facts(chunks_of("puzzle.md", PUZZLE))
    assert facts.business == "Lock & Lantern", facts.business
    assert facts.opening.startswith("Lock & Lantern runs 9 puzzle-room sites"), facts.opening
    assert '"' not in facts.opening, facts.opening


def test_a_change_told_at_length_is_named_as_its_title_names_it() -> None:
    facts = case_facts(chunks_of("puzzle.md", PUZZLE))
    assert facts.change == "the midweek discount" and facts.made, facts.change
    drafts = stage_drafts(chunks_of("puzzle.md", PUZZLE), ("method", "deployment"), 2)
    assert all("the midweek discount" in text and "Lock & Lantern" in text for text in drafts), drafts
    assert not any("Tuesday-to-Thursday" in text for text in drafts), drafts


def test_the_company_said_to_be_a_name_in_quotes_is_named_and_its_quoted_opening_line_opens_the_case() -> None:
    facts = case_facts(chunks_of("parts.md", TYRES))
    assert facts.business == "GripLane", facts.business
    assert "checkout conversion dropped from 38% to 31%" in facts.opening, facts.opening
    drafts = stage_drafts(chunks_of("parts.md", TYRES), ("frame", "evaluation"), 2)
    assert all("GripLane" in text and "the company" not in text for text in drafts), drafts


def test_where_the_note_taker_worked_names_the_business_and_their_brief_says_whom_to_choose() -> None:
    facts = case_facts(chunks_of("mailer.md", MAILER))
    assert facts.business == "PartSwap", facts.business
    assert facts.opening.startswith("PartSwap has 22 laptop-repair shops, mostly in Yorkshire."), facts.opening
    assert facts.targets, facts  # whom to mail: a list to choose, never a model to monitor and retrain
    drafts = stage_drafts(chunks_of("mailer.md", MAILER), ("method", "deployment"), 2)
    assert all("PartSwap" in text for text in drafts), drafts
    assert not any("retrain" in text for text in drafts), drafts


def test_a_given_the_note_taker_tells_as_we_is_said_as_the_businesss() -> None:
    said = fact_said("We had about 90,000 past customers with marketing consent", "PartSwap")
    assert said == "PartSwap had about 90,000 past customers with marketing consent.", said
    assert fact_said("Our stores open at 9", "PartSwap") == "PartSwap's stores open at 9."
    # An unnamed business keeps the sentence as written: "the chain had" would guess.
    assert fact_said("We have 40 stores", "the chain") == "We have 40 stores."


BUSES = (
    "# Mock: did dropping the app booking fee work? (Priya, 2 Apr)\n\n"
    "Priya (works at a transport company) ran this one. Kestrel Coaches run about 60 routes across the county and "
    "sell tickets three ways: cash to the driver, smartcards, and their app. Until 1 February 2024 the app charged a "
    "flat 25p booking fee per transaction. Management dropped it to move people off cash.\n\n"
    "I started with app share of journeys.\n"
)

WARDS = (
    "# Practice case: recovery trolleys for a new unit\n\n"
    'Copied from the case book, then my attempt. The trust is "Fenmoor NHS Trust". The numbers are the book\'s.\n\n'
    "> *Fenmoor is building a day-surgery unit with three theatres. Each theatre runs two lists a day, about four "
    "cases per list. How many trolley spaces does the unit need?*\n\n"
    "My attempt. Volume first: 3 theatres x 2 lists x 4 cases = 24 patients a day.\n"
)


def test_a_plural_name_with_a_plural_verb_names_the_business() -> None:
    facts = case_facts(chunks_of("coaches.md", BUSES))
    assert facts.business == "Kestrel Coaches", facts.business
    drafts = stage_drafts(chunks_of("coaches.md", BUSES), ("data", "method"), 2)
    assert all("Kestrel Coaches" in text and "transport company" not in text for text in drafts), drafts


def test_a_quoted_name_given_as_the_trust_is_whole_and_the_books_question_opens_the_case() -> None:
    facts = case_facts(chunks_of("wards.md", WARDS))
    assert facts.business == "Fenmoor NHS Trust" and facts.shape == "sizing", facts
    assert not facts.opening.startswith("The trust is"), facts.opening
    assert facts.opening.endswith("How many trolley spaces does the unit need?"), facts.opening
    drafts = stage_drafts(chunks_of("wards.md", WARDS), ("data",), 2)
    # (the number asked for, as the book asks it: counted in trolley spaces, never "the number for Fenmoor")
    assert all("how many trolley spaces the unit needs" in text for text in drafts), drafts


def test_a_company_said_to_be_a_quoted_name_opens_as_what_it_is() -> None:
    facts = case_facts(chunks_of("parts.md", TYRES))
    assert facts.opening.startswith("GripLane is an online car-parts retailer."), facts.opening
