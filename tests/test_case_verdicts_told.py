"""Round 81's case notes: the note-taker's verdict on how the interview went ("Went OK, not great.") before the
set-up, a change asked about in quotes (whether the membership "worked"), an "X of Y" name written with its article,
a sizing case that "has to decide how many", and a story told "from X, the ... where I was". Every note is made up."""

from __future__ import annotations

from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of

SPAS = (
    "# Debrief: Halden Analytics final round, case interview (2 July)\n\n"
    "Writing this the same evening. Interviewer: Omar, a principal on their retail team. 40 minutes, whiteboard. "
    "Went OK, not great.\n\n"
    'The setup: Glowbay Spas, a chain of 19 day spas across the North, launched "Spa Club" on 1 April 2024. It is '
    '£45 a month for two treatments. The CFO wants to know whether the membership "worked".\n\n'
    "I asked what worked meant.\n"
)

MARKERS = (
    "# Practice case: exam markers (from the case workbook, no. 9)\n\n"
    "Copied out so I can redo it:\n\n"
    "> The University of Westbrook runs its summer exams over two weeks: 10 weekdays, two sessions a day. About "
    "12,000 students sit exams, averaging 3 papers each. Rules require one invigilator per 30 candidates. The Exams "
    "Office has to decide how many invigilators to hire, and what budget to request. Size it.\n\n"
    "My attempt (timed): the trap is sizing on the average.\n"
)

PAINT = (
    '# "Tell me about a time you told a stakeholder something they did not want to hear"\n\n'
    "My go-to story, from Brightcoat Paints, the online paint shop where I was one of two analysts.\n\n"
    "Customers order tester pots before buying ten litres, so tester-order rate was a headline KPI. It sat around 3% "
    "for a year. On 2 May marketing made tester pots free. Two weeks later the rate jumped to 5.1% and stayed there.\n"
)


def test_a_verdict_on_the_interview_names_no_business_and_a_quoted_worked_asks_about_a_change_made() -> None:
    facts = case_facts(chunks_of("spas.md", SPAS))
    assert facts.business == "Glowbay Spas", facts.business
    assert facts.made and facts.change == "the membership", facts


def test_an_x_of_y_name_keeps_its_article_and_a_case_that_has_to_decide_how_many_is_a_sizing() -> None:
    facts = case_facts(chunks_of("markers.md", MARKERS))
    assert facts.business == "the University of Westbrook", facts.business
    assert facts.shape == "sizing", facts.shape


def test_a_story_told_from_the_shop_where_the_note_taker_worked_is_a_case_that_says_what_it_is() -> None:
    chunks = chunks_of("paint.md", PAINT)
    assert chunks and all(chunk.kind == "case" for chunk in chunks)
    facts = case_facts(chunks)
    assert facts.opening.startswith("Brightcoat Paints is an online paint shop."), facts.opening
