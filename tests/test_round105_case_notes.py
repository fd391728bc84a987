"""Round 105's case notes that were not found, on notes of my own in the same shapes: a story-bank entry whose
business is "my last job" ("Tidewell was my last job — ..."), and a loop's debrief whose title says it was the final
loop ("Hartwick final loop — debrief") while its first lines list the rounds."""

from __future__ import annotations

from tests.helpers import note_kind_of

STORY = (
    "# Story bank: the Tidewell pricing change\n\n"
    '*For: "analysis that changed a decision". Long version first.*\n\n'
    "## Long version\n\n"
    "Tidewell was my last job — booking software for independent climbing walls. About 1,200 paying walls, all on "
    "a flat £65 a month. I was the only analyst.\n\n"
    'In March the CEO asked: "If we move to £0.90 per active member with a £40 floor, do we make more money?"\n\n'
    "Static maths first: median wall 70 members, break-even at 72.\n"
)

DEBRIEF = (
    "# Hartwick final loop — debrief (written the evening after)\n\n"
    "Hartwick = app-only pet insurance, ~90k policies. Senior DS, pricing team. Four 45-min rounds on Zoom.\n\n"
    "**Round 1 — SQL.** Cohort retention, fine.\n\n"
    "**Round 2 — ML design.** Claim fraud flags. Ran out of time on evaluation.\n\n"
    "**Round 3 — product case with the hiring manager.** In May they launched a vet-chat feature. Users who "
    "opened it twice had 9% fewer claims, and the CFO wants to say it cut claims by 9%. Is that right?\n"
)


def test_a_story_of_my_last_jobs_business_is_a_case() -> None:
    assert note_kind_of("11_story_tidewell.md", STORY) == "case"


def test_a_debrief_whose_title_says_final_loop_is_a_case() -> None:
    assert note_kind_of("12_debrief_hartwick.md", DEBRIEF) == "case"


def test_my_last_jobs_business_is_introduced_and_the_ceos_words_are_the_ask_of_a_change() -> None:
    from interviewer.core.domain import CaseKind
    from interviewer.interview.cases import case_facts
    from tests.helpers import chunks_of

    story = STORY.replace(
        'In March the CEO asked: "If we move to £0.90 per active member with a £40 floor, do we make more money?"',
        'In March the CEO posted in the #pricing channel. Her exact words (I saved it): "If we move from £65 flat to '
        '£0.90 per active member with a £40 floor, do we make more money — and who do we lose? Need a view by May."',
    )
    facts = case_facts(chunks_of("11_story_tidewell.md", story))
    assert facts.opening.startswith("Tidewell is a booking software for independent climbing walls."), facts.opening
    assert "my last job" not in facts.opening
    assert "do we make more money — and who do we lose?" in facts.opening, facts.opening
    assert facts.kind is CaseKind.CHANGE, facts  # a move's effect to weigh; "#pricing" sizes nothing


MOCK = (
    "# Mock with Sam — Sunday\n\n"
    "Sam played interviewer, reading the prompt off his phone.\n\n"
    "---\n\n"
    "**Sam:** Ok. Bottlewise runs a refillable-bottle scheme in Leeds. You pay a £2 deposit and return the bottle at "
    "any of 90 partner shops. Headline metric is 30-day return rate. It sat around 80% all spring. Over the last "
    'three weekly cohorts it has gone down to 66%. Priya, head of ops, asks: "Should we put the deposit up to £3?" '
    "Go.\n\n"
    "**Me:** How is return rate computed?\n\n"
    "**Sam:** By issue-week cohort.\n"
)


def test_an_interviewers_turn_is_said_once_without_its_filler_and_a_stated_metric_is_none_to_define() -> None:
    from interviewer.core.domain import CaseKind
    from interviewer.interview.cases import case_facts
    from tests.helpers import chunks_of

    facts = case_facts(chunks_of("09_mock_bottlewise.md", MOCK))
    assert facts.opening.count("Bottlewise runs a refillable-bottle scheme") == 1, facts.opening
    assert "Ok." not in facts.opening and not facts.opening.endswith("Go."), facts.opening
    assert facts.kind is not CaseKind.METRIC, facts
