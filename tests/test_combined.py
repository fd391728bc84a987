"""Questions that need two facts: diagnoses and decisions built across notes, scored on exactly the statements they
use, each citing its own note; the hard end asks them before single statements and does not run dry."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.core.chunks import Chunk
from interviewer.core.domain import Mode, Question
from interviewer.core.score import ScoreResult
from interviewer.core.session import SessionConfig
from interviewer.ingest.pipeline import ingest
from interviewer.interview import engine
from interviewer.interview.combined import COMBINED_KINDS, combined_items, fits_frame, load_repertoire
from interviewer.interview.items import Item, build_items
from interviewer.interview.statement_pool import statement_items
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


def statements_of(notes: dict[str, str]) -> list:  # type: ignore[type-arg]
    """Every statement of the notes as the item bank feeds them to the questions that combine notes."""
    return [item for name, text in notes.items() for c in chunks_of(name, text) for item in statement_items(c)]


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
        ("bayesian", False),  # an adjective with nothing said of what it qualifies ("bayesian or frequentist?")
        ("vectorizer INSIDE CV", False),  # the note's emphasis inside a rule
        ("CUPED", True),
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


def test_a_diagnosis_lists_first_the_point_that_says_most_about_its_symptom_and_keeps_its_topic() -> None:
    # A follow-up asks the first point missed: it must be the one that explains the symptom best, not the one
    # that happens to come first in the topic's note.
    features = (
        "# Feature pipelines\n\n## Pitfalls\n"
        "- Training-serving skew: the batch pipeline computes a feature differently from the online service.\n"
        "- A feature recorded after the label leaks the outcome, overstates performance and looks unrealistic.\n"
    )
    items = combined_items(items_of({"splits.md": SPLITS, "features.md": features}), load_repertoire())
    gaps = [i for i in items if i.concept == "offline-online gap" and i.topic == "Feature pipelines"]
    assert gaps, [(i.concept, i.topic) for i in items]
    # 'leaks', 'overstates' and 'unrealistic' are three of the symptom's words; the skew line names one.
    assert "leaks the outcome" in gaps[0].points[0], gaps[0].points
    assert gaps[0].source == "features.md"  # still the question of the topic it was built for


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
    # Each symptom once, in whatever wording or level: the round-34 bench asked "Cross-validated AUC is 0.95, ..."
    # three times in one session while other symptoms were left.
    openings = [re.split(r"(?<=[.?!])\s", q.text)[0] for q in asked if q.item_kind in COMBINED_KINDS]
    assert len(openings) == len(set(openings)), openings
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


def test_a_symptom_takes_only_statements_that_speak_of_what_it_is_about() -> None:
    scaling = """# Scaling

## Pitfalls
- Euclidean distance in k-nearest neighbours is dominated by the feature with the largest units; standardise first.
- PCA on unscaled data: the first component is the feature with the largest variance.
"""
    experiments = """# Experiments

## Pitfalls
- Interference between randomisation units breaks the independence assumption of the test.
"""
    items = items_of({"scale.md": scaling, "exp.md": experiments})
    distance = [i for i in combined_items(items, load_repertoire()) if i.concept == "distance dominated"]
    assert distance
    # 'units' is one of the symptom's words, but a statement about randomisation units says nothing of distances.
    assert all("Interference" not in p for i in distance for p in i.points)


def test_a_reminder_to_memorise_is_no_model_memorising_its_training_data() -> None:
    kalman = """# Kalman filter

## Filter
- FILTER RECURSIONS (memorise): predict the state, then correct it with the gain.
- The gain is small when the measurement noise is large, so the filter trusts its prediction over the data.
"""
    trees = """# Trees

## Pitfalls
- Deep trees memorise the training rows, so the training score looks far better than the validation score.
- With too many features and few rows, a model overfits the noise and falls apart on a new month of data.
"""
    overfitting = [
        i for i in combined_items(statements_of({"kalman.md": kalman, "trees.md": trees}), load_repertoire())
        if i.concept == "overfitting"
    ]  # fmt: skip
    assert overfitting and any("Deep trees memorise" in p for i in overfitting for p in i.points)
    assert all("FILTER RECURSIONS" not in p for i in overfitting for p in i.points)


def test_design_questions_do_not_all_end_with_the_same_sentence() -> None:
    repertoire = load_repertoire()
    assert len(set(repertoire.design)) >= 2
    leakage = """# Leakage

