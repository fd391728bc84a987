"""Round 54's case notes, read as a candidate wrote them: the case is for whoever asks for the number, a name given
only in quotes or after what the business is, a story whose scale comes a sentence after its organisation, a rate
that was one figure and is now another; and the stage questions ask one thing in the case's own terms."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from interviewer.core.domain import Kind, Question
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest, read_sections
from interviewer.ingest.sections import note_kind
from interviewer.interview.case_opening import leans_back, moved_metric
from interviewer.interview.case_questions import case_draft
from interviewer.interview.cases import case_facts
from interviewer.interview.item_bank import ItemBank
from interviewer.interview.items import build_items
from interviewer.interview.readable import term_fits
from interviewer.interview.templates import load_templates
from tests.helpers import case_score, chunks_of, make_app, play_scored, stage_drafts

LOCKERS = (
    "# Locker sizing — practice case + my attempt\n\n"
    "Boxwell operates 2,400 parcel lockers across Scotland. Harbourline, a large parcel carrier, is considering "
    "co-funding 300 new lockers in Glasgow at £8,000 each in exchange for free use of them. Harbourline's operations "
    "director asks: how much would this save us per year?\n\n"
    "My attempt. Failed first deliveries cost about £2.10 each.\n"
)


def test_the_case_is_for_whoever_asks_for_the_number_not_the_business_named_first() -> None:
    facts = case_facts(chunks_of("lockers.md", LOCKERS))
    assert facts.business == "Harbourline" and facts.shape == "sizing"


def test_a_name_that_ends_the_mock_line_after_what_the_business_is_names_the_case() -> None:
    note = (
        "# Mock case with Dana — paywall meter (did it work?)\n\n"
        "Dana ran this over video on 2 June, playing head of digital at a made-up regional title, the Fenbury Post. "
        "Setup: on 1 April the Post cut its free articles from 10 a month to 4. Six weeks later subscription starts "
        "went from about 300 a week to about 520 a week, and the editor wants to go to zero free articles. Did it "
        "work?\n\nMy answer, roughly. I said worked needs defining.\n"
    )
    facts = case_facts(chunks_of("fenbury.md", note))
    assert facts.business == "Fenbury Post"
    assert facts.opening.startswith("Fenbury Post is a regional title.") and "Dana" not in facts.opening


STORY = (
    '# Past-job story: who gets a follow-up visit? (district nursing, "Easton Community Health")\n\n'
    'For "tell me about a project" questions. For a year I was the analyst at a mid-sized NHS trust ("Easton '
    'Community Health" in interviews). The problem was missed visits, running at about 7% across roughly 1,500 home '
    "visits a week. The team could phone about 120 patients a week. I was asked who we should ring.\n\n"
    "I built a risk model on visit history.\n"
)


def test_a_story_whose_scale_comes_after_its_organisation_is_a_case_named_in_its_titles_quotes() -> None:
    sections, _ = read_sections("notes/easton.md", STORY.encode())
    assert note_kind("notes/easton.md", sections) == "case"
    facts = case_facts(chunks_of("easton.md", STORY))
    assert facts.business == "Easton Community Health" and facts.targets


def test_a_targeting_question_whose_case_asks_who_calls_them_people_never_candidates() -> None:
    texts = stage_drafts(chunks_of("easton.md", STORY), ("frame", "data", "method"), 3)
    assert not any("candidate" in text for text in texts), texts


@pytest.mark.parametrize(
    ("opening", "moved"),
    [
        ('Acme is a marketplace. The weekly metric "quote-to-hire rate" had sat at 31% for months and came in at 28% '
         "for the week starting 3 Feb.", ("quote-to-hire rate", "drop")),
        ("Acme sells cover online. Quote conversion was 12.4% for most of last year; since September it's been "
         "13.9%.", ("quote conversion", "rise")),
    ],
)  # fmt: skip
def test_a_rate_that_was_one_figure_and_is_now_another_moved_the_way_its_figures_say(
    opening: str, moved: tuple[str, str]
) -> None:
    assert moved_metric(opening) == moved


def test_a_sizing_frame_asks_one_thing_and_nothing_about_optimising() -> None:
    chunks = chunks_of("lockers.md", LOCKERS)
    frames = {
        case_draft("frame", chunks[0].topic, chunks, [], None, load_templates(), random.Random(seed), set(), False).text
        for seed in range(6)
    }
    assert all("optimise" not in text and text.count("?") == 1 for text in frames), frames


def test_a_fact_that_points_to_two_things_said_before_it_never_leads_a_question() -> None:
    assert leans_back("One holdout can't separate the two.")
    assert leans_back("A 5% holdout stayed on the old meter, so the latter is measurable.")
    assert not leans_back("A 5% holdout stayed on the old meter.")


def test_effects_set_side_by_side_are_no_options_to_choose_between() -> None:
    note = (
        "# Long-term effects\n\n## Novelty vs primacy\n"
        "- **Novelty effect**: users try the new thing because it is new. The lift starts high and fades fast.\n"
        "- **Primacy effect**: regular users are slowed down because their habits no longer fit. The effect starts "
        "low and improves as they learn.\n"
        "- Both are about returning users, so comparing new and returning users is a quick check.\n"
    )
    bank = ItemBank()
    bank.refresh(chunks_of("long.md", note))
    assert not [i.question for i in bank.items if i.kind == "decision"]


def test_a_note_takers_label_is_no_term() -> None:
    assert not term_fits("name-drop")


CASE = (
    "# Practice case: the Glasgow lockers (Harbourline)\n\n"
    "Harbourline is a parcel carrier with 9 million deliveries a year in Glasgow. Harbourline is considering "
    "co-funding 300 lockers at £8,000 each. How much would this save per year?\n\n"
    "My attempt. Failed first deliveries cost about £2.10 each.\n"
)
STATS = "# Choosing a test\n\n## Chi-square\nExpected count: at least 5 in every cell, else use Fisher's exact test.\n"


def test_a_push_on_a_point_from_another_note_names_no_term_of_that_note(interviewer_home: Path) -> None:
    notes = interviewer_home.parent / "notes"
    notes.mkdir(parents=True)
    (notes / "lockers.md").write_text(CASE, encoding="utf-8")
    (notes / "stats.md").write_text(STATS, encoding="utf-8")
    app = make_app(interviewer_home)
    ingest([str(notes)], app.store, 10**8)
    stats_chunk = next(c for c in app.interviewer.chunks() if c.source.endswith("stats.md"))

    def missing_a_stats_point(question: Question) -> ScoreResult:
        if question.stage == "data" and not question.follow_up:
            gap = {"text": stats_chunk.text.strip(), "chunk_id": stats_chunk.chunk_id}
            return case_score(0.5, (gap,))
        return case_score(1.0)

    config = SessionConfig(kind=Kind.CASE, questions=9, seed=1, topic="Harbourline")
    asked = play_scored(app, config, "I would use the failed-delivery logs.", missing_a_stats_point)
    pushed = [q for q in asked if q.follow_up and q.stage == "data"]
    assert pushed and not any("expected count" in q.text.lower() for q in pushed), [q.text for q in asked]


def test_a_method_note_on_units_like_stores_or_sites_is_no_case() -> None:
    # Round 55: a geo-experiment note opening "runs at store or site level ... 20 to 200 units instead of 2 million
    # users" ran as a case about "the business".
    note = (
        "# Geo experiments\n\n"
        "You use geo experiments when you can't randomise people. The intervention is broadcast (TV, radio), or it "
        "runs at store or site level (opening hours, a regional promo). The unit becomes a region: 20 to 200 units "
        "instead of 2 million users.\n\nPair markets that look alike, then flip a coin within each pair.\n"
    )
    sections, _ = read_sections("notes/geo.md", note.encode())
    assert note_kind("notes/geo.md", sections) == "note"


def test_a_story_of_whom_to_call_names_the_business_the_note_taker_calls_it() -> None:
    note = (
        'Story for "tell me about a time you decided who to target": the Eastfield phone campaign\n\n'
        "From my first job, analyst in the development office at a university I'll call Eastfield. Every spring the "
        "office ran a telephone campaign: students calling alumni for gifts. The database had 90,000 alumni, of whom "
        "about 30,000 had a phone number. So: which of those 30,000 get the 7,000 conversations?\n\n"
        "The old rule was to call recent donors first.\n"
    )
    sections, _ = read_sections("notes/eastfield.md", note.encode())
    assert note_kind("notes/eastfield.md", sections) == "case"
    facts = case_facts(chunks_of("eastfield.md", note))
    assert facts.business == "Eastfield" and facts.targets
    assert facts.opening.startswith("Eastfield is a university.")


def test_what_the_interviewer_said_is_the_ask_and_they_are_never_a_fact() -> None:
    # Round 55: 'Ines: "You've got 30 minutes. Explain the jump."' led the frame question, and the jump it asks to
    # explain was measured as a change.
    note = (
        "Debrief: Wheelhaus final round, analytics case (interviewer: Ines, staff DS)\n\n"
        "The prompt: Wheelhaus sells bike parts online and has a new size checker. Site conversion ran at about 2.1% "
        "for months, then on Monday 4 March it jumped to 2.6% and stayed there. The marketing lead says the checker "
        'did it. Ines: "You have 30 minutes. Explain the jump."\n\n'
        "What I said. First, I split the ratio into orders and sessions.\n"
    )
    facts = case_facts(chunks_of("wheelhaus.md", note))
    assert facts.business == "Wheelhaus" and facts.shape == "drop"
    texts = stage_drafts(chunks_of("wheelhaus.md", note), ("frame", "data", "method"), 3)
    assert not any("Ines" in text for text in texts), texts


def test_a_change_cut_before_an_and_that_joins_its_noun_is_named_by_its_head() -> None:
    # Round 55: "introducing a £3 charge for booked lane-swim" (of "lane-swim and fitness-class slots that weren't
    # cancelled") in six questions.
    note = (
        "# Mock case: the no-show charge at Kelbrook Leisure\n\n"
        "Kelbrook Leisure runs 20 leisure centres with pools and gyms. In May they introduced a £2 charge for booked "
        "swim and class slots that weren't cancelled 12 hours ahead. The director says no-shows fell from 17% to 9% "
        "and wants to know whether it worked.\n\nI asked about the pool and gym mix first.\n"
    )
    facts = case_facts(chunks_of("kelbrook.md", note))
    assert facts.change == "the £2 charge" and facts.made


def test_a_push_never_names_half_of_a_pair_that_qualifies_a_noun() -> None:
    from interviewer.interview.case_engine import _cue

    assert _cue("The drop partly reflects the pool/gym mix changing after May.", "I would compare centres") == ""
    assert _cue("Run an A/B test on flexible couples for four weeks.", "I would size it first") == ""


def test_a_term_that_names_a_failure_is_taken_up_as_one_whatever_its_statement() -> None:
    from interviewer.interview.listening import _case_question

    note = "# Retraining\n\n## Definitions\n- Label delay: the outcome of a prediction arrives weeks after it.\n"
    item = next(i for c in chunks_of("retraining.md", note) for i in build_items(c) if i.concept == "Label delay")
    assert item.kind != "pitfall"
    asked = _case_question("label delay", item, load_templates(), "Wheelhaus", set())
    assert all("use it" not in q and "suit" not in q for q in asked), asked


def test_a_question_that_picks_from_a_counted_set_is_asked_after_the_sentence_that_counts_it() -> None:
    note = (
        'Story for "tell me about a time you decided who to target": the Eastfield phone campaign\n\n'
        "From my first job, analyst in the development office at a university I'll call Eastfield. Every spring the "
        "office ran a telephone campaign: students calling alumni for gifts. The database had 90,000 alumni, of whom "
        "about 30,000 had a phone number. So: which of those 30,000 get the 7,000 conversations?\n\n"
        "The old rule was to call recent donors first.\n"
    )
    opening = case_facts(chunks_of("eastfield.md", note)).opening
    assert opening.endswith(
        "The database had 90,000 alumni, of whom about 30,000 had a phone number. Which of those 30,000 get the 7,000 "
        "conversations?"
    ), opening


TAILWISE = (
    "# Story from my last job: who gets the renewal call (Petwise)\n\n"
    "Petwise was a subscription service that posted pet medicines to owners every month. The owner's vet has to "
    "reauthorise a prescription every 6 or 12 months. In late 2022 we had about 30,000 active subscriptions, with "
    "roughly 2,500 prescriptions expiring each month. The care team could make about 900 outbound calls a month. The "
    "question my manager, Ade, gave me was whom those 900 calls should go to.\n\n"
    "The first proposal was to call the highest-value subscribers first. Someone else wanted to cluster subscribers "
    "on 30 behavioural features. The action was tied to one event, so I proposed rules on whether the vet had "
    "responded.\n"
)


def test_a_question_told_as_what_was_asked_is_the_ask_and_the_answer_after_it_is_not() -> None:
    opening = case_facts(chunks_of("petwise.md", TAILWISE)).opening
    assert opening.endswith("Whom should those 900 calls go to?"), opening
    assert "care team could make about 900 outbound calls" in opening  # what "those 900" counts
    assert "Someone else" not in opening and "whether the vet" not in opening


def test_a_fact_in_the_candidates_own_voice_never_leads_a_question() -> None:
    # Round 56, both raters: "In late 2022 we had about 41,000 active subscriptions, ..." led the frame question.
    from interviewer.interview.case_questions import lead_sentence

    assert lead_sentence("In late 2022 we had about 41,000 active subscriptions") == ""
    assert lead_sentence("In late 2022 Tailwise had about 41,000 active subscriptions") == (
        "In late 2022 Tailwise had about 41,000 active subscriptions."
    )


def test_a_term_the_case_itself_poses_is_never_taken_up_as_the_candidates() -> None:
    from interviewer.interview.asking import load_frames
    from interviewer.interview.listening import take_up

    eta = (
        "# Delivery promises\n\n## Pitfalls\n"
        "- ETA point estimates hide the spread; promise from the ETA distribution.\n"
        "- Judge ETA promises by hit rate and by promise length together.\n"
    )
    items = [i for c in chunks_of("eta.md", eta) for i in build_items(c)]
    answer = "I would compare the ETA promise against the flat one."
    opening = "Bramblewood wants per-order promises based on a predicted ETA distribution."
    args = (answer, items, "Bramblewood case", set(), load_frames(), random.Random(0), set(), load_templates())
    elsewhere = take_up(*args, "Bramblewood")
    assert elsewhere is not None and elsewhere.term == "ETA"  # a case that does not pose it takes it up
    assert take_up(*args, "Bramblewood", given=opening) is None


def test_a_change_a_title_asks_about_is_named_with_its_noun() -> None:
    # Round 57, both raters: "the effect of the ticket office" of "did the ticket office change work?"
    note = (
        "# Mock case: Tamar Rail — did the ticket office change work?\n\n"
        "Tamar Rail is a regional operator with 30 staffed stations. On 1 May they cut ticket office hours at 10 of "
        "the quieter stations. The board wants to know whether it worked.\n\nI asked what worked means.\n"
    )
    assert case_facts(chunks_of("tamar.md", note)).change == "the ticket office change"


CSM = (
    "Story from my last job: who gets an adoption review (Ledgerly, 2023)\n\n"
    "Ledgerly sells invoicing software to small firms. Their main proactive tool was the adoption review, a 45-minute "
    "session with the customer's admin. Realistically the team could run about 50 a month. The question from Mara, "
    "the VP of Customer Success, was simple: which 50? When we talked through the labels it was obvious why they "
    "disagreed.\n\nI built a simple score first.\n"
)


def test_a_told_question_that_picks_a_count_is_asked_after_the_count_and_the_team_at_work_is_no_goal() -> None:
    opening = case_facts(chunks_of("ledgerly.md", CSM)).opening
    assert opening.endswith("Realistically the team could run about 50 a month. The question: Which 50?"), opening
    assert "When we talked" not in opening


def test_a_targeting_question_names_what_the_chosen_get() -> None:
    texts = stage_drafts(chunks_of("ledgerly.md", CSM), ("data",), 6)
    assert not any("how much acting" in text for text in texts), texts
    assert any("how much an adoption review changes" in text for text in texts), texts


def test_the_company_a_mock_names_in_passing_is_the_business_and_its_ceo_never_is() -> None:
    # Round 58: "stakeholders at CEO" and "the movement at CEO" in a conversion drop at Fivesy.
    note = (
        'Mock with Dami (peer practice group), 2 Feb — "conversion fell off a cliff"\n\n'
        "Dami does product analytics at a startup and ran this one cold. The company was Courtly, an app for booking "
        "tennis and padel courts at about 900 venues in the UK. On Tuesday 14 January the search-to-booking "
        "conversion rate went from its usual 6.8% to 4.9% overnight. The CEO has a board meeting Friday and wants to "
        "know what broke.\n\nI opened badly.\n"
    )
    facts = case_facts(chunks_of("courtly.md", note))
    assert facts.business == "Courtly" and facts.shape == "drop"
    assert facts.opening.startswith("Courtly is an app for booking tennis and padel courts")


def test_a_common_noun_that_names_the_business_keeps_its_article_and_whom_to_invite_is_targeting() -> None:
    note = (
        'Past project, written up for "tell me about something you shipped": who to invite to donate blood\n\n'
        'This is from my contract with a national blood service ("the Service" from here). The Service had about '
        "600,000 active donors and ran around 900 donation sessions a month. Each session has a fixed number of "
        "chair-slots.\n\nWe built a ranking.\n"
    )
    facts = case_facts(chunks_of("blood.md", note))
    assert facts.business == "the Service" and facts.targets


def test_a_change_the_title_names_briefly_is_said_by_that_name() -> None:
    note = (
        "# Mock case 3 — Hatchway Homes and the floorplan rule\n\n"
        "Hatchway Homes is an online estate agent with about 3,500 new listings a month. On 1 March they made it "
        "mandatory for every new listing to have a floorplan and at least 12 photos. The ops director says it "
        "obviously worked and wants to know whether to keep it.\n\nI asked what worked means.\n"
    )
    assert case_facts(chunks_of("hatchway.md", note)).change == "the floorplan rule"


@pytest.mark.parametrize(
    ("note", "business"),
    [
        ('# Mock w/ Tom — "enquiry rate fell off a cliff" (Harrowgate Motors)\n\nTom ran this one on Thursday. The '
         "made-up company, Harrowgate Motors, has 18 used-car forecourts and a website doing about 900k sessions a "
         "month. Its enquiry rate had sat around 14.2 for months. On Tuesday 14 May it dropped to 9.6.\n\nI asked "
         "about the denominator.\n", "Harrowgate Motors"),
        ("# Mock #3 — membership change (Priya as interviewer)\n\nPriya played head of audience insight at a made-up "
         "regional theatre, the Quayside Playhouse in Kelsby (620-seat main house). On 1 September 2023 they replaced "
         "the old scheme with a pass. The board wants to know whether it worked.\n\nI asked what worked means.\n",
         "Quayside Playhouse"),
        ('Practice case: Folio & Co. schools account manager (from "Case Drills for Analysts", drill 6.4, + my '
         "attempt)\n\nThe prompt, copied more or less word for word: Folio & Co. runs 9 independent bookshops. The "
         "owner is deciding whether to hire a schools account manager at £38,000 a year. How much would schools "
         "have to buy to pay for it?\n\nMy attempt.\n", "Folio & Co."),
    ],
)  # fmt: skip
def test_a_business_named_after_the_word_for_it_or_alone_after_a_label_names_the_case(note: str, business: str) -> None:
    # Round 59: "the made-up company", "the business" and "Analysts" (from a book's title) named three cases.
    facts = case_facts(chunks_of("case.md", note))
    assert facts.business == business
    assert "made-up company" not in facts.opening


def test_a_story_bank_entry_about_whom_to_visit_first_is_a_case() -> None:
    note = (
        "# Story bank: which broadband faults get an engineer first (Fibrelink, 2022)\n\n"
        "My story for targeting cases. In 2022 I was the analyst on Fibrelink Broadband's field team for the North "
        "West. We had 120 engineers, so roughly 700 visits of capacity a day, against a queue of about 2,000 faults.\n"
    )
    sections, _ = read_sections("notes/fibrelink.md", note.encode())
    assert note_kind("notes/fibrelink.md", sections) == "case"


def test_what_the_mocks_interviewer_said_never_opens_the_case() -> None:
    # Round 59, both raters: 'Eventually he said "you haven't asked about the denominator".' ended an opening.
    note = (
        '# Mock w/ Tom — "enquiry rate fell off a cliff" (Harrowgate Motors)\n\n'
        "The made-up company, Harrowgate Motors, has 18 used-car forecourts and a website doing about 900k sessions "
        "a month. Its enquiry rate had sat around 14.2 for months. On Tuesday 14 May it dropped to 9.6. Eventually "
        'he said "you haven\'t asked about the denominator". Her question was a row between two people.\n\n'
        "I asked about the denominator.\n"
    )
    opening = case_facts(chunks_of("harrowgate.md", note)).opening
    assert "he said" not in opening and "Her question" not in opening, opening
    assert opening.startswith("Harrowgate Motors has 18 used-car forecourts")
