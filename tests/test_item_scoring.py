"""A question built from an item is scored on exactly the item's points; old saved questions still load and score."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.core.domain import Question
from interviewer.ingest.pipeline import ingest
from interviewer.scoring.keypoints import KeyPoint
from interviewer.scoring.rubric import load_rubrics
from interviewer.scoring.scorer import Scorer
from interviewer.storage.embeddings import FakeEmbedder


@pytest.fixture
def scorer(fake_app: App, tmp_path: Path) -> Scorer:
    note = tmp_path / "trees.md"
    note.write_text(
        "# Trees\n\n## Notes\n\n- Bagging averages deep trees fitted on bootstrap samples to cut variance.\n"
        "- Boosting fits shallow trees one after another on the errors so far to cut bias.\n"
        "- Random forests also sample a subset of features at every split.\n",
        encoding="utf-8",
    )
    ingest([str(note)], fake_app.store, 10**8)
    return Scorer(FakeEmbedder(), fake_app.store, load_rubrics())


def test_given_points_are_the_key_points_all_of_them_in_order(scorer: Scorer) -> None:
    chunks = scorer.store.chunks() if scorer.store else []
    points = [
        KeyPoint("Boosting fits shallow trees one after another on the errors so far to cut bias.", "t", "h", "c")
    ]
    result = scorer.score("What does boosting do?", "Bagging averages deep trees.", reference=chunks, level=2,
                          points=points)  # fmt: skip
    coverage = next(c for c in result.to_json()["criteria"] if c["name"] == "coverage")
    missing = [m["text"] for m in coverage["missing"]]
    assert missing == [points[0].text]  # the bagging and forest bullets are not asked, so never missing
    covered = scorer.score("What does boosting do?", points[0].text, reference=chunks, level=2, points=points)
    assert covered.total > result.total


def test_without_points_the_chunks_key_points_are_used_as_before(scorer: Scorer) -> None:
    chunks = scorer.store.chunks() if scorer.store else []
    result = scorer.score(
        "What do bagging, boosting and random forests do?", "Bagging averages.", reference=chunks, level=2
    )
    coverage = next(c for c in result.to_json()["criteria"] if c["name"] == "coverage")
    assert len(coverage["missing"]) >= 2


def test_an_old_saved_question_without_item_fields_loads_with_defaults() -> None:
    saved = {
        "turn": 1, "text": "q", "kind": "deep-dive", "topic": "T", "level": 2, "stage": None, "follow_up": False,
        "hint": False, "root_turn": 1, "sources": [{"source": "s", "heading": "h", "chunk_id": "c"}],
    }  # fmt: skip
    question = Question.from_dict(saved)
    assert question.points == () and question.item_kind == "" and question.notice == ""
    new = Question(2, "q2", "deep-dive", "T", 3, points=("a point",), item_kind="rule", notice="said once")
    assert Question.from_dict(new.to_dict()) == new
