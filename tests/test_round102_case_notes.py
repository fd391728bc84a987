"""Round 102's misreadings, on notes of my own in the same shapes: a debrief whose numbers list opens on a time as a
label ("Last January: 61,000 chats.", read as the business) and whose ask is what the interviewer "said roughly", a
prep-book pricing case that asks "Is this a good idea?" (sized, as its chapter title says "pricing")."""

from __future__ import annotations

from interviewer.core.domain import CaseKind
from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of

DEBRIEF = (
    "Debrief — Tollgate Tutors, Senior DS final loop (Tuesday)\n\n"
    "Three rounds on video: SQL, case, behavioural. Mostly about the case.\n\n"
    "Tollgate helps GCSE students revise maths online, with live tutors. Interviewer: Dev, Head of "
    'Operations. She said roughly: "Every May we get swamped before the exams. Last year we hired 30 temporary '
    'tutors and students still waited 20 minutes in the final week. How many should we hire this year?"\n\n'
    "Numbers I collected:\n- Last May: 48,000 sessions. 35% of them in the final 10 days.\n"
    "- Average session 25 min.\n\nMy calculation: 48,000 × 1.1 ≈ 52,800 sessions.\n"
)

BOOK = (
    '# Prep book, ch. 5 (pricing), case 5.2 — "Kettleby Rota"\n\n'
    "Did this one timed, then read the model answer.\n\n"
    "> *Kettleby Rota sells booking software to dental practices at £39 per site per month. 2,100 sites are "
    'customers; 25% pay annually on a "2 months free" deal (£390/year). Monthly sites churn at 2% a month; annual '
    'sites renew at 80%. The CFO wants to move to "3 months free" (£351/year) and expects annual uptake to reach '
    '45%. She asks: "Is this a good idea?"*\n\n'
    "## My attempt\n\nLifetime value per site first.\n"
)


def test_a_time_as_a_label_is_no_business_and_what_the_interviewer_said_is_the_ask() -> None:
    facts = case_facts(chunks_of("12_debrief_tollgate.md", DEBRIEF))
    assert facts.business.startswith("Tollgate"), facts
    assert "Last May" not in facts.business
    assert facts.opening.endswith(
        ("How many should Tollgate Tutors hire this year?", "How many should we hire this year?")
    )
    assert "every may we get swamped before the exams." in facts.opening.lower(), facts.opening
    assert facts.kind is CaseKind.SIZING


def test_a_pricing_case_that_asks_if_it_is_a_good_idea_weighs_a_change() -> None:
    facts = case_facts(chunks_of("10_prepbook_kettleby.md", BOOK))
    assert facts.kind is CaseKind.CHANGE, facts
