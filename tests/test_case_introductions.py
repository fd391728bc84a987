"""Round 66's case notes: a business whose name the interviewer's role puts in quotes ('He played the head of operations
at "Fringe Benefits", a chain of 36 hair salons.'), the set-up someone read out after its label, a change told as what
the business started doing, and a story from the note-taker's previous job that introduces the business with a colon
before its figures."""

from __future__ import annotations

import random
from pathlib import Path

from interviewer.core.domain import CASE_STAGES, Kind, Question
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest, read_sections
from interviewer.ingest.sections import note_kind
from interviewer.interview.case_questions import case_draft, lead_sentence
from interviewer.interview.cases import case_facts
from interviewer.interview.items import build_items
from interviewer.interview.templates import load_templates
from tests.helpers import case_score, chunks_of, make_app, play_scored, stage_drafts

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


# Round 67's case notes.
BOWLING = (
    "# Mock case: Pinfall Lanes peak pricing (run by Femi, 3 June)\n\n"
    'Femi played the interviewer for 45 minutes. His prompt: "Pinfall Lanes has 30 bowling centres. Until this '
    "spring every lane cost £28 an hour. On 4 March, 18 centres moved to peak pricing: £34 an hour at weekends, £20 "
    "the rest of the week. The other 12 stayed on £28 because of a till migration. The CFO says revenue is up. Did "
    'it work?"\n\n'
    "I started by asking what work meant. Femi said the aim was to move demand off Saturday evenings.\n"
)


def test_a_prompt_quoted_over_several_sentences_keeps_its_question_and_the_change_it_asks_about() -> None:
    facts = case_facts(chunks_of("bowling.md", BOWLING))
    assert facts.opening.endswith("Did it work?"), facts.opening
    assert "18 centres moved to peak pricing" in facts.opening, facts.opening
    assert facts.change == "the move to peak pricing" and facts.made and facts.pilot, facts


def test_a_question_inside_a_quoted_prompt_is_what_a_sizing_case_asks() -> None:
    note = (
        "Practice case 4 (from a prep pack) + my attempt\n\n"
        'The prompt, copied out: "Fieldfare Events runs Larkmoor, a three-day festival. Next year it moves to a new '
        "site with a licensed capacity of 18,000. How many portable toilets should they book? A toilet costs £90 for "
        'the weekend."\n\n'
        "Toilets first. I sized the peak hour, not the day.\n"
    )
    facts = case_facts(chunks_of("festival.md", note))
    assert facts.shape == "sizing" and facts.business == "Fieldfare Events", facts
    assert "How many portable toilets should they book?" in facts.opening, facts.opening


def test_the_interviewer_named_on_their_own_line_is_never_the_business_and_a_flat_metric_that_changed_moved() -> None:
    note = (
        "final round debrief — Duetto, product analytics case (14 Nov)\n\n"
        "Interviewer: Marta Quill, senior DS. Duetto: karaoke app, about 2.1M MAU, mostly Android.\n\n"
        "Her setup: a dashboard screenshot. Average session length flat at 10–11 min from July to September, then "
        "from Tuesday 1 October it's 16.2 min and stays there. \"The product VP has put this in the board deck as an "
        'engagement win. Is it?"\n\n'
        "I said three things: real or measurement change; mix shift; and is it good.\n"
    )
    facts = case_facts(chunks_of("karaoke.md", note))
    assert facts.business == "Duetto" and facts.shape == "drop", facts
    assert facts.opening.startswith("Duetto is a karaoke app, about 2.1M MAU"), facts.opening
    assert "Marta" not in facts.opening and "The question:" not in facts.opening, facts.opening
    drafts = stage_drafts(chunks_of("karaoke.md", note), ("data", "method"), 2)
    assert sum("average session length" in text for text in drafts) >= 2, drafts
    assert not any("Marta" in text or "movement" in text for text in drafts), drafts


