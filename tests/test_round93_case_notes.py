"""Round 93's misreadings, on notes of my own in the same shapes: a budget of days to allocate across stores, a story
about the threshold on a model that suggests matches, and a prompt that casts the candidate at the business behind its
label."""

from __future__ import annotations

from interviewer.interview.cases import case_facts, story_points
from tests.helpers import chunks_of, stage_drafts

CLINICS = (
    "Prep book case: Hartwell Opticians eye-test days\n"
    'From "Cases for the Final Round" by Ines Marrable, case 8.\n\n'
    'The printed prompt: "Hartwell Opticians operates 24 stores. For the spring it has funded 60 mobile eye-test days '
    "for its visiting optometrist. A store can host at most five days. Last spring Hartwell ran 40 days across 16 "
    "stores; you have tests per day, by store. Each test earns £12 contribution. A day costs £280. How should Hartwell "
    'allocate the 60 days?"\n\n'
    "My attempt: I ranked stores by last year's average tests per day.\n"
)

STORY = (
    "Story: the auto-approve threshold at Ledgerline\n\n"
    "At Ledgerline I was one of two data scientists. Ledgerline is expense software for about 9,000 small firms. "
    "The receipts screen pulls in every card payment and our matching model suggests which receipt it belongs to. "
    "The product lead wanted to approve high-confidence matches automatically, above 0.9. My job was to decide where "
    "the threshold should be.\n\n"
    "I priced the two errors first.\n"
)

MOCK = (
    "# Mock with Sol - Greyford Buses stop screens\n\n"
    "Sol read the prompt off his phone more or less like this: \"You're a data scientist at Greyford Buses. Three "
    "depots, 210 stops, about 90,000 trips on a weekday. They've bought screens for 40 stops. The operations director "
    'wants to know whether the screens cut complaints. How would you find out?"\n\n'
    "I asked what the decision was.\n"
)


def test_a_budget_of_days_to_allocate_across_stores_is_a_split_asked_in_its_opening_without_channels() -> None:
    facts = case_facts(chunks_of("prepbook_eye_test_days.md", CLINICS))
    assert facts.shape == "allocation", facts.shape
    assert facts.opening.endswith("How should Hartwell allocate the 60 days?"), facts.opening
    drafts = stage_drafts(chunks_of("prepbook_eye_test_days.md", CLINICS), ("data", "method", "experiment"), 2)
    assert not [text for text in drafts if "channel" in text or "pound" in text], drafts


def test_a_story_about_the_threshold_on_a_model_that_suggests_matches_is_an_operating_point_case() -> None:
    assert case_facts(chunks_of("story_ledgerline.md", STORY)).operating


def test_a_prompt_that_casts_the_candidate_at_the_business_behind_its_label_opens_by_saying_so() -> None:
    facts = case_facts(chunks_of("mock_greyford.md", MOCK))
    assert facts.opening.startswith("You're a data scientist at Greyford Buses."), facts.opening


def test_the_note_takers_list_of_things_to_drill_is_never_a_point_a_case_answer_missed() -> None:
    # "missed: Things to drill: open with the cost of the failure, ..." in my own trial interview (session 19)
    note = (
        MOCK + "\nMy answer was to randomise the order in which stops get screens, three stops a week, and compare "
        "complaints at screened stops with stops still waiting.\n\nThings to drill: open with the cost of the failure, "
        "and name the alternatives before modelling.\n"
    )
    points = [text for text, _ in story_points(chunks_of("mock_greyford.md", note))]
    assert points and not [p for p in points if p.startswith("Things to drill")], points


def test_a_story_says_what_its_business_is_where_that_sentence_says_when_i_was_there() -> None:
    note = (
        "Story: the auto-match threshold at Quillby\n\n"
        "This is the one I'll use for 'a trade-off with a model in production'.\n\n"
        "At Quillby I was one of two data scientists. Quillby is invoicing software for sole traders, about 20,000 "
        "paying users when I was there. The payments screen pulls in every transfer and our matching model suggests "
        "which invoice it settles. The product lead wanted high-confidence matches accepted automatically.\n"
    )
    opening = case_facts(chunks_of("story_quillby.md", note)).opening
    assert opening.startswith("Quillby is invoicing software for sole traders, about 20,000 paying users."), opening
