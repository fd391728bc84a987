"""Round 83's case notes: file-named titles that give the business in lower case ("Mock pricing hearthbox"), a prep
book's citation before its prompt, a debrief whose prompt speaks as the business, a behavioural story that opens "At
X, the Y where I worked, <the news>", a case that gives its model and asks for a threshold, and a technical note that
mentions the case questions it prepares for. Every note is made up for the test."""

from __future__ import annotations

import random

from interviewer.interview.case_change import CaseChange, case_change
from interviewer.interview.case_givens import is_story, writes
from interviewer.interview.case_questions import case_draft
from interviewer.interview.case_shape import asks_worked
from interviewer.interview.cases import case_facts
from interviewer.interview.templates import load_templates
from tests.helpers import chunks_of, note_kind_of

TILES = (
    "Mock with Dana, Sunday, 40 minutes. She used to price things at a supermarket so I asked her to be harsh.\n\n"
    "Her prompt: Tilecraft is a tile subscription with about 52,000 active monthly subscribers paying $39.50 a box. "
    "Clay costs are up and the finance director wants to move to $44.50. The supplier contract renews in eight weeks. "
    "Should they do it, and how would you know?\n\n"
    "I asked what active meant and what monthly churn is: 3.2%.\n"
)

ROOFS = (
    "Debrief, Slateway final round, analytics case session (the second of three interviews). Interviewer was Ruth, "
    "a principal analyst.\n\n"
    'The prompt as I remember it: "Last autumn we spent $1.4 million on a radio campaign in three of our nine '
    "regions. Sales says weekly quote requests in those regions went up 22%. How much of that was actually the "
    'campaign, and should we do it again next spring? We need to set the budget in a month."\n\n'
    "Slateway is a roofing marketplace, so quote requests only matter if they turn into jobs.\n\n"
    "I asked for the baseline: about 4,100 weekly quote requests across the three regions.\n"
)

BOOK = (
    'From *Forty Cases for Analysts* by Imogen Tarrant-Vale (3rd ed.), case 9, "Claims at Parcelnest". Did it on a '
    "timer.\n\n"
    "> Parcelnest is an online parcel-locker network handling about 900,000 deliveries a month. Roughly 2% of "
    "deliveries lead to a damaged-item claim, about 18,000 claims a month. A new model scores each claim. At "
    "threshold A it flags 8% of claims and catches 45% of fraudulent ones; at threshold B it flags 20% and catches "
    "75%. Flagged claims go to four reviewers, each handling about 40 claims a day. Which threshold should "
    "Parcelnest use?\n\n"
    "My attempt: fraudulent claims per month first.\n"
)

KENNEL = (
    'Behavioural story I keep for "tell me about a time you explained a slow decline".\n\n'
    "At Kennelwise & Co, the online dog-food retailer where I worked for three years, the number the founders watched "
    "most closely was the 90-day repeat rate: the share of new customers who order again within 90 days. It had been "
    "around 38% for a long time, and over about eight months it slid to what the dashboard showed as 33%. The COO "
    "asked me to explain it before the board meeting.\n"
)

GENRE = (
    "# Synthetic control — what I need to defend\n\n"
    "Context: half the product-analytics case questions end up here because the company launched something in one "
    "region only. Synthetic control is the tool when there is one treated unit.\n\n"
    "## Weights\n\n- Donor weights are non-negative and sum to one.\n- Fit on the pre-period only.\n"
)


def test_a_debrief_of_a_case_session_and_a_story_at_where_i_worked_are_case_notes_and_a_genre_mention_is_not() -> None:
    assert note_kind_of("debrief_slateway_campaign_lift.md", ROOFS) == "case"
    assert note_kind_of("story_kennelwise_repeat_decline.md", KENNEL) == "case"
    assert note_kind_of("synthetic_control.md", GENRE) == "note"


def test_a_title_made_from_the_file_name_names_the_business_and_a_yes_or_no_price_move_is_a_change() -> None:
    facts = case_facts(chunks_of("mock_pricing_tilecraft.md", TILES))
    assert facts.business == "Tilecraft", facts.business
    assert facts.shape == "change" and facts.change == "moving to $44.50", (facts.shape, facts.change)
    assert facts.opening.startswith("Tilecraft is a tile subscription"), facts.opening