def test_a_business_whose_name_holds_an_and_is_named_whole_and_what_its_list_gets_is_said_whole() -> None:
    note = (
        "Who gets a home fire safety visit: a story from my Eastmoor secondment\n\n"
        "In 2022 I spent nine months as the only data person in the prevention team at Eastmoor Fire and Rescue "
        "Service, a county service covering about 310,000 households. Each year crews carry out roughly 8,000 free "
        "home visits: they check and fit smoke alarms. Capacity was fixed, so: which 8,000 homes get offered one?\n\n"
        "I began with a Poisson GLM of fires per small area.\n"
    )
    facts = case_facts(chunks_of("fire.md", note))
    assert facts.business == "Eastmoor Fire and Rescue Service" and facts.targets, facts
    assert facts.opening.endswith("Capacity was fixed, so which 8,000 homes get offered one?"), facts.opening
    drafts = stage_drafts(chunks_of("fire.md", note), ("data",), 3)
    assert any("a home fire safety visit changes" in text for text in drafts), drafts


def test_a_sentence_the_opening_says_is_never_a_point_a_stage_answer_must_add() -> None:
    # "The CEO says it was a huge success because no-shows in the pilot salons fell ..." was a key point of the
    # experiment stage after the opening had said it, and the transcript listed it as a full answer (a trial user).
    chunks = chunks_of("salon.md", SALON)
    facts = case_facts(chunks)
    assert "The CEO says no-shows in the pilot salons fell" in facts.opening
    items = [item for chunk in chunks for item in build_items(chunk)]
    for stage in CASE_STAGES[1:]:
        staged = [item for item in items if item.stage == stage]
        draft = case_draft(
            stage, chunks[0].topic, chunks, staged, None, load_templates(), random.Random(0), set(), False
        )
        assert not [p for item in draft.items for p in item.points if "The CEO says" in p], (stage, draft.items)


# Round 68's case notes.
def test_a_name_that_ends_on_its_s_keeps_it_and_a_prompt_label_with_words_after_it_is_dropped() -> None:
    note = (
        "Practice case: how many dispensing cabinets? (copied from the case book)\n\n"
        "The prompt as the book gives it: \"St Brannoc's is a 480-bed acute hospital with 20 inpatient wards. Twelve "
        "wards already have an automated dispensing cabinet. The Chief Pharmacist wants one on every ward and asks how "
        'many to buy. A main cabinet costs £36,000." The appendix numbers:\n\n'
        "- about 8 medication administrations per occupied bed per day\n\n"
        "My attempt, timed at 25 minutes. Demand first.\n"
    )
    facts = case_facts(chunks_of("cabinets.md", note))
    assert facts.business == "St Brannoc's" and facts.shape == "sizing", facts
    assert facts.opening.startswith("St Brannoc's is a 480-bed acute hospital"), facts.opening
    assert "The prompt as" not in facts.opening and '"' not in facts.opening, facts.opening


def test_a_ride_moved_to_timed_entry_is_the_change_its_was_it_asks_about() -> None:
    note = (
        "Mock #4: theme park timed entry (Priya as interviewer)\n\n"
        'Priya ran this one over video. Her prompt, nearly word for word: "Oakhollow Park is a regional theme park, '
        "about 1.1 million visits a year. Its busiest ride is the Kestrel coaster. On 1 June they moved it to timed "
        "entry: guests book a free return slot in the app. The GM says it's a success because the average posted wait "
        'fell from 70 minutes in May to 35 in June. Was it?"\n\n'
        "The first thing I did was ask what the park actually wanted.\n"
    )
    facts = case_facts(chunks_of("park.md", note))
    assert facts.change == "the move to timed entry" and facts.made, facts
    assert "they moved it to timed entry" in facts.opening and facts.opening.endswith("Was it?"), facts.opening


