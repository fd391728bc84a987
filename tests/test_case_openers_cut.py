"""Round 82's case notes: a sizing question at the end of a book's prompt that follows the note-taker's preface, a
prompt quoted after "His opening:" in the business's voice, a story that opens "At X, a ..., we had", and a title
that names a jump. Every note is made up for the test."""

from __future__ import annotations

from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of

SHUTTLE = (
    "Practice case: shuttle buses for the food festival\n\n"
    "Copied from the case book (case 11): I keep fumbling sizing questions with peaks. Book text, then my attempt.\n\n"
    "> Kelby Borough Council runs a shuttle from two car parks to the festival: Northfield (900 spaces) and "
    "Quayside (500). The festival runs for three weekends in August. Last year the council ran 10 buses on Saturdays "
    "and queues reached 30 minutes. Boardings averaged 4,200 per Saturday (highest 4,700). Buses hold 70. A round "
    "trip takes about 40 minutes. Hiring a bus costs £800 a day. Organisers expect 10% more visitors. How many "
    "buses should the council put on for the Saturdays?\n\n"
    "My attempt: plan for the peak hour, not the day.\n"
)

KAYAKS = (
    "Mock write-up: the kayak-shop return-rate jump (Ana, Sun 5 May)\n\n"
    "Ana ran a 40-minute mock over video. She played the head of e-commerce at Paddle & Pine, an online kayak shop. "
    "She'd prepared a fake dashboard.\n\n"
    "Her opening: \"Our weekly return rate has been steady around 6.1% all year. The week starting 2 June it's "
    "10.3%. The CEO thinks the new paddle supplier is sending us junk and wants to drop them. Before we do that, tell "
    "me what's going on.\"\n\n"
    "Numbers she gave when asked: about 9,800 orders a week.\n"
)

OYSTERS = (
    "Behavioural story: tasting-visit targeting at Saltmarsh\n\n"
    'Prompt I\'m preparing this for: "Tell me about a time you changed how a scarce resource was allocated."\n\n'
    "At Saltmarsh Oysters, a wholesale shellfish supplier with roughly 1,200 restaurant accounts across Kent, we had "
    "one tasting chef who visited restaurants. She could do about 20 visits a month. The sales director allocated "
    "them mostly to our biggest accounts.\n"
)


def test_a_books_prompt_after_the_note_takers_preface_asks_its_sizing_question() -> None:
    facts = case_facts(chunks_of("shuttle.md", SHUTTLE))
    assert facts.shape == "sizing", facts.shape
    assert facts.opening.endswith("How many buses should the council put on for the Saturdays?"), facts.opening


def test_a_prompt_quoted_after_her_opening_speaks_as_the_business_and_its_jump_is_explained() -> None:
    facts = case_facts(chunks_of("kayaks.md", KAYAKS))
    assert facts.shape == "drop", facts.shape
    # The shop is introduced first; its prompt, which says "us" and "we", keeps its own voice whole (a mix, "Paddle &
    # Pine's weekly return rate ... sending us junk", is no one's voice).
    assert facts.opening.startswith("Paddle & Pine is an online kayak shop. Our weekly return rate has been steady"), (
        facts.opening
    )
    assert "fake dashboard" not in facts.opening


def test_a_story_that_opens_at_the_business_introduces_it_and_its_allocation_makes_a_targeting_case() -> None:
    facts = case_facts(chunks_of("oysters.md", OYSTERS))
    assert facts.business == "Saltmarsh Oysters" and facts.targets, facts
    assert facts.opening.startswith("Saltmarsh Oysters is a wholesale shellfish supplier"), facts.opening


KILNS = (
    "Debrief — Harlow & Finch final round, case interview (Thu 6 March)\n\n"
    "Interviewer was Sam Reed, principal data scientist, 45 minutes, shared doc.\n\n"
    "The setup: Glaze & Co runs 18 paint-your-own-pottery cafés across Kent. Until last summer it was walk-in only. "
    "On 1 September all 18 sites switched to bookable two-hour slots (walk-ins only if a table was free). The CEO "
    "wants to know whether the change worked.\n\n"
    "I said a summer-to-autumn comparison tells us nothing on its own.\n"
)


def test_a_change_asked_about_as_the_change_is_named_by_the_sentence_that_tells_it() -> None:
    facts = case_facts(chunks_of("kilns.md", KILNS))
    assert facts.made and facts.change == "the move to bookable two-hour slots", facts
    assert "all 18 sites switched to bookable two-hour slots" in facts.opening, facts.opening


def test_a_rate_steady_at_one_figure_and_now_another_is_the_rise_it_names() -> None:
    from interviewer.interview.case_opening import moved_metric

    facts = case_facts(chunks_of("kayaks.md", KAYAKS))
    assert moved_metric(facts.opening) == ("weekly return rate", "rise"), facts.opening
