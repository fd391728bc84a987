"""Case follow-ups that listen: a term the candidate used that another note covers is taken up, citing that note
and scored on its points; an ordinary word is not a term."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.core.domain import Kind, Mode, Question, Turn
from interviewer.core.score import CriterionScore, ScoreResult
from interviewer.core.session import Plan, SessionConfig, SessionState
from interviewer.ingest.pipeline import build_chunks, ingest, read_sections
from interviewer.interview.asking import load_frames
from interviewer.interview.items import build_items
from interviewer.interview.listening import _MODIFIER, TakeUp, take_up
from interviewer.interview.note_terms import NoteTerms, looks_named
from interviewer.interview.templates import load_templates
from tests.helpers import make_app
from tests.test_case_notes import PROSE_CASE

METRICS = """# Ranking metrics

## Pitfalls
- ROC-AUC looks high on rare positives while precision stays low, so report PR-AUC as well.
- Precision at k depends on k: choose k from the number of cases the team can act on.
"""


TEMPLATES = load_templates()
BUSINESS = "the grocery delivery service"


def metric_items() -> list:  # type: ignore[type-arg]
    sections, _ = read_sections("metrics.md", METRICS.encode())
    return [i for c in build_chunks("metrics.md", "/metrics.md", "h", sections) for i in build_items(c)]


def test_a_term_the_candidate_used_is_taken_up_from_the_note_that_covers_it() -> None:
    answer = "I would rank orders by risk and evaluate with ROC-AUC on a time-based split."
    taken = take_up(
        answer, metric_items(), "Late deliveries", set(), load_frames(), random.Random(0), set(), TEMPLATES, BUSINESS
    )
    assert taken is not None and taken.term == "ROC-AUC"
    assert taken.text.split(".")[0] in {
        "You mentioned ROC-AUC",
        "You brought up ROC-AUC",
        "Let me pick up on ROC-AUC, which you mentioned",
    }
    assert "ROC-AUC" in taken.item.points[0] and taken.item.source == "metrics.md"
    # Asked in the case's terms, not as a textbook question about the term.
    assert BUSINESS in taken.text and "What is the trap" not in taken.text


def test_no_term_no_take_up_and_a_point_already_asked_is_not_asked_again() -> None:
    items = metric_items()
    frames = load_frames()
    plain = "I would ask about the goal and the budget."
    assert take_up(plain, items, "Late", set(), frames, random.Random(0), set(), TEMPLATES, BUSINESS) is None
    asked = {p for i in items for p in i.points}
    assert (
        take_up("I would use ROC-AUC.", items, "Late", asked, frames, random.Random(0), set(), TEMPLATES, BUSINESS)
        is None
    )


def middling(question: Question) -> ScoreResult:
    """A middling score that misses the question's first point: the session plans a follow-up."""
    missing = tuple(
        {"text": p, "chunk_id": question.point_sources[0] if question.point_sources else ""}
        for p in question.points[:1]
    )
    coverage = CriterionScore("coverage", "coverage", 0.5, 1.0, "", missing=missing)
    return ScoreResult(0.5, (coverage,), (), "case-clarify", 1.0)


def late_case_app(home: Path) -> App:
    """An app over the late-deliveries case and a metrics note it does not cite."""
    notes = home.parent / "notes"
    notes.mkdir(parents=True)
    (notes / "late_deliveries.md").write_text(PROSE_CASE, encoding="utf-8")
    (notes / "metrics.md").write_text(METRICS, encoding="utf-8")
    app = make_app(home)
    ingest([str(notes)], app.store, 10**8)
    return app


def run_case_naming_roc_auc(app: App, asked: list[Question]) -> None:
    """An 8-question case session on the late case whose every answer names ROC-AUC (which metrics.md covers); each
    question is appended to `asked` as it comes (a fake scorer may read the one just asked)."""
    session = app.interviewer.start(
        SessionConfig(kind=Kind.CASE, mode=Mode.STANDARD, questions=8, seed=1, topic="late")
    )
    while (question := session.next_question()) is not None:
        asked.append(question)
        session.answer("I would start simple and evaluate with ROC-AUC.")