def test_a_targeting_case_that_counts_teams_asks_about_each_team_and_never_leads_with_we() -> None:
    note = (
        "Who gets the call? (my Boardly story)\n\n"
        "Boardly makes task-board software. In 2023 I was the only data scientist on the growth team. The free tier "
        "allowed up to 10 seats. We had roughly 38,000 active free teams and five sales reps, each managing around 30 "
        "conversations a week. Who gets the call?\n\n"
        "The existing answer was a lead score. I rebuilt it as an uplift model on a randomised holdout.\n"
    )
    drafts = stage_drafts(chunks_of("boardly.md", note), ("frame", "data", "method"), 3)
    assert any("each team" in text for text in drafts), drafts
    assert not any("person" in text or "people" in text or text.startswith("We ") for text in drafts), drafts
    assert lead_sentence("We had roughly 38,000 active free teams and five sales reps.") == ""


def test_a_count_that_went_from_one_daily_figure_to_another_is_the_drop_named() -> None:
    note = (
        "mock w/ Marcus — Rebound listings drop\n\n"
        "Rebound is a used-textbook marketplace. New listings went from about 4,800 a day to 3,100 a day starting "
        "Tuesday Jan 14. What happened?\n\n"
        "I started with the definition.\n"
    )
    drafts = stage_drafts(chunks_of("rebound.md", note), ("frame", "data", "evaluation"), 2)
    assert not any("movement" in text for text in drafts), drafts
    assert sum("the drop in new listings" in text for text in drafts) >= 2, drafts


def test_a_push_in_a_case_about_a_drop_is_on_the_explanation_never_on_a_plan_to_work(interviewer_home: Path) -> None:
    # "One more angle on this: what would have to be true at ReShelf for your plan to work?" fit nothing of a case
    # about explaining a drop (a rater, round 68).
    notes = interviewer_home.parent / "notes"
    notes.mkdir(parents=True)
    (notes / "rebound.md").write_text(
        "mock w/ Marcus — Rebound listings drop\n\nRebound is a used-textbook marketplace. New listings went from "
        "about 4,800 a day to 3,100 a day starting Tuesday Jan 14. What happened?\n\nI started with the definition.\n",
        encoding="utf-8",
    )
    app = make_app(interviewer_home)
    ingest([str(notes)], app.store, 10**8)

    def missing_everywhere(question: Question) -> ScoreResult:
        gap = {"text": "It has to be checked against what was assumed first.", "chunk_id": ""}
        return case_score(0.5, (gap,)) if not question.follow_up else case_score(1.0)

    config = SessionConfig(kind=Kind.CASE, questions=9, seed=1, topic="Rebound")
    asked = play_scored(app, config, "I would look at the listings by platform and day.", missing_everywhere)
    pushes = [q.text for q in asked if q.follow_up and q.stage != CASE_STAGES[0]]
    assert pushes and not [text for text in pushes if "your plan" in text], pushes


# Round 69's case notes.
def test_the_business_a_title_question_asks_about_is_named_and_never_what_is_in_service() -> None:
    note = (
        "Practice case: how many battery swappers does Zappo need in Leeds?\n\n"
        "Copied from a casebook, then my own attempt. The book gives you this and nothing else unless you ask:\n\n"
        "- 1,800 scooters in service\n- 3.0 trips per scooter per day\n\n"
        'The prompt is "Zappo\'s ops director wants a hiring number for next quarter. How many battery-swap staff?"\n\n'
        "Usable range per battery is 28 km.\n"
    )
    facts = case_facts(chunks_of("scooters.md", note))
    assert facts.business == "Zappo" and facts.shape == "sizing", facts
    assert "The prompt is" not in facts.opening and "How many battery-swap staff?" in facts.opening, facts.opening


def test_the_note_takers_reason_for_writing_never_opens_the_case() -> None:
    note = (
        "Harbourside Animal Rescue — who gets the first-month call (story from my charity job, 2023)\n\n"
        'My answer to "tell me about a time you changed the question". Writing it down so the numbers are straight.\n\n'
        "Harbourside runs two rehoming centres and places about 5,200 animals a year, roughly 100 a week. About 8% "
        "come back within 30 days. Each return costs about £400. There are two support staff, and realistically they "
        "can make about 40 calls a week.\n\n"
        "I built a risk model first. Then I rebuilt it to rank by the effect of a call.\n"
    )
    facts = case_facts(chunks_of("rescue.md", note))
    assert facts.opening.startswith("Harbourside runs two rehoming centres"), facts.opening
    assert "Writing it down" not in facts.opening and facts.targets, facts


