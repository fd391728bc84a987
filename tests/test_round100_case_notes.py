"""Round 100's misreadings, on notes of my own in the same shapes: a worked example whose "Setup:" gives a toy
workplace and its numbers (read as a case), a behavioural story whose business is said in brackets without an article,
and a mock whose friend speaks as "Name/Role:" in the role she plays."""

from __future__ import annotations

from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of, note_kind_of

WORKED = (
    "# Paired vs unpaired tests: worked example (by hand once)\n\n"
    "Setup: 6 call-centre agents, avg handling seconds with the OLD script vs the NEW one. Same 6 people did both.\n\n"
    "| agent | old | new |\n|---|---|---|\n| 1 | 300 | 290 |\n| 2 | 280 | 275 |\n\n"
    "## Step 1\n- mean difference = 7.5 s\n"
)

STORY = (
    '# Behavioural story: the Quillby signup "jump"\n\n'
    'Use for: "a time the data told a different story". Keep it to 3 minutes.\n\n'
    "At Quillby (tutoring marketplace: maths, science, languages) I was the analyst for the signup funnel. Signups "
    "sat around 4.1% of visits for months, about 6,200 signups on 150,000 visits a week.\n\n"
    "One release shipped a new landing page and a cookie-banner change. The week after, signups read 5.6%.\n"
)

MOCK = (
    "# Mock with Tess: Lendle Garden, weekends in York\n\n"
    'Tess made this up and played "Ana, VP Growth". Dialogue approximate.\n\n---\n\n'
    "**Tess/Ana:** So, Lendle Garden. Peer-to-peer garden-tool rental, people list mowers and hedge trimmers. York "
    "is our biggest: 900 listings, about 2,000 weekend requests a month, and 22% of them go unaccepted. I have £30k "
    "of growth budget next quarter. Do I spend it on more lenders in York, or on a weekend surge price?\n\n"
    "**Me:** What does unaccepted mean?\n\n**Tess:** Declined or ignored.\n\n**Me:** Thanks.\n\n**Tess:** Go on.\n"
)


def test_a_worked_examples_setup_is_no_case() -> None:
    assert note_kind_of("01_paired_tests.md", WORKED) == "note"


def test_a_story_whose_business_is_said_in_brackets_is_a_case() -> None:
    assert note_kind_of("11_story_quillby.md", STORY) == "case"
    assert case_facts(chunks_of("11_story_quillby.md", STORY)).business == "Quillby"


def test_a_friend_speaking_in_her_role_names_the_business_and_puts_the_ask() -> None:
    facts = case_facts(chunks_of("09_mock_lendle.md", MOCK))
    assert facts.business == "Lendle Garden", facts
    assert facts.opening.endswith("Do I spend it on more lenders in York, or on a weekend surge price?"), facts.opening
    assert "York is Lendle Garden's biggest" in facts.opening, facts.opening


BOOK = (
    'Prep book, case 9 ("Whiteboard Numbers"). Did it timed, 20 min. Pasting the prompt as printed:\n\n'
    "> Mat & Loom collects, cleans and returns curtains in Eastleigh, a city of about 300,000 people. It runs one van "
    "and last year did 900 one-off jobs. The founder, Pia Sand, wants to launch a subscription at £79 a year. She "
    'asks: "How many subscribers could we have in two years, and will I need a second van? A second van costs me '
    'about £30k a year."\n\n'
    "## My attempt\n\n- 300k people / 2.4 per household = 125,000 households\n"
)


def test_a_business_that_lists_its_verbs_is_named_and_its_quoted_question_ends_the_opening() -> None:
    facts = case_facts(chunks_of("prepbook_matloom.md", BOOK))
    assert facts.business == "Mat & Loom", facts
    assert facts.opening.endswith(
        'will I need a second van? A second van costs me about £30k a year."'
    ), facts.opening  # fmt: skip
