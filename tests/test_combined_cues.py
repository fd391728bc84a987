"""A symptom is explained only by statements about it: the effective sample size of importance weights says nothing
about a test's power, and errors clustered by user say nothing about variance that grows with size (both blind
raters, round 72). Notes made up for the test."""

from __future__ import annotations

from interviewer.interview.combined import combined_items, load_repertoire
from interviewer.interview.statement_pool import statement_items
from tests.helpers import chunks_of

WEIGHTS = """# Off-policy evaluation from logs

- Importance weights blow up when the new policy picks actions the old one rarely took.
- Report the effective sample size ESS = (sum of weights) squared over the sum of squared weights.
- Your effective sample size is much closer to the number of users than to the number of sessions when users repeat.
- Clipping the weights trades variance for bias, so report the clipped and unclipped estimates side by side.
"""

CLUSTERS = """# Ratio metrics when you randomise users

- Randomisation unit is the user, so the variance has to be computed at the user level, never per session.
- The regression coefficient is the difference in pooled ratios, and the cluster-robust sandwich SE matches the delta
  method in large samples.
- Cluster-robust standard errors need a reasonable number of clusters, or the p-values come out too small.
"""

POWER = """# Power

- An underpowered test cannot tell a small effect from none: compute the minimum detectable effect before launch.
- Not significant is not the same as no effect: report the confidence interval and what effects it rules out.
"""


def _concepts(notes: dict[str, str]) -> set[str]:
    statements = [item for name, text in notes.items() for c in chunks_of(name, text) for item in statement_items(c)]
    return {item.concept for item in combined_items(statements, load_repertoire()) if item.kind == "diagnosis"}


def test_an_effective_sample_size_of_weights_explains_no_null_result_but_power_does() -> None:
    assert "no effect found" not in _concepts({"ips.md": WEIGHTS, "ratios.md": CLUSTERS})
    assert "no effect found" in _concepts({"power.md": POWER, "ips.md": WEIGHTS})


def test_errors_clustered_by_user_explain_no_variance_that_grows_with_size() -> None:
    assert "errors that grow with size" not in _concepts({"ratios.md": CLUSTERS, "ips.md": WEIGHTS})


def test_a_pointer_to_other_notes_is_no_statement_to_score() -> None:
    from interviewer.interview.card_items import statements_of

    text = (
        "See also: regularised logistic for the hazard model (05), and scaling for k-means (03). Ridge shrinks every "
        "coefficient towards zero but never sets one to zero. Related: the stockout-censoring point from note 03 "
        "applies here too. Links: note 06 for control charts."
    )
    assert statements_of(text) == ["Ridge shrinks every coefficient towards zero but never sets one to zero."]


def test_where_and_having_in_prose_are_no_sql_clauses_turned_round() -> None:
    # A trial user asked "when it launched, where, and who chose where"; the card said the answer "names having where
    # the notes name where".
    from interviewer.scoring.verdicts import polarity_differs

    note = "Before touching any numbers, ask when it launched, where, and who chose where, then check pre-trends."
    said = "Having asked when it launched and who chose the first branches, I would check the pre-trends."
    assert polarity_differs(said, note) == ""


SPLITS_TXT = """# Split criteria

## Gini vs entropy
- Gini impurity needs no logarithm, so Gini is slightly faster to compute when growing the tree.
- Entropy penalises small-probability classes a bit more, so entropy can prefer purer splits on imbalanced data.
"""


def test_what_training_costs_is_no_serving_budget() -> None:
    # "Predictions must be served in a few milliseconds ... Gini or entropy?": the criterion only changes training
    # (both raters, round 74).
    from interviewer.interview.combined import combined_items, load_repertoire

    statements = [item for c in chunks_of("splits.md", SPLITS_TXT) for item in statement_items(c)]
    decisions = [i for i in combined_items(statements, load_repertoire()) if i.kind == "decision"]
    assert not any("milliseconds" in i.question for i in decisions), [i.question for i in decisions]