def test_a_case_follow_up_takes_up_what_the_answer_said_citing_the_other_note(interviewer_home: Path) -> None:
    app = late_case_app(interviewer_home)
    app.interviewer.scorer.score = lambda question, answer, **kw: middling(asked[-1])  # type: ignore[assignment,method-assign]
    asked: list[Question] = []
    run_case_naming_roc_auc(app, asked)
    follow_ups = [q for q in asked if q.follow_up]
    assert follow_ups
    taken = [q for q in follow_ups if "ROC-AUC" in q.text.split(".")[0]]
    assert taken and all(Path(q.sources[0]["source"]).name == "metrics.md" for q in taken)
    assert all(set(q.points) <= set(METRICS.replace("- ", "").splitlines()) for q in taken)
    assert len({q.stage for q in asked if not q.follow_up}) >= 5  # listening does not cost the case its stages


def test_a_phrase_the_notes_use_once_or_a_modifier_is_not_taken_up() -> None:
    encoding = """# Encoding

## Pitfalls
- naive version: the row's own label is inside its encoding, so the model trusts it too much.
- Out-of-fold encoding computes each row's value from the other folds.
- Out-of-fold encoding still leaks with time-ordered rows.
"""
    sections, _ = read_sections("enc.md", encoding.encode())
    items = [i for c in build_chunks("enc.md", "/enc.md", "h", sections) for i in build_items(c)]
    frames = load_frames()
    for said in ("I would avoid the naive version of target encoding.", "I would use out-of-fold values here."):
        taken = take_up(said, items, "Late", set(), frames, random.Random(0), set(), TEMPLATES, BUSINESS)
        # 'naive version' is named in one line only; 'out-of-fold' is a modifier ("Let me pick up on out-of-fold").
        assert taken is None or taken.term.lower() not in {"naive version", "out-of-fold"}, taken.text


BOOTSTRAP = """# Bootstrap notes

## Intervals
- BCa: corrects bias and skew; use it for medians and ratios.
- percentile CI: just the 2.5 and 97.5 percentiles; cheap, biased if the statistic is skewed.
- final answer needs an online test (02) or, if rollout is not randomizable, a quasi-experiment (07).
- temporal leakage: resampling rows of a time series leaks the future into every replicate.
- temporal leakage also hides in lag features built before the split.
- Qini curve: uplift of the targeted share against random targeting.
- judge an uplift model with a Qini curve, never with AUC.
"""


def bootstrap_items() -> list:  # type: ignore[type-arg]
    sections, _ = read_sections("bootstrap.md", BOOTSTRAP.encode())
    return [i for c in build_chunks("bootstrap.md", "/bootstrap.md", "h", sections) for i in build_items(c)]


def ask(answer: str) -> str | None:
    lines = NoteTerms(line for line in BOOTSTRAP.splitlines() if line.startswith("- "))  # every statement
    taken = take_up(
        answer, bootstrap_items(), "Late", set(), load_frames(), random.Random(0), set(), TEMPLATES, BUSINESS, lines
    )
    return None if taken is None else taken.text


def test_a_phrase_one_note_line_uses_is_not_taken_up_as_a_concept() -> None:
    # A blind rater failed "You brought up final answer. Where could it bite ...?": the phrase names nothing.
    assert ask("My final answer would come from an online test.") is None


def test_a_name_by_its_capitals_is_taken_up_and_a_method_is_not_asked_as_a_failure() -> None:
    text = ask("I would put a BCa interval on the ratio.")
    assert text is not None and "BCa" in text
    assert "bite" not in text and "rule it out" not in text  # a method suits or costs; it does not bite
    leak = ask("I would watch for temporal leakage in the lag features.")
    assert leak is not None and "temporal leakage" in leak
    assert "bite" in leak or "rule it out" in leak  # a failure the term names is asked where it could bite


def test_a_name_keeps_the_capital_the_notes_give_it_mid_sentence() -> None:
    text = ask("I would rank by predicted uplift and check the Qini curve on a holdout.")
    assert text is not None and "Qini curve" in text  # a name, never "qini curve"
    assert "sampled" not in (ask("I would trust the BCa interval.") or "")  # unrelated terms stay out


