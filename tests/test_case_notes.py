"""Case notes found where they are: a note that says it is a case, or poses a business problem, is a case without
stage headings; its stages come from its content, and its stage questions use its own facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.core.domain import CASE_STAGES, Kind, Mode
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import build_chunks, ingest, read_sections
from interviewer.ingest.sections import Section, note_kind, poses_case
from interviewer.interview.cases import case_facts, stage_of_statement, stage_statements
from tests.conftest import CORPUS
from tests.helpers import make_app, strong

PROSE_CASE = """# Case study: late deliveries at a grocery delivery service

A grocery delivery service in three cities promises delivery within a 2-hour window, and about 12% of orders arrive
late. Operations wants to cut late deliveries without hiring more couriers.

The budget is fixed, so the plan must work with the current fleet of about 400 couriers.

We predict at checkout whether an order will arrive late; the label is whether the delivery arrived after the
promised window, and the unit is one order.

Useful data: order size, store pick time, courier availability in the zone, traffic by hour and the weather. Courier
GPS logs after dispatch leak the outcome and cannot be used as features at checkout.

Start with a baseline that flags zones that were late last week, then train a gradient boosting model.

Evaluate with precision and recall on the late class over a time-based split, because late orders are a minority.

Run an A/B test where treated customers see adjusted slots; compare the late rate and the conversion rate.

Deploy the model as a real-time service at checkout with a 100 ms latency budget, monitor drift and retrain weekly.
"""

BUSINESS_PROBLEM = """# Pricing the family plan

A meal-kit company wants to decide whether to raise the price of its family plan from 60 to 66 dollars a week.

Past price changes in two regions, subscriber tenure and order frequency are the data to start from.

A price elasticity model with regional fixed effects is a reasonable first method.

Test the price in a randomised experiment on new subscribers only.

Monitor cancellations weekly after launch and roll back if they exceed the forecast.
"""


@pytest.mark.parametrize(
    ("title", "opening", "expected"),
    [
        ("Case study: predicting customer churn", "Churn is the share of users who leave.", True),
        ("Churn", "This case is about a telecom that loses 2% of its customers a month.", True),
        ("Pricing", "A meal-kit company wants to decide whether to raise its price.", True),
        ("Regularization", "L1 drives weights to zero; L2 shrinks them.", False),
        ("Use case: embeddings", "Embeddings map items to vectors.", False),
        ("A/B testing", "A/B tests compare two variants on randomised users.", False),
        ("Should the airline overbook?", "A regional airline sells 180 seats and 6% of passengers do not show.", True),
        ("Should you scale features?", "Scaling puts features on one range.", False),
        # a business before its question, after a colon; a charity is an organisation
        ("Alder Trust: which lapsed donors get the letter?", "Alder is a UK charity with 90,000 lapsed donors.", True),
        ("Kernels: which one fits periodic data?", "A periodic kernel repeats with its period.", False),
    ],
)
def test_a_case_is_told_by_its_title_or_its_business_problem(title: str, opening: str, expected: bool) -> None:
    assert poses_case(title, opening) is expected


# The note-taker's preface, then a label, then the case: "Why did ... jump?" is a case when its business comes after.
PREFACED_JUMP = """# Why did Brookline's week-1 retention jump 6 points overnight?

Thursday study group, Ana as interviewer (playing the VP). A good-news metric move, trickier than a drop.

**The prompt.** Brookline is a language-learning app with about 2M monthly users. Week-1 retention has sat near 40%
for a year. In the first week of May it jumped to 46% and stayed there. The growth team wants credit for a new
streak reminder that shipped the same week.