def test_how_much_of_a_rise_a_campaign_caused_is_a_change_made_and_the_prompt_keeps_its_voice() -> None:
    facts = case_facts(chunks_of("debrief_slateway_campaign_lift.md", ROOFS))
    assert facts.business == "Slateway", facts.business
    assert facts.shape == "change" and facts.made, (facts.shape, facts.made)
    assert facts.opening.startswith("Slateway is a roofing marketplace"), facts.opening
    assert "three of our nine regions" in facts.opening and "Debrief" not in facts.opening, facts.opening


def test_a_books_citation_opens_nothing_and_a_given_models_threshold_is_asked_as_an_operating_point() -> None:
    chunks = chunks_of("prepbook_claims_parcelnest.md", BOOK)
    facts = case_facts(chunks)
    assert facts.business == "Parcelnest", facts.business
    assert facts.opening.startswith("Parcelnest is an online parcel-locker network"), facts.opening
    assert facts.operating and facts.shape == "model", facts
    draft = case_draft(
        "method", chunks[0].topic, chunks, [], None, load_templates(), random.Random(0), set(), opening=False
    )
    assert "threshold" in draft.text or "operating point" in draft.text, draft.text
    assert "modelling approach" not in draft.text


def test_a_story_opening_at_where_i_worked_keeps_the_sentences_news() -> None:
    facts = case_facts(chunks_of("story_kennelwise_repeat_decline.md", KENNEL))
    assert facts.business == "Kennelwise & Co", facts.business
    assert facts.opening.startswith(
        "Kennelwise & Co is an online dog-food retailer. The number the founders watched most closely was the 90-day"
    ), facts.opening


KITCHEN = (
    'Prep book, case 12: "The Fourth Bakery"\n\n'
    "From *Cases for the Analytics Round* by Tamsin Okoro-Hale (2nd ed.). Prompt as printed:\n\n"
    "Crumbworth runs three bakeries in Leeds that together sell 14,000 loaves a week. The board has approved £300,000 "
    "for a fourth bakery and shortlisted two sites: Headingley and Roundhay. The board wants a recommendation in three "
    "weeks. Which site do you choose, and how?\n\n"
    "My attempt (20 min): I started from the order history. The book's model answer starts from demand, not rent.\n"
)

VENDORS = (
    "# Story bank: the payroll vendor decision at Quaystone\n\n"
    'My answer for "tell me about a decision you made with incomplete data".\n\n'
    "At Quaystone, the accounting firm where I worked as the only analyst, payroll ran on a vendor whose contract "
    "ended "
    "in ten weeks. The finance director asked me to recommend between the two shortlisted replacements, Paybridge and "
    "Ledgerline. We ran about 3,100 payslips a month. Paybridge charged £1.10 a payslip and Ledgerline £1.45.\n"
)

FEED = (
    "# Debrief: Loomhall onsite, product DS round (Tuesday)\n\n"
    "Loomhall is a crafts marketplace with about 900,000 weekly sessions. This was round two of four.\n\n"
    "The prompt went roughly like this. The feed ranks listings by predicted purchase probability. The team wants to "
    "reserve 2 of the top 10 slots for new sellers. Leadership will only agree if revenue per session drops by no "
    "more than 0.5%. How would you decide whether to ship it?\n"
)


def test_a_choice_among_named_options_is_asked_as_a_choice_never_as_a_change_or_a_model() -> None:
    for name, text in (("prepbook_fourth_bakery.md", KITCHEN), ("story_quaystone_vendor.md", VENDORS)):
        chunks = chunks_of(name, text)
        facts = case_facts(chunks)
        assert facts.shape == "choice" and facts.decision, (name, facts.shape)
        draft = case_draft(
            "method", chunks[0].topic, chunks, [], None, load_templates(), random.Random(0), set(), opening=False
        )
        assert "option" in draft.text and "the change" not in draft.text and "model" not in draft.text, draft.text


