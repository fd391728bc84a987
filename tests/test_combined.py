"""Questions that need two facts: diagnoses and decisions built across notes, scored on exactly the statements they
use, each citing its own note; the hard end asks them before single statements and does not run dry."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.core.chunks import Chunk
from interviewer.core.domain import Mode, Question
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest
from interviewer.interview.combined import COMBINED_KINDS, combined_items, fits_frame, load_repertoire
from interviewer.interview.items import build_items
from interviewer.scoring.keypoints import KeyPoint
from tests.conftest import CORPUS
from tests.helpers import make_app, strong

SPLITS = """# Validation splits

## Pitfalls
- Shuffled k-fold on time-ordered data lets the model see the future and overstates performance.
- Fitting the scaler on the full dataset before the split leaks test information into training.
"""
FEATURES = """# Feature pipelines

## Pitfalls
- A feature recorded after the label leaks the outcome, so offline scores look unrealistic.
- Training-serving skew: the batch pipeline computes a feature differently from the online service.
"""
TREES = """# Trees

## Trade-offs
- Bagging reduces variance; boosting reduces bias.
- Boosting needs more tuning and is slower to train, because its trees are built one after another.
- On many cores, bagging trains its trees in parallel, so it is fast to train.
"""


def chunks_of(name: str, text: str) -> list[Chunk]:
    from interviewer.ingest.pipeline import build_chunks, read_sections

    sections, _ = read_sections(name, text.encode())
    return build_chunks(name, f"/{name}", "h", sections)


def items_of(notes: dict[str, str]) -> list:  # type: ignore[type-arg]
    return [item for name, text in notes.items() for c in chunks_of(name, text) for item in build_items(c)]


def test_every_hard_question_is_written_whole_and_names_only_two_options() -> None:
    repertoire = load_repertoire()
    assert len(repertoire.symptoms) >= 5 and len(repertoire.constraints) >= 3
    for cue in repertoire.symptoms:
        assert all(not {n for _, n, _, _ in string.Formatter().parse(ask) if n} for ask in cue.asks)
    for cue in repertoire.constraints:
        assert all({n for _, n, _, _ in string.Formatter().parse(ask) if n} == {"a", "b"} for ask in cue.asks)


@pytest.mark.parametrize(
    ("name", "fits"),
    [
        ("ridge", True),
        ("class weights", True),
        ("k-means", True),
        ("lambda controls the strength", False),
        ("always standardize features before fitting", False),
        ("evaluate with precision-recall", False),
        ("Larger lambda", False),
        ("high bias", False),
        ("precision, recall or log loss", False),
        ("Unlike ROC-AUC", False),
        ("false positive rate across", False),
    ],
)
def test_only_a_name_fits_a_frame(name: str, fits: bool) -> None:
    assert fits_frame(name) is fits


def test_a_diagnosis_combines_statements_of_several_notes_each_citing_its_chunk() -> None:
    notes = {"splits.md": SPLITS, "features.md": FEATURES}
    items = combined_items(items_of(notes), load_repertoire())
    gaps = [i for i in items if i.kind == "diagnosis" and "production" in i.question]
    assert gaps, [i.question for i in items]
    chunk_text = {c.chunk_id: c.text for name, text in notes.items() for c in chunks_of(name, text)}
    for item in gaps:
        assert len(item.points) >= 2 and len(item.point_chunks) == len(item.points)
        assert len({chunk_text[c] for c in item.point_chunks}) >= 2  # statements of both notes
        assert all(point in chunk_text[chunk] for point, chunk in zip(item.points, item.point_chunks, strict=True))


def test_a_decision_needs_what_the_notes_say_of_the_options_and_names_them_as_written() -> None:
    items = combined_items(items_of({"trees.md": TREES}), load_repertoire())
    decisions = [i for i in items if i.kind == "decision"]
    assert decisions and all("bagging" in i.question and "boosting" in i.question for i in decisions)
    assert all(len(i.points) >= 2 for i in decisions)
    # Notes that contrast no two options give no decision.
    assert not [i for i in combined_items(items_of({"splits.md": SPLITS}), load_repertoire()) if i.kind == "decision"]


@pytest.fixture
def corpus_app(interviewer_home: Path) -> App:
    app = make_app(interviewer_home)
    ingest([str(CORPUS)], app.store, 10**8)
    return app


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_strong_candidate_in_challenge_mode_gets_hard_questions_that_connect_notes(
    corpus_app: App, seed: int
) -> None:
    """The candidate's every answer is strong (the scorer is replaced by one that says so): what is tested is what
    the engine asks and what it hands the scorer."""
    seen: list[list[KeyPoint]] = []

    def spy(*args: object, **kwargs: object) -> ScoreResult:
        seen.append(kwargs.get("points") or [])  # type: ignore[arg-type]
        return ScoreResult(1.0, (), (), "deep-dive-4", 1.0)

    corpus_app.interviewer.scorer.score = spy  # type: ignore[method-assign]
    session = corpus_app.interviewer.start(SessionConfig(mode=Mode.CHALLENGE, questions=8, seed=seed))
    asked: list[Question] = []
    while (question := session.next_question()) is not None:
        session.answer(strong(question))
        asked.append(question)
    levels = [q.level for q in asked]
    assert levels == sorted(levels) and min(levels[2:]) >= 4, levels
    hard = [q for q in asked if q.level >= 4]
    assert sum(len(q.points) >= 2 for q in hard) >= 0.8 * len(hard)
    for question, points in zip(asked, seen, strict=True):
        assert [p.text for p in points] == list(question.points)  # scored on exactly its points
        if question.item_kind in COMBINED_KINDS:
            # Each point cites the note it comes from, and every note used is among the question's sources.
            origins = [p.chunk_id for p in points]
            assert origins == list(question.point_sources)
            assert set(origins) <= set(question.chunk_ids)
            assert question.to_dict()["uses"] and sum(u["points"] for u in question.to_dict()["uses"]) == len(points)


ARROWS = """# k-nearest neighbours

