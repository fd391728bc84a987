"""Scores follow claims (issue 14): the failures the issue quotes, on notes written for this test, real embedder."""

from __future__ import annotations

import pytest

from interviewer.scoring.scorer import Scorer
from tests.helpers import note_scorer

NETS = """# Neural networks

## Why depth matters
- Neural nets are good at solving non-linear problems, because each layer applies a non-linear activation.
- Without activations, stacked layers collapse into one linear map, so XOR would be out of reach.
- Training uses backpropagation to compute the gradient of the loss with respect to every weight.
"""
ENSEMBLES = """# Ensembles

## Bagging versus boosting
- Bagging trains deep trees in parallel on bootstrap samples and averages them, which mainly reduces variance.
- Boosting trains shallow trees sequentially on the errors so far, which mainly reduces bias.
- Choose the number of boosting rounds with early stopping on a validation set.
"""
EXPERIMENTS = """# Experiment guardrails

## Long-term holdout
- Keep a long-term holdout of 3% of users who never see new features, to measure cumulative impact.
- Check calibration before using predicted probabilities to set business thresholds.
"""
NET_QUESTION = "Why can neural networks model non-linear relationships?"
ENSEMBLE_QUESTION = "How do bagging and boosting differ, and what does each one reduce?"
HOLDOUT_QUESTION = "How large a long-term holdout would you keep to measure cumulative impact?"


@pytest.fixture(scope="module")
def scorer(tmp_path_factory: pytest.TempPathFactory) -> Scorer:
    notes = {"nets.md": NETS, "ensembles.md": ENSEMBLES, "experiments.md": EXPERIMENTS}
    return note_scorer(tmp_path_factory.mktemp("claims"), notes, reference_chunks=2)


def test_a_fluent_wrong_answer_is_flagged_unsure_earns_nothing_and_scores_below_a_correct_partial_one(
    scorer: Scorer,
) -> None:
    wrong = (
        "Neural networks are fundamentally linear models: stacking layers still composes to a single linear "
        "function, so a feed-forward network cannot solve non-linear problems such as XOR."
    )
    partial = "Each layer applies a non-linear activation, so the network can represent non-linear functions."
    result = scorer.score(NET_QUESTION, wrong, kind="deep-dive", level=2)
    assert not any("covers" in line for line in result.criterion("coverage").evidence)
    assert result.total < scorer.score(NET_QUESTION, partial, kind="deep-dive", level=2).total
    (claim,) = result.claims
    # The rule's flag is asked, not stated: unsure, quoting the note it may reverse, with its source.
    assert claim.verdict == "unsure" and claim.note and claim.note["source"].endswith("nets.md")
    assert "non-linear" in claim.note["text"] and "please check" in claim.reason


def test_a_correct_sentence_about_both_sides_of_a_contrast_is_not_swapped(scorer: Scorer) -> None:
    result = scorer.score(
        ENSEMBLE_QUESTION, "Bagging mainly reduces variance; boosting mainly reduces bias.", kind="deep-dive", level=2
    )
    assert result.contradictions == ()
    assert result.claims[0].verdict == "supported"


def test_a_range_containing_the_notes_figure_is_no_contradiction(scorer: Scorer) -> None:
    fits = "I'd keep a long-term holdout of 3-5% of users who never see new features."
    clashes = "I'd keep a long-term holdout of 40% of users who never see new features."
    assert scorer.score(HOLDOUT_QUESTION, fits, kind="deep-dive", level=3).contradictions == ()
    clash = scorer.score(HOLDOUT_QUESTION, clashes, kind="deep-dive", level=3)
    assert clash.contradictions == ()  # a rule's flag is unsure, never stated as fact
    assert any(c.verdict == "unsure" and "please check" in c.reason for c in clash.claims)
    assert not any(c.verdict == "unsure" for c in scorer.score(HOLDOUT_QUESTION, fits, level=3).claims)


def test_a_point_stated_almost_word_for_word_is_covered(scorer: Scorer) -> None:
    answer = "Pick n_estimators by early stopping on a separate validation split."
    result = scorer.score("How do you choose the number of boosting rounds?", answer, kind="deep-dive", level=2)
    covered = " ".join(result.criterion("coverage").evidence)
    assert "early stopping on a validation set" in covered


def test_reasons_given_with_because_or_so_count_as_reasoning(scorer: Scorer) -> None:
    answer = (
        "Bagging averages deep trees trained on bootstrap samples, so it mainly reduces variance. "
        "Boosting reduces bias because each shallow tree fits the errors so far."
    )
    reasoning = scorer.score(ENSEMBLE_QUESTION, answer, kind="deep-dive", level=2).criterion("reasoning")
    assert reasoning.score >= 0.5 and reasoning.descriptor != "states facts without reasons"


def test_every_answer_sentence_says_what_the_notes_make_of_it(scorer: Scorer) -> None:
    answer = (
        "Bagging trains deep trees in parallel on bootstrap samples and averages them. "
        "Boosting mainly increases variance. "
        "I would also log every experiment in a shared spreadsheet."
    )
    result = scorer.score(ENSEMBLE_QUESTION, answer, kind="deep-dive", level=2)
    verdicts = [claim.verdict for claim in result.claims]
    assert verdicts == ["supported", "unsure", "not_in_notes"]
    assert result.claims[1].note and "bias" in result.claims[1].note["text"]
    assert result.claims[2].reason == "not in your notes: yours to check"
    assert [c["sentence"] for c in result.to_json()["claims"]] == [c.sentence for c in result.claims]


@pytest.mark.parametrize("answer", ["I don't really know what you mean.", "Could you repeat the question?"])
def test_evasions_score_at_most_0_1_and_say_so(scorer: Scorer, answer: str) -> None:
    result = scorer.score(ENSEMBLE_QUESTION, answer, kind="deep-dive", level=2)
    assert result.evasive and result.total <= 0.1


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("x = 1", False),
        ("a, b = f()", False),
        ("self.n: int = 3", False),
        ("df['a'] = df.b * 2", False),
        ("model.fit(X, y)", False),
        ("A: Compare the change: effect = (treated after - treated before) - (control after - control before).", True),
        ("- Bonferroni example: 10 metrics at alpha = 0.05 means each needs p < 0.005.", True),
        ("Precision = TP / (TP + FP)", True),
        ("- F1 = 2PR/(P+R)", True),
        ("n ≈ 16σ²/δ² per group", True),
        ("y_hat = model.predict(X) * 2", False),
        ("scores = df['a'] + df['b']", False),
        ("total = a - b == c", False),
    ],
)
def test_prose_with_an_equals_sign_is_kept_and_code_is_dropped(line: str, kept: bool) -> None:
    from interviewer.scoring.keypoints import prose

    assert bool(prose(line)) is kept