def test_the_candidates_own_checklist_or_verdict_never_leads_a_stage_question() -> None:
    # Both raters, round 69: each handed over the answer the turn was asking for.
    checklist = "Is it real or a measurement artifact, is it internal or external, and what changed on the 14th."
    assert lead_sentence(checklist) == ""
    assert lead_sentence("Year on year is better: March–May 2023 averaged 1,140 new members a month.") == ""
    assert lead_sentence("Stillwater had about 1,140 new members a month in spring 2023.") != ""


def test_a_push_never_names_a_prefixed_verb_as_a_term() -> None:
    from interviewer.interview.case_engine import _cue

    cue = _cue("Price in fleet-hours and re-run the sums for winter.", "I would count swaps per day.")
    assert "re-run" not in cue, cue


def test_a_targeting_case_names_whom_its_set_up_names_even_without_a_count() -> None:
    # "How would you turn the choice at Harbour Lane into ...? Name what you would estimate for each one on the list"
    # and "which candidates belong on the list" read as placeholders to both raters (round 69).
    note = (
        "Oakmere Animal Rescue — who gets the first-month call\n\n"
        "Oakmere runs two rehoming centres and places about 5,200 animals a year. About 8% come back within 30 days. "
        "There are two support staff, and realistically they can make about 40 calls a week, so about a third of "
        "adopters. Who should get the call?\n\n"
        "I built a risk model first. Then I rebuilt it to rank by the effect of a call.\n"
    )
    drafts = stage_drafts(chunks_of("oakmere.md", note), ("frame", "data", "method"), 3)
    assert any("adopter" in text for text in drafts), drafts
    assert not any("candidate" in text or "each one" in text or "people" in text for text in drafts), drafts


def test_the_openings_own_givens_are_never_points_its_clarify_answer_missed(interviewer_home: Path) -> None:
    # "missed: Halvard Hotels runs a 220-room business hotel ..." after a clarify answer to the question that had just
    # said it (a trial interview on a prep-book case).
    notes = interviewer_home.parent / "notes"
    notes.mkdir(parents=True)
    (notes / "kennels.md").write_text(
        "Prep book: boarding kennel overbooking\n\n"
        "Barkridge Kennels runs a 60-pen boarding kennel outside a market town. Last summer, 9% of confirmed "
        "stays neither arrived nor cancelled in time for the pen to be rebooked. The owner asks how many bookings "
        "beyond capacity the kennel should take on a peak weekend.\n\n"
        "My attempt: I asked whether no-shows differ between deposit-paid and unpaid bookings, and assumed they are "
        "independent from dog to dog. The model answer splits no-shows by booking channel before anything else.\n",
        encoding="utf-8",
    )
    app = make_app(interviewer_home)
    ingest([str(notes)], app.store, 10**8)
    config = SessionConfig(kind=Kind.CASE, questions=2, seed=1, topic="kennel")
    asked = play_scored(app, config, "I would ask about deposits.", lambda _: case_score(0.5))
    opening = asked[0]
    assert opening.stage == CASE_STAGES[0] and "Barkridge Kennels runs a 60-pen" in opening.text, opening.text
    assert not [p for p in opening.points if "60-pen" in p or "The owner asks" in p], opening.points


def test_a_named_business_whose_owner_asks_what_to_do_is_a_case_note() -> None:
    note = (
        "Prep book: ferry car-deck overbooking\n\n"
        "Tarn Ferries operates a 90-car ferry between two islands. One in twelve booked cars never turns up. "
        "The operations manager asks whether to sell more car places than the deck holds.\n"
    )
    sections, _ = read_sections("notes/ferry.md", note.encode())
    assert note_kind("notes/ferry.md", sections) == "case"
    technical = "Bootstrap intervals\n\nThe percentile bootstrap resamples rows. A reviewer asks whether it holds.\n"
    sections, _ = read_sections("notes/boot.md", technical.encode())
    assert note_kind("notes/boot.md", sections) == "note"
