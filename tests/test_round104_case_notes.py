"""Round 104's misreadings, on notes of my own in the same shapes: a sentence whose figures follow a colon
("Fenwick sells booking software to vets: 1,800 UK clinics ...", said "... to vets is 1,800 UK clinics"), the
note-taker's "Aim for 3-4 min spoken." opening a story, and a team ("Ops had run a pilot") taken for the business."""

from __future__ import annotations

from interviewer.interview.case_business import business_of
from interviewer.interview.case_givens import spoken, writes
from interviewer.interview.cases import case_facts
from tests.helpers import chunks_of


def test_a_sentence_before_its_figures_is_never_said_as_a_label_that_is_them() -> None:
    said = spoken("Fenwick sells booking software to vet clinics: 1,800 UK clinics on the platform.")
    assert said == "Fenwick sells booking software to vet clinics: 1,800 UK clinics on the platform."
    # (a label is still said with its figure)
    assert spoken("Staff time to check a booking at the desk: about 2 minutes.") == (
        "Staff time to check a booking at the desk is about 2 minutes."
    )
    assert spoken("Staff costs per month: £4,000.") == "Staff costs per month are £4,000."


def test_how_long_the_note_taker_means_to_speak_is_theirs() -> None:
    assert writes("Aim for 3–4 min spoken.")
    assert writes("Keep it to 2 minutes out loud.")
    assert not writes("Each wash takes 13 minutes on average.")


STORY = (
    "# Behavioural story: the gift-wrap threshold (Tallowby)\n\n"
    'Use for: "a trade-off you had to make". Aim for 3–4 min spoken.\n\n'
    "---\n\n"
    "Ops had run a four-week pilot of gift-wrapping at two packing benches. Wrapped orders got 40% fewer complaints, "
    "and wrapping costs £2.10 an order. Tallowby Home sells candles and homewares online, about 3,000 orders a day.\n\n"
    "I built a complaint-risk model on past orders and we wrapped the riskiest 200 a day.\n"
)


def test_a_team_is_never_the_business_and_the_note_takers_timing_never_opens_the_case() -> None:
    facts = case_facts(chunks_of("11_story_tallowby.md", STORY))
    assert facts.business != "Ops", facts.business
    assert "spoken" not in facts.opening and "Aim for" not in facts.opening, facts.opening
    assert business_of([("Ops had run a four-week pilot of gift-wrapping at two packing benches.", "")]) != "Ops"
