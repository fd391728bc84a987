"""Round 61's case notes: the business named in a past-job story's past tense ("... Solutions leased printers"), in
the line about who played the interviewer ("Tom from the study group played ..., in character as the Head of Digital
at Northgate, a mid-sized bank"), or only by the title and the sentences that keep using it; never a story's
sequence word ("Next, the boring causes"); the interviewer's opener quoted whole, and a rate that was one figure in
one sentence and another in the next."""

from __future__ import annotations

from interviewer.ingest.pipeline import read_sections
from interviewer.interview.case_opening import moved_metric
from interviewer.interview.cases import case_facts
from interviewer.interview.readable import term_fits
from tests.helpers import chunks_of, stage_drafts

LOGINS = (
    "# Mock #2 — checkout success fell off a cliff (Harbourside banking app)\n\n"
    "Nadia from the Monday study group played the interviewer, in character as the Head of Payments at Quayside, a "
    'mid-sized building society whose app has about 2.1m monthly active users. Her opener: "Checkout success rate '
    "was 98.1% all of last week. Yesterday it was 93.4%, and it's the same so far today. I need an answer by "
    'noon." She only gave data when asked.\n\n'
    "I started with the definition. Next, the boring causes: tracking change, an outage, a partial day. Attempts "
    "were up 11% while users were flat, so people were retrying.\n"
)


def test_the_business_is_the_one_the_interviewer_played_at_never_a_sequence_word() -> None:
    facts = case_facts(chunks_of("logins.md", LOGINS))
    assert facts.business == "Quayside", facts.business
    assert facts.opening.startswith("Quayside is a mid-sized building society whose app has about 2.1m monthly")


def test_the_opener_quoted_whole_gives_both_figures_and_the_metric_moves_down() -> None:
    facts = case_facts(chunks_of("logins.md", LOGINS))
    assert "98.1%" in facts.opening and "93.4%" in facts.opening, facts.opening
    assert "only gave data" not in facts.opening  # how the mock was played is no part of the case
    assert "the boring causes" not in facts.opening
    assert moved_metric(facts.opening) == ("checkout success rate", "drop")
    drafts = stage_drafts(chunks_of("logins.md", LOGINS), ("frame", "data"), 2)
    assert all("Quayside" in text for text in drafts) and not any("rise" in text for text in drafts), drafts


def test_a_name_of_several_words_before_a_past_tense_verb_is_said_whole() -> None:
    note = (
        "Past-job story: which firms get a proactive copier check (Brackwell)\n\n"
        "Brackwell Office Systems leased copiers to about 9,000 firms, serviced by 19 engineers. There was room for "
        "about 700 proactive visits a month, and the service director asked which firms should get them.\n\n"
        "Version one failed. We built a shallow tree on wear counters instead.\n"
    )
    facts = case_facts(chunks_of("copiers.md", note))
    assert facts.business == "Brackwell Office Systems", facts.business


def test_a_business_named_only_by_the_title_and_the_sentences_that_keep_using_it() -> None:
    note = (
        "Mock case: Ledgerly cut its free trial from 30 to 14 days — did it work?\n\n"
        "Priya ran this one over lunch. On 2 May 2024 Ledgerly shortened the free trial from 30 days to 14 days for "
        "every new signup. Two months later the CEO wants to know if it worked.\n\n"
        "- before: 6,100 trial starts a month, 10.2% converting\n- after: 5,700 a month, 11.9% converting\n\n"
        "I began with the cohorts. Ledgerly has strong seasonality around the tax deadline, so a before/after is "
        "useless.\n"
    )
    facts = case_facts(chunks_of("trial.md", note))
    assert facts.business == "Ledgerly", facts.business
    assert facts.shape == "change" and facts.made  # "if it worked": a change already made, measured after


def test_a_formula_is_no_term_to_take_up() -> None:
    assert not term_fits("ACF of Δy")  # "You brought up ACF of Δy. Why does it suit the business here?"
    assert term_fits("ACF")


def test_a_name_the_note_shows_is_none_gives_way_to_the_one_it_keeps_using() -> None:
    # "Chains: 3% of clinics = 22% of appointments." named a metric case "Chains" though the note writes "the 4 big
    # chains" and its title and lines keep saying Pawsly.
    note = (
        '# case: what is an "active clinic" at Pawsly?\n\n'
        "Pawsly = booking + reminders SaaS for vet clinics. ~5,800 clinics, ~3.1M appointments/month. Board deck says "
        '"weekly active clinics", 95% every week, never moves. Asked to propose a new north-star.\n\n'
        "- tricky bits\n"
        "  - chains: 3% of clinics = 22% of appointments. Per-clinic metric underweights them, per-appointment metric "
        'is basically "what did the 4 big chains do".\n'
        "  - share of appointments booked in Pawsly tracks whether we're the system of record\n"
    )
    assert case_facts(chunks_of("pawsly.md", note)).business == "Pawsly"


