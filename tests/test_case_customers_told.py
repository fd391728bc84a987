"""Round 80's case notes: a vendor's customer as the case ("about one of their customers: the ..."), the
interviewer's aside on how they played someone, a rate told as one figure and then another, and a book's prompt
whose question ends its paragraph past the set-up's first sentences. Every note is made up for the test."""

from __future__ import annotations

from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of

SALONS = (
    "Debrief: Bookwell final round, product analytics case (Wed 7 Feb 2024)\n\n"
    "Bookwell sells booking software to salons, so the case was (obviously) about one of their customers: the "
    "Copper Comb Group, 12 independent hair salons around York that share a brand. On 2 October, 9 of the salons "
    "launched a points app. In January the group's owner said repeat visits were up 15% since launch.\n\n"
    "I asked what repeat visits meant first.\n"
)

DIGEST = (
    "Mock #2: the Platewise open-rate drop (Sara as interviewer)\n\n"
    "Sara made this one up for me.\n\n"
    "Her setup: Platewise is a free recipe newsletter, 90,000 subscribers, sent every Monday at 6am. It earns money "
    "from a paid tier and affiliate grocery links. Over the eight "
    "sends before 4 March the open rate averaged 44%. On the 4 March send it was 31.2%, then 30.8% on the next. The "
    "editor, who she played as very calm, thinks readers are tired of the recipes and wants to rewrite them.\n\n"
    "What I did: I asked for the definition of an open.\n"
)

POOLS = (
    "Practice case: Brinkley lido attendants (from the case book, case 8)\n\n"
    "Copied from the book:\n\n"
    "> Brinkley Town Council runs an outdoor lido on summer weekends (June–August, 26 weekend days). The council must "
    "fix its attendant budget in April. Guidance: one attendant per 25 swimmers at peak, plus two at the gate. About "
    "40% of a day's visitors swim at the peak hour. On a normal day 30% of those are in the deep end, on a hot day "
    "45%. Last summer: median 900 visitors a day, hot days up to 2,100. 9 of 26 weekend days were hot. The "
    "neighbouring town uses 6 attendants on a normal day and 10 on a hot one. Pay is £14 an hour for an 8-hour day. "
    "A supervisor costs £19 an hour. How many attendants per day, and what budget?\n\n"
    "My attempt (timed): I framed it as capacity with a safety floor.\n"
)


def test_the_vendors_customer_is_the_case_and_says_what_it_has() -> None:
    facts = case_facts(chunks_of("salons.md", SALONS))
    assert facts.business == "the Copper Comb Group", facts.business
    assert facts.opening.startswith("The Copper Comb Group has 12 independent hair salons around York"), facts.opening


def test_a_rate_told_as_one_figure_then_another_opens_the_case_without_the_interviewers_aside() -> None:
    facts = case_facts(chunks_of("digest.md", DIGEST))
    assert "the open rate averaged 44%" in facts.opening and "it was 31.2%" in facts.opening, facts.opening
    assert "who she played" not in facts.opening, facts.opening


def test_a_books_prompt_that_asks_how_many_at_its_end_is_a_sizing_case_that_asks_it() -> None:
    facts = case_facts(chunks_of("lido.md", POOLS))
    assert facts.shape == "sizing", facts.shape
    assert facts.opening.endswith("How many attendants per day, and what budget?"), facts.opening
