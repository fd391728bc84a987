"""Round 91's misreadings, on notes of my own in the same shapes: a case book's case cited "Case N from <book> by
<author> (2nd edition, ...)" whose long prompt asks which of three options a named business should choose, a mock whose
prompt asks how to test an app already built, a story that names its business problem after its figures, and a scored
process whose threshold is set without any flags."""

from __future__ import annotations

from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of, stage_drafts

BOOK = (
    "Prep book practice, Sunday. Case 12 from *Deciding with Data* by Orla Fenwick-Strand (2nd edition, the blue "
    "one). Timed at 25 minutes.\n\n"
    'The printed prompt: "Quillbarrow Books ships about 5,000 parcels a week from one warehouse. Volume grows 3% a '
    "month. Its courier contract ends in eight weeks. Three options are on the table. Parcelhawk charges £4.10 per "
    "parcel with a 3,000 a week minimum. Swiftmere charges £4.60 with no minimum and fewer lost parcels. The third "
    "option is to run its own vans at £18,000 a month plus £1.20 a parcel. Lost parcels cost about £25 each. Which "
    'option should Quillbarrow Books choose?"\n\n'
    "My attempt: cost per parcel first, and I forgot the growth.\n"
)

MOCK = (
    "Mock with Dev, Tuesday. He played the head of sales.\n\n"
    "His prompt: \"You're a data scientist at Ferncastle Supplies. We deliver to about 1,800 cafes from two depots, "
    "and our 30 reps visit each cafe every week. We've built a phone app, OrderMate, that suggests a weekly order from "
    "past purchases. Leadership wants to know if it increases what cafes buy before paying for phones for every rep. "
    'How would you test it?"\n\n'
    "I said randomise reps, not cafes, and fit a mixed model with a random effect per rep.\n"
)

STORY = (
    "The story I use for 'a project you owned end to end'.\n\n"
    "Before this job I was the analyst at Larkmoor Lessons, an online music-lesson marketplace. Mostly piano and "
    "guitar for adult beginners, about 800 active teachers. About 400 new students signed up each week. Each was "
    "matched to a teacher by hand. The business problem was first-month drop-off. Only 55% booked a fourth lesson.\n\n"
    "I built a pair model of student and teacher.\n"
)


def test_a_case_book_prompt_asking_which_option_a_business_should_choose_says_the_options_and_asks_a_choice() -> None:
    facts = case_facts(chunks_of("prepbook_courier_options.md", BOOK))
    assert facts.shape == "choice", facts.shape
    assert "Deciding with Data" not in facts.opening and "edition" not in facts.opening, facts.opening
    assert "Three options are on the table." in facts.opening, facts.opening
    assert facts.opening.endswith("Which option should Quillbarrow Books choose?"), facts.opening


def test_an_app_built_already_whose_prompt_asks_how_to_test_it_is_a_change_to_test_never_a_model_to_train() -> None:
    facts = case_facts(chunks_of("mock_ordermate.md", MOCK))
    assert facts.decision and facts.shape == "change", facts
    drafts = stage_drafts(chunks_of("mock_ordermate.md", MOCK), ("data", "method", "evaluation"), 2)
    assert not [t for t in drafts if "leakage" in t or "The model is trained" in t or "modelling" in t], drafts


def test_a_story_says_its_business_problem_and_joins_a_line_of_figures_to_what_the_business_is() -> None:
    facts = case_facts(chunks_of("story_larkmoor.md", STORY))
    assert facts.opening.startswith(
        "Larkmoor Lessons is an online music-lesson marketplace, mostly piano and guitar for adult beginners"
    ), facts.opening
    assert "The business problem was first-month drop-off." in facts.opening, facts.opening


def test_a_threshold_on_scores_that_flag_nothing_is_never_asked_about_flags() -> None:
    note = (
        "Debrief: Corbelway, onsite round 2 of 4.\n\n"
        'The prompt: "Corbelway handles expense claims for about 3,000 companies. A model scores every expense line '
        "from 0 to 1, and above a threshold we auto-approve; below it the customer's finance team reviews the line. "
        'Product wants to lower the threshold from 0.90 to 0.84. Should we?"\n\n'
        "I asked what a wrongly approved line costs the customer.\n"
    )
    facts = case_facts(chunks_of("debrief_corbelway.md", note))
    assert facts.operating, facts
    drafts = stage_drafts(chunks_of("debrief_corbelway.md", note), ("frame", "data"), 4)
    assert drafts and not [text for text in drafts if "flag" in text], drafts
