"""Round 94's misreadings, on notes of my own in the same shapes: a story whose only figure of scale is money in
millions, a policy asked as what the pars should be, an evaluation to design before a rollout, a budget split across
named units, and the feedback's "A better answer ..." line."""

from __future__ import annotations

from interviewer.ingest.pipeline import read_sections
from interviewer.ingest.sections import note_kind
from interviewer.interview.card_fronts import as_question
from interviewer.interview.case_givens import writes
from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of, stage_drafts

STORY = (
    "# Behavioural story: the referral-credit abuse work at Crumbwell\n\n"
    "This is my answer for 'a project where you balanced a model against customer experience'.\n\n"
    "Crumbwell was a meal-kit app in Bristol and Cardiff. I was one of two data scientists. New customers got £20 off "
    "a first box. In 2023 that credit cost about £2.4m. Finance thought existing customers were opening new accounts.\n"
)

POLICY = (
    "# Mock with Ana: Copperfold Laundry pars\n\n"
    'Ana read the prompt out: "Copperfold is a commercial laundry that rents linen to 90 guest houses. It picks up '
    "dirty linen and drops clean six days a week. Guest houses run short on Saturdays and about 15% of stock goes "
    'missing a year. The MD wants you to tell him what the pars should be."\n\n'
    "I started from daily usage per room.\n"
)

TRIAL = (
    "# Prep-book case: Marlow Meals pre-order trial\n\n"
    'From *Cases Without Control Groups* by Tess Arundel, case 12. Printed prompt: "Marlow Meals cooks lunches for '
    "30 primary schools from 5 hub kitchens. About 20% of food is thrown away. Marlow wants to introduce an app in "
    "which parents pre-order meals the day before. The board wants evidence that it reduces waste before rolling it "
    'out next September. Design the evaluation."\n\n'
    "My attempt: randomise schools, 15 and 15.\n"
)

SPLIT = (
    "# Debrief: Wheelhaus, product analytics loop, round 2\n\n"
    'The prompt: "Wheelhaus is a bike-rental marketplace. Next half we have a fixed £800k for host incentives '
    'across our 10 UK cities. How should we split it?"\n\n'
    "I said start from extra rentals per pound in each city.\n"
)


def test_a_story_whose_only_scale_is_money_in_millions_is_a_case() -> None:
    sections, _ = read_sections("notes/story_crumbwell.md", STORY.encode())
    assert note_kind("notes/story_crumbwell.md", sections) == "case"


def test_what_the_pars_should_be_is_a_policy_and_an_evaluation_to_design_is_a_change_to_test() -> None:
    assert case_facts(chunks_of("mock_copperfold.md", POLICY)).shape == "policy"
    trial = case_facts(chunks_of("prepbook_marlow.md", TRIAL))
    assert trial.decision and trial.shape == "change", trial
    drafts = stage_drafts(chunks_of("prepbook_marlow.md", TRIAL), ("data", "method", "evaluation"), 2)
    assert not [t for t in drafts if "model" in t or "label" in t], drafts


def test_a_budget_split_across_cities_asks_about_each_city_never_an_option() -> None:
    drafts = stage_drafts(chunks_of("debrief_wheelhaus.md", SPLIT), ("data", "method", "evaluation", "experiment"), 2)
    assert not [t for t in drafts if "option" in t], drafts
    assert any("city" in t or "cities" in t for t in drafts), drafts


def test_the_feedbacks_better_answer_is_the_note_takers_line() -> None:
    assert writes("A better answer gives a rough reallocation by minute 15, and then spends the rest on the curves.")


def test_a_self_quiz_trap_label_is_never_said() -> None:
    asked = as_question("Trap: average basket is £30. Is E[1/basket] = 1/30?")
    assert not asked.lower().startswith("trap") and asked.endswith("Is E[1/basket] = 1/30?"), asked