@pytest.mark.parametrize(
    ("name", "modifier"),
    [
        ("in-batch", True), ("out-of-fold", True), ("naive version", True),  # a modifier, or a plain qualifier
        ("in-batch negatives", False), ("cross-validation", False), ("Naive Bayes", False),  # names of methods
    ],
)  # fmt: skip
def test_a_modifier_alone_names_no_method_but_with_its_noun_it_does(name: str, modifier: bool) -> None:
    assert bool(_MODIFIER.match(name)) is modifier


def test_a_plain_phrase_is_quoted_and_a_name_cut_after_a_preposition_is_no_term() -> None:
    notes = (
        "# Monitoring\n\n## Pitfalls\n- feedback loop: the model's own actions shape the labels it learns from.\n"
        "- a feedback loop also hides drift, because the labels follow the model.\n"
        "- forecasts at SKU, category, store and total don't add up, so planners distrust them.\n"
    )
    sections, _ = read_sections("monitoring.md", notes.encode())
    items = [i for c in build_chunks("monitoring.md", "/m.md", "h", sections) for i in build_items(c)]
    lines = NoteTerms(line for line in notes.splitlines() if line.startswith("- "))
    frames, rng = load_frames(), random.Random(0)

    def said(answer: str) -> TakeUp | None:
        return take_up(answer, items, "Late", set(), frames, rng, set(), TEMPLATES, BUSINESS, lines)

    looped = said("There is a feedback loop here.")
    assert looped is not None and "“feedback loop”" in looped.text  # never "You brought up feedback loop."
    assert "bite" in looped.text or "rule it out" in looped.text  # a failure, asked where it could bite
    cut = said("I would make forecasts at SKU and store level.")
    assert cut is None or "forecasts at SKU" not in cut.text


def test_an_everyday_hyphenated_word_is_no_name_to_take_up() -> None:
    assert looks_named("PR-AUC") and looks_named("k-means") and not looks_named("trade-offs")
    assert not looks_named("real-time")


def test_an_everyday_word_the_notes_use_often_is_still_not_taken_up() -> None:
    # Round 15 failed "You brought up trade-offs. How exactly would you use it ...?"; quoting it was not enough: a
    # word the notes use in two statements passed the name test, so the follow-up was still asked.
    notes = (
        "# Models\n\n## Pitfalls\n- trade-offs: every threshold moves precision against recall.\n"
        "- trade-offs hide in the cost of a missed case, so price both errors.\n"
    )
    sections, _ = read_sections("models.md", notes.encode())
    items = [i for c in build_chunks("models.md", "/m.md", "h", sections) for i in build_items(c)]
    lines = NoteTerms(line for line in notes.splitlines() if line.startswith("- "))
    assert lines.names("trade-offs") and any(i.concept == "trade-offs" for i in items)  # what let it through
    answer = "There are trade-offs here between catching fraud and annoying customers."
    frames, rng = load_frames(), random.Random(0)
    assert take_up(answer, items, "Late", set(), frames, rng, set(), TEMPLATES, BUSINESS, lines) is None


def test_no_term_is_taken_up_after_the_clarifying_question(interviewer_home: Path) -> None:
    """A method named while asking about the business is no choice to probe yet ("You brought up dot product. How
    would you use it for Basketly?" came after a clarify answer, a blind rater); after a later stage it is."""
    app = late_case_app(interviewer_home)
    session = app.interviewer.start(
        SessionConfig(kind=Kind.CASE, mode=Mode.STANDARD, questions=8, seed=1, topic="late")
    )
    first = session.next_question()
    assert first is not None and first.stage == "clarify"
    answer = "I would ask what counts as late, and evaluate with ROC-AUC."
    for stage, expected in (("clarify", False), ("data", True)):
        question = replace(
            first, stage=stage, points=("Operations wants fewer late deliveries.", "The budget is fixed.")
        )
        state = SessionState(config=session.state.config, turns=(Turn(question, answer, middling(question)),))
        gap = {"text": question.points[0], "chunk_id": ""}
        plan = Plan(2, "case", 2, question.topic, stage=stage, follow_up=True, root_turn=1, gap=gap)
        follow_up = app.interviewer.realise(plan, state)
        assert ("ROC-AUC" in follow_up.text.split(".")[0]) is expected, (stage, follow_up.text)
    # With no term to name, the clarify answer's assumptions are pushed on, never "your plan" it has not made yet.
    question = replace(first, points=("A few constraints shaped the whole thing:", "The budget is fixed."))
    state = SessionState(config=session.state.config, turns=(Turn(question, "It depends.", middling(question)),))
    gap = {"text": question.points[0], "chunk_id": ""}
    plan = Plan(2, "case", 2, question.topic, stage="clarify", follow_up=True, root_turn=1, gap=gap)
    text = app.interviewer.realise(plan, state).text
    assert "plan" not in text and ("assumptions" in text or "stakeholders" in text), text


