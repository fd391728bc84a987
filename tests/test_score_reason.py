"""Why a score is low, in one line, from what the saved score holds: one table of cases, one row per reason."""

from __future__ import annotations

from typing import Any

import pytest

from interviewer.core.score import CriterionScore, ScoreResult
from interviewer.reports.score_reason import LOW_SCORE, ReasonKind, why_low

FRAUD_NOTE = {
    "text": "With 0.1% fraud, a model that never flags fraud is 99.9% accurate: accuracy says nothing here.",
    "source": "cases/fraud.md",
    "heading": "Case Study: Fraud > Evaluation",
    "chunk_id": "f1",
}
MISSED = [
    {"text": "Use precision and recall at a fixed review budget.", "source": "cases/fraud.md", "heading": "Metrics"},
    {"text": "PR-AUC suits rare positives better than ROC-AUC.", "source": "cases/fraud.md", "heading": "Metrics"},
]


def score(total: float, **fields: Any) -> dict[str, Any]:
    """A saved score in its JSON form, with only the fields a case needs."""
    document: dict[str, Any] = {
        "total": total,
        "relevance": 0.8,
        "evasive": False,
        "contradictions": [],
        "key_points": [*MISSED, {"text": "Calibrate the scores.", "source": "cases/fraud.md", "heading": "Metrics"}],
        "criteria": [
            {"name": "coverage", "label": "Coverage of key points", "score": 0.2, "weight": 0.5,
             "descriptor": "few key points", "evidence": [], "missing": MISSED},
            {"name": "reasoning", "label": "Reasoning and trade-offs", "score": 0.1, "weight": 0.2,
             "descriptor": "states without reasons", "evidence": [], "missing": []},
        ],
    }  # fmt: skip
    document.update(fields)
    return document


NO_MISSING = [
    {"name": "coverage", "label": "Coverage", "score": 0.9, "weight": 0.5, "descriptor": "all key points",
     "missing": []},
    {"name": "reasoning", "label": "Reasoning and trade-offs: why", "score": 0.05, "weight": 0.2,
     "descriptor": "no reasons given", "missing": []},
    {"name": "structure", "label": "Structure", "score": 0.6, "weight": 0.3, "descriptor": "clear", "missing": []},
]  # fmt: skip


@pytest.mark.parametrize(
    ("document", "kind", "text"),
    [
        pytest.param(score(0.9), None, None, id="a good score needs no reason"),
        pytest.param(score(LOW_SCORE), None, None, id="at the threshold: not low"),
        pytest.param(
            score(0.02, evasive=True, relevance=0.1, contradictions=[{"answer": "x", **FRAUD_NOTE}]),
            ReasonKind.NO_ATTEMPT,
            "no attempt at the question (not knowing, asking again or deflecting earns nothing): "
            "say what you do know, even in part",
            id="evasive comes first",
        ),
        pytest.param(
            score(0.001, contradictions=[{"answer": "Accuracy above 99% is good enough.", "edit": "99", **FRAUD_NOTE}]),
            ReasonKind.CONTRADICTS,
            'contradicts your notes, which say "With 0.1% fraud, a model that never flags fraud is 99.9% accurate: '
            'accuracy says nothing here." (cases/fraud.md › Case Study: Fraud > Evaluation)',
            id="the fraud case: the contradicted note, quoted with its source",
        ),
        pytest.param(
            score(0.2, contradictions=[{"answer": "a", **FRAUD_NOTE}, {"answer": "b", "text": "other", "source": "s"}]),
            ReasonKind.CONTRADICTS,
            'contradicts your notes (and 1 more), which say "With 0.1% fraud, a model that never flags fraud is '
            '99.9% accurate: accuracy says nothing here." (cases/fraud.md › Case Study: Fraud > Evaluation)',
            id="several contradictions: the first, and how many more",
        ),
        pytest.param(
            score(0.08, relevance=0.12),
            ReasonKind.OFF_QUESTION,
            "off the question: the answer is about something else",
            id="off the question",
        ),
        pytest.param(
            score(0.3),
            ReasonKind.MISSING,
            'misses 2 of 3 key points, first "Use precision and recall at a fixed review budget." '
            "(cases/fraud.md › Metrics)",
            id="missing points, the most important quoted with its source",
        ),
        pytest.param(
            score(0.5, criteria=NO_MISSING, key_points=[]),
            ReasonKind.WEAK_CRITERION,
            "weakest on reasoning and trade-offs (0.05): no reasons given",
            id="nothing missing: the weakest criterion and what its score means",
        ),
        pytest.param(score(0.3, criteria=[], key_points=[]), None, None, id="nothing to say: no invented reason"),
    ],
)
def test_why_a_score_is_low(document: dict[str, Any], kind: ReasonKind | None, text: str | None) -> None:
    reason = why_low(ScoreResult.from_json(document))
    assert (reason.kind if reason else None, reason.text if reason else None) == (kind, text)
    if reason is not None:
        assert "\n" not in reason.text


def test_a_long_note_is_quoted_on_one_shortened_line() -> None:
    long_note = {**FRAUD_NOTE, "text": "word\nafter word " * 60}
    reason = why_low(ScoreResult.from_json(score(0.1, contradictions=[{"answer": "a", **long_note}])))
    assert reason is not None and "\n" not in reason.text and "…" in reason.text and len(reason.text) < 260


def test_points_the_machine_is_unsure_of_are_never_called_missed() -> None:
    from interviewer.core.score import PointCheck, point_id

    def point(text: str, sure: bool) -> PointCheck:
        return PointCheck(point_id(text), text, "ts.md", "Time series", "c1", "missed", sure)

    sure_miss, maybe = point("Autocorrelation measures it.", True), point("Autoregressive models use lags.", False)
    missing = ({"text": sure_miss.text, "source": "ts.md", "heading": "Time series"},
               {"text": maybe.text, "source": "ts.md", "heading": "Time series"})  # fmt: skip
    coverage = CriterionScore("coverage", "Coverage", 0.2, 0.5, "", missing=missing)
    score = ScoreResult(0.3, (coverage,), (), "deep-dive-3", 0.8, points=(sure_miss, maybe))
    reason = why_low(score)
    assert reason is not None and reason.kind is ReasonKind.UNSURE
    assert reason.text == (
        "misses 1 of 2 key points for certain; the machine is unsure of 1 point (your words may say it differently): "
        "check it in the review: what you confirm there replaces this estimate"
    )


def test_a_score_the_relevance_gate_cut_says_so_before_the_points_it_is_unsure_of() -> None:
    # A trial user's correct answer scored 0.04 after "x0.41: only partly about the question (relevance 0.40)", and
    # was told only that the machine was unsure of four points.
    from interviewer.core.score import PointCheck, point_id

    maybe = PointCheck(point_id("Use the not-yet-treated branches."), "Use the not-yet-treated branches.", "c.md", "",
                       "c1", "missed", False)  # fmt: skip
    coverage = CriterionScore("coverage", "Coverage", 0.3, 1.0, "")
    reason = why_low(ScoreResult(0.04, (coverage,), (), "case", 0.40, points=(maybe,)))
    assert reason is not None and reason.kind is ReasonKind.OFF_QUESTION
    assert reason.text.startswith("only partly about the question as the machine reads it (relevance 0.40 kept 40%")
    # On the question, the unsure points are the reason.
    on_topic = why_low(ScoreResult(0.3, (coverage,), (), "case", 0.8, points=(maybe,)))
    assert on_topic is not None and on_topic.kind is ReasonKind.UNSURE
