"""Case notes told as a candidate's own story (issue 21, round 44): a past-job story whose title is its first line, a
prep-book case with the candidate's attempt, and a mock write-up with its logistics. Each is found, named and opened
as a case; a technical note's running example is none; twists and trade-offs fit what the note says. All notes here
are made up for the tests."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from interviewer.core.domain import Kind
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest, read_sections
from interviewer.ingest.sections import note_kind
from interviewer.interview.asking import load_frames, question_for
from interviewer.interview.card_fronts import as_question
from interviewer.interview.case_givens import spoken
from interviewer.interview.case_questions import twist_for
from interviewer.interview.cases import case_facts, stage_statements, story_points
from interviewer.interview.items import build_items
from interviewer.interview.statements import lower_first, usable_concept
from interviewer.interview.templates import load_templates
from interviewer.scoring.scorer import infer_level
from tests.helpers import chunks_of, make_app, note_kind_of, stage_drafts

# A past-job story: no heading, its title on the first line, a speaking-time label, a metric that nearly doubled.
STORY = """Past-job story for "a time a metric moved" — Brackenford Dental Group, March 2024

Writing this out because I keep telling it too long. Target: 2 minutes spoken.

Numbers to remember:
- 31 practices, ~9,800 booked appointments a week
- cancellation rate steady at 4.1% for months, then 7.6% in the week of 4 March

I was the analyst in a small ops team. The cancellation rate goes in the Friday report to the clinical director,
and on 8 March it had nearly doubled. She suspected the new booking app, which had gone live the week before.

I split the rate by practice first. Nine practices had moved to a new records system, and it relabelled late
reschedules as cancellations.

Lessons: check the data is the same data before explaining behaviour.
"""

# A prep-book case and the candidate's attempt: the question comes after the set-up, the title on the first line.
PREP = """Practice case: who gets the onboarding calls? (from "Fifty Analytics Cases", case 12, plus my own attempt)

The prompt, shortened: Ledgerly sells invoicing software to 7,200 small businesses. Its success team can make 300
onboarding calls a month, each about an hour. A pilot last year called 500 random accounts: 12-month retention was
88% for them against 85% for the rest. Which 300 accounts should get calls next month?

My attempt, timed at 20 minutes. I ranked by expected uplift times account value, not by churn risk.
"""

# A mock write-up: who played the interviewer (with a surname and an aside), then the numbers as a list.
MOCK = """Mock #2 — sizing bike racks for Hollin Vale Council

Dana Okafor (friend, works in transport planning) played the head of transport, Sunday 3 Mar, thirty minutes. The
numbers she gave me:

- 22 stations, 4.3M rail journeys a year, 6% of them start with a bike ride
- "61,000 season-ticket holders"
- rack bank = 40 spaces, £9,000 installed
- staff time to clear an abandoned bike: about 20 minutes

The question: the council has money for racks; how many spaces do the stations need, and is it worth it?
"""

# A technical note that opens on its running example: a city, a levy, other cities. No case.
EXAMPLE = """# Difference-in-differences

Running example I use: one town (call it Treated) brings in a congestion charge in Jan 2023; we want the effect on
monthly tram boardings. 25 other towns didn't. 30 months of pre-data.

## The 2x2 version
Effect = (treated post - treated pre) - (control post - control pre). Parallel trends is the assumption.
"""

# A trade-off table of four methods in a note about one of them.
TABLE = """# Conformal prediction