def test_a_name_cut_from_a_longer_word_or_written_in_lower_case_elsewhere_is_no_name() -> None:
    from interviewer.interview.case_business import plausible_name

    text = "Copperline Document Solutions leased printers. Next, the causes. We look at next week's data."
    assert not plausible_name("Copperline Document Solut", text)
    assert not plausible_name("Next", text)
    assert plausible_name("Copperline Document Solutions", text)
    assert plausible_name("Bloomline", "Bloomline sells flowers on bloomline.co.uk and bloomline.ie.")


def test_a_long_label_before_the_prompt_is_no_part_of_the_business() -> None:
    note = (
        "Practice case 9 (from the prep book) — Wheelfix mobile repair vans\n\n"
        "Copied the prompt more or less word for word: Wheelfix runs 12 bicycle repair workshops in Leeds and "
        "completed 48,000 repair jobs last year. Summer waits have reached 8 days. The COO wants to launch mobile "
        "repair vans. How many vans should she lease?\n\nMy attempt. I started from the survey.\n"
    )
    facts = case_facts(chunks_of("vans.md", note))
    assert facts.business == "Wheelfix" and facts.opening.startswith("Wheelfix runs 12"), facts.opening


def test_the_interviewer_named_in_the_title_is_no_business_and_what_he_said_opens_the_case() -> None:
    note = (
        "mock #3 — Rookly daily games jump (Dan as Head of Product), Apr 12\n\n"
        "Dan (ex-colleague, now in product analytics) runs realistic cases. 20 minutes, he shared one chart and "
        'said: "Rookly is an online go platform. Daily games played averaged about 90k through March. On Tuesday 2 '
        "April it jumped to 130k and it's stayed there. The CEO wants to know why.\" Dan nodded at my first "
        "question.\n\nI started by asking what counts as a game. Rookly logs a game when it finishes.\n"
    )
    facts = case_facts(chunks_of("rookly.md", note))
    assert facts.business == "Rookly", facts.business
    assert facts.opening.startswith("Rookly is an online go platform."), facts.opening
    assert facts.shape == "drop" and "Dan" not in facts.opening


def test_whom_to_call_told_as_what_someone_asked_is_targeting_and_ends_the_opening() -> None:
    note = (
        'Story for the "tell me about a targeting problem" question: Corley Motors service calls (2023)\n\n'
        "My go-to story from my last job. Corley Motors runs 40 car-servicing garages in Wales. About 120,000 "
        "customers have a service due each year. A team of four agents can make about 900 calls a week. Priya, head "
        "of retention, asked me which 900 customers should get a call each week. Until then they called in due-date "
        "order.\n\nMy first answer was a churn model. It went badly.\n"
    )
    facts = case_facts(chunks_of("corley.md", note))
    assert facts.targets, facts.shape
    assert facts.opening.endswith("Which 900 customers should get a call each week?"), facts.opening


def test_a_person_who_runs_mocks_is_no_business_and_the_name_said_to_be_one_is() -> None:
    note = (
        "# Metric jump mock, Feb\n\n"
        "Dana (ex-colleague, now in fintech) runs tough mocks. Ten minutes in, she put up a chart: "
        '"Pebblo is a budgeting app with about 400k monthly users. Weekly budgets created averaged 52k through '
        'January. On 3 February they jumped to 81k." Dana nodded when I asked about the definition.\n\n'
        "I split it by platform first.\n"
    )
    facts = case_facts(chunks_of("pebblo.md", note))
    assert facts.business == "Pebblo", facts.business


def test_an_ask_that_says_by_then_keeps_the_date_it_means_and_the_title_is_not_asked_again() -> None:
    note = (
        "Practice case: how many scooter docks? (from a case workbook, then my go at it)\n\n"
        "Prompt, near enough word for word: Zipdock rents e-scooters on a £29/month subscription in Leeds. Riders "
        "return scooters to street docks. It has 5,200 subscribers and plans for 8,000 by next May. The ops director "
        "asks how many docks it needs by then. Facts given if you ask:\n\n- 9 slots per dock\n\n"
        "My attempt. Demand first: 8,000 riders.\n"
    )
    facts = case_facts(chunks_of("docks.md", note))
    assert "8,000 by next May" in facts.opening and facts.opening.endswith("needs by then."), facts.opening
    assert "How many scooter docks?" not in facts.opening