I opened by splitting the ratio into its numerator and denominator.
"""


def test_a_case_after_a_preface_and_a_label_is_found_and_named() -> None:
    sections, _ = read_sections("notes/brookline.md", PREFACED_JUMP.encode())
    assert note_kind("notes/brookline.md", sections) == "case"
    chunks = [c for c in build_chunks("notes/brookline.md", "/notes/brookline.md", "h", sections) if c.kind == "case"]
    facts = case_facts(chunks)
    assert facts.business == "Brookline" and facts.opening.startswith("Brookline is a language-learning app")


def test_a_prose_case_note_is_a_case_and_a_flashcard_deck_never_is() -> None:
    sections, _ = read_sections("notes/late.md", PROSE_CASE.encode())
    assert note_kind("notes/late.md", sections) == "case"
    # A title that asks the business question is one problem, not a deck of questions.
    asked = (
        "# Should the airline overbook its flights?\n\nA regional airline wants to decide how many seats to oversell.\n"
    )
    sections, _ = read_sections("notes/overbook.md", asked.encode())
    assert note_kind("notes/overbook.md", sections) == "case"
    cards = [Section(("Case study deck", f"Q{n}"), f"Q: q{n}?\nA: a", question=f"q{n}?", answer="a") for n in range(3)]
    assert note_kind("notes/deck.txt", cards) == "note"


def test_stages_come_from_what_each_statement_talks_about() -> None:
    grouped = stage_statements(PROSE_CASE)
    assert len(grouped) >= 5 and set(grouped) <= set(CASE_STAGES)
    assert any("GPS logs" in s for s in grouped["data"])
    assert any("A/B test" in s for s in grouped["experiment"])
    assert any("latency budget" in s for s in grouped["deployment"])
    assert not any("12% of orders" in s for points in grouped.values() for s in points)  # the opening is context
    assert stage_of_statement("The weather is nice.") == ""


def test_a_case_names_its_business_and_its_facts() -> None:
    sections, _ = read_sections("notes/late.md", PROSE_CASE.encode())
    facts = case_facts(build_chunks("notes/late.md", "/notes/late.md", "h", sections))
    assert facts.business == "the grocery delivery service"
    assert any("400 couriers" in fact for fact, _ in facts.facts)
    # A later stage's answer is never recalled as a fact in an earlier stage's question.
    assert "100 ms" not in facts.fact_for("data", set())


def prose_app(home: Path) -> App:
    notes = home.parent / "notes"
    notes.mkdir(parents=True)
    (notes / "late_deliveries.md").write_text(PROSE_CASE, encoding="utf-8")
    (notes / "pricing.md").write_text(BUSINESS_PROBLEM, encoding="utf-8")
    app = make_app(home)
    ingest([str(notes), str(CORPUS / "experimentation"), str(CORPUS / "evaluation")], app.store, 10**8)
    return app


@pytest.mark.parametrize("mode", [Mode.STANDARD, Mode.CHALLENGE])
def test_a_case_session_on_prose_notes_walks_five_stages_with_the_case_facts(
    interviewer_home: Path, mode: Mode
) -> None:
    app = prose_app(interviewer_home)
    session = app.interviewer.start(SessionConfig(kind=Kind.CASE, mode=mode, questions=8, seed=5, topic="late"))
    asked = []
    while (question := session.next_question()) is not None:
        session.answer(strong(question))
        asked.append(question)
    stages = [q.stage for q in asked if not q.follow_up]
    assert len(set(stages)) >= 5 and stages[0] == "clarify"
    later = [q.text for q in asked[1 : len(set(stages))]]  # the stages after the opening
    assert all("the grocery delivery service" in text for text in later)
    assert any("400 couriers" in text or "12%" in text for text in later)
    assert all(q.points and q.sources for q in asked)
    assert min(q.level for q in asked) >= (3 if mode is Mode.CHALLENGE else 2)


def test_a_short_case_says_which_stages_it_covers(interviewer_home: Path) -> None:
    app = prose_app(interviewer_home)
    session = app.interviewer.start(SessionConfig(kind=Kind.CASE, questions=5, seed=5, topic="late"))
    first = session.next_question()
    assert first is not None
    # (after what it read the case as)
    assert first.notice.endswith(
        ". This case has 5 questions, so it covers clarify, frame, method, evaluation and deployment; "
        "data and experiment are left out."
    ), first.notice


def test_a_story_case_never_recalls_what_happened_later_and_never_fails_on_it(interviewer_home: Path) -> None:
    """A case told as a story marks its later facts as told; a stage question once crashed on that mark."""
    story = PROSE_CASE + "\nAfter launch, late orders fell from 12% to 8% and conversion held at 31%.\n" * 3
    notes = interviewer_home.parent / "story"
    notes.mkdir(parents=True)
    (notes / "late.md").write_text(story, encoding="utf-8")
    app = make_app(interviewer_home)
    ingest([str(notes)], app.store, 10**8)
    session = app.interviewer.start(SessionConfig(kind=Kind.CASE, questions=7, seed=2))
    asked = []
    while (question := session.next_question()) is not None:
        session.answer(strong(question))
        asked.append(question)
    assert len(asked) == 7 and not any("fell from 12% to 8%" in q.text for q in asked)


def test_a_line_that_introduces_a_list_is_no_fact_and_a_fact_is_recalled_once() -> None:
    listed = "\nA rough calculation, per 100,000 orders:\n\n- 12,000 late orders cost about 60,000 in refunds.\n"
    text = PROSE_CASE + listed
    sections, _ = read_sections("notes/late.md", text.encode())
    facts = case_facts(build_chunks("notes/late.md", "/notes/late.md", "h", sections))
    assert not any(fact.endswith(":") for fact, _ in facts.facts)
    first = facts.fact_for("frame", set())
    assert first and facts.fact_for("frame", {first.rstrip(" .")}) != first


BAKERY = """# Case study: daily bread at a bakery chain