def test_a_prompt_after_a_line_that_labels_it_opens_the_case_with_its_question() -> None:
    facts = case_facts(chunks_of("prepbook_fourth_bakery.md", KITCHEN))
    assert facts.opening.startswith("Crumbworth runs three bakeries"), facts.opening
    assert facts.opening.endswith("Which site do you choose, and how?"), facts.opening


def test_a_debriefed_rounds_prompt_told_in_the_note_takers_words_is_a_change_to_decide_on() -> None:
    assert note_kind_of("debrief_loomhall.md", FEED) == "case"
    facts = case_facts(chunks_of("debrief_loomhall.md", FEED))
    assert facts.decision and facts.shape == "change", (facts.decision, facts.shape)


LAUNCH = (
    "# Mock #2 with Femi: launch Quick Refill or not?\n\n"
    'Her prompt: Larderly is a UK grocery delivery app. The team built "Quick Refill", a button that rebuilds your '
    "last basket in one tap. They ran a 14-day test with about 60,000 users per arm. The head of product decides on "
    "Friday. What do you recommend?\n\n"
    "Next time: ask what the test measured before quoting its result.\n"
)

TOLD_PROMPT = (
    "# Debrief: Weftly onsite, product DS round (Monday)\n\n"
    "Weftly is a yarn marketplace. This was round two of four, 45 minutes with a staff data scientist called Ola.\n\n"
    "Ola's prompt went roughly like this. The homepage feed ranks listings by predicted purchase probability. New "
    "sellers get almost no exposure. The team wants to reserve 2 of the top 10 slots for new sellers. How would you "
    "decide whether to ship it? For data she said we had click logs and about 400,000 sessions a week.\n"
)

JOINED = (
    "# Story bank: the courier vendor decision at Parcelry\n\n"
    'My answer for "tell me about a decision with incomplete data".\n\n'
    "At Parcelry, the parcel-delivery start-up I joined as the first analyst, every parcel went through one courier. "
    "The contract ran out in six weeks and the COO asked me to recommend between two shortlisted couriers. We shipped "
    "about 52,000 parcels a month.\n"
)


def test_a_launched_product_is_named_by_its_name_and_a_lesson_for_next_time_leads_no_question() -> None:
    facts = case_facts(chunks_of("mock_larderly_launch.md", LAUNCH))
    assert facts.change == "Quick Refill", facts.change
    assert facts.opening.endswith("What do you recommend?"), facts.opening
    assert not any(fact.startswith("Next time") for fact, _ in facts.facts), facts.facts


def test_a_prompt_told_as_coming_next_is_the_sentences_up_to_its_question_and_the_round_is_no_part_of_it() -> None:
    facts = case_facts(chunks_of("debrief_weftly.md", TOLD_PROMPT))
    assert facts.opening.endswith("How would you decide whether to ship it?"), facts.opening
    assert "went roughly like this" not in facts.opening and "round two" not in facts.opening, facts.opening


def test_a_story_at_the_start_up_i_joined_introduces_the_business() -> None:
    facts = case_facts(chunks_of("story_parcelry.md", JOINED))
    assert facts.opening.startswith("Parcelry is a parcel-delivery start-up."), facts.opening


SUPPORT = (
    "Sat 14 Sept. Mock case with Tomasz over video, 40 minutes, him playing the interviewer.\n\n"
    "His prompt: \"You're the analyst at Copperleaf Home, an online furniture retailer. Customer support has 55 "
    "agents on phone and chat. Last year's peak went badly: service level fell to 41% of calls answered within 60 "
    'seconds, against a target of 80%. The head of support can hire up to 40 temporary agents. What do you do?"\n\n'
    "I asked what data existed.\n"
)

COATS = (
    "# Casebook: the coat markdown\n\n"
    "Harlow & Pine is a mid-market outerwear retailer with 80 stores. With six weeks of the season left, it holds "
    "12,000 units of its flagship coat. The merchandising director asks: what markdown should we take, and when?\n"
)