## Pitfalls
- A feature recorded after the label leaks the outcome, so offline scores look unrealistic.
- Fitting the scaler before the split leaks test statistics and overstates performance.
"""
    testing = """# Testing

## Pitfalls
- Peeking at the results daily and stopping at the first p < 0.05 inflates the false positive rate.
- Testing many metrics at alpha 0.05 produces false positives by chance.
"""
    drift = """# Monitoring

## Pitfalls
- The base rate shifted after launch, so the model's probabilities drift and precision falls in production.
- Covariate shift: the live feature distribution no longer matches training, so the model's scores drift.
"""
    items = items_of({"leak.md": leakage, "ab.md": testing, "drift.md": drift})
    designs = {i.detail.split(". ", 1)[-1] for i in combined_items(items, repertoire) if 5 in i.levels and i.detail}
    assert len(designs) >= 2, designs


def test_two_metrics_are_asked_as_two_views_of_one_model_never_as_options_to_ship() -> None:
    metrics = """# Metrics

## Contrasts
- ROC-AUC vs PR-AUC: with rare positives ROC-AUC stays high while PR-AUC shows the false positives.
- PR-AUC reacts strongly to false positives when negatives are abundant.
- ROC-AUC is comparable across datasets with different prevalence.
"""
    from interviewer.interview.statement_pool import statement_items

    items = items_of({"m.md": metrics}) + [s for c in chunks_of("m.md", metrics) for s in statement_items(c)]
    decisions = [i for i in combined_items(items, load_repertoire()) if i.kind == "decision"]
    assert decisions
    for item in decisions:
        assert "ROC-AUC" in item.question and "PR-AUC" in item.question
        assert not any(word in item.question.lower() for word in ("ship", "milliseconds", "regulator"))


def test_two_trade_offs_that_only_follow_each_other_in_a_list_are_no_choice() -> None:
    listed = """# Choosing k

## Trade-offs
- Silhouette favours convex clusters, but it is cheap to compute on small data.
- A stability check is expensive, but it shows whether the clusters are real.
"""
    items = items_of({"k.md": listed})
    assert not [i for i in combined_items(items, load_repertoire()) if i.kind == "decision"]


def test_a_figure_is_no_option_name_and_a_pointer_is_no_point() -> None:
    assert not fits_frame("Under-cost 3")
    assert fits_frame("L1 penalty")
    pointers = """# Calibration

## Pitfalls
- NOT probability calibration (03).
- Undersampling negatives inflates the predicted probabilities, so they come out too high.
- Fitting the calibrator on training predictions leaves the probabilities overconfident.
"""
    wrong = [i for i in combined_items(items_of({"c.md": pointers}), load_repertoire()) if i.kind == "diagnosis"]
    assert wrong and all("NOT probability" not in p for i in wrong for p in i.points)


TRAPS = """# Evaluation traps

## Pitfalls
- Don't use accuracy as the metric on heavily imbalanced data; it hides the misses.
- Never tune hyperparameters on the test set, because the reported score becomes optimistic.
- Don't compare two models on different random test splits; the difference may be the split.
- Avoid reporting a single cross-validation score without its spread across folds.
"""
GLOSSARY = """# Glossary