CLICKS = """# Position bias in clicks

- Once you have examination propensities per position, debias learning with inverse propensity weighting of clicks.
- Randomising the top results for a small share of traffic gives unbiased estimates of the examination propensity.
- A shadow deployment lets you compare two rankers' outputs on live traffic by their top-k overlap.
"""

SPILLOVER = """# Interference

- Compare near-fully treated units with near-fully control units, weighted by the inverse probability of that exposure.
- Randomising by cluster removes most spillover between treated and control users.
"""

OBSERVATIONAL = """# Causal effects from observational data

- Users who self-select into a feature differ from those who do not, so the raw comparison is confounded.
- Propensity scores with poor overlap give exploding inverse probability weights: trim or use overlap weights.
"""

ASSIGNMENT = """# Experiment assignment

- Run an SRM check before reading any result: a chi-square test of the arm counts against the planned split.
- A bucketing bug that hashes on session instead of user puts returning users in both arms.
"""

ICC = """# Clustered variance

- Estimate the intraclass correlation from a one-way ANOVA on pre-period data, not from the experiment itself.
- Comparing an A/B test arm by days to purchase among buyers conditions on a post-treatment outcome.
"""

CUPED = """# Variance reduction

- CUPED adjusts the metric with a pre-period covariate, which must be unaffected by the treatment.
- A covariate measured after the experiment started can absorb part of the effect and flip its sign.
"""


def test_click_propensities_and_ranker_overlap_explain_no_confounded_comparison_but_self_selection_does() -> None:
    assert "confounded comparison" not in _concepts({"clicks.md": CLICKS, "spill.md": SPILLOVER})
    assert "confounded comparison" in _concepts({"obs.md": OBSERVATIONAL, "spill.md": SPILLOVER})


def test_arms_that_differ_are_explained_by_assignment_never_by_interference() -> None:
    assert "unbalanced arms" not in _concepts({"spill.md": SPILLOVER, "clicks.md": CLICKS})
    assert "unbalanced arms" in _concepts({"assign.md": ASSIGNMENT, "spill.md": SPILLOVER})


def test_an_adjusted_estimate_is_explained_only_with_a_statement_about_adjusting() -> None:
    assert "adjusted estimate that moved" not in _concepts({"icc.md": ICC, "spill.md": SPILLOVER})
    assert "adjusted estimate that moved" in _concepts({"cuped.md": CUPED, "icc.md": ICC})


SHAP = """# Explaining predictions

- SHAP says what drove this prediction; it does not say what would change if you intervened on a feature.
- A strong predictor need not be a lever: changing the feature need not change the outcome, because it may only be
  correlated with the cause.
"""

CALENDAR = """# Year-over-year comparisons

- Compare 364 days back so weekdays line up; a calendar-date year-over-year compares a Tuesday with a Wednesday.
- Easter is a moving holiday, so year-over-year sales for March and April swing with where it falls.
"""


def test_a_strong_predictor_read_as_a_lever_and_a_calendar_that_moves_sales_are_hard_questions() -> None:
    concepts = _concepts({"shap.md": SHAP, "yoy.md": CALENDAR})
    assert {"an explanation read as a lever", "a year-over-year change that is the calendar"} <= concepts, concepts
    assert "an explanation read as a lever" not in _concepts({"yoy.md": CALENDAR, "power.md": POWER})


SKEW = """# Training/serving skew

- Null handling: training fills NaN with the median, serving fills with 0.
- Feature code written twice, once in SQL and once in the service, drifts apart.
"""

ATTENTION = """# Attention internals

- With d_k = 128 the logits have std ~11, softmax saturates to nearly one-hot, and gradients through it are close to
  zero.
- Scaling by the square root of d_k keeps the logits near unit variance.
"""


def test_a_loss_that_turns_into_nan_is_not_explained_by_a_fill_value_and_a_saturated_softmax() -> None:
    # Each line meets one cue ('nan', 'saturat') and what the symptom is about ('train', 'gradient'); together they
    # never say why a loss diverges (both blind raters, round 83).
    assert "training that will not converge" not in _concepts({"skew.md": SKEW, "attention.md": ATTENTION})