- pitfall: fitting the scaler on all rows before the train/test split leaks test statistics into training
- small k -> low bias, high variance; large k -> smoother boundary
"""
ENSEMBLES = """# Boosting vs bagging

- Bagging averages models trained on bootstrap samples; it mainly reduces variance.
- Boosting fits each model on the errors of the previous ones; it mainly reduces bias.
- Early stopping on the test set leaks it into model selection; use a separate validation set.
"""


def test_every_statement_feeds_hard_questions_even_without_a_clean_subject_and_a_heading_names_a_pair() -> None:
    from interviewer.interview.item_bank import ItemBank

    bank = ItemBank()
    bank.refresh([c for name, text in {"knn.md": ARROWS, "ens.md": ENSEMBLES}.items() for c in chunks_of(name, text)])
    sources = {c.chunk_id: c.source for name, text in {"knn.md": ARROWS, "ens.md": ENSEMBLES}.items()
               for c in chunks_of(name, text)}  # fmt: skip
    gap = [i for i in bank.items if i.kind == "diagnosis" and any("leaks" in p for p in i.points)]
    assert gap and all({sources[c] for c in i.point_chunks} == {"knn.md", "ens.md"} for i in gap)
    assert any("Early stopping on the test set" in p for i in gap for p in i.points)  # no item of its own
    decisions = [i for i in bank.items if i.kind == "decision"]
    assert any("bagging" in i.question and "boosting" in i.question.lower() for i in decisions)


def test_a_name_is_said_as_an_ordinary_word_unless_it_is_a_persons_name() -> None:
    from interviewer.interview.combined import as_written

    assert as_written("Temporal leakage", []) == "temporal leakage"
    assert as_written("Bonferroni", []) == "Bonferroni"
    assert as_written("PR-AUC", []) == "PR-AUC"


def test_a_consequence_chain_takes_only_statements_that_name_two_of_its_links() -> None:
    testing = """# Multiple testing

- With many metrics at alpha 0.05, the family-wise chance of a false positive grows quickly.
- Bonferroni divides alpha by the number of tests.
- The false positive rate is FP / (FP + TN).
"""
    from interviewer.interview.item_bank import ItemBank

    bank = ItemBank()
    bank.refresh(chunks_of("testing.md", testing))  # every statement of the note, not only those that give items
    chains = [i for i in bank.items if i.kind == "consequence" and "metrics" in i.question]
    assert chains and all("FP / (FP + TN)" not in p for i in chains for p in i.points)
    assert all(len(i.points) >= 2 for i in chains)


def test_a_symptom_the_process_already_catches_is_not_asked_as_a_design_question() -> None:
    from interviewer.interview.combined import load_repertoire

    symptoms = {cue.name: cue for cue in load_repertoire().symptoms}
    assert not symptoms["overfitting"].designed  # validation catching it is the process working
    assert symptoms["offline-online gap"].designed