- Recall is the share of actual positives that the model finds.
- Precision is the share of predicted positives that are correct.
- Specificity is the share of actual negatives that the model rejects.
"""


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_when_the_hard_end_runs_out_a_strong_candidate_gets_the_nearest_level_and_is_told_once(
    interviewer_home: Path, seed: int
) -> None:
    """Notes with one symptom for the hard end, teammates' plans (level 3) in one topic and level-1 definitions in
    another: challenge mode asks the nearest level the notes hold, never the definitions of whichever topic comes
    first (it did: [4, 5, 1, 1, 1, 4]), and says once that the notes hold nothing harder. Its one symptom is asked
    again only with the harder ask, never right after (the hard51 bench asked "Cross-validated AUC is 0.95 ..." at 4
    and at once again at 5)."""
    app = make_app(interviewer_home)
    notes = interviewer_home / "notes"
    notes.mkdir(parents=True)
    for name, text in {
        "splits.md": SPLITS,
        "features.md": FEATURES,
        "traps.md": TRAPS,
        "glossary.md": GLOSSARY,
    }.items():
        (notes / name).write_text(text, encoding="utf-8")
    ingest([str(notes)], app.store, 10**8)
    app.interviewer.scorer.score = lambda *a, **k: ScoreResult(1.0, (), (), "deep-dive-4", 1.0)  # type: ignore[method-assign]
    session = app.interviewer.start(SessionConfig(mode=Mode.CHALLENGE, questions=6, seed=seed))
    asked: list[Question] = []
    while (question := session.next_question()) is not None:
        session.answer(strong(question))
        asked.append(question)
    levels = [q.level for q in asked]
    assert min(levels) >= 3 and 4 in levels, levels
    assert sum(bool(q.notice) for q in asked) == 1
    firsts = [q.points[0] for q in asked]
    asked_again = [i for i, q in enumerate(asked) if firsts.count(q.points[0]) > 1]
    assert [asked[i].level for i in asked_again] in ([], [4, 5]), [(q.level, q.text) for q in asked]
    assert not asked_again or asked_again[1] - asked_again[0] > 1, [(q.level, q.text) for q in asked]


def test_a_chosen_topic_whose_nearest_level_gives_no_question_asks_the_next_level_never_a_pasted_heading(
    interviewer_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a topic chosen and challenge on, when the items of the level the engine falls back to give no question
    (each asked already in other words), the next level is tried; a template with the note's title pasted in ("You own
    the end-to-end design around label delay in 07 – Model monitoring") came while items were left."""
    app = make_app(interviewer_home)
    notes = interviewer_home / "notes"
    notes.mkdir(parents=True)
    (notes / "traps.md").write_text(TRAPS + GLOSSARY.replace("# Glossary", "## Terms"), encoding="utf-8")
    (notes / "splits.md").write_text(SPLITS, encoding="utf-8")
    ingest([str(notes)], app.store, 10**8)
    app.interviewer.scorer.score = lambda *a, **k: ScoreResult(1.0, (), (), "deep-dive-4", 1.0)  # type: ignore[method-assign]
    asking = engine.question_for

    def nothing_at_the_hard_end(item: Item, level: int, *rest: object) -> str:
        return "" if level >= 4 else asking(item, level, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "question_for", nothing_at_the_hard_end)
    session = app.interviewer.start(SessionConfig(mode=Mode.CHALLENGE, topic="Evaluation traps", questions=3, seed=1))
    asked: list[Question] = []
    while (question := session.next_question()) is not None:
        session.answer(strong(question))
        asked.append(question)
    assert len(asked) == 3 and all(q.points for q in asked), [q.text for q in asked]  # items of the notes, each
    assert all(q.level <= 3 for q in asked) and sum(bool(q.notice) for q in asked) == 1


def test_a_consequence_and_a_classic_with_one_answer_are_asked_below_the_hard_end() -> None:
    testing = """# Multiple testing

## Pitfalls
- Testing many metrics at alpha 0.05 raises the chance of a false positive across the family of tests (FWER).
- Bonferroni divides alpha by the number of metrics, which controls the family-wise error rate but costs power.
"""
    imbalance = """# Imbalance

## Pitfalls
- With 1% positives, 99% accuracy is misleading: a model that predicts no positives gets it.
- On imbalanced data report precision and recall for the minority class, not accuracy.
"""
    from interviewer.interview.statement_pool import statement_items

    notes = {"t.md": testing, "i.md": imbalance}
    pool = [s for name, text in notes.items() for c in chunks_of(name, text) for s in statement_items(c)]
    items = combined_items(items_of(notes) + pool, load_repertoire())
    consequences = [i for i in items if i.kind == "consequence"]
    rare = [i for i in items if i.concept == "misleading metric on rare cases"]
    assert consequences and rare
    assert all(i.levels == (3,) for i in consequences + rare)


def test_a_choice_with_no_situation_is_asked_below_the_hard_end() -> None:
    repertoire = load_repertoire()
    levels = {cue.name: cue.level for cue in repertoire.constraints}
    assert levels["open choice"] == 3  # "pick between L1 and L2 for the next project": textbook at level 5
    assert all(level == 5 for name, level in levels.items() if name != "open choice")
    from interviewer.interview.item_bank import ItemBank

    bank = ItemBank()
    bank.refresh([c for name, text in {"knn.md": ARROWS, "ens.md": ENSEMBLES}.items() for c in chunks_of(name, text)])
    decisions = [i for i in bank.items if i.kind == "decision"]
    assert decisions
    for item in decisions:
        situated = not item.question.startswith(("Would you choose", "A colleague argues", "Your team must pick"))
        assert item.levels == ((5,) if situated else (3,)), item.question