A bakery chain with 35 shops throws away everything unsold at closing time, about 11% of baked units.
Management wants to reach 7% waste without more empty shelves. A loaf costs €0.40 to make and sells for €1.80.
Running out therefore loses €1.40 of margin, so the right quantity is the 78th percentile of demand.
suppose demand rises 10% on Saturdays -> 3 extra trays per shop.

The first model used yesterday's sales and showed a WAPE of 14% in backtests; it could not be used as built.
The honest version with lags of two days or more scored 19% in backtests.
"""


def test_a_case_recalls_its_givens_never_a_conclusion_a_fragment_or_what_happened_next() -> None:
    sections, _ = read_sections("n/bakery.md", BAKERY.encode())
    facts = [fact for fact, at in case_facts(build_chunks("n/bakery.md", "/n/bakery.md", "h", sections)).facts
             if at != "told"]  # fmt: skip
    assert any("35 shops" in fact for fact in facts)  # the set-up: what the case gives
    assert not any("therefore" in fact or "->" in fact or fact[:1].islower() for fact in facts)
    assert not any("WAPE" in fact or "backtests" in fact for fact in facts)  # the story's results stay untold


def test_a_generic_twist_is_said_only_at_a_stage_it_fits() -> None:
    from interviewer.interview.templates import load_templates

    templates = load_templates()
    framing = " ".join(templates.twists_for("frame"))
    assert "results look much better" not in framing  # no results exist yet while framing
    assert "results look much better" not in " ".join(templates.twists_for("deployment"))
    # No feature to ban before the method is chosen, nor once it is evaluated.
    assert all("strongest feature" not in " ".join(templates.twists_for(s)) for s in CASE_STAGES if s != "method")
    assert "two months" not in " ".join(templates.twists_for("evaluation"))  # offline evaluation never takes months
    # Every generic twist fits some stage; a stage that none fits gets none (no twist is better than a misfit).
    assert set(templates.twists) == {t for stage in (*CASE_STAGES, "after") for t in templates.twists_for(stage)}
    # A slide after launch is a turn of its own once the case is walked, never a condition on deploying it.
    assert "after launch" not in " ".join(templates.twists_for("deployment"))
    assert "after launch" in " ".join(templates.twists_for("after"))
