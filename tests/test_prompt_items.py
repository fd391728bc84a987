"""The interview prompts a note records are asked as written, at the level of what they ask, and scored on the note's
own answer; the note-taker's own words in quotes are no prompt. All notes here are made up for the tests."""

from __future__ import annotations

from interviewer.interview.item_bank import ItemBank
from interviewer.interview.prompt_items import recorded_prompts
from interviewer.interview.statement_pool import statement_items
from tests.helpers import chunks_of

SKETCHES = """# Probabilistic sketches: HyperLogLog, count-min, Bloom filters

For the MLE round. Typical prompt: "5B page views a day, the dashboard needs unique visitors per article per day and
per week. Design it."

## HyperLogLog
- Each register keeps the max run of leading zeros seen; the error is about 1.04 over the root of the register count.
- Daily unique counts do not add up to weekly unique counts; merge the daily sketches instead.

## Count-min sketch
- A count-min sketch only overestimates, because hash collisions can only add to a counter.
- A Bloom filter gives false positives but never false negatives.

## Design answer outline
- A streaming job writes one HyperLogLog sketch per article and day into a small table.
- The dashboard merges the daily sketches for any range of days.
- An exact recount runs nightly for the numbers that go into invoices.

**Mock mistake:** I said "a count-min sketch can underestimate a rare item's count badly". It cannot.
"""

LOGS = """# Evaluating a ranker from logs

Came up twice last round ("your A/A test on the new ranker keeps failing, why would that happen?").
Rule of thumb I keep: "what would I have known at the moment the ranker served this list?"

- A logging bug that drops impressions of one arm makes an A/A test fail more often than 5%.
- Sessions clustered by user break the independence the test assumes, so its intervals come out too narrow.
- Asked "Why does a deterministic ranker rule out inverse propensity scoring?": no action has a probability below one.
"""


def prompts_of(name: str, text: str) -> list:  # type: ignore[type-arg]
    chunks = chunks_of(name, text)
    return recorded_prompts(chunks, [item for chunk in chunks for item in statement_items(chunk)])


def test_a_design_prompt_is_asked_as_written_at_level_5_and_scored_on_the_notes_answer() -> None:
    (prompt,) = prompts_of("sketches.md", SKETCHES)  # the note-taker's own "I said ..." is no prompt
    assert prompt.question.startswith("5B page views a day, the dashboard needs unique visitors") and prompt.levels == (
        5,
    )
    assert prompt.points[0].startswith("A streaming job writes one HyperLogLog sketch")
    assert len(prompt.points) == 3 and all("Typical prompt" not in point for point in prompt.points)


def test_a_problem_told_first_is_level_4_and_a_rule_of_thumb_or_an_answered_line_is_no_prompt() -> None:
    (prompt,) = prompts_of("logs.md", LOGS)
    assert prompt.question == "Your A/A test on the new ranker keeps failing, why would that happen?"
    assert prompt.levels == (4,) and any("logging bug" in point for point in prompt.points)


def test_the_bank_asks_the_prompt_and_never_quotes_it_as_a_fact_to_define() -> None:
    bank = ItemBank()
    bank.refresh(chunks_of("sketches.md", SKETCHES))
    assert any(item.question.startswith("5B page views a day") and item.levels == (5,) for item in bank.items)
    assert not any("Typical prompt" in point for item in bank.items for point in item.points)


def test_a_problem_told_in_a_few_words_is_no_hard_question() -> None:
    # Round 34: "P99 TTFT is bad, what do you do?" was too bare for a final round's level 4 to both blind raters.
    bare = LOGS.replace(
        "your A/A test on the new ranker keeps failing, why would that happen?",
        "the A/A test fails, why does that happen here?",
    )
    (prompt,) = prompts_of("logs.md", bare)
    assert prompt.question == "The A/A test fails, why does that happen here?" and prompt.levels == (3,)


OUTLIERS = """# Finding odd sensor readings

Comes up a lot: "how would you find broken sensors when nobody has labelled a single failure?"

## Isolation forest
- Idea: odd points are few and different, so random splits isolate them after only a few cuts.
- s = 2^(-E[h(x)] / c(n)) scores each point.

## Local outlier factor
- Local outlier factor compares a point's local density with the density around its neighbours.

## Thresholds
- The share of points you flag is a business choice, not something either model learns.
"""

DRIFT = """# Drift checks

"How would you keep an eye on this model once it is in production?" came up twice in my last loop.

Population stability index compares the binned share of rows in a reference window with the current window.
"""


def test_a_prompt_the_whole_note_answers_is_scored_on_the_lead_of_each_section_never_a_formula() -> None:
    # hard67: "How would you find weird transactions with no labels?" was scored on "Cheap: linear time, ~100 trees,
    # no distances." and a score band, and a strong answer got 0.05.
    (item,) = prompts_of("outliers.md", OUTLIERS)
    assert item.points == (
        "Idea: odd points are few and different, so random splits isolate them after only a few cuts.",
        "Local outlier factor compares a point's local density with the density around its neighbours.",
        "The share of points you flag is a business choice, not something either model learns.",
    ), item.points


def test_a_quoted_question_the_sentence_says_came_up_is_never_answered_by_that_sentence() -> None:
    items = ItemBank()
    items.refresh(chunks_of("drift.md", DRIFT))
    asked = [i for i in items.items if "keep an eye on this model" in i.question]
    # Its sentence says when it was asked; no line of the note answers it, so it is not asked at all.
    assert all("came up twice" not in point for i in asked for point in i.points), asked


COMPRESSION = """# Model compression

The prompt I expect: "Your model is great offline but 3x over the latency budget / too big for the phone. What do you
do?" The mistake is to jump to distillation. Go in order.

## Answer, in order
- Profile the model first: most of the latency budget often sits in feature fetching, not in the model itself.
- Quantise the model to int8 for the phone: about 4x smaller, and latency drops with a small accuracy loss.
- Distil last: a small student model trained on the teacher's soft labels fits the phone and the latency budget.
"""


def test_a_notes_shorthand_for_two_versions_of_a_prompt_is_asked_as_either() -> None:
    # "3x over the latency budget / too big for the phone" failed English for both raters (round 87).
    (prompt,) = prompts_of("compression.md", COMPRESSION)
    assert "latency budget, or too big for the phone" in prompt.question and " / " not in prompt.question, prompt
