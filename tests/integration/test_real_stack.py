"""Integration: the real embedder finds the right note; the real embedded model writes text."""

from __future__ import annotations

import pytest
from langchain_core.messages import HumanMessage

from interviewer.app import App
from interviewer.app.doctor import run_checks

# Hand-written queries, phrased the way a candidate thinks, not copied from the notes.
QUERIES = [
    ("which penalty makes some coefficients exactly zero", "ml/regularization_l1_l2.md"),
    ("how many users do I need per arm to detect a 1% lift", "experimentation/ab_test_design_power.md"),
    ("checking results every day and stopping when significant", "experimentation/ab_test_pitfalls.md"),
    ("controlling false discoveries when testing many metrics", "experimentation/multiple_testing.md"),
    ("rank rows within each group and keep the top three per customer", "sql/window_functions.md"),
    ("NOT IN with a subquery that returns a null", "sql/sql_null_handling.txt"),
    ("filter on an aggregate after grouping", "sql/aggregation_group_by_having.md"),
    ("sum of many independent draws looks normal", "statistics/central_limit_theorem.txt"),
    ("predicted probabilities do not match observed frequencies, reliability diagram", "evaluation/calibration.ipynb"),
    ("choosing k with the elbow method and silhouette score", "ml/kmeans_clustering.ipynb"),
    ("future information sneaking into training features", "ml/feature_engineering_leakage.md"),
    ("subscribers cancelling, retention offers, who will leave next month", "cases/churn_prediction.md"),
    ("card transactions flagged in real time with very few positives", "cases/fraud_detection.md"),
    ("how many units each store will sell next week", "cases/demand_forecasting.md"),
    ("validation folds for time-ordered data", "evaluation/cross_validation.md"),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_search_finds_the_expected_note(real_app: App, query: str, expected: str) -> None:
    hits = real_app.store.search(query, k=3)
    sources = [hit.chunk.source.replace("\\", "/") for hit in hits]
    assert any(source.endswith(expected) for source in sources), sources


def test_search_results_are_best_first(real_app: App) -> None:
    hits = real_app.store.search("precision and recall as the threshold moves", k=5)
    similarities = [hit.similarity for hit in hits]
    assert similarities == sorted(similarities, reverse=True) and 0 < similarities[0] <= 1


def test_embedded_model_generates_and_streams(real_app: App) -> None:
    model = real_app.chat_model
    reply = model.invoke([HumanMessage(content="Name one metric for a classifier.")], max_tokens=24)
    assert isinstance(reply.content, str) and reply.content.strip()
    pieces = [str(chunk.content) for chunk in model.stream([HumanMessage(content="Say hello.")], max_tokens=12)]
    assert len(pieces) >= 2 and "".join(pieces).strip()


def test_doctor_passes_on_the_embedded_defaults(real_app: App) -> None:
    checks = run_checks(real_app)
    assert all(check.ok for check in checks), checks