CLEANERS = (
    "Debrief: Dustly, onsite round 3 of 4 (product analytics). Tuesday. Interviewer was Priya.\n\n"
    "Dustly is a marketplace for booking home cleaners, about 60,000 bookings a week. The prompt, as best I "
    "remember it:\n\n"
    "\"We've built a personalised ranking for the search results page. A small user-level pilot showed +4.2% "
    'bookings for treated users. How would you measure the real impact, and would you trust the 4.2%?"\n'
)


def test_a_prompt_quoted_over_several_sentences_after_its_label_opens_the_case_whole() -> None:
    facts = case_facts(chunks_of("mock_support_capacity_copperleaf.md", SUPPORT))
    assert facts.business == "Copperleaf Home", facts.business
    assert facts.opening.startswith("You're the analyst at Copperleaf Home"), facts.opening
    assert facts.opening.endswith("What do you do?"), facts.opening


def test_a_markdown_to_take_is_a_number_to_size() -> None:
    assert case_facts(chunks_of("casebook_coats.md", COATS)).shape == "sizing"


def test_a_debrief_of_an_onsite_round_is_a_case_and_its_round_opens_nothing() -> None:
    assert note_kind_of("debrief_dustly.md", CLEANERS) == "case"
    facts = case_facts(chunks_of("debrief_dustly.md", CLEANERS))
    assert facts.opening.startswith("Dustly is a marketplace for booking home cleaners"), facts.opening
    assert facts.opening.endswith("would you trust the 4.2%?"), facts.opening


REQUEST = (
    'Story bank #2: "a time you decided not to build a model".\n\n'
    "This was at Rookwood Cargo, the freight forwarder I worked at before my current job. We moved about 30,000 "
    "shipments a month. Roughly 3% of them got held at customs.\n\n"
    "The operations director came to my team with a specific request: build a model that predicts which shipments "
    "will be held, so the checking team can review them first. The checking team could review about 1,200 a month.\n"
)


def test_a_request_told_in_a_story_is_what_the_case_asks_and_its_story_bank_line_opens_nothing() -> None:
    facts = case_facts(chunks_of("story_rookwood_cargo.md", REQUEST))
    assert "build a model that predicts which shipments will be held" in facts.opening, facts.opening
    assert "Story bank" not in facts.opening, facts.opening


THRESHOLD = (
    "Mock #4, Sunday 8 June. Tomasz played interviewer. He brought a fact sheet he only revealed when asked.\n\n"
    "His prompt, roughly: \"You're a data scientist at Larchfield Home, an online homewares retailer. Free delivery "
    "kicks in at £40. The commercial director wants to raise it to £50 because carrier costs went up. Should "
    'they?"\n\n'
    "What I got out of him: about 1.2 million orders a year, average order value £38.\n"
)

CARDS = (
    'From "The Case Room" by Harriet Vane (2nd ed.), Case 23. DEBRIEF written up on the train home.\n\n'
    'The prompt as printed: "Ferncard is a UK credit card issuer with 2.4 million active accounts. Each quarter it '
    "offers credit-limit increases to customers who meet a rule. The head of credit asks whether the programme makes "
    'money."\n\n'
    "My attempt: 25% on an average £2,000 limit adds £500 of headroom.\n"
)

GEOCODES = (
    'The project I use for "tell me about a time you had to put a value on something" is the geocoding one from '
    "Parcelry, the last-mile delivery company I worked at from 2019 to 2022.\n\n"
    "Parcelry delivered about 38 million parcels a year out of 14 depots. Around 4.5% of addresses were geocoded to "
    "the centre of their postcode. A product manager wanted a rooftop geocoding licence for £180k a year. Finance "
    "asked the obvious question, what's it worth, and that landed on my desk.\n"
)


def test_a_prompt_quoted_whole_after_the_note_takers_lines_names_the_business_and_its_change_as_a_noun() -> None:
    facts = case_facts(chunks_of("mock_free_delivery.md", THRESHOLD))
    assert facts.business == "Larchfield Home", facts.business
    assert facts.opening.startswith("You're a data scientist at Larchfield Home"), facts.opening
    assert facts.change == "the rise to £50", facts.change