@pytest.mark.parametrize("total", [0.9, 0.1])
def test_a_case_answer_that_names_a_method_is_taken_up_when_the_case_can_spare_the_turn(
    interviewer_home: Path, total: float
) -> None:
    """A trial user named four methods in strong case answers and none was taken up: only middling answers got a
    follow-up. Nor is a case answer's score a reason not to listen: it is scored on the note's story, and "CatBoost's
    ordered target statistics" scored 0.07 where the story told the naive encoding it replaced (round 76). The method
    is taken up once, whatever the answer scored, and the case still walks its seven stages in 8."""
    app = late_case_app(interviewer_home)
    scored = ScoreResult(total, (CriterionScore("coverage", "Coverage", total, 1.0, "points"),), (), "case-2", 1.0)
    app.interviewer.scorer.score = lambda question, answer, **kw: scored  # type: ignore[assignment,method-assign]
    asked: list[Question] = []
    run_case_naming_roc_auc(app, asked)
    taken = [q for q in asked if q.follow_up and "ROC-AUC" in q.text.split(".")[0]]
    assert len(taken) == 1 and Path(taken[0].sources[0]["source"]).name == "metrics.md", [q.text for q in asked]
    assert asked.index(taken[0]) < len(asked) - 1  # right after the answer, not only once the stages are walked
    assert len({q.stage for q in asked if not q.follow_up}) == 7  # listening costs the case no stage


def test_a_method_from_a_note_far_from_the_case_is_not_taken_up() -> None:
    """'You brought up SimCLR. How exactly would you use it for Halyard Coffee?' in a kiosk-sizing case was
    off-topic to every blind rater (rounds 32-33): only the notes nearest the case lend it methods."""
    from interviewer.ingest.pipeline import build_chunks, read_sections
    from interviewer.interview.items import build_items

    notes = {
        "case.md": "# Brewline: who gets the coffee offer?\n\nBrewline is a coffee chain with 300 shops and 1M app "
        "members. Marketing wants to send a £2 drink offer to the members whose visits it would raise.\n\nI would "
        "rank members by uplift in visits, not by their risk of lapsing. The data is each member's visits, drinks and "
        "past offers for a year. I would evaluate the ranking on a random holdout of members who get no offer. The "
        "experiment sends the offer to half of the top decile and compares visits over four weeks.\n",
        "uplift.md": "# Uplift modelling\n\n## Methods\n- The Qini curve ranks members by the extra visits an offer "
        "causes, so a retention offer goes to persuadable members.\n- The Qini curve is the cumulative uplift of a "
        "ranking against a random ranking of the same members.\n",
        "holdout.md": "# Holdouts\n\n## Practice\n- A random holdout of app members measures the extra visits an offer "
        "causes in a coffee chain.\n",
        "pricing.md": "# Promotions\n\n## Practice\n- A drink offer pulls visits forward, so members visit less the "
        "week after the offer.\n",
        "contrastive.md": "# Contrastive learning\n\n## Methods\n- SimCLR pulls two augmented views of one image "
        "together, so the encoder learns features without labels.\n- SimCLR needs large batches of negatives.\n",
    }
    items = []
    for name, text in notes.items():
        sections, _ = read_sections(f"notes/{name}", text.encode())
        items += [i for c in build_chunks(f"notes/{name}", f"/notes/{name}", "h", sections) for i in build_items(c)]
    case = next(i.topic for i in items if i.kind == "case-stage")

    def taken(answer: str) -> object:
        return take_up(answer, items, case, set(), load_frames(), random.Random(0), set(), load_templates(), "Brewline")

    assert taken("I would use SimCLR to learn member features first.") is None
    assert taken("I would check the Qini curve before sending anything.") is not None