## Quick trade-off table
Bayesian PI: coherent, model-dependent, slow. Quantile regression alone: adaptive, no guarantee. Bootstrap PI: ok,
costly, no finite-sample guarantee. Conformal: guarantee and cheap, but marginal only.
"""


def test_a_past_job_story_is_named_by_its_first_line_and_asked_as_a_metric_that_moved() -> None:
    facts = case_facts(chunks_of("case_dental_jump.md", STORY))
    assert facts.business == "Brackenford Dental Group"  # never "Target", the speaking-time label
    assert facts.shape == "drop"
    assert "Target" not in facts.opening and "minutes spoken" not in facts.opening
    # the list of numbers that opens it says whose they are
    assert facts.opening.startswith("Brackenford Dental Group has 31 practices")


def test_a_prep_book_case_asks_whom_to_call_and_says_so_in_its_opening() -> None:
    facts = case_facts(chunks_of("case_onboarding_targeting.md", PREP))
    assert facts.business == "Ledgerly"
    assert facts.targets
    # (the book's own question since round 84, which reads the whole prompt; the title's before)
    assert facts.opening.endswith("Which 300 accounts should get calls next month?"), facts.opening


def test_a_mock_write_up_opens_on_the_case_never_on_who_played_the_interviewer() -> None:
    facts = case_facts(chunks_of("mock_racks.md", MOCK))
    assert facts.business == "Hollin Vale Council"  # never "the rack bank"
    assert facts.shape == "sizing"
    assert "Dana" not in facts.opening and "played" not in facts.opening
    assert facts.opening.startswith("Hollin Vale Council has 22 stations")
    assert '"' not in facts.opening  # the quoted list item is said without its quotes
    assert "Staff time to clear an abandoned bike is about 20 minutes." in [fact for fact, _ in facts.facts]


def test_a_running_example_makes_no_case_of_a_technical_note() -> None:
    assert note_kind_of("did.md", EXAMPLE) == "note"
    assert note_kind_of("case_dental_jump.md", STORY) == "case"


@pytest.mark.parametrize(
    ("label", "said"),
    [
        ("Staff time to process a hold at the desk: about 2 minutes.", "Staff time to process a hold at the desk is"),
        ("Average delivery costs per order: £4.10.", "Average delivery costs per order are"),
        ("Success rate per class: 0.8 at best.", "Success rate per class is"),
    ],
)
def test_a_label_and_its_figure_are_said_as_a_sentence(label: str, said: str) -> None:
    assert spoken(label).startswith(said)


def test_a_trade_off_table_sets_each_option_against_the_notes_subject() -> None:
    pairs = [i for c in chunks_of("conformal.md", TABLE) for i in build_items(c) if i.other]
    assert pairs
    assert all("conformal" in (i.concept.lower(), i.other.lower()) for i in pairs)
    assert usable_concept("Quantile regression alone") == "Quantile regression"
    assert lower_first("Bayesian PI") == "Bayesian PI" and lower_first("Lasso has") == "lasso has"


def test_no_two_weeks_twist_for_a_number_to_size_or_a_twelve_month_outcome() -> None:
    templates, frames = load_templates(), load_frames()
    for name, text in (("mock_racks.md", MOCK), ("case_onboarding_targeting.md", PREP)):
        chunks = chunks_of(name, text)
        for seed in range(12):
            for stage in ("clarify", "method", "experiment"):
                twist = twist_for(chunks, templates, frames, random.Random(seed), "", stage=stage)
                assert "two weeks" not in twist
                assert "strongest feature" not in twist  # a list from a pilot's segments has no feature to ban


def test_a_story_case_offers_what_it_found_and_its_lessons_never_its_set_up_or_the_note_taker() -> None:
    told = [text for text, _ in story_points(chunks_of("case_dental_jump.md", STORY))]
    assert any(text.startswith("Nine practices had moved to a new records system") for text in told)
    assert "Check the data is the same data before explaining behaviour." in told  # a lesson, on its own
    assert not any("minutes spoken" in text or text.startswith("I was the analyst") for text in told)
    assert not any("9,800 booked appointments" in text for text in told)  # a given the opening quotes
    # ... nor the note-taker's verdict on their own performance
    debrief = (
        STORY + "\nFirst, I spent 10 minutes on the app before the data.\n\nFor next time: ask for the records first.\n"
    )
    told = [text for text, _ in story_points(chunks_of("case_dental_jump.md", debrief))]
    assert told and not any("I spent 10 minutes" in text or "next time" in text.lower() for text in told)
    # a case with stage headings says what each stage covers
    headed = "# Churn case\n\n## Data\nWe have 2M orders a day in a log table.\n\n## Method\nA logistic baseline.\n"
    assert story_points(chunks_of("case_headed.md", headed)) == []


def test_the_note_takers_lessons_are_one_point_each_and_their_practice_none() -> None:
    grouped = stage_statements(" ".join(c.text for c in chunks_of("case_dental_jump.md", STORY)), opening=False)
    points = [point for stage in grouped.values() for point in stage]
    assert "Check the data is the same data before explaining behaviour." in points
    assert not any("minutes spoken" in point for point in points)


def test_a_story_case_stage_is_scored_on_what_the_note_found(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "case_dental_jump.md").write_text(STORY)
    app = make_app(tmp_path / "home")
    ingest([str(notes)], app.store, 10**8)
    topic = next(c.topic for c in app.interviewer.chunks() if c.kind == "case")
    session = app.interviewer.start(SessionConfig(kind=Kind.CASE, topic=topic, questions=7, seed=0))
    results = []
    while (question := session.next_question()) is not None:
        result, _ = session.answer("I would split the cancellation rate by practice and check the records system.")
        results.append((question, result))
    # every stage, whatever its words, is scored on statements of the note (none is "your notes hold nothing")
    assert all(result.key_points for _, result in results)
    told = {text for text, _ in story_points([c for c in app.interviewer.chunks() if c.kind == "case"])}
    assert any(point["text"] in told for _, result in results for point in result.key_points)


# A mock with a business introduced by what it is, then the interviewer's quoted prompt, then the candidate's working.
SIZING = """Mock w/ Ravi: how big could a new Boulderline gym get? (sizing)

