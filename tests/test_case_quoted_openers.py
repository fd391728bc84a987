"""Round 75's case notes: a mock whose interviewer opened with a prompt quoted whole after a label that names the
business in quotes, a metric that jumped, a targeting story told for a behavioural question at a business the
note-taker renames, and the brief they were handed. Every note is made up for the test."""

from __future__ import annotations

from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of, stage_drafts

PLANETARIUM = (
    "Mock #3 — planetarium bookings jumped overnight (Ravi as interviewer)\n\n"
    'Sunday practice. Ravi played a marketing lead at the "Kestrel Bay Planetarium and Observatory" and opened '
    'with: "Booking conversion on our website went from 2.1% to 3.9% overnight on Monday 3 March and has held for '
    'three weeks. The web team launched a new booking widget on the 2nd and wants the credit. Should they get it?"\n\n'
    "I said an overnight jump that size looks like the denominator changing, not people. So I asked for visits and "
    "bookings separately. Visits fell 45% and bookings rose 2%.\n"
)

QUOTES = (
    'Story for "tell me about a targeting decision you made" — Lendwise, loan comparison\n\n'
    "This is from my first job, at a loan comparison site I'll call Lendwise, and it's the answer I use for "
    "targeting questions. Around 60,000 people a month compared personal loans with us and left without applying. "
    "We earned about £90 per loan taken out. Sales wanted a follow-up call from an adviser, and the brief I was given "
    'was: "build a model to pick the top 20% most likely to apply, and we\'ll call those."\n\n'
    "I built it. The AUC was 0.81 and everyone was pleased, but the top of the list would have applied anyway.\n"
)


def test_a_prompt_quoted_after_a_label_that_quotes_the_business_opens_the_case_as_the_business_s() -> None:
    facts = case_facts(chunks_of("planetarium.md", PLANETARIUM))
    assert facts.business == "the Kestrel Bay Planetarium and Observatory", facts.business
    assert facts.opening.startswith(
        "Booking conversion on the Kestrel Bay Planetarium and Observatory's website went from 2.1% to 3.9%"
    ), facts.opening
    assert facts.opening.endswith("Should they get it?"), facts.opening
    assert "denominator" not in facts.opening  # the candidate's reasoning after the prompt is theirs


def test_a_metric_that_jumped_is_asked_as_a_rise_never_a_drop() -> None:
    chunks = chunks_of("planetarium.md", PLANETARIUM)
    drafts = stage_drafts(chunks, ("clarify", "frame", "data", "method", "evaluation", "deployment"), 4)
    texts = " ".join(drafts)
    assert "the rise in booking conversion" in texts, drafts
    assert "drop" not in texts and "the business" not in texts, drafts


def test_a_targeting_story_at_a_business_the_note_taker_renames_is_a_case_of_whom_to_contact() -> None:
    chunks = chunks_of("quotes.md", QUOTES)
    assert chunks and all(chunk.kind == "case" for chunk in chunks)
    facts = case_facts(chunks)
    assert facts.business == "Lendwise" and facts.targets, facts
    assert facts.opening.startswith("Lendwise is a loan comparison site."), facts.opening
    # The brief they were handed is said as the case's, without the note-taker in it
    assert 'the brief was: "build a model to pick the top 20%' in facts.opening, facts.opening
    assert "I was given" not in facts.opening
    assert "compared personal loans with Lendwise" in facts.opening, facts.opening  # the note-taker's "us"


def test_a_targeting_case_that_asks_no_who_calls_its_candidates_what_its_opening_counts() -> None:
    stages = ("frame", "data", "method", "evaluation", "experiment", "deployment")
    drafts = stage_drafts(chunks_of("quotes.md", QUOTES), stages, 6)
    assert not any("candidate" in text for text in drafts), [t for t in drafts if "candidate" in t]
    assert any("people" in text for text in drafts), drafts
