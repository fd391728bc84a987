"""Hard questions on common final-round topics the repertoire lacked (round 60: notes on collinearity and
confounding, t-SNE, sketches, label shift, object detection, linear programming and deep tabular models gave two hard
questions between them, both about words that only looked alike). Each symptom is asked when two statements of the
notes answer it, and scored on exactly those."""

from __future__ import annotations

import pytest

from interviewer.interview.combined import combined_items, load_repertoire
from tests.test_combined import items_of, statements_of

TOPICS = {
    "coefficient that flips sign": (
        "# Collinear predictors\n\n## Notes\n"
        "- A high VIF means the coefficient is unstable: its standard error grows with the square root of the VIF.\n"
        "- With two collinear predictors the regression can flip the sign of a coefficient between samples.\n",
        "# Confounding in regressions\n\n## Notes\n"
        "- Omitted-variable bias: leaving out a confounder that drives both treatment and outcome biases the "
        "coefficient.\n"
        "- A bad control is a covariate measured after the treatment; controlling for it biases the estimate.\n",
    ),
    "clusters read off a 2-D map": (
        "# Embedding plots\n\n## Notes\n"
        "- t-SNE does not preserve cluster sizes: dense clusters are expanded and sparse ones shrunk in the plot.\n"
        "- Distances between clusters in a t-SNE plot mean little; only local neighbour structure is kept.\n"
        "- Perplexity sets roughly how many neighbours each point considers, so clusters appear and vanish with it.\n",
        "# UMAP\n\n## Notes\n"
        "- UMAP keeps more global structure than t-SNE, mostly because of its spectral initialisation of the "
        "embedding.\n",
    ),
    "unique counts that do not add up": (
        "# Counting uniques\n\n## Notes\n"
        "- Summing daily unique users to get weekly unique users double counts everyone active on several days.\n"
        "- HyperLogLog sketches are mergeable: the union of two daily sketches gives the distinct count of both "
        "days.\n",
        "# Warehouse tables\n\n## Notes\n"
        "- Store the sketch per day in the table, and merge the sketches at query time for any longer window.\n",
    ),
    "precision that falls with prevalence": (
        "# Label shift\n\n## Notes\n"
        "- Under label shift the class prevalence changes while the scores given each class stay the same.\n"
        "- When prevalence falls, precision at a fixed threshold falls too, even though recall stays put.\n"
        "- Adjust the predicted probabilities with the ratio of the new to the old prior odds of the class.\n",
        "# Thresholds\n\n## Notes\n"
        "- A threshold chosen at one base rate gives a different precision at another base rate.\n",
    ),
    "detector that scores well and misses": (
        "# Detection metrics\n\n## Notes\n"
        "- mAP averages precision over classes and IoU thresholds, so a gain on large objects can hide losses on "
        "small ones.\n"
        "- Report AP per class and per object size, because small objects have the lowest IoU for the same box "
        "error.\n",
        "# Dense scenes\n\n## Notes\n"
        "- On crowded shelves the maxDets cap on detections per image silently limits recall.\n",
    ),
    "what more budget would buy": (
        "# Allocation with linear programming\n\n## Notes\n"
        "- The shadow price of a binding constraint is what one more unit of that budget or capacity adds to the "
        "objective.\n"
        "- A constraint with slack has a shadow price of zero, so more capacity there buys nothing.\n"
        "- Shadow prices only hold for small changes: past a point another constraint binds and the price changes.\n",
        "# Planning\n\n## Notes\n- Integer programming gives no clean dual values, so read shadow prices from the LP "
        "relaxation with care.\n",
    ),
    "network that beats the trees": (
        "# Deep learning on tables\n\n## Notes\n"
        "- Gradient-boosted trees still win on most tabular datasets of medium size, with far less tuning.\n"
        "- Compare models at the same tuning budget: a network given 200 tuning runs against the trees' 10 wins "
        "by search alone.\n",
        "# Categorical features\n\n## Notes\n"
        "- Learned embeddings for categorical features help a deep tabular network when categories number in the "
        "thousands.\n",
    ),
}


@pytest.mark.parametrize("symptom", sorted(TOPICS))
def test_a_common_topic_gets_its_hard_question_from_two_statements_of_the_notes(symptom: str) -> None:
    first, second = TOPICS[symptom]
    notes = {"a.md": first, "b.md": second}
    pool = items_of(notes) + statements_of(notes)
    items = [i for i in combined_items(pool, load_repertoire()) if i.concept == symptom]
    assert items, symptom
    text = first + second
    for item in items:
        assert len(item.points) >= 2 and all(point in text for point in item.points)
        assert max(item.levels) >= 4


def test_a_joint_effect_is_no_join_that_inflates_revenue() -> None:
    # "Report the joint effect ..." in a regression note and a sketch's "grain" made a revenue-reconciliation
    # question that no note answered (both raters, round 60).
    notes = {
        "collinear.md": "# Collinear predictors\n\n## Notes\n- Report the joint effect of the two correlated "
        "predictors with its standard error, not each coefficient alone.\n",
        "sketches.md": "# Sketches\n\n## Notes\n- Store mergeable sketches at the finest grain and roll them up at "
        "query time.\n",
    }
    items = combined_items(items_of(notes) + statements_of(notes), load_repertoire())
    assert not [i for i in items if i.concept == "numbers that do not add up"], [i.question for i in items]