Ravi is a product manager who climbs with me, and he offered to play the CEO of a made-up chain, Boulderline: 6 indoor
gyms in the North West, about 22,000 members. His prompt: "We can lease a 1,500 m² unit in Bolton and must decide this
month. How many members would it get, and is it worth it?"

Top-down first. About 300,000 people live within 20 minutes, 40% of them aged 18-44, so about 120,000; if 2% climb
regularly, that's about 2,400 climbers.
"""

# A story of a change already made, told in a mock; the rule starts "From <date>".
POLICY = """# Mock #3 — "did the deposit rule work?" (physio clinics)

Nadia (old teammate, now at a fintech) ran this one on Monday, 40 minutes. She played the COO at a made-up company,
Flexwell, which runs 30 physio clinics with about 9,000 appointments a week.

The setup: until March anyone could book without paying. From 1 April 2024 a £15 deposit is taken for first
appointments and kept on a no-show. The COO wants to know whether it worked.
"""

# A quoted set-up, a drop as a noun in the title and "a 12% fall overnight".
DROP = """The Monday sign-up drop (Hollowmere Broadband, story from my last job)

> Hollowmere Broadband is a regional internet provider with about 140,000 customers. The growth team watches daily
> sign-ups. On Monday 3 June sign-ups showed 410 against a steady 466 for weeks, a 12% fall overnight.

I checked the tracking first: a tag had been removed from the checkout page.
"""


def test_a_business_named_after_what_it_is_opens_the_case_and_the_prompt_ends_the_set_up() -> None:
    sizing = case_facts(chunks_of("mock_sizing.md", SIZING))
    assert sizing.business == "Boulderline"
    assert sizing.opening.startswith("Boulderline is a chain with 6 indoor gyms")
    assert "1,500 m²" in sizing.opening and "Top-down" not in sizing.opening and "2,400" not in sizing.opening
    policy = case_facts(chunks_of("mock_policy.md", POLICY))
    assert policy.business == "Flexwell"
    assert policy.opening.startswith("Flexwell runs 30 physio clinics")
    assert "Nadia" not in policy.opening and "40 minutes" not in policy.opening
    assert "From 1 April 2024 a £15 deposit" in policy.opening  # the change "whether it worked" asks about


def test_a_quoted_set_up_is_read_without_its_markers_and_a_fall_is_a_drop() -> None:
    drop = case_facts(chunks_of("case_signups.md", DROP))
    assert drop.business == "Hollowmere Broadband"
    assert ">" not in drop.opening
    assert drop.shape == "drop"


def test_a_never_rule_without_a_verb_is_no_teammates_plan() -> None:
    text = (
        "# Geo features\n\n## Gotchas\n- Never Euclidean on raw lat/lon: degrees of longitude shrink with latitude.\n\n"
        "- Never use a random split on spatial data, because neighbouring cells leak into the test fold.\n\n"
        "- Never decreasing is not the same as finding the global maximum.\n"
    )
    plans = [
        question_for(item, 3, load_frames(), random.Random(0), set())  # a teammate's plan is asked at level 3
        for chunk in chunks_of("geo.md", text)
        for item in build_items(chunk)
        if item.kind == "pitfall"
    ]
    assert not any("Euclidean" in plan or "decreasing" in plan for plan in plans)
    assert any("plans to use a random split on spatial data" in plan for plan in plans)


def test_a_self_quiz_asks_a_slip_anyone_can_make_and_a_flaw_at_the_pitfall_level() -> None:
    assert as_question("Mistake I made in the take-home?") == (
        "What mistake is easy to make in the take-home, and how do you avoid it?"
    )
    assert infer_level("What's wrong with ranking the true item against 100 random negatives?") == 4


# A prep-book prompt quoted whole after a label, ending in an instruction rather than a question.
QUOTED = """# Practice case 9 (from the "Product Cases" PDF Ana shared): new site for a laundrette chain

The prompt, copied: "Suds & Co runs 11 self-service laundrettes in Bristol. About half of its revenue comes from
service washes. The property team holds an option on a unit in Yate, a town of about 30,000. Fit-out is £400k, and
the rule is payback within 5 years. Size the site's expected annual revenue and recommend go / no-go. You have 20
minutes."

My attempt, timed. I went bottom-up from the catchment: 12,000 households within a 5-minute drive.
"""

# A story whose title quotes a "crash", and a business introduced by what it is, with no figure of scale.
CRASH = """# The sign-up "crash" at Tutorly (my story for "a time a metric moved")

This is from my last job. Tutorly is an online marketplace where parents book maths tutors for their children. Its
north-star metric was trial-to-paid conversion.

