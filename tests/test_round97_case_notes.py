"""Round 97's misreadings, on notes of my own in the same shapes: a loop debrief whose business is said "X = what it
is" with a quote on the same line, and whose case was "set up as" a prompt that asks without a question mark; a mock
told as dialogue whose interviewer puts the question in character, a plan to judge; and the push after a clarifying
answer that said back a fact."""

from __future__ import annotations

from interviewer.interview.cases import case_facts
from interviewer.interview.templates import load_templates
from interviewer.scoring.keypoints import prose
from tests.helpers import chunks_of

LOOP = (
    "Debrief — Gantry final loop (Tue), written same evening\n\n"
    'Gantry = marketplace for bike repairs and servicing at home. Three rounds; recruiter says "next week".\n\n'
    "Round 1, SQL (Ivo). Latest booking per customer, ties broken by id.\n\n"
    "Round 2, the case (Mara, senior DS). The one to write down.\n\n"
    "He set it up as: the VP of Ops has a review on Friday. The average repair rating went from 4.2 to 4.6 in the "
    "month after app release 3.1. In the same month the company launched mechanic training. She wants a slide "
    'saying "training is working", and she\'s asking me whether she can say that.\n\n'
    "What I did: asked what else changed.\n"
)

DIALOGUE = (
    "# Mock w/ Ana — Sat, ~30 min. Case: Fernhill Meals (marketplace balance)\n\n"
    "Ana played interviewer off her own brief. Typed up after, dialogue approximate.\n\n"
    "**Setup she gave me:** Fernhill Meals is an app where home cooks in Ashby sell lunches to office workers "
    "nearby. About 900 active cooks, about 20,000 customers a month. Cook 90-day retention fell from 58% to 44% "
    "over two quarters.\n\n"
    'Then she put on her "Head of Supply" voice:\n\n'
    "> **Ana:** We've got £40k of cook acquisition budget next quarter. My plan is to pause onboarding in the two "
    "central districts and spend all of it on the suburbs. Is that right?\n\n"
    "> **Me:** Why do we think the centre is the problem?\n\n"
    "> **Ana:** Central cooks list 10 portions a day and sell 4.\n\n"
    "So it looked like oversupply in the middle.\n"
)


def test_a_name_said_equal_to_what_it_is_is_prose_even_with_a_quote_on_its_line() -> None:
    line = 'Gantry = marketplace for bike repairs and servicing at home. Three rounds; recruiter says "next week".'
    assert prose(line) == line
    assert prose('config = {"name": "x"}') == ""  # code stays out


def test_a_case_set_up_as_a_prompt_is_opened_with_it_and_its_business_from_the_preface() -> None:
    facts = case_facts(chunks_of("debrief_gantry.md", LOOP))
    assert facts.business == "Gantry", facts
    assert facts.opening.startswith(
        "Gantry is a marketplace for bike repairs and servicing at home. The VP of Ops has a review on Friday."
    ), facts.opening
    assert facts.opening.endswith("and she's asking you whether she can say that."), facts.opening


def test_a_dialogues_question_put_in_character_opens_the_case_said_by_whom_and_names_its_plan() -> None:
    facts = case_facts(chunks_of("mock_fernhill.md", DIALOGUE))
    assert facts.business == "Fernhill Meals", facts
    assert facts.opening.endswith(
        "The Head of Supply asks: \"We've got £40k of cook acquisition budget next quarter. My plan is to pause "
        'onboarding in the two central districts and spend all of it on the suburbs. Is that right?"'
    ), facts.opening
    assert "Central cooks list" not in facts.opening  # told only when the candidate asked
    assert facts.change == "pausing onboarding in the two central districts", facts


def test_the_push_after_a_clarifying_answer_presumes_nothing_it_said() -> None:
    for template in load_templates().case["push-open-clarify"]:
        assert "you just" not in template and "you said" not in template, template