def test_a_role_the_answer_names_is_no_method_to_take_up() -> None:
    # Round 37: "Let me pick up on PM, which you mentioned. How exactly would you use it for Maplewise?"
    from interviewer.interview.listening import _terms

    assert _terms("I would ask the PM and the CFO what worked means, then check PR-AUC.", {"PR-AUC"}) == ["PR-AUC"]


def test_in_a_case_that_explains_a_drop_what_the_candidate_names_is_a_cause_to_check() -> None:
    # Round 51, both raters: "You brought up ML model swaps. Why does it suit Shortlistr here?" of the model swap that
    # caused the drop: a term named while explaining a movement is a cause to rule in or out, not a chosen method.
    answer = "I would rank orders by risk and evaluate with ROC-AUC on a time-based split."
    asked = {
        take_up(
            answer, metric_items(), "Late deliveries", set(), load_frames(), random.Random(seed), set(), TEMPLATES,
            BUSINESS, explaining=True,
        ).text  # type: ignore[union-attr]
        for seed in range(4)
    }  # fmt: skip
    assert asked and not any("suit" in text or "cost you" in text for text in asked), asked
    assert all("rule it out" in text or "catch it" in text for text in asked)


PARITY = """# Feature stores

## Pitfalls
- Online/offline parity tests catch features computed differently at training and serving time.
- Parity tests compare a day of served feature values with the same rows recomputed offline.
"""


def test_a_term_said_in_the_plural_is_asked_about_as_they() -> None:
    # "You brought up online/offline parity tests. Why does it suit ..." did not agree (both raters, round 85).
    sections, _ = read_sections("store.md", PARITY.encode())
    items = [i for c in build_chunks("store.md", "/store.md", "h", sections) for i in build_items(c)]
    answer = "I would rank shipments by risk and run online/offline parity tests before trusting the scores."
    taken = take_up(answer, items, "Customs holds", set(), load_frames(), random.Random(0), set(), TEMPLATES, BUSINESS)
    assert taken is not None and taken.term.endswith("tests"), taken
    assert re.search(r"\b(?:they|them)\b", taken.text) and not re.search(r"\bit\b", taken.text), taken.text


def test_a_term_the_answer_turns_down_is_not_taken_up_and_one_it_proposes_comes_first() -> None:
    # "Don't do manual 2SLS (OLS of D on Z ...). I would use UCB here." was taken up as "You mentioned OLS. Why does it
    # suit ...?" (both raters, round 86).
    answer = "Don't judge it on ROC-AUC alone, it flatters rare positives. I would use PR-AUC here."
    taken = take_up(
        answer, metric_items(), "Late deliveries", set(), load_frames(), random.Random(0), set(), TEMPLATES, BUSINESS
    )
    assert taken is not None and taken.term == "PR-AUC", taken
    rejected = "Rather than ROC-AUC, report recall at the team's capacity."
    assert (
        take_up(
            rejected,
            metric_items(),
            "Late deliveries",
            set(),
            load_frames(),
            random.Random(0),
            set(),
            TEMPLATES,
            BUSINESS,
        )
        is None
    )


def test_a_hyphenated_phrase_is_quoted_and_a_pitfall_the_notes_give_is_asked_where_it_bites() -> None:
    notes = (
        "# Model cascades\n\n## Pitfalls\n"
        "- filter-style cascade: the cheap model drops cases for good, so its recall caps the whole system's recall.\n"
        "- a filter-style cascade also hides its misses, because nobody labels what it dropped.\n"
    )
    sections, _ = read_sections("cascades.md", notes.encode())
    items = [i for c in build_chunks("cascades.md", "/c.md", "h", sections) for i in build_items(c)]
    lines = NoteTerms(line for line in notes.splitlines() if line.startswith("- "))
    taken = take_up(
        "I would use a filter-style cascade here.",
        items, "Fraud", set(), load_frames(), random.Random(0), set(), TEMPLATES, BUSINESS, lines,
    )  # fmt: skip
    assert taken is not None and "“filter-style cascade”" in taken.text, taken  # never "You mentioned filter-style ..."
    assert "suit" not in taken.text, taken.text  # a pitfall of the notes is no method to justify
