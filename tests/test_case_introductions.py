"""Round 66's case notes: a business whose name the interviewer's role puts in quotes ('He played the head of operations
at "Fringe Benefits", a chain of 36 hair salons.'), the set-up someone read out after its label, a change told as what
the business started doing, and a story from the note-taker's previous job that introduces the business with a colon
before its figures."""

from __future__ import annotations

from interviewer.ingest.pipeline import read_sections
from interviewer.ingest.sections import note_kind
from interviewer.interview.case_questions import lead_sentence
from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of, stage_drafts

SALON = (
    "# Mock case — salon deposits (Pawel as interviewer, 3 Mar)\n\n"
    'Pawel (ex-consultancy pricing) ran this one over video. He played the head of operations at "Curl & Co '
    'Studios", a chain of 28 hair salons. The setup he read out: in April last year they started charging an £8 '
    "deposit on every online booking, credited against the bill. It went live on 2 April in 10 salons and in the "
    "remaining 18 on 4 June. The CEO says no-shows in the pilot salons fell from 12.9% to 3.8%. Did it work?\n\n"
    "My first move was fine: I asked what worked means to them. Then I set up a difference-in-differences.\n"
)

WINE = (
    'Cheese club retention offers — the story I tell if asked "tell me about a model that was wrong"\n\n'
    "This is from my previous job at Rindwell, a cheese subscription club: roughly 21,000 active members getting a "
    "box each month at £34, and monthly churn around 6%. Marketing had budget for 3,000 retention offers a month and "
    "wanted to know who should get them.\n\n"
    "The version I inherited was a churn model. I rebuilt it as an uplift model on a randomised holdout.\n"
)


def test_a_business_named_in_quotes_after_the_interviewers_role_is_named_and_introduced() -> None:
    facts = case_facts(chunks_of("salon.md", SALON))
    assert facts.business == "Curl & Co Studios", facts.business
    assert facts.opening.startswith("Curl & Co Studios is a chain of 28 hair salons."), facts.opening


def test_the_setup_read_out_opens_after_its_label_and_names_the_change_started() -> None:
    facts = case_facts(chunks_of("salon.md", SALON))
    assert "setup he read out" not in facts.opening.lower(), facts.opening
    assert "In April last year they started charging an £8 deposit" in facts.opening, facts.opening
    assert facts.shape == "change" and facts.made and facts.pilot and facts.everywhere, facts
    assert facts.change == "the £8 deposit on every online booking", facts.change
    drafts = stage_drafts(chunks_of("salon.md", SALON), ("method", "experiment"), 2)
    assert all("Curl & Co Studios" in text and "the £8 deposit" in text for text in drafts), drafts


def test_a_pilot_the_rest_got_later_is_never_asked_how_to_extend() -> None:
    drafts = stage_drafts(chunks_of("salon.md", SALON), ("deployment",), 4)
    assert not any("extend" in text or "beyond where" in text for text in drafts), drafts


def test_a_story_from_a_previous_job_at_a_named_club_is_a_case_about_whom_to_target() -> None:
    sections, _ = read_sections("notes/wine.md", WINE.encode())
    assert note_kind("notes/wine.md", sections) == "case"
    facts = case_facts(chunks_of("wine.md", WINE))
    assert facts.business == "Rindwell", facts.business
    assert facts.targets and facts.opening.startswith("Rindwell is a cheese subscription club."), facts.opening


def test_a_rate_that_went_from_a_steady_figure_to_another_is_named_in_the_stage_questions() -> None:
    note = (
        "Mock #2 — cancellations spiked in Porto (Ines interviewing)\n\n"
        "Prompt: you're a data scientist at Ridely, a ride-hailing app. In Porto the trip cancellation rate went "
        "from a steady 7.4% to 11.9% starting Monday 3 June and has stayed there. The city GM wants to know what "
        "happened.\n\n"
        "My opening was too fast. I jumped to the weather.\n"
    )
    drafts = stage_drafts(chunks_of("rides.md", note), ("data", "method"), 3)
    assert sum("the rise in trip cancellation rate" in text for text in drafts) >= 2, drafts
    assert not any("movement" in text for text in drafts), drafts


def test_a_sentence_that_sums_up_the_one_before_it_never_leads_a_stage_question() -> None:
    # ("In other words, the old policy was spending almost its entire budget on the one group where the offer did
    # nothing." led round 66's frame question with its answer)
    assert lead_sentence("In other words, the old list spent its whole budget on members the offer never moved.") == ""
    assert lead_sentence("Hence the 3,000 offers went to the wrong members.") == ""
    assert lead_sentence("Marketing had budget for 3,000 retention offers a month.") != ""
