"""Symptoms of ML-engineering and statistics projects that round 90's notes met none of (its hard end ran dry): each is
asked where two statements explain it, and never from words that only look alike (a SQL note's NULL keys are no
skewed partition; a recommender's "interactions" are no two changes that did not add up). Notes made up for the test."""

from __future__ import annotations

from interviewer.interview.combined import combined_items, load_repertoire
from interviewer.interview.statement_pool import statement_items
from tests.helpers import chunks_of

QUEUES = """# Staffing a help desk

- Utilisation is arrivals over capacity, and it must stay below 1 or the queue grows without bound.
- Waits are non-linear in utilisation: going from 85% to 93% occupancy can triple the average wait.
- Pooling two small queues into one needs fewer agents for the same service level.
"""

EXPERIMENTS = """# Running two tests at once

- Shipping both changes gives you the joint effect, not the sum of the two main effects.
- If the interaction between the changes is strong, each main effect is an average over the other test's mix.
"""

SQL = """# SQL joins

- NULL never equals NULL in a join condition, so rows with NULL keys never match in a join.
- A LEFT JOIN followed by a filter on the right table removes the NULL rows and turns it into an inner join.
"""

SPLITS = """# Recsys evaluation splits

- Hold out each user's last interactions as the test set, and the ones before them as validation.
- A random split leaks later interactions into training, so the test looks better than it is.
"""


def _concepts(notes: dict[str, str]) -> set[str]:
    statements = [item for name, text in notes.items() for c in chunks_of(name, text) for item in statement_items(c)]
    return {item.concept for item in combined_items(statements, load_repertoire()) if item.kind == "diagnosis"}


def test_waits_that_grow_faster_than_demand_are_asked_from_notes_on_utilisation() -> None:
    assert "waits that grew faster than demand" in _concepts({"queues.md": QUEUES})


def test_two_wins_that_did_not_add_up_are_asked_from_notes_on_interactions_of_changes() -> None:
    assert "two wins that did not add up" in _concepts({"tests.md": EXPERIMENTS})


def test_words_that_only_look_alike_ask_neither() -> None:
    found = _concepts({"sql.md": SQL, "splits.md": SPLITS})
    assert not found & {"one task that runs for hours", "two wins that did not add up"}, found


SURVEYS = """# Weighting a customer survey

- Raking only fixes nonresponse bias when response is ignorable given the weighting variables.
- Unhappy customers ignore surveys within every region and tenure cell, so raking on demographics cannot fix that.
"""

NPS = """# NPS margin of error

- Nonresponse: response rates of 5-10% are typical, and unhappy customers respond differently from happy ones.
"""


def test_a_weighted_survey_that_can_still_be_biased_is_asked_from_notes_on_nonresponse() -> None:
    assert "a survey that does not speak for the customers" in _concepts({"surveys.md": SURVEYS, "nps.md": NPS})


REVENUE = """# Heavy-tailed revenue in tests

- Revenue per user is heavy-tailed: a few whales drive the variance of an experiment's mean.
- Winsorise revenue at the 99th percentile before the test, and say the estimand changed.
"""


def test_a_scene_that_names_its_cause_is_never_asked_which_cause_to_check_first() -> None:
    # "... because a few customers spend thousands. Which explanation would you test first" (both raters, round 94)
    statements = [item for c in chunks_of("revenue.md", REVENUE) for item in statement_items(c)]
    found = [
        i for i in combined_items(statements, load_repertoire()) if i.concept == "a revenue test too noisy to read"
    ]
    assert found and all(i.levels == (4,) for i in found), [i.levels for i in found]
