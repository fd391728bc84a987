"""Round 99's misreadings, on notes of my own in the same shapes: a technical note whose first sentence puts figures
to "you" (read as a business and its scale), a behavioural-bank story whose business has "&" in its name and "hires
out" what it sells, and a debrief whose title ends "— debrief" and whose business "lists" what it has, after a "Role:"
line."""

from __future__ import annotations

from interviewer.interview.cases import case_facts
from interviewer.interview.combined import combined_items, load_repertoire
from tests.helpers import chunks_of, note_kind_of
from tests.test_combined import items_of

TECHNICAL = (
    "# Cluster randomisation — revision notes\n\n"
    "## Why bother\n"
    "- Randomising users inside shared units leaks treatment. With 30 depots or 50 clinics you can easily put most of "
    "the big ones in one arm by bad luck.\n"
    "- Randomise whole clusters and analyse at the cluster level.\n"
)

STORY = (
    "# Behavioural bank — story 2: the bouncy-castle fleet (Tumble & Co)\n\n"
    "Use for: pushing back on someone senior. Target ~3 min spoken.\n\n---\n\n"
    "Tumble & Co hires out bouncy castles for parties across the Midlands. Family-owned, about 40 staff in summer. "
    "The fleet was 30 castles.\n\n"
    "In autumn the MD came back from a trade show with a quote for 15 more castles and asked me to confirm the "
    "numbers.\n"
)

DEBRIEF = (
    "Lathwork final loop — debrief\nwritten on the bus home\n\n"
    "Role: Senior Data Scientist, Marketplace. Three rounds.\n\n"
    "R1, SQL with Omar. Fine.\n"
    "R2, the case, with Ines Varga (Head of Trust). Setup as she gave it. Lathwork lists about 21,000 carpenters and "
    "homeowners leave about 5,000 reviews a week. In March they launched a badge for traders averaging 4.8 or above. "
    "Since launch, 5-star reviews went from 70% to 78% of new reviews.\n"
)


def test_figures_put_to_you_in_a_technical_note_are_no_business() -> None:
    assert note_kind_of("01_cluster_randomisation.md", TECHNICAL) == "note"


def test_a_behavioural_story_of_a_business_with_an_ampersand_that_hires_out_is_a_case() -> None:
    assert note_kind_of("11_story_tumble.md", STORY) == "case"
    assert case_facts(chunks_of("11_story_tumble.md", STORY)).business == "Tumble & Co"


def test_a_debrief_titled_at_its_end_is_a_case_and_its_business_is_the_one_that_lists() -> None:
    assert note_kind_of("12_debrief_lathwork.md", DEBRIEF) == "case"
    facts = case_facts(chunks_of("12_debrief_lathwork.md", DEBRIEF))
    assert facts.business == "Lathwork", facts
    assert facts.opening.startswith("Lathwork lists about 21,000 carpenters"), facts.opening


def test_a_design_question_says_the_whole_scene_of_its_symptom() -> None:
    queueing = """# Queueing for support teams

## Pitfalls
- Waits grow non-linearly with utilisation: past about 85% occupancy a small rise in arrivals makes the queue explode.
- Little's law ties the number of calls waiting to the arrival rate and the wait, so staff to the arrival rate.
- Pooling agents into one queue cuts waits at the same occupancy, because idle capacity is shared.
- Queueing theory says traffic intensity near 1 makes waits grow without bound.
"""
    items = items_of({"queues.md": queueing})
    designed = [
        i for i in combined_items(items, load_repertoire()) if i.concept == "waits that grew faster than demand"
    ]
    details = [i.detail for i in designed if i.detail]
    assert details and all("the average wait more than tripled" in detail for detail in details), details


REPLY_ASK = (
    "# Mock w/ Raf — Sunday, ~40 min\n\n"
    "Raf wrote the case himself and made me ask for the actual question.\n\n"
    "> **Raf:** Lullaby is a babysitting marketplace in two cities. About 9,000 parents have booked in the last "
    "90 days, 1,600 sitters have done a job.\n"
    "> **Me:** Who's the stakeholder and what do they want?\n"
    '> **Raf:** Ana Pires, head of ops. She says — "Saturday nights are a mess. A third of requests never get a '
    'sitter. Do we pay sitters more on weekend nights, or is this a recruitment problem?"\n\n'
    "Numbers he had ready when I asked:\n- Saturday requests: about 3,000 a week, 64% filled.\n"
)


def test_a_stakeholders_question_quoted_in_a_reply_is_the_ask_and_names_its_change() -> None:
    facts = case_facts(chunks_of("mock_lullaby.md", REPLY_ASK))
    assert facts.business == "Lullaby", facts
    assert facts.opening.endswith(
        'Do we pay sitters more on weekend nights, or is this a recruitment problem?"'
    ), facts.opening  # fmt: skip
    assert facts.change == "paying sitters more on weekend nights", facts