def test_a_story_title_and_the_note_takers_own_role_stay_out_of_a_targeting_opening() -> None:
    note = (
        "Hollins Gardens: picking which lapsed clients to win back (a story from my last job)\n\n"
        "Hollins is a garden-maintenance firm in Kent: about 2,600 regular clients, 9 crews on fortnightly rounds, "
        "and me as the only analyst from 2021. Winters are quiet for the estimators. In December 2022 Caroline, the "
        "MD, asked me a narrow question: the estimators have time for about 90 home visits in January; which of our "
        "lapsed clients should they visit? There were 800 lapsed clients.\n\nI threw people out first.\n"
    )
    facts = case_facts(chunks_of("hollins.md", note))
    assert not facts.opening.startswith("Hollins Gardens: picking"), facts.opening
    assert "me as the only analyst" not in facts.opening and facts.opening.startswith("Hollins is a garden")
    assert "which of Hollins' lapsed clients should they visit?" in facts.opening, facts.opening
    drafts = stage_drafts(chunks_of("hollins.md", note), ("data",), 4)
    assert all("how much acting" not in text for text in drafts), drafts
    assert any("how much a visit changes" in text for text in drafts), drafts


def test_a_person_named_with_their_role_is_no_business_and_a_name_may_end_in_now() -> None:
    note = (
        "# Interview story: who gets the savings nudge (Hollybrook Community CU, 2023)\n\n"
        "My go-to story from my analyst job. The setup. Priya Nair, VP of Member Experience, wanted to push a "
        "savings nudge to members. We had about 60,000 members, but the SMS budget capped us at 15,000 contacts, so "
        "the real question was whom to pick.\n\nI started with balances.\n"
    )
    assert case_facts(chunks_of("nudge.md", note)).business == "Hollybrook Community CU"
    weather = (
        "Mock interview notes: the Skyline Now DAU drop\n(Marcus played the Head of Product.)\n\n"
        'The prompt was short: "Skyline Now is a weather app. On Friday 7 March, DAU came in at 1.2M. Last Friday it '
        'was 1.6M. The CEO wants to know what happened."\n\nI asked how DAU is defined.\n'
    )
    assert case_facts(chunks_of("weather.md", weather)).business == "Skyline Now"


def test_a_running_example_with_a_long_lead_in_is_no_case() -> None:
    from interviewer.ingest.sections import note_kind

    note = (
        "# Feature crosses\n\n"
        "Running example I'll use in interviews (so I don't default to ads): **predicting no-shows** for a "
        "clinic-booking platform. ~1.5M bookings/yr, 12% no-show, features: clinic, weekday, lead time.\n\n"
        "## The architecture\n- A linear part memorises crosses.\n- A deep part generalises.\n"
    )
    sections, _ = read_sections("notes/crosses.md", note.encode())
    assert note_kind("notes/crosses.md", sections) == "note"


def test_a_count_given_before_the_figure_it_fell_from_is_a_drop_said_in_the_opening() -> None:
    note = (
        "Mock interview notes: the Cloudy DAU drop\n(Marcus played the Head of Product.)\n\n"
        'The prompt was short: "Cloudy is a weather app. On Friday 7 March, DAU came in at 1.2M. Last Friday it was '
        '1.6M. The CEO wants to know what happened."\n\nI asked how DAU is defined.\n'
    )
    facts = case_facts(chunks_of("cloudy.md", note))
    assert "Last Friday it was 1.6M." in facts.opening, facts.opening
    assert moved_metric(facts.opening) == ("DAU", "drop")


def test_a_business_given_a_made_up_name_or_cast_in_the_prompt_is_named() -> None:
    vans = (
        "Mock case: did the cargo bikes work? (Sam's mock, Sun 2 June)\n\n"
        "Sam Price (my old manager) ran this over video. He'd adapted it from a real client, anonymised as "
        '"Fenwick Parcels", which runs 40 city delivery rounds out of one depot in York. In 2023 they swapped 15 '
        "vans for cargo bikes. The ops director says it clearly worked. Did it work?\n\nI asked what worked meant.\n"
    )
    facts = case_facts(chunks_of("bikes.md", vans))
    assert facts.business == "Fenwick Parcels" and facts.opening.startswith("Fenwick Parcels runs 40"), facts.opening
    chat = (
        "mock #2: reply rate drop at a pen-pal app (interviewer: Marta K. from the prep slack)\n\n"
        "Marta runs these on Thursdays. Her prompt: \"You're the analyst at Penpally, a pen-pal app where people "
        "write to strangers. The headline metric is reply rate. It sat around 41% for months. Last week it fell to "
        'about 35%. The CPO wants an explanation by end of day."\n\nI opened with my checks.\n'
    )
    facts = case_facts(chunks_of("penpal.md", chat))
    assert facts.business == "Penpally" and facts.opening.startswith("Penpally is a pen-pal app"), facts.opening


def test_a_fact_leaning_on_a_pronoun_or_a_note_to_self_never_leads_a_question() -> None:
    from interviewer.interview.case_questions import lead_sentence

    assert lead_sentence("She had 2.5 coordinator FTEs for it, about 240 calls a week.") == ""
    assert lead_sentence("Must fit in four minutes.") == ""
    assert lead_sentence("The licence costs £38,000 a year and renewal is due.").startswith("The licence costs")