def test_a_labels_open_quote_and_a_written_up_line_are_no_facts_of_the_case() -> None:
    facts = case_facts(chunks_of("prep_book_cards.md", CARDS))
    assert not any(f.startswith(("The prompt", "From ")) or "written up" in f for f, _ in facts.facts), facts.facts
    assert any(f.startswith("Ferncard is a UK credit card issuer") for f, _ in facts.facts), facts.facts


def test_a_story_from_the_company_i_worked_at_is_a_case_and_what_its_worth_is_a_number_to_size() -> None:
    assert note_kind_of("story_parcelry_geocoding.md", GEOCODES) == "case"
    assert case_facts(chunks_of("story_parcelry_geocoding.md", GEOCODES)).shape == "sizing"


SURGE = (
    "Sat 14 June — mock #3, Dev playing interviewer (he works on pricing, so he was not gentle)\n\n"
    "The prompt, more or less as Dev read it out: Curbly is a food-delivery app in six UK cities. The delivery fee is "
    "a flat £2.49. On Friday evenings about 31% of orders arrive late. Leadership wants a dynamic delivery fee for "
    'peaks. "What would you recommend, and how would you know if it works?"\n\n'
    "What I said first: I went straight to estimating price elasticity.\n"
)

ALERTS = (
    "Interview debrief — Ledgerpay, final round, analytics case (45 min).\n\n"
    "Ledgerpay processes card payments for about 12,000 online merchants. Its authorisation failure rate sits around "
    "4%, and its alerts paged the on-call engineer 140 times last quarter. How would you set the alerting threshold?\n"
)


def test_a_numbered_mock_is_a_case_and_its_prompt_after_a_long_label_opens_it_up_to_its_quoted_question() -> None:
    assert note_kind_of("mock_surge_fee.md", SURGE) == "case"
    facts = case_facts(chunks_of("mock_surge_fee.md", SURGE))
    assert facts.opening.startswith("Curbly is a food-delivery app"), facts.opening
    assert facts.opening.endswith("how would you know if it works?"), facts.opening


def test_an_interview_debrief_line_opens_nothing() -> None:
    facts = case_facts(chunks_of("debrief_ledgerpay_alerts.md", ALERTS))
    assert facts.opening.startswith("Ledgerpay processes card payments"), facts.opening


PAGING = (
    "Interview debrief — Ledgerpay, final round, analytics case (45 min).\n\n"
    'Interviewer was Ines. The prompt as I remember it: "Ledgerpay processes card payments for about 12,000 online '
    "merchants. Our failure rate sits around 4%. On-call gets paged when the five-minute failure rate crosses 6%. "
    'Last quarter that rule fired 140 times. Design a better alerting rule."\n\n'
    "When I asked, she added that on-call will tolerate about two pages a week.\n"
)


def test_a_rule_that_fires_already_and_is_to_be_redesigned_is_asked_as_an_operating_point_never_a_model() -> None:
    chunks = chunks_of("debrief_ledgerpay_paging.md", PAGING)
    facts = case_facts(chunks)
    assert facts.operating, facts
    for stage in ("frame", "data", "method", "evaluation", "experiment", "deployment"):
        draft = case_draft(
            stage, chunks[0].topic, chunks, [], None, load_templates(), random.Random(0), set(), opening=False
        )
        assert "model" not in draft.text and "the change" not in draft.text, (stage, draft.text)


CUSTOMS = (
    'Story bank #4: "a time you decided not to build a model".\n\n'
    "This was at Rookhaven Freight, the freight forwarder I worked at before my current job. We moved about 30,000 "
    "international shipments a month, and we knew some paperwork was wrong. Each customs hold cost us about £280.\n"
)


def test_a_storys_opening_says_it_after_the_business_is_introduced_and_the_note_takers_us_is_the_business() -> None:
    facts = case_facts(chunks_of("story_rookhaven_customs.md", CUSTOMS))
    assert facts.opening.startswith("Rookhaven Freight is a freight forwarder. It moved about 30,000"), facts.opening
    assert " us " not in f" {facts.opening} " and " we " not in f" {facts.opening} ", facts.opening