On Monday conversion showed 14.2% after weeks at 19-20%. The COO asked whether the new ranking had broken it.
"""


def test_a_quoted_prompt_is_said_whole_and_its_instruction_sets_the_case() -> None:
    facts = case_facts(chunks_of("case_laundrette.md", QUOTED))
    assert facts.business == "Suds & Co"
    assert facts.shape == "sizing"
    assert facts.opening.startswith("Suds & Co runs 11 self-service laundrettes")
    assert facts.opening.endswith("Size the site's expected annual revenue and recommend go / no-go.")
    assert '"' not in facts.opening and "copied" not in facts.opening


def test_a_story_of_a_metric_that_crashed_is_a_case_about_a_drop() -> None:
    assert note_kind_of("tutorly.md", CRASH) == "case"
    facts = case_facts(chunks_of("tutorly.md", CRASH))
    assert facts.business == "Tutorly" and facts.shape == "drop"


def test_a_business_that_collects_is_named_and_a_label_before_it_is_dropped() -> None:
    text = (
        "# Mock: did Binly's switch to pay-by-weight work?\n\nHer setup: Binly collects food waste from 900 cafés in "
        "Leeds. Until this year every account paid a flat £60 a month. The CEO wants to know whether the switch "
        "worked.\n"
    )
    facts = case_facts(chunks_of("binly.md", text))
    assert facts.business == "Binly"
    assert facts.opening.startswith("Binly collects food waste")


def test_two_parts_of_a_note_under_their_own_labels_are_no_rivals() -> None:
    text = (
        "# Reproducibility\n\n**backfills**\n- cost/time: 2 years of daily rows for 30M entities is 22B rows, so "
        "partition by date\n\n**nondeterminism**\n- GPU: nondeterministic kernels are faster but the metric wobbles, "
        "so document it\n"
    )
    pairs = [item for chunk in chunks_of("repro.md", text) for item in build_items(chunk) if item.other]
    assert not any(item.kind == "trade-off" for item in pairs)


def test_a_proper_name_an_airport_that_handles_and_a_drop_someone_asked_about() -> None:
    university = (
        "Practice case 4 from a drills book (copied prompt, then my timed attempt, 25 min)\n\nPrompt: Eastbrook "
        "University's admissions office has 1,800 applicants who hold an offer. The deadline is 30 May. Ambassadors "
        "can phone 500 of them. Whom should they target?\n\nIf you ask: 600 are in a high band.\n"
    )
    facts = case_facts(chunks_of("case_eastbrook_targeting.md", university))
    assert facts.business == "Eastbrook University" and facts.targets
    assert facts.opening.endswith("Whom should they target?") and "If you ask" not in facts.opening
    airport = (
        "# Hollow Cross Airport: sizing a new Faro route (mock with Ian)\n\nIan played the airport's director. "
        "Setup: Hollow Cross handles about 900,000 passengers a year. A carrier proposes a Faro route and wants a £10 "
        "incentive per passenger. Should the airport say yes?\n"
    )
    assert case_facts(chunks_of("airport.md", airport)).business == "Hollow Cross"
    wholesaler = (
        "# Case: the week that wasn't Easter (Papermill Supply, from my last job)\n\nPapermill is an office-supplies "
        "wholesaler with about 6,000 trade accounts. Orders per account are normally around 2.2 a week. On Monday "
        "it showed 1.81, down 17.7%. The director messaged me asking what had happened.\n"
    )
    assert case_facts(chunks_of("papermill.md", wholesaler)).shape == "drop"


def test_a_change_someone_asks_worked_is_measured_after_the_fact() -> None:
    text = (
        "# Mock case 2: Pawtrot booking fee\n\nPawtrot is a dog-walking app. Owners book walkers at about £14 a walk. "
        "On 4 March the London booking fee rose from £1.50 to £2.49. The CFO wants to know whether it worked.\n"
    )
    chunks = chunks_of("pawtrot.md", text)
    facts = case_facts(chunks)
    assert facts.shape == "change" and facts.made
    assert "gone ahead with the change" in stage_drafts(chunks, ("experiment",), 1)[0]


def test_a_story_names_its_business_in_the_titles_brackets_and_an_accented_interviewer_is_the_mock() -> None:
    story = (
        'The streaming cliff: a story from my last job (Riverbend Radio, May 2024)\n\nThis is my answer for "tell me '
        'about a time a metric moved and you had to explain it", written down properly.\n\nRiverbend hosted about '
        "12,000 stations when this happened. On Tuesday the dashboard showed daily listens down 14% week on week.\n\n"
        "I split the drop by player app first.\n"
    )
    assert note_kind_of("riverbend.md", story) == "case"
    facts = case_facts(chunks_of("riverbend.md", story))
    assert facts.business == "Riverbend Radio" and facts.shape == "drop"
    mock = (
        "# Mock with Inés: sizing the lift upgrade at Snowcap Peak\n\nInés (ex-consultant) ran this sizing case on "
        "3 March, about 35 minutes. Snowcap Peak sells about 180,000 lift tickets a season. The board is looking at a "
        "$2.1M chairlift upgrade. The question: how much is it worth a year, and should they do it?\n"
    )
    opening = case_facts(chunks_of("snowcap.md", mock)).opening
    assert "Inés" not in opening and "35 minutes" not in opening


def test_no_twist_of_surprising_results_is_bolted_onto_an_evaluation_question() -> None:
    templates, frames = load_templates(), load_frames()
    chunks = chunks_of("case_onboarding_targeting.md", PREP) + chunks_of("mock_policy.md", POLICY)
    twists = {
        twist_for([chunk], templates, frames, random.Random(seed), "", stage="evaluation")
        for chunk in chunks
        for seed in range(8)
    }
    assert not any("much better than anyone expected" in twist for twist in twists)


@pytest.mark.parametrize(
    ("set_up", "kept"),
    [
        ("Deskly runs 38 coworking sites. On 1 September it raised the desk price from £180 to £215 at 12 sites and "
         "left the other 26 at £180. The COO wants to know whether the rise worked.", "the other 26 sites"),
        ("Pawtrot is a dog-walking app. On 4 March the London booking fee rose from £1.50 to £2.49, while Leeds and "
         "Bristol stayed at £1.50. The CFO wants to know whether it worked.", "Leeds and Bristol"),
    ],
)  # fmt: skip
def test_a_pilots_comparison_is_the_part_the_case_names(set_up: str, kept: str) -> None:
    chunks = chunks_of("pilot.md", f"# Mock case: the price rise\n\n{set_up}\n")
    assert case_facts(chunks).pilot
    texts = stage_drafts(chunks, ("experiment",), 6)
    assert all(kept in text for text in texts)
    assert not any("the part that kept things" in text or "from the rest" in text for text in texts)


def test_what_a_storys_opening_says_is_never_a_point_to_score() -> None:
    story = (
        'The streaming cliff: a story from my last job (Riverbend Radio, May 2024)\n\nThis is my answer for "tell me '
        'about a time a metric moved and you had to explain it".\n\nRiverbend hosted about 12,000 stations when this '
        "happened. Ads are sold on listens counted from our server logs. On Tuesday the dashboard showed daily listens "
        "down 14% week on week.\n\nI split the drop by player app first, and one app's new release explained most of "
        "it.\n"
    )
    chunks = chunks_of("riverbend.md", story)
    opening = case_facts(chunks).opening
    told = [text for text, _ in story_points(chunks)]
    assert "Ads are sold on listens counted from our server logs." in opening
    assert told and not any(text.rstrip(".") in opening for text in told)


def test_a_mock_run_by_someone_who_played_a_role_opens_on_the_business_not_on_them() -> None:
    # Round 49: "... — ran by Priya, 3 Nov" then "Priya played the head of analytics at BrightArch, a chain of ..."
    # named the interviewer "Nov", the business "the chain", and opened on "Priya played ... Her opening: ...".
    note = (
        'Mock case: "Why did renewals dip?" (Fernlea Opticians) — ran by Oskar, 12 Jan\n\n'
        "Oskar played the head of insight at Fernlea, a chain of 48 opticians in Wales and the South West. His "
        "opening: the contact-lens renewal rate had held at 61–63% for a year and fell to 52% in the first week of "
        "January. The COO wants an explanation by Thursday.\n\n"
        "I began with seasonality, which was the wrong place to start.\n"
    )
    facts = case_facts(chunks_of("fernlea.md", note))
    assert facts.business == "Fernlea" and facts.shape == "drop"
    assert facts.opening.startswith("Fernlea is a chain of 48 opticians")
    assert "Oskar" not in facts.opening and "His opening" not in facts.opening
    assert "The contact-lens renewal rate had held" in facts.opening


PEBBLECART = (
    "Practice case — Pebblecart, first-order coupon\n\n"
    'From the case book (case 9, trimmed): "Pebblecart, a pet-supplies delivery app, signs up about 15,000 new '
    "customers a month. Only a third order again within 30 days. There is budget for a £6 coupon to 4,000 of them "
    "each month. Which 4,000 should get it?\" The book adds last year's test: 8,000 new customers split 50/50.\n\n"
    "- Repeat rate: control 33%, coupon 39%\n\n"
    "My attempt, written the next morning. The late-delivery segment is 26% of 15,000, about 3,900 a month, which "
    "nearly uses the budget.\n"
)


def test_a_prompt_quoted_whole_after_where_it_came_from_is_the_opening() -> None:
    # Round 49: 'Copied from the prep book (case 14, lightly shortened): "Larder, a UK grocery delivery app, ...
    # Which 6,000 should get it?"' was skipped as one question: the case opened on the book's data table.
    facts = case_facts(chunks_of("pebblecart.md", PEBBLECART))
    assert facts.business == "Pebblecart" and facts.targets
    assert facts.opening.startswith("Pebblecart, a pet-supplies delivery app, signs up about 15,000")
    assert facts.opening.endswith("Which 4,000 should get it?")
    # what follows the candidate's attempt is theirs: never a given of any stage
    assert all(at == "told" for text, at in facts.facts if "late-delivery segment" in text)


def test_a_question_someone_put_in_a_story_is_its_ask_and_a_story_of_sizing_is_sized() -> None:
    # Round 49: "... asked a simple question: should we hire 14 more inspectors?" was left out of the opening, and
    # the story for "a time you sized something for a decision" ran as a model to train.
    note = (
        'Story for "tell me about a time you sized something for a decision" — Harrow & Tay Trams\n\n'
        "I used to be the analyst at Harrow & Tay, a city tram operator with 60 trams on 5 lines and about 21 million "
        "boardings a year. In 2022 the operations director, Morag, asked a simple question: should we add 6 more "
        "ticket inspectors? An inspector cost about £34k a year, fully loaded.\n\n"
        "The data was a 10-week inspection log of 4,100 passengers on 150 trams.\n"
    )
    facts = case_facts(chunks_of("trams.md", note))
    assert facts.shape == "sizing"
    assert "The question: Should Harrow & Tay add 6 more ticket inspectors?" in facts.opening


def test_whom_to_target_is_never_asked_as_a_model_to_train() -> None:
    # Round 49, both raters: "The model is trained. How do you decide whether it is good enough for Larder?" of a
    # voucher case that chooses from a randomised test's segments.
    chunks = chunks_of("pebblecart.md", PEBBLECART)
    texts = stage_drafts(chunks, ("frame", "data", "method", "evaluation", "experiment", "deployment"), 3)
    assert all("Pebblecart" in text for text in texts)
    assert not any(re.search(r"\bthe model\b|model is trained|leak the label", text) for text in texts), texts


def test_a_story_of_a_metric_that_moved_at_an_unnamed_chain_is_a_case() -> None:
    # Round 50: "The October availability drop (a story from my last job)" at "Hollin & Marsh, a pharmacy chain with
    # 640 stores" was read as a technical note, and its sentences became points of deep-dive questions.
    note = (
        "# The spring refund spike (a story from my last job)\n\n"
        'My answer for "tell me about a time a metric moved and you had to explain it".\n\n'
        "I was one of two analysts at Brindle & Cole, a garden-centre chain with 85 stores and about 9,000 lines. "
        "The refund rate had sat at 2% all year. In the week of 8 April it came in at 3.4%, up from 2.1% the week "
        "before.\n\nI split it by store first, and the rise was everywhere.\n"
    )
    sections, _ = read_sections("notes/refunds.md", note.encode())
    assert note_kind("notes/refunds.md", sections) == "case"
    facts = case_facts(chunks_of("refunds.md", note))
    assert facts.business == "Brindle & Cole" and facts.shape == "drop"
    assert facts.opening.startswith("Brindle & Cole is a garden-centre chain with 85 stores")


def test_a_question_told_as_what_someone_asked_ends_what_the_case_poses() -> None:
    # Round 50: 'Her question was simply "can data science give us a better 150?"' was never the ask, and the
    # opening took the candidate's later "We settled on ... fewer complaint calls" as the case's symptom.
    note = (
        "# Mock case: which depots get the new forklifts (Carrow Logistics)\n\n"
        "Mock with Priya, who played the head of operations.\n\n"
        "The setup: Carrow Logistics runs 300 depots and about 2,000 forklifts. The budget buys new forklifts for "
        'roughly 40 depots. Her question was simply "can data science give us a better 40?"\n\n'
        "I opened with the obvious, ranking by breakdowns. We settled on avoided downtime plus fewer complaint calls, "
        "over two years.\n"
    )
    facts = case_facts(chunks_of("carrow.md", note))
    assert facts.opening.endswith('The question: "Can data science give us a better 40?"')
    assert "settled" not in facts.opening


def test_a_titles_question_is_not_asked_again_when_the_opening_says_the_decision() -> None:
    # Round 50, both raters: "... must decide by September whether to hire ... to launch a battery retrofit offer
    # ... How many battery retrofits?" pasted the title's fragment after the decision.
    note = (
        "# Mock case 2: how many boiler services? (Warmline Heating)\n\n"
        "Warmline Heating has fitted boilers in about 21,000 homes since 2016. The COO must decide by June whether to "
        "hire eight more engineers to launch a boiler service plan for existing customers.\n\n"
        "I started top-down from the installed base.\n"
    )
    facts = case_facts(chunks_of("warmline.md", note))
    assert facts.shape == "sizing" and "How many boiler services?" not in facts.opening
    assert "whether to hire eight more engineers" in facts.opening


def test_a_market_left_without_the_change_is_the_comparison_the_question_names() -> None:
    # Round 50: "The UK does not have it, for customs reasons." after a rollout market by market.
    note = (
        "# Practice case: the verification rule at Loftly\n\n"
        "Loftly is a holiday-rental marketplace in five countries. On 1 March it made ID checks mandatory in France "
        "for hosts with more than three listings. Germany followed on 10 May. The UK does not have it, for legal "
        "reasons. The CEO wants to know whether it worked.\n\n- Fraud reports: 4.1% before, 1.9% after\n"
    )
    chunks = chunks_of("loftly.md", note)
    assert case_facts(chunks).pilot
    texts = stage_drafts(chunks, ("experiment",), 6)
    assert all("the UK" in text for text in texts), texts
    assert not any("tried" in text or "trial" in text for text in texts)


def test_a_real_interviews_longer_preface_comes_before_the_business_it_names() -> None:
    # Round 51: "The real thing, not a mock. No offer, but ... Interviewers: Helen (head of analytics) and Sunil. 50
    # minutes, whiteboard." came before "The question: Ridgeway has 160 branches." The case named "the business" and
    # opened on "Which 25 branches should get them?" alone.
    note = (
        "Final round, Tolland Bike Hire (name changed), case interview, March\n\n"
        "The real thing, not a mock. No offer in the end, but the feedback said the case went well. Interviewers: "
        "Mara (head of analytics) and Dev (PM). 45 minutes, whiteboard.\n\n"
        "The question: Tolland has 90 depots. The board approved 20 automatic bike docks, each about £15,000 fitted. "
        "Which 20 depots should get them?\n\nI asked what value meant first.\n"
    )
    facts = case_facts(chunks_of("tolland.md", note))
    assert facts.business == "Tolland" and facts.targets
    assert facts.opening.startswith("Tolland has 90 depots.") and facts.opening.endswith(
        "Which 20 depots should get them?"
    )
    assert "The question" not in facts.opening


def test_a_quoted_metric_that_dropped_is_explained_and_an_expected_saving_is_sized() -> None:
    # Round 51: 'The "Similar jobs" drop (a story from Shortlistr, Nov 2022)' and 'She wants the expected annual saving
    # to decide whether to fund it.' both ran as models to train; the drop's opening said "weak matches were
    # dropped" (a filter) and never the drop itself.
    drop = (
        '# The "Related courses" drop (a story from Learnwell, March 2023)\n\n'
        'My best "tell me about a time a metric moved" story.\n\n'
        "Learnwell was a UK course marketplace with around 2 million monthly visitors. Every course page had a "
        '"Related courses" strip, with weak matches dropped below a cut-off. Its click-through rate sat at 4.1% for '
        "a year. On Tuesday 14 March the dashboard showed 3.0%, a 27% drop. My manager wanted an explanation by "
        "Friday.\n\nStandard checks first: the drop was similar on web (−26%) and apps (−28%).\n"
    )
    facts = case_facts(chunks_of("learnwell.md", drop))
    assert facts.shape == "drop" and "a 27% drop" in facts.opening and "similar on web" not in facts.opening
    sizing = (
        "# Practice case: auto-approving small refunds at a retailer\n\n"
        "The setup: Brockley Home has 220,000 orders a year. The ops director wants to build a model that approves "
        "small refunds with no agent. She wants the expected annual saving to decide whether to fund it.\n\n"
        "My attempt. Refund volume is about 9% of orders.\n"
    )
    assert case_facts(chunks_of("brockley.md", sizing)).shape == "sizing"


@pytest.mark.parametrize(
    ("opening", "moved"),
    [
        ("Acme is a chain of 40 gyms. The class booking rate had been steady at 61% and dropped to 48% in May.",
         ("class booking rate", "drop")),
        ("Acme runs 12 warehouses. The KPI everyone watched was pick accuracy. It sat at 99.1% all year. In week 9 it "
         "came in at 97.0%, down from 99.2%.", ("", "drop")),
        ("Acme sells socks online. On Monday the weekly review showed trial conversion down 9% week on week.",
         ("trial conversion", "drop")),
        ("Acme sells socks online. Returns went from 3.1% to 4.4% after the new size chart.", ("", "rise")),
        ("Acme sells socks online. Nothing has changed yet.", ("", "")),
    ],
)  # fmt: skip
def test_what_moved_and_which_way_is_read_from_the_opening(opening: str, moved: tuple[str, str]) -> None:
    from interviewer.interview.case_opening import moved_metric

    assert moved_metric(opening) == moved


def test_a_drop_question_names_what_dropped_never_the_movement_in_the_metric() -> None:
    # Round 52, both raters: "How would you break the movement in the metric at Kestrel Bay into parts ...?" where
    # the case says the payer conversion rate fell from 2.4% to 1.7%.
    note = (
        "# Mock case: the renewal drop at Fernlea (ran by Oskar)\n\n"
        "Fernlea is a chain of 48 opticians. On Monday 6 January the contact-lens renewal rate fell from its usual "
        "62% to 51%. The COO wants an explanation by Thursday.\n\nI began with seasonality.\n"
    )
    chunks = chunks_of("fernlea.md", note)
    texts = stage_drafts(chunks, ("frame", "data", "method", "evaluation", "experiment", "deployment"), 2)
    assert not any("movement" in text or "the metric" in text for text in texts), texts
    assert any("the drop in contact-lens renewal rate at Fernlea" in text for text in texts)


def test_a_technical_note_listing_kinds_of_unit_is_no_case() -> None:
    # Round 53: "Thousands of groups (sellers, stores, branches, reps), most with tiny n. ... A seller with 2 returns
    # out of 5 orders shows 40%." opened a shrinkage note, run as a case about "the business".
    note = (
        "SHRINKAGE FOR SMALL GROUPS\n==========================\n\nTHE PROBLEM\n-----------\n"
        "Thousands of groups (shops, depots, branches, agents), most with tiny n.\n"
        "Ranking on raw rates puts the noisiest groups at both ends of the list.\n"
        "An agent with 3 complaints out of 6 orders shows 50%. It means almost nothing.\n"
    )
    sections, _ = read_sections("notes/shrinkage.txt", note.encode())
    assert note_kind("notes/shrinkage.txt", sections) == "note"


def test_a_final_round_write_up_is_a_case_named_from_its_title_and_opened_on_its_prompt() -> None:
    # Round 53: 'Final round write-up: the conversion drop at "Wayfarer Cover"' and "The case round was with Sam, a
    # principal data scientist, who played the Head of Trading" read as a technical note; its prompt was a deep dive.
    note = (
        'Final round write-up: the sign-up drop at "Brightlane Energy"\n\n'
        "Written on the train home from the onsite. The case round was with Noor, a senior analyst, who played the "
        "Head of Growth at a made-up energy supplier. Forty minutes; numbers only when I asked.\n\n"
        'The prompt: "Sign-ups on our website were 2,100 a week for the last two months. Since Monday 3 June they have '
        'been 1,650. We spend about £40k a week on ads. What happened, and what do we do?"\n\n'
        "I started by checking it was real.\n"
    )
    sections, _ = read_sections("notes/brightlane.md", note.encode())
    assert note_kind("notes/brightlane.md", sections) == "case"
    facts = case_facts(chunks_of("brightlane.md", note))
    assert facts.business == "Brightlane Energy" and facts.shape == "drop"
    assert "Noor" not in facts.opening and "Written on the train" not in facts.opening
    # (a prompt in the business's voice says whose it is: "At Brightlane Energy, sign-ups on our website ...")
    assert facts.opening.startswith("At Brightlane Energy, sign-ups on our website were 2,100 a week"), facts.opening
    assert "what do we do?" in facts.opening


def test_a_label_before_a_long_quoted_prompt_is_never_part_of_a_fact() -> None:
    # Round 53: 'The prompt, copied as written: "Hollowmere Brewing is a 12-person craft brewery ...' (a quote of five
    # sentences) was said as a fact with its label and one quote mark.
    assert spoken('The prompt, copied as written: "Ashby Cider is a 9-person cidery selling to pubs in Kent.') == (
        "Ashby Cider is a 9-person cidery selling to pubs in Kent."
    )


def test_a_targeting_question_calls_the_candidates_what_the_case_calls_them() -> None:
    # Round 53, a blind rater: "What exactly should the ranking at Northbrook Homes estimate for each candidate?"
    note = (
        "# Practice case: which depots get the new forklifts (Carrow Logistics)\n\n"
        "Carrow Logistics runs 300 depots and about 2,000 forklifts. The board approved 40 new forklifts. Which 40 "
        "depots should get them?\n\nI asked what value meant first.\n"
    )
    chunks = chunks_of("carrow.md", note)
    texts = stage_drafts(chunks, ("frame", "data", "method", "experiment"), 3)
    assert not any("candidate" in text for text in texts), texts
    assert any("each depot" in text or "the depots" in text or "which depots" in text for text in texts)
