"""Round 90's misreadings, on notes of my own in the same shapes: a case book's case cited with its edition and
number, a debrief whose prompt speaks as "we" and names the business on the note's first line only, a story about
alarms that fire on a fixed rule, and a self-quiz question whose answer denies the conclusion it asks about."""

from __future__ import annotations

from interviewer.interview.card_fronts import as_question
from interviewer.interview.card_items import qa_items
from interviewer.interview.case_engine import _cue
from interviewer.interview.cases import case_facts
from interviewer.interview.items import build_items
from tests.helpers import chunks_of, note_kind_of, stage_drafts

BOOK = (
    'From *Casework for Analysts* (Odile Brannagh-Sutton, 3rd edition), Case 9, "The Garden Centre". Timed at 25 '
    "minutes.\n\n"
    "The printed prompt:\n\n"
    '> "Fernhollow Nurseries sells plants and garden furniture from six garden centres and online. Last year it spent '
    "£400,000 on marketing across radio, paid search and a printed brochure. The managing director has the same "
    '£400,000 this year and asks you how to split it."\n\n'
    "My attempt: I took last-click revenue by channel and moved money into search.\n"
)

DEBRIEF = (
    "Debrief: Quaymark Logistics, onsite loop, round 2 of 4 (experimentation). Written on the bus home.\n\n"
    "The prompt, more or less as she put it to me at the start:\n\n"
    '"We run 9 parcel depots, each sorting about 40,000 parcels a night. Engineering built a new sorter-scheduling '
    "rule that in simulation cuts missed trunk departures by about 12%. We want to know if it really works before "
    'we switch every depot. How would you test it?"\n\n'
    "I said depot-level randomisation had too few units and proposed a switchback by night.\n"
)

STORY = (
    "The project I tell for 'a time you cut noise for a team'.\n\n"
    "At Glenmoor Dairies I was the analyst for the tanker fleet. Glenmoor runs around 210 milk tankers collecting "
    "from about 1,400 farms. The depot got an alert whenever a tanker's milk read above 6°C, about 700 alerts a "
    "week, and the planners acknowledged them in bulk. One July a full tanker was rejected at the creamery. The "
    'fleet manager asked me, quite sharply, whether we could "make the alerts worth reading".\n\n'
    "I built a labelled history of real warm loads first.\n"
)


def test_a_case_books_case_cited_with_its_edition_and_number_is_a_case_and_its_book_is_no_business() -> None:
    assert note_kind_of("casebook_garden_centre.md", BOOK) == "case"
    assert (
        note_kind_of("prepbook_fernhollow_split.md", BOOK.replace("Case 9, ", "")) == "case"
    )  # the file's title says so
    facts = case_facts(chunks_of("casebook_garden_centre.md", BOOK))
    assert facts.business == "Fernhollow Nurseries", facts.business
    assert "Casework" not in facts.opening and "edition" not in facts.opening, facts.opening


def test_a_debriefs_prompt_in_the_businesss_we_is_opened_whole_and_says_whose_we_it_is() -> None:
    facts = case_facts(chunks_of("debrief_quaymark_sorter_test.md", DEBRIEF))
    assert facts.business == "Quaymark Logistics", facts.business
    assert facts.opening.startswith("At Quaymark Logistics, we run 9 parcel depots"), facts.opening
    assert facts.opening.endswith("How would you test it?"), facts.opening


def test_a_story_about_alarms_that_fire_on_a_fixed_rule_asks_where_to_set_it_and_says_what_was_asked() -> None:
    facts = case_facts(chunks_of("story_glenmoor_tanker_alerts.md", STORY))
    assert facts.business.startswith("Glenmoor") and facts.operating, facts
    assert 'fleet manager asked whether we could "make the alerts worth reading"' in facts.opening, facts.opening


def test_a_situation_whose_answer_denies_the_conclusion_it_asks_about_is_a_pitfalls_question() -> None:
    base = {"topic": "Equivalence", "source": "notes/eq.md", "heading": "Equivalence", "chunk_id": "c1"}
    denied = (
        "We swapped the search ranker for a cheaper one. The A/B shows no significant drop in clicks (p = 0.37). "
        "Can we call it no worse?",
        "No. A non-significant difference is absence of evidence; you need a pre-set margin and a test against it.",
    )
    granted = (denied[0], "Yes, as long as the test had the power to see a drop that matters.")
    items = qa_items([denied, granted], base)  # type: ignore[arg-type]
    assert 4 in items[0].levels and 4 not in items[1].levels, [i.levels for i in items]


MISTAKES = (
    "# Kafka consumers: mistakes I've actually made\n\n"
    "1. **Raised max.poll.records to 5,000 on a slow consumer.** Each poll took longer than max.poll.interval.ms, "
    "so the group kept rebalancing and lag grew. Fix: keep batches small enough to finish inside the interval.\n\n"
    "2. **Left join on a topic keyed by a nullable user id.** Every null key landed on one partition. Fix: key the "
    "null rows by event id.\n"
)


def test_each_numbered_mistake_under_a_mistakes_title_is_a_teammates_scene_but_never_a_term() -> None:
    items = [item for chunk in chunks_of("kafka.md", MISTAKES) for item in build_items(chunk)]
    scenes = [item.concept for item in items if item.kind == "pitfall"]
    assert "raised max.poll.records to 5,000 on a slow consumer" in scenes, scenes
    assert not [scene for scene in scenes if scene.startswith("left join")], scenes
    told = next(i for i in items if i.kind == "pitfall" and i.concept.startswith("raised max.poll"))
    assert any("rebalancing" in point for point in told.points), told.points


def test_a_budget_to_split_across_channels_is_asked_as_a_split_never_as_a_change_to_measure() -> None:
    facts = case_facts(chunks_of("casebook_garden_centre.md", BOOK))
    assert facts.shape == "allocation", facts.shape
    drafts = stage_drafts(chunks_of("casebook_garden_centre.md", BOOK), ("frame", "method", "evaluation"), 2)
    assert not [text for text in drafts if "the change" in text or "effect of" in text], drafts
    assert any("channel" in text or "split" in text for text in drafts), drafts


def test_a_hyphenated_term_before_a_noun_in_ing_is_never_named_alone() -> None:
    point = "Then batch the open jobs every 15 minutes and solve it as min-cost matching, or an integer program."
    assert "min-cost" not in _cue(point, "I would treat it as a matching problem."), _cue(point, "")


def test_a_self_quiz_asking_the_pitfall_with_a_pair_asks_about_the_pair() -> None:
    assert as_question("Pitfall with per-protocol vs intention-to-treat?") == (
        "What is the pitfall with per-protocol vs intention-to-treat?"
    )
    assert as_question("Gotchas in bootstrapping time series?") == "What are the gotchas in bootstrapping time series?"