JOINED_PROMPT = (
    "Thursday 3 April. Mock with Priya over video, 40 minutes. She was tough and gave numbers only when asked.\n\n"
    "Her prompt: \"You've joined Ledgerfold, a B2B invoicing tool for small agencies. Between January and March we "
    "migrated everyone on the legacy plan to seat-based pricing. About 4,200 accounts moved. Since then monthly churn "
    'in that group went from 1.8% to 3.1%. Was the migration a mistake?"\n\n'
    "I asked about seats first.\n"
)

ONBOARDING = (
    'The story I keep for "tell me about a time the data said something your team didn\'t want to hear" is the '
    "onboarding redesign at Coinwell, the budgeting app where I was the analyst in the growth squad.\n\n"
    "The old onboarding was seven screens. We ran an A/B test for three weeks with about 18,000 new signups in each "
    "arm.\n"
)


def test_a_prompt_that_has_the_candidate_join_a_business_names_it_and_pushes_and_findings_are_no_givens() -> None:
    facts = case_facts(chunks_of("mock_ledgerfold_migration.md", JOINED_PROMPT))
    assert facts.business == "Ledgerfold", facts.business
    # (the interviewer's labelled push is the note-taker's line; "Turns out ..." is what was found, round 88)
    assert writes("First push: the 9%.") and is_story("Turns out it was everyone already on annual contracts.")


def test_a_story_whose_scale_is_in_signups_is_a_case_note() -> None:
    assert note_kind_of("story_onboarding_redesign.md", ONBOARDING) == "case"


def test_asking_whether_a_change_caused_a_movement_measures_a_change_made() -> None:
    # "The CFO wants to know if the migration caused it" was asked as a test to run and a change to roll out, though
    # every account had been migrated (both raters, round 88).
    asked = "The CFO wants to know if the migration caused it and what we should do."
    assert case_change([asked], "Ledgerfold") == CaseChange("the migration", made=True)
    assert asks_worked(asked)


CAST = (
    "Mock #4, Sunday evening. Priya played interviewer. She ran sales ops for three years.\n\n"
    "Her prompt, more or less word for word: \"You're the data scientist at Fernway Health Software. We sell "
    "booking software to small clinics. About 3,100 inbound leads a month get split round-robin across 42 sales "
    'reps. How would you decide which rep gets which lead?"\n\n'
    "I started with clarifying questions.\n"
)

INITIAL = (
    'From *The Case Notebook* (H. Vance-Okafor, 2nd ed.), Case 17, "Too Many Keys"\n\n'
    "> Halmark Hotels runs a 220-room business hotel near a regional airport. Over the past year, 6% of confirmed "
    "reservations were no-shows. The general manager asks how many reservations beyond capacity the hotel should "
    "accept.\n\n"
    "My attempt: the newsvendor ratio first.\n"
)


def test_a_prompt_that_casts_the_candidate_at_a_business_names_it_and_a_citations_author_never_is_one() -> None:
    facts = case_facts(chunks_of("mock_lead_routing.md", CAST))
    assert facts.business == "Fernway Health Software", facts.business
    assert facts.opening.startswith("You're the data scientist at Fernway Health Software."), facts.opening
    cited = case_facts(chunks_of("prep_book_overbooking.md", INITIAL))
    assert cited.business == "Halmark Hotels" and cited.opening.startswith("Halmark Hotels runs"), cited


FEE = (
    '"We take 8% on every sale today. Finance wants to go to 10% on orders over $50 and leave smaller orders at 8%. '
    'Should we do it, and how would we know if it was a mistake?"\n\n'
    "That's the prompt as I remember it. Weftway, final round, 14 March, third of five sessions. Weftway is a "
    "marketplace for handmade goods with about 180,000 active sellers.\n\n"
    "I started by asking what share of orders are over $50.\n"
)


def test_a_debrief_that_opens_on_its_quoted_prompt_is_a_case_asking_for_a_decision() -> None:
    assert note_kind_of("debrief_weftway_seller_fee.md", FEE) == "case"
    facts = case_facts(chunks_of("debrief_weftway_seller_fee.md", FEE))
    assert facts.decision and "final round" not in facts.opening, facts
