"""Round 79's notes: a prompt quoted as a paragraph of its own after the line that labels it, a rate given with an
arrow, a change made "to every salon", the length of the case round told as a fact, the note-taker's employer told
with "the ... I worked at", and a technical note that mentions "the business case" a forecast is for. Every note is
made up for the test."""

from __future__ import annotations

from interviewer.interview.case_opening import moved_metric
from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of

HEAT = (
    "Mock #2 with Sam: heat-pump co-op, enquiry rate jump\n\n"
    "Sam played interviewer over video for 40 minutes. His prompt, roughly:\n\n"
    "\"You're the only analyst at Tamarside Heat Co-op, a cooperative that installs heat pumps for its members. The "
    "weekly enquiry rate on the website jumped from about 1.8% to 4.6% in the week starting 3 February and has stayed "
    'above 4% since. The board wants to know why, and whether to hire another surveyor."\n\n'
    "Good start: I asked what the rate is. Enquiry forms ÷ unique visitors. He had both ready:\n\n"
    "- visitors: 5,100/week → 2,600\n- rate: 1.80% → 4.60%\n"
)

NAILS = (
    "# Debrief: Polished final round, case interview (Tue 4 Nov)\n\n"
    "Written on the bus home. The case round was 40 minutes with Lena Park, Head of Analytics. Polished runs 28 nail "
    "bars across the South West. On 2 June 2025 they moved every bar to app-only booking: a £5 deposit, no phone "
    "bookings. Lena's prompt was basically \"It's been five months. The COO wants to know whether it worked. What "
    'do you tell her?"\n\n'
    "Mistake: I went straight to bookings before asking what it was meant to achieve.\n"
)

TEA = (
    '# Story bank: "Tell me about a time you changed someone\'s mind with data"\n\n'
    "(Use for influence questions. Aim for 2.5 minutes.)\n\n"
    "At Mellow & Leaf, the tea wholesaler I worked at from 2021 to 2023, we supplied loose-leaf tea to about 2,300 "
    "café accounts in Wales. We also maintained water boilers at about 700 of them. Every year there was budget for "
    "300 free boiler checks. Sales chose the recipients, in practice the 300 biggest spenders.\n\n"
    "I thought the checks should go where they prevent breakdowns.\n"
)

FORECAST = (
    "# Demand for a new depot (analogue method)\n\n"
    "## Problem\n"
    "We're opening a new depot with no history, and we need weekly volumes for the first year for staffing, stock "
    "and the business case.\n\n"
    "## Choosing analogues\n"
    "- Match on catchment and format, not on size alone.\n- Use three to five analogues and average their ramps.\n\n"
    "## Ramp\n- Weeks 1-12 usually run at 60-80% of the mature level.\n\n"
    "## Pitfalls\n- Survivorship: closed depots drop out of the analogue pool.\n"
)


def test_a_prompt_quoted_as_its_own_paragraph_after_its_label_opens_the_case_and_its_arrow_is_a_rise() -> None:
    facts = case_facts(chunks_of("heat.md", HEAT))
    assert facts.opening.startswith("You're the only analyst at Tamarside Heat Co-op"), facts.opening
    assert facts.opening.endswith("whether to hire another surveyor."), facts.opening
    assert facts.shape == "drop" and moved_metric("Rate: 1.80% → 4.60%.")[1] == "rise"


def test_a_change_made_to_every_salon_is_measured_after_the_fact_and_the_rounds_length_is_no_fact() -> None:
    facts = case_facts(chunks_of("nails.md", NAILS))
    assert facts.made and facts.change == "the move to app-only booking", facts
    assert not any("40 minutes" in fact for fact, _ in facts.facts), facts.facts


def test_the_note_takers_employer_told_as_the_one_they_worked_at_is_a_targeting_case() -> None:
    chunks = chunks_of("tea.md", TEA)
    assert chunks and all(chunk.kind == "case" for chunk in chunks)
    facts = case_facts(chunks)
    assert facts.business == "Mellow & Leaf" and facts.targets, facts
    assert facts.opening.startswith("Mellow & Leaf, a tea wholesaler, supplied loose-leaf tea"), facts.opening
    assert "Mellow & Leaf also maintained water boilers" in facts.opening, facts.opening


def test_a_technical_note_that_mentions_the_business_case_is_no_case() -> None:
    assert all(chunk.kind == "note" for chunk in chunks_of("depot.md", FORECAST))
