"""Round 78's case notes: a story told at the note-taker's employer ("At X I was the only analyst"), with its plan to
hand the biggest accounts to someone; a debrief whose case is the interviewer's firm's client, "an online yarn shop
called The Woolly Crate"; a copied prompt that asks what "she" should buy after the sentence naming her is left out;
and a story's first attempt, which is no point a good answer makes. Every note is made up for the test."""

from __future__ import annotations

from interviewer.interview.cases import case_facts
from interviewer.interview.items import build_items
from tests.helpers import chunks_of

NURSERY = (
    'Behavioural answer — "Tell me about a time you pushed back on a senior stakeholder" (nursery story)\n\n'
    "My go-to for influence questions; about three minutes spoken.\n\n"
    "At Birchwood Plants Wholesale I was the only analyst, and in 2021 the sales director, Owen, got budget for two "
    "key-account managers for our garden-centre customers. We had 320 active garden-centre accounts: 30 big ones, "
    "110 mid-sized and 180 small. Owen's plan was simple — give the two KAMs the 60 biggest accounts by last year's "
    "spend.\n\n"
    "My worry was that the biggest accounts would spend a lot whatever we did. My first version ranked accounts by "
    "last year's spend alone. I proposed a one-season test instead, randomised within size bands.\n"
)

SOAPS = (
    "Debrief — Corvel Analytics, round 2 case (Tue 3 June), the soap shop one\n\n"
    "Interviewer: Ana, analytics lead, about 30 of the 45 minutes on the case.\n\n"
    "The case: one of their clients, an online soap shop called The Lather Loft, saw its cart-abandonment rate drop "
    "from around 68% to 55% within a week in May 2024. The founder wanted to know what they had done right. "
    'Ana: "Explain the drop."\n\n'
    "I split the ratio into orders and carts first.\n"
)

KAYAKS = (
    "Canoes for summer hire — prep book case 9 + my go at it\n\n"
    "Copied from the casebook, case 9:\n\n"
    "> Riverbend Outdoor Centre hires canoes on a lake from 1 May to 30 September. It owns 20 canoes. The manager, "
    "Priya Shah, is deciding how many to buy for next summer. Canoes cost £800 and last four seasons. Hire is sold "
    "in three-hour slots at £30. How many canoes should she buy?\n\n"
    "My attempt: I framed it as a marginal question.\n"
)


def test_a_story_at_the_note_takers_employer_is_a_targeting_case_told_as_the_business() -> None:
    chunks = chunks_of("nursery.md", NURSERY)
    assert chunks and all(chunk.kind == "case" for chunk in chunks)
    facts = case_facts(chunks)
    assert facts.business == "Birchwood Plants Wholesale" and facts.targets, facts
    assert facts.opening.startswith("Birchwood Plants Wholesale had 320 active garden-centre accounts"), facts.opening


def test_the_client_of_the_interviewers_firm_is_the_business_and_its_drop_is_explained() -> None:
    facts = case_facts(chunks_of("soaps.md", SOAPS))
    assert facts.business == "the Lather Loft", facts.business
    assert facts.opening.startswith("The Lather Loft, an online soap shop, saw its cart-abandonment rate drop"), (
        facts.opening
    )
    assert facts.shape == "drop", facts.shape


def test_a_she_no_sentence_of_the_opening_introduces_is_the_business() -> None:
    facts = case_facts(chunks_of("canoes.md", KAYAKS))
    # A "she" is said only after the sentence that says who she is (the whole prompt, since round 84, keeps "The
    # manager, Priya Shah, is deciding ..."); else the business asks it.
    she = "should she" in facts.opening
    assert (she and "The manager, Priya Shah, is deciding" in facts.opening) or (
        not she and "How many canoes should Riverbend Outdoor Centre buy?" in facts.opening
    ), facts.opening


def test_a_first_attempt_the_story_corrects_is_no_point_to_make() -> None:
    points = [p for chunk in chunks_of("nursery.md", NURSERY) for item in build_items(chunk) for p in item.points]
    assert points, "the story has stage points"
    assert not any("My first version" in p for p in points), points
