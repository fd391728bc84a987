"""The claim matcher on fixed similarity matrices: support, contradiction, 'not in your notes', windows."""

from __future__ import annotations

import json

import numpy as np
import pytest

from interviewer.core.score import ClaimCheck, CriterionScore, ScoreResult
from interviewer.scoring.claims import Relation, match_claims
from interviewer.scoring.pitfalls import answered_question, is_pitfall

POINTS = [
    "Neural nets are good at solving non-linear problems.",
    "Bagging mainly lowers variance, boosting mainly lowers bias.",
    "Hold out 3% of traffic as a long-term control.",
]


def _relations(answer: list[str], similarity: float = 0.7) -> list[Relation]:
    sim = np.full((len(answer), len(POINTS)), similarity, dtype=np.float32)
    return [claim.relation for claim in match_claims(answer, POINTS, sim).sentences]


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        ("A feed-forward network cannot solve non-linear problems such as XOR.", Relation.CONTRADICTED),
        (
            "Neural networks are fundamentally linear models: stacking layers still composes to a single linear "
            "function, so a feed-forward network cannot solve non-linear problems such as XOR.",
            Relation.CONTRADICTED,
        ),
        ("Bagging mainly reduces variance; boosting mainly reduces bias.", Relation.SUPPORTED),
        ("Bagging mainly lowers bias, boosting mainly lowers variance.", Relation.CONTRADICTED),
        ("I'd hold out 3-5% of traffic as a long-term control.", Relation.SUPPORTED),
        ("I'd hold out 30% of traffic as a long-term control.", Relation.CONTRADICTED),
    ],
)
def test_sentences_that_reverse_a_point_are_contradictions(sentence: str, relation: Relation) -> None:
    assert _relations([sentence]) == [relation]


def test_a_sentence_far_from_every_point_is_not_in_the_notes() -> None:
    assert _relations(["Transformers use attention over all tokens."], similarity=0.2) == [Relation.NOT_IN_NOTES]


def test_a_contradiction_needs_the_sentences_to_be_about_the_same_thing() -> None:
    # Same words reversed, but the embedder says the sentences are unrelated: no contradiction is claimed.
    assert _relations(["A feed-forward network cannot solve non-linear problems."], similarity=0.1) == [
        Relation.NOT_IN_NOTES
    ]


def test_a_contradicting_sentence_covers_nothing_and_two_adjacent_sentences_can_cover_a_point() -> None:
    answer = ["Networks cannot solve non-linear problems.", "Bagging helps.", "It lowers variance."]
    sim = np.array([[0.8, 0.1, 0.1], [0.2, 0.5, 0.1], [0.2, 0.5, 0.1]], dtype=np.float32)
    window = np.array([[0.3, 0.3, 0.1], [0.2, 0.75, 0.1]], dtype=np.float32)
    claims = match_claims(answer, POINTS, sim, window)
    assert claims.point_sentence[0] != 0 and claims.point_strength[0] < 0.45  # only the unrelated sentences
    assert claims.point_strength[1] >= 0.75 > float(sim[:, 1].max())
    assert claims.contradicted() == {0}


@pytest.mark.parametrize(
    ("text", "heading", "pitfall"),
    [
        ("Fitting scalers on the full dataset before splitting.", "Leakage > Pitfalls", True),
        ("Avoid tuning on the test set.", "Evaluation", True),
        ("Fit scalers on the training fold only.", "Leakage > How to prevent it", False),
    ],
)
def test_pitfall_statements_are_recognised(text: str, heading: str, pitfall: bool) -> None:
    assert is_pitfall(text, heading) is pitfall


def test_recommending_a_pitfall_contradicts_it_and_warning_about_it_does_not() -> None:
    point = ["Fitting scalers and imputers on the full dataset before splitting."]
    sim = np.full((1, 1), 0.7, dtype=np.float32)
    endorse = ["It's best practice to fit scalers and imputers on the full dataset before splitting."]
    warn = ["A classic leak is fitting scalers and imputers on the full dataset before splitting."]
    assert match_claims(endorse, point, sim, pitfalls=[True]).sentences[0].relation is Relation.CONTRADICTED
    assert match_claims(warn, point, sim, pitfalls=[True]).sentences[0].relation is Relation.SUPPORTED


def test_a_question_the_note_answers_no_is_denied() -> None:
    point = '"Is k-means guaranteed to find the best clustering?": no, it converges to a local minimum.'
    assert answered_question(point) is not None
    sim = np.full((1, 1), 0.7, dtype=np.float32)
    claims = match_claims(["K-means is guaranteed to find the best clustering."], [point], sim)
    assert claims.sentences[0].relation is Relation.CONTRADICTED


def test_the_claims_are_in_the_json_and_the_old_keys_keep_their_shape() -> None:
    criterion = CriterionScore("coverage", "Coverage", 0.5, 0.5, "some", ("a",), ({"text": "t"},))
    note = {"text": "Bagging lowers variance.", "source": "notes/ensembles.md", "heading": "Bagging", "chunk_id": "c1"}
    claims = (
        ClaimCheck("Bagging lowers bias.", "contradicted", note, "takes the other side of bias/variance"),
        ClaimCheck("Trees are fun.", "not_in_notes", None, "not in your notes: yours to check"),
    )
    document = json.loads(json.dumps(ScoreResult(0.4, (criterion,), (), "deep-dive-2", 0.8, claims=claims).to_json()))
    assert {"total", "criteria", "sources"} <= document.keys()
    assert set(document["criteria"][0]) >= {"name", "score", "weight", "evidence", "missing"}
    assert document["claims"][0] == {
        "sentence": "Bagging lowers bias.",
        "verdict": "contradicted",
        "note": note,
        "reason": "takes the other side of bias/variance",
    }
    assert document["claims"][1]["note"] is None


def test_a_short_clause_that_reverses_part_of_a_longer_note_clause_is_a_contradiction() -> None:
    point = ["Boosting trains models sequentially on the errors and mainly reduces bias."]
    sim = np.full((2, 1), 0.7, dtype=np.float32)
    claims = match_claims(["Boosting trains trees in parallel.", "Boosting trains its trees sequentially."], point, sim)
    assert [c.relation for c in claims.sentences] == [Relation.CONTRADICTED, Relation.SUPPORTED]