def test_a_classifiers_slide_is_not_explained_by_an_index_or_a_lifetime_value_that_drifts() -> None:
    notes = {
        "search.md": "# Vector search\n\n## Pitfalls\n- IVF centroids trained on old distribution -> drift, retrain "
        "quarterly-ish\n- latency/infra constraints, retraining cadence\n",
        "clv.md": "# Lifetime value\n\n## Pitfalls\n- Better w/ rich features, but needs labelled cohorts >= 12 mo "
        "old -> training data is stale.\n",
    }
    items = combined_items(items_of(notes), load_repertoire())
    assert not [i for i in items if i.concept == "silent degradation"], [i.points for i in items]


def test_a_chosen_topic_with_nothing_left_asks_another_topics_item_and_says_so_once(interviewer_home: Path) -> None:
    app = make_app(interviewer_home)
    notes = interviewer_home / "notes"
    notes.mkdir(parents=True)
    for name, text in {"glossary.md": GLOSSARY, "splits.md": SPLITS, "traps.md": TRAPS}.items():
        (notes / name).write_text(text, encoding="utf-8")
    ingest([str(notes)], app.store, 10**8)
    app.interviewer.scorer.score = lambda *a, **k: ScoreResult(1.0, (), (), "deep-dive-1", 1.0)  # type: ignore[method-assign]
    session = app.interviewer.start(SessionConfig(topic="Glossary", questions=6, seed=2))
    asked: list[Question] = []
    while (question := session.next_question()) is not None:
        session.answer(strong(question))
        asked.append(question)
    elsewhere = [q for q in asked if q.topic != "Glossary"]
    assert elsewhere and all(q.points for q in asked), [(q.topic, q.text) for q in asked]  # items, never a template
    told = [q.notice for q in asked if q.notice.startswith("Your notes on Glossary hold no unasked questions left")]
    assert len(told) == 1 and told[0].endswith(f"from your notes on {elsewhere[0].topic}.")


def test_a_conformal_calibration_set_or_a_sensors_calibration_asks_nothing_about_wrong_probabilities() -> None:
    # (round 30's blind rater: five questions about scores as probabilities from notes that never say how to fix them)
    conformal = (
        "# Conformal prediction\n\n## Pitfalls\n- Using training residuals as calibration: test coverage is well below "
        "target, so the model overfit.\n- A calibration set drawn before a shift breaks exchangeability, so coverage "
        "drops.\n"
    )
    matching = (
        "# Entity resolution\n\n## Pitfalls\n- Correlated fields violate independence, so double-counting gives "
        "overconfident scores and many false positives.\n"
    )
    gp = "# Gaussian processes\n\n## Use\n- Exact GPs suit small data when you need calibrated uncertainty.\n"
    notes = {"c.md": conformal, "e.md": matching, "g.md": gp}
    asked = [i.question for i in combined_items(items_of(notes), load_repertoire()) if i.kind == "diagnosis"]
    assert not any("probabilit" in q or "convert" in q for q in asked), asked


def test_a_symptom_is_answered_in_other_words_than_its_cue_and_never_by_a_cue_said_absent() -> None:
    # Round 35: a trending MCMC chain and RoPE's extrapolation were asked as the causes of forecasts running low;
    # Soft-NMS's "no retraining" as a cause of a classifier's slide.
    symptoms = {cue.name: cue for cue in load_repertoire().symptoms}
    out_of_range = symptoms["out of range"]
    assert not out_of_range.answers('"Split" = each chain halved, so a single trending chain also gets flagged.')
    assert not out_of_range.answers("Extrapolation beyond training length: poor in practice.")
    assert out_of_range.answers("Trees cannot extrapolate, so forecasts of a growing series run low.")
    silent = symptoms["silent degradation"]
    assert not silent.answers("Decay the scores of overlapping boxes; no retraining and no drift check needed.", 2)
    assert silent.answers("Prevalence drift moves the scores, so retrain when the flagged share moves.", 2)


def test_lowering_a_threshold_is_answered_only_by_statements_about_thresholds() -> None:
    # Round 43: "measurable precision/recall" and "precision/recall for generative models" answered it from notes that
    # never say what a threshold does.
    (lower,) = [cue for cue in load_repertoire().consequences if cue.name == "lower threshold"]
    assert not lower.answers("Stable definitions, measurable precision/recall.", 2)
    assert lower.answers("Lowering the decision threshold raises recall and lowers precision.", 2)


