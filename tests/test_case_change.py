"""The change a case asks about is named as its note names it, and a change live already is measured after the fact,
never rolled out: blind raters failed "the change it is weighing" and "how would you roll the change out" for an SMS
that had gone to everyone (round 25). All notes here are made up for the tests."""

from __future__ import annotations

import re

import pytest

from interviewer.core.domain import CASE_STAGES
from interviewer.ingest.pipeline import build_chunks, read_sections
from interviewer.interview.case_change import case_change, gerund
from interviewer.interview.cases import case_facts
from tests.helpers import case_stage_texts


@pytest.mark.parametrize(
    ("asked", "business", "phrase", "made"),
    [
        (["Did Quayside's two-for-one coffee cards actually work?"], "Quayside", "the two-for-one coffee cards", True),
        (["did the welcome emails at Tallow bring lapsed buyers back?"], "Tallow", "the welcome emails", True),
        (["Case: Ovenly - did moving the cut-off to 9pm actually work?"], "Ovenly", "moving the cut-off to 9pm", True),
        (["We are measuring whether the 'Night Owl' bonus added couriers."], "Dashly", "the 'Night Owl' bonus", True),
        (
            ["Should Ovenly cut the delivery fee from €3.50 to €2?"],
            "Ovenly",
            "cutting the delivery fee from €3.50 to €2",
            False,
        ),
        (["Should the museum open on Mondays?"], "the museum", "opening on Mondays", False),
        (["Should Basics go from £5 to £6 a month?"], "Kitly", "", False),  # "go" changes nothing of its own
        (["Case – Launch the loyalty card at Brumby?"], "Brumby", "launching the loyalty card", False),
        (["Does giving away a free month actually make people stay?"], "Streamly", "giving away a free month", False),
        (["Tallow wants to raise prices by 4% in May."], "Tallow", "raising prices by 4% in May", False),
        (
            ["They wanted to know whether removing the €2.95 fee would raise conversion."],
            "Ovenly",
            "removing the €2.95 fee",
            False,
        ),
        (["Why did the checkout test come back 51/49?"], "Ovenly", "", False),  # a puzzle, not a change to measure
        (["Should they extend it?"], "Ovenly", "", False),  # "extending it" names nothing
        (
            [
                'Tandem — "we made annual the default and revenue went up 38%"',
                "Did it work, and should they extend it?",
            ],
            "Tandem",
            "making annual the default",
            True,
        ),
        (["Tallow wants to know how long a customer lasts."], "Tallow", "", False),  # knowing is no change
        # Asked indirectly, without a question mark, in the note-taker's words.
        (
            ["The head of supply asks whether we should pay lenders a £5 weekend bonus."],
            "the business",
            "paying lenders a £5 weekend bonus",
            False,
        ),
        (
            ["She asked whether Ovenly should raise prices to £4.95, or not."],
            "Ovenly",
            "raising prices to £4.95",
            False,
        ),
        (["I am not sure whether they should keep it."], "Ovenly", "", False),
    ],
)
def test_the_change_a_case_asks_about_is_named_as_the_note_names_it(
    asked: list[str], business: str, phrase: str, made: bool
) -> None:
    change = case_change(asked, business)
    assert (change.phrase, change.made) == (phrase, made)


@pytest.mark.parametrize(
    ("verb", "said"),
    [("cut", "cutting"), ("raise", "raising"), ("roll out", "rolling out"), ("open", "opening"), ("tie", "tying"),
     ("send", "sending"), ("ship", "shipping"), ("see", "seeing")],
)  # fmt: skip
def test_a_change_to_decide_is_said_as_a_gerund(verb: str, said: str) -> None:
    assert gerund(verb) == said


SHIPPED = """# Case: did Ovenly's 9pm cut-off actually work?

Ovenly is a bakery delivery service in Leeds with about 18k orders a week. On 3 June it moved the order cut-off for
next-morning delivery from 6pm to 9pm for every customer at once. Four weeks later, orders per customer were up 5%.

The ops lead wants to keep it and move the cut-off to 10pm next. My first thought was to compare June with May.
"""

PROPOSED = """# Should Ovenly cut the delivery fee from €3.50 to €2?

Ovenly is a bakery delivery service in Leeds with about 18k orders a week, average basket €21. Finance worries that a
lower fee costs about €27k a week if orders do not grow. The founder wants an answer by the end of the quarter.
"""


def test_a_change_live_already_is_measured_after_the_fact_and_never_rolled_out() -> None:
    sections, _ = read_sections("notes/ovenly.md", SHIPPED.encode())
    facts = case_facts(build_chunks("notes/ovenly.md", "/notes/ovenly.md", "h", sections))
    assert (facts.shape, facts.change, facts.made) == ("change", "the 9pm cut-off", True)
    texts = case_stage_texts(SHIPPED, 2)
    assert all("the change it is weighing" not in text and "the change's effect" not in text for text in texts)
    assert sum("the 9pm cut-off" in text for text in texts[2:]) >= 4  # data to deployment name the change
    experiment, deployment = texts[CASE_STAGES.index("experiment")], texts[CASE_STAGES.index("deployment")]
    assert "gone ahead with the 9pm cut-off" in experiment and "randomis" not in experiment  # nothing to randomise
    assert "roll" not in deployment and "the 9pm cut-off" in deployment


def test_a_change_still_to_decide_is_tested_and_rolled_out_by_its_name() -> None:
    texts = case_stage_texts(PROPOSED, 2)
    named = [text for text in texts[2:] if "cutting the delivery fee from €3.50 to €2" in text]
    assert len(named) >= 4
    assert "gone ahead" not in texts[CASE_STAGES.index("experiment")]
    assert not any("the change it is weighing" in text for text in texts)


PILOTED = """# Case: did Ovenly's 9pm cut-off actually work?

Ovenly is a bakery delivery service with about 18k orders a week in 12 cities. On 3 June it moved the order cut-off
for next-morning delivery from 6pm to 9pm in 3 of its 12 cities as a trial, and kept 6pm everywhere else. Four weeks
later, orders per customer in those cities were up 5%.

The ops lead wants to move every city to 9pm. My first thought was to compare June with May.
"""


@pytest.mark.parametrize(
    ("opening", "pilot"),
    [("in 3 of its 12 cities as a trial, and kept 6pm everywhere else", True),
     ("in three cities", True), ("on Android only", True), ("at 9 sites in their North region", True),
     ("for every customer at once", False), ("across all 12 cities", False)],
)  # fmt: skip
def test_a_change_made_in_part_of_the_business_only_is_a_pilot(opening: str, pilot: bool) -> None:
    note = SHIPPED.replace("for every customer at once", opening)
    sections, _ = read_sections("notes/ovenly.md", note.encode())
    facts = case_facts(build_chunks("notes/ovenly.md", "/notes/ovenly.md", "h", sections))
    assert (facts.made, facts.pilot) == (True, pilot)


def test_a_pilot_is_measured_against_the_part_that_kept_things_as_they_were() -> None:
    # Round 34: "Now that Mossgate has gone ahead ... where could you still find a comparison group?" read as unclear
    # when 33 sites had kept the fee: the case hands over its comparison, and the question is how far to trust it.
    texts = case_stage_texts(PILOTED, 2)
    experiment, deployment = texts[CASE_STAGES.index("experiment")], texts[CASE_STAGES.index("deployment")]
    assert "gone ahead" not in experiment and "only part" in experiment.lower() and "the 9pm cut-off" in experiment
    assert re.search(r"\bextend", deployment) and "the 9pm cut-off" in deployment
