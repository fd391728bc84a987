"""The scorer on the labelled set with the real embedder: the targets it reaches are asserted here so they
cannot regress; targets not reached yet are asserted at their current level (a floor, not the target)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from interviewer.app import App
from interviewer.cli import main
from interviewer.scoring.judge import load_calibration
from interviewer.scoring.quality import Quality, measure_quality
from tests.conftest import ROOT

LABELLED = ROOT / "tests" / "data" / "graded_answers.jsonl"


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def scored(real_app: App) -> tuple[list[dict[str, object]], list[float]]:
    rows = _rows()
    scores = [
        real_app.scorer.score(
            str(r["question"]), str(r["answer"]), kind=r["kind"], level=r["level"], stage=r["stage"]
        ).total  # type: ignore[arg-type]
        for r in rows
    ]
    return rows, scores


def _quality(scored: tuple[list[dict[str, object]], list[float]], split: str) -> Quality:
    rows, scores = scored
    chosen = [(r, s) for r, s in zip(rows, scores, strict=True) if split == "all" or r["split"] == split]
    return measure_quality([r for r, _ in chosen], [s for _, s in chosen])


def test_labelled_set_is_complete() -> None:
    rows = _rows()
    by_question: dict[str, set[str]] = {}
    for row in rows:
        by_question.setdefault(str(row["qid"]), set()).add(str(row["label"]))
    assert len(by_question) >= 25
    assert all(len(labels) == 7 for labels in by_question.values())
    assert {r["level"] for r in rows if r["kind"] == "deep-dive"} == {1, 2, 3, 4, 5}
    assert len({r["stage"] for r in rows if r["kind"] == "case"}) >= 6
    assert sum(r["split"] == "holdout" for r in rows) * 4 >= len(rows)


def test_off_topic_and_evasive_answers_score_at_most_0_1(scored: tuple[list[dict[str, object]], list[float]]) -> None:
    assert _quality(scored, "all").gated_max <= 0.1


def test_strong_answers_reach_the_top_band(scored: tuple[list[dict[str, object]], list[float]]) -> None:
    assert _quality(scored, "all").strong_mean >= 0.7


def test_ordering_floors(scored: tuple[list[dict[str, object]], list[float]]) -> None:
    # Targets: 0.98 and 0.90. Floors at the level reached when this test was written (see the closing note).
    # Issue 20 moved "above wrong" from 0.80 / 0.65 to 0.774 / 0.661: a rule's "wrong way round" flag is not certain
    # (it fired on correct held-out answers), so it now earns nothing but costs nothing until the candidate confirms
    # it; a wrong answer's confirmed score is where it falls (tests/test_review_loop.py, bench.review_loop).
    tune, everything = _quality(scored, "tune"), _quality(scored, "all")
    assert tune.ladder_pairs >= 0.98 and everything.ladder_pairs >= 0.96
    assert tune.above_wrong_pairs >= 0.77 and everything.above_wrong_pairs >= 0.65


def test_holdout_split_floors_on_its_own(scored: tuple[list[dict[str, object]], list[float]]) -> None:
    # The held-out split is never tuned on; its own floors, so a good tuning split cannot hide its failures.
    # Reached when written: ladder 39/42 (before the claim matcher 40/42), above wrong 0.357 (before 0.25); 0.321
    # since issue 20 made a rule's uncertain flag cost nothing until it is confirmed.
    holdout = _quality(scored, "holdout")
    assert holdout.ladder_pairs >= 0.92
    assert holdout.above_wrong_pairs >= 0.32
    assert holdout.strong_mean >= 0.55
    assert holdout.gated_max <= 0.1


def test_scores_are_stable_across_runs(real_app: App, scored: tuple[list[dict[str, object]], list[float]]) -> None:
    rows, scores = scored
    for row, score in list(zip(rows, scores, strict=True))[::17]:
        again = real_app.scorer.score(
            str(row["question"]), str(row["answer"]), kind=row["kind"], level=row["level"], stage=row["stage"]
        )  # type: ignore[arg-type]
        assert again.total == score


def test_calibrate_with_the_embedded_model_stores_a_weight(real_app: App, tmp_path: Path) -> None:
    subset = tmp_path / "subset.jsonl"
    rows = [r for r in _rows() if r["qid"] in ("t02", "t10", "t15")]
    subset.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = io.StringIO()
    env = {"INTERVIEWER_HOME": str(real_app.settings.home), "INTERVIEWER_THREADS": "2"}
    assert main(["calibrate", "--data", str(subset), "--json"], env=env, out=out) == 0
    document = json.loads(out.getvalue())
    stored = load_calibration(real_app.calibration_path, real_app.model_id)
    assert stored is not None and stored.weight == document["weight"]
    assert stored.answers == 21
    # A model earns a weight only by ordering the labelled answers strictly better than the evidence alone.
    evidence = stored.evidence_ladder + stored.evidence_above_wrong
    blended = stored.blended_ladder + stored.blended_above_wrong
    assert (stored.weight == 0.0 and blended == evidence) or (stored.weight > 0.0 and blended > evidence)
    real_app.calibration_path.unlink()