def test_intervals_labels_and_skew_are_diagnoses_when_two_notes_speak_of_them() -> None:
    # Round 49: eight notes on bootstrap intervals, label noise, feature stores and variance reduction gave two hard
    # questions between them; the repertoire had no symptom for any of these final-round topics.
    resampling = """# Resampling

## Pitfalls
- Resampling single rows assumes independence when each customer gives many rows; the interval comes out too narrow.
- With clustered data, resample whole customers and recompute the ratio on each resample.
"""
    experiments = """# Experiment analysis

## Gotchas
- Clicks from one user are correlated, so resample users rather than page views when you bootstrap the lift.
"""
    labels = """# Labelling

## Quality
- Label noise caps the accuracy you can measure, and a model that learns the annotators' habits can score higher.
- Inter-rater agreement: report Cohen's kappa on a doubly labelled sample before trusting the labels.
"""
    serving = """# Serving

## Skew
- Training-serving skew: a feature computed in SQL for training and in Java for serving drifts apart.
- Use point-in-time joins so that training rows only see values as of the request time.
"""
    notes = {"resample.md": resampling, "exp.md": experiments, "labels.md": labels, "serving.md": serving}
    found = {i.concept: i for i in combined_items(statements_of(notes), load_repertoire()) if i.kind == "diagnosis"}
    assert {"intervals too narrow", "labels that limit the model", "live scores that differ"} <= found.keys()
    assert len({c for c in found["intervals too narrow"].point_chunks}) >= 2
    assert all("Label noise" not in p for p in found["intervals too narrow"].points)


def test_a_heading_or_a_pointer_to_another_file_is_never_a_point_of_a_hard_question() -> None:
    labels = """# Labelling

## Quality
- LABEL AUDITS AND ADJUDICATION (the part I always forget)
- Cross-ref: the same agreement statistics apply to the raters in search_relevance.md.
- Label noise caps the accuracy you can measure, and a model that learns the annotators' habits can score higher.
- Inter-rater agreement: report Cohen's kappa on a doubly labelled sample before trusting the labels.
"""
    found = [
        i for i in combined_items(statements_of({"labels.md": labels}), load_repertoire()) if i.kind == "diagnosis"
    ]
    points = [p for i in found for p in i.points]
    assert any("kappa" in p for p in points)
    assert not any("AUDITS" in p or ".md" in p for p in points)


def test_rollouts_encoders_bandits_and_ratio_metrics_are_diagnoses_the_notes_can_answer() -> None:
    # Round 50: eight notes on bandits, difference-in-differences, encoders and marketplace metrics gave three hard
    # questions between them.
    did = """# Difference-in-differences

## Staggered adoption
- With staggered adoption, two-way fixed effects uses already-treated units as controls and can flip the sign.
- An event study with leads and lags shows whether the pre-trends were parallel before the launch.
"""
    rollouts = """# Rollouts

## Gotchas
- Compare against not-yet-treated markets only, as Callaway and Sant'Anna do, when a launch is staggered.
"""
    encoders = """# Categorical encoders

## Leakage
- Target encoding computed on the full training set leaks the label; compute it out-of-fold.
- Leave-one-out encoding leaks too, because the row's own label shifts its category's mean.
"""
    metrics = """# Marketplace metrics

## Ratios
- A ratio metric can rise because its denominator fell: always report the numerator per user beside it.
- Mix shift: conversion can rise in every country while falling overall.
"""
    notes = {"did.md": did, "rollouts.md": rollouts, "encoders.md": encoders, "metrics.md": metrics}
    found = {i.concept for i in combined_items(statements_of(notes), load_repertoire()) if i.kind == "diagnosis"}
    wanted = {
        "staggered rollout estimate",
        "encoding that flatters validation",
        "a rate that rose while the total fell",
    }
    assert wanted <= found, found
    # a difference-in-differences note's "imputation" estimator says nothing about missing values in data
    assert "missing values that mean something" not in found


def test_small_groups_at_the_extremes_are_a_diagnosis_the_notes_on_shrinkage_answer() -> None:
    # Round 53: notes on shrinkage and power gave five hard questions between them.
    shrinkage = """# Shrinkage

## Why
- Ranking sellers on raw rates puts the noisiest groups at both ends of the league table.
- Partial pooling pulls each group's rate toward the average, more strongly when the group is small.
"""
    ratings = """# Ratings

## Gotchas
- A product with 3 reviews and a perfect score tops the list; add pseudo-counts from a beta prior before ranking.
"""
    found = {
        i.concept
        for i in combined_items(statements_of({"shrink.md": shrinkage, "ratings.md": ratings}), load_repertoire())
    }
    assert "extremes that are noise" in found, found
